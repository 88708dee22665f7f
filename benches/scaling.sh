#!/usr/bin/env bash
# Directory throughput and thread scaling of `attrib check --format json`.
#
#   benches/scaling.sh [--mb N] [--runs N] [--seed N] [--dir DIR]
#
# Generates a corpus of N MB (default 50: several thousand articles of 2–12 KB, see
# benches/corpus/) into a temporary directory, or with `--dir` takes the articles already
# in DIR (a newsroom's own archive: what real copy costs), builds the release binary, then for 1, 2
# and `nproc` threads (RAYON_NUM_THREADS) runs
#   attrib check --format json --fail-level never DIR > /dev/null
# and the same with `--statistics` instead of `--format json` (the analysis without the
# JSON report), RUNS times each, and prints a Markdown table: MB/s (MB of 2^20 bytes) and files/s of the
# fastest run, peak RSS (the largest of the runs); last, a quarter of the corpus and the
# corpus's largest file alone on one thread, to compare peak RSS with the whole corpus's. Needs cargo and
# python3; peak RSS comes from /usr/bin/time -f %M when present, else from python3's
# os.wait4. Timings on a shared machine are noisy: the load average is printed with them.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=50
RUNS=3
SEED=1
DIR=""
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) MB=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --dir) DIR=$2; shift 2 ;;
        *) echo "usage: $0 [--mb N] [--runs N] [--seed N] [--dir DIR]" >&2; exit 2 ;;
    esac
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CORPUS=$WORK/corpus
if [ -n "$DIR" ]; then
    [ -d "$DIR" ] || { echo "$0: --dir $DIR: not a directory" >&2; exit 2; }
    CORPUS=$(cd "$DIR" && pwd)
fi

echo "building (release)…" >&2
cargo build --release --locked --quiet --bin attrib --example gencorpus
BIN=target/release/attrib
[ -n "$DIR" ] || target/release/examples/gencorpus --mb "$MB" --seed "$SEED" "$CORPUS" >&2

FILES=$(find "$CORPUS" -type f | wc -l)
BYTES=$(find "$CORPUS" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
LARGEST=$(find "$CORPUS" -type f -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)

# measure THREADS CMD...: prints "seconds kilobytes" (fastest wall time, largest peak RSS).
measure() {
    local threads=$1
    shift
    local best="" rss=0 i start end kb
    for ((i = 0; i < RUNS; i++)); do
        if [ -x /usr/bin/time ]; then
            start=$(date +%s.%N)
            RAYON_NUM_THREADS=$threads /usr/bin/time -f %M -o "$WORK/rss" "$@" > /dev/null
            end=$(date +%s.%N)
            kb=$(tail -1 "$WORK/rss")
            t=$(python3 -c "print($end - $start)")
        else
            read -r t kb < <(RAYON_NUM_THREADS=$threads python3 -c '
import os, subprocess, sys, time
start = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(p.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))' "$@")
        fi
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then
            best=$t
        fi
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    echo "$best $rss"
}

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
CORES=$(nproc)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
MBS=$(python3 -c "print(f'{$BYTES / 2**20:.1f}')")
THREADS="1 2"
[ "$CORES" -gt 2 ] && THREADS="$THREADS $CORES"

# table LABEL ARGS...: one row per thread count for `attrib check ARGS CORPUS`.
table() {
    local label=$1 n t kb
    shift
    for n in $THREADS; do
        read -r t kb < <(measure "$n" "$BIN" check "$@" "$CORPUS")
        python3 -c "
t, kb = $t, $kb
print(f'| $label | $n | {t:.2f} | {$BYTES / 2**20 / t:.1f} | {$FILES / t:.0f} | {kb / 1024:.0f} |')"
    done
}

echo
echo "Machine: $CPU, $CORES cores (nproc), load average $LOAD at the start."
if [ -n "$DIR" ]; then
    echo "Corpus: $FILES files, $MBS MB ($CORPUS). $RUNS runs each: the fastest time, the largest peak RSS."
else
    echo "Corpus: $FILES files, $MBS MB (seed $SEED). $RUNS runs each: the fastest time, the largest peak RSS."
fi
echo
echo "| output | threads | wall (s) | MB/s | files/s | peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|"
table "\`--format json\`" --format json --fail-level never
table "\`--statistics\` (analysis only)" --statistics --fail-level never
# Memory against corpus size: a quarter of the corpus (its first subdirectories, when it
# has several), then the largest file alone.
mapfile -t SUBDIRS < <(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | sort)
if [ "${#SUBDIRS[@]}" -gt 1 ]; then
    QUARTER=("${SUBDIRS[@]:0:$(((${#SUBDIRS[@]} + 3) / 4))}")
    QBYTES=$(find "${QUARTER[@]}" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
    QFILES=$(find "${QUARTER[@]}" -type f | wc -l)
    read -r t kb < <(measure 1 "$BIN" check --format json --fail-level never "${QUARTER[@]}")
    python3 -c "
t, kb = $t, $kb
print(f'| \`--format json\`, a quarter of the corpus ({$QBYTES / 2**20:.1f} MB) | 1 | {t:.2f} | {$QBYTES / 2**20 / t:.1f} | {$QFILES / t:.0f} | {kb / 1024:.0f} |')"
fi
read -r t kb < <(measure 1 "$BIN" check --format json --fail-level never "$LARGEST")
python3 -c "print(f'| \`--format json\`, the largest file alone ({$(stat -c %s "$LARGEST") / 1024:.1f} KB) | 1 | {$t:.3f} | | | {$kb / 1024:.0f} |')"
