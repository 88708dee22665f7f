//! Cost grows linearly with the input: adversarial inputs checked at size n and 4n.
//!
//! Each input is checked end to end as `attrib check --format json` does for one file
//! (parse, analysis, rules, the file's report and its JSON rendering); the time is the
//! minimum of three runs, and `t(4n) / t(n)` must stay under [`MAX_RATIO`]: about 4 for
//! linear work, 16 for quadratic. No absolute time is ever asserted. The base sizes are
//! chosen so that `t(n)` is tens of milliseconds in a release build; a debug build
//! (`cargo test`) runs them scaled down, while CI also runs the full sizes
//! (`cargo test --release --test growth`, the no-punctuation case reaching 50 MB). Run
//! with `--nocapture` to see the measured ratios.

use std::hint::black_box;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use attrib::analysis::analyze;
use attrib::document::Format;
use attrib::render::json;
use attrib::report::{FileReport, Report};

/// `t(4n) / t(n)` above this is super-linear: linear work gives about 4, `n log n` about
/// 5, quadratic work 16. The margin absorbs noise on a loaded machine.
const MAX_RATIO: f64 = 8.0;

/// Debug builds run the inputs this many times smaller.
const DEBUG_SCALE: usize = 16;

/// The base size `n` of a release build, divided by [`DEBUG_SCALE`] in a debug build, or
/// multiplied by `GROWTH_SCALE` when set (`0.25`, `4`: to explore a case at other sizes).
fn scaled(n: usize) -> usize {
    let factor = std::env::var("GROWTH_SCALE")
        .ok()
        .and_then(|f| f.parse::<f64>().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            1.0 / DEBUG_SCALE as f64
        } else {
            1.0
        });
    ((n as f64 * factor) as usize).max(1)
}

/// `attrib check --format json` on one file, to a buffer; returns the report's length.
fn check(text: &str) -> usize {
    let analysis = analyze(
        Path::new("growth.md"),
        text.as_bytes().to_vec(),
        Format::Markdown,
    )
    .expect("valid UTF-8");
    let report = Report::new(vec![FileReport::from_analysis(
        "growth.md".into(),
        &analysis,
    )]);
    let mut out = Vec::new();
    json::render(&report, &mut out).expect("render to memory");
    out.len()
}

fn min_time(text: &str, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(check(black_box(text)));
            start.elapsed()
        })
        .min()
        .expect("at least one run")
}

/// Checks `make(n)` and `make(4 n)` and asserts the time grows about linearly. A ratio
/// over the bound is measured once more, with more runs, before failing, so that a burst
/// of load on a shared machine does not fail the test.
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String) {
    // One measurement at a time: tests run in parallel would time each other.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let small = make(n);
    let large = make(4 * n);
    let mut ratio = f64::INFINITY;
    let (mut t1, mut t4) = (Duration::ZERO, Duration::ZERO);
    for runs in [3, 5] {
        t1 = min_time(&small, runs);
        t4 = min_time(&large, runs);
        ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        if ratio < MAX_RATIO {
            break;
        }
    }
    eprintln!(
        "growth {name}: {} bytes {:.1} ms, {} bytes {:.1} ms, ratio {ratio:.2}",
        small.len(),
        t1.as_secs_f64() * 1e3,
        large.len(),
        t4.as_secs_f64() * 1e3,
    );
    assert!(
        ratio < MAX_RATIO,
        "{name}: t(4n)/t(n) = {ratio:.2} ({t1:?} for {} bytes, {t4:?} for {} bytes): super-linear",
        small.len(),
        large.len()
    );
}

/// Ordinary prose with quotes, speakers, sources and figures, `bytes` long, as one
/// paragraph (no blank line).
fn one_paragraph(bytes: usize) -> String {
    const SENTENCES: [&str; 8] = [
        "Le maire de Valmont, Hélène Garnier, a déclaré lundi : « Nous tiendrons le calendrier. »",
        "« Les riverains ont été patients, explique Claire Dumas, mais ils attendent des horaires fiables. »",
        "Selon un diplomate européen, l'accord serait signé avant le 30 juin.",
        "Des observateurs jugent le projet « trop coûteux pour une agglomération de cette taille ».",
        "Le chantier a coûté 412 millions d'euros.",
        "Marc Lefèvre estime que « la sécurité des carrefours reste la priorité ».",
        "Il aurait rencontré les dirigeants du groupe avant le vote.",
        "“Nous irons jusqu'au bout”, a-t-elle ajouté.",
    ];
    let mut s = String::with_capacity(bytes + 200);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(SENTENCES[i % SENTENCES.len()]);
        s.push(' ');
        i += 1;
    }
    s
}

/// `count` opening guillemets never closed, in one paragraph.
fn unmatched_openings(count: usize) -> String {
    "« mot ".repeat(count)
}

/// `count` closing guillemets that open nothing, in one paragraph.
fn unmatched_closings(count: usize) -> String {
    "mot » ".repeat(count)
}

/// `count` ASCII double quotes in one paragraph (paired by position, the last one left
/// over when `count` is odd).
fn ascii_quotes(count: usize) -> String {
    let mut s = "mot \" ".repeat(count);
    s.push_str("mot \"");
    s
}

/// Quotes nested `depth` deep, alternating « ‹ “, then closed in reverse order.
fn nested_alternating(depth: usize) -> String {
    const MARKS: [(&str, &str); 3] = [("« ", " »"), ("‹ ", " ›"), ("“", "”")];
    let mut s = String::from("Il a dit : ");
    for i in 0..depth {
        s.push_str(MARKS[i % 3].0);
        s.push_str("nous ");
    }
    s.push_str("restons");
    for i in (0..depth).rev() {
        s.push_str(MARKS[i % 3].1);
        s.push_str(" dit-il");
    }
    s.push('.');
    s
}

/// Guillemets only, nested `depth` deep: « « « … » » ».
fn nested_guillemets(depth: usize) -> String {
    let mut s = "« mot ".repeat(depth);
    s.push_str(&"» mot ".repeat(depth));
    s
}

/// `bytes` of words and spaces, with a line break now and then but no blank line and no
/// punctuation: one paragraph, one endless sentence.
fn no_punctuation(bytes: usize) -> String {
    const WORDS: [&str; 12] = [
        "le",
        "conseil",
        "municipal",
        "de",
        "Valmont",
        "examine",
        "la",
        "réforme",
        "des",
        "retraites",
        "et",
        "Hélène",
    ];
    let mut s = String::with_capacity(bytes + 16);
    let mut i = 0usize;
    while s.len() < bytes {
        s.push_str(WORDS[i.wrapping_mul(7) % WORDS.len()]);
        s.push(if i % 13 == 12 { '\n' } else { ' ' });
        i += 1;
    }
    s
}

/// One line of `bytes` with no whitespace at all (letters, digits, apostrophes, hyphens,
/// commas; no quotation mark).
fn no_whitespace(bytes: usize) -> String {
    "aujourd'hui-Valmont,12,5%l'État;".repeat(bytes / 32 + 1)
}

/// `count` short quotes in one sentence of one paragraph: « mot » « mot » … with no
/// sentence end.
fn quotes_in_one_sentence(count: usize) -> String {
    "« mot » ".repeat(count)
}

#[test]
fn one_huge_paragraph_of_prose() {
    assert_linear("one paragraph of prose", scaled(1 << 20), one_paragraph);
}

#[test]
fn unmatched_opening_guillemets() {
    // 50,000 then 200,000 marks (smaller sizes time cache effects more than the work).
    assert_linear("unmatched « marks", scaled(50_000), unmatched_openings);
}

#[test]
fn unmatched_closing_marks() {
    assert_linear("unmatched » marks", scaled(50_000), unmatched_closings);
}

/// Thousands of ASCII quotes in one sentence: the search for each quote's cue stops at
/// its neighbouring quotations (it once ran to the sentence's ends past every `"`,
/// t(4n)/t(n) about 13–17).
#[test]
fn many_ascii_double_quotes() {
    assert_linear("ASCII \" marks", scaled(50_000), ascii_quotes);
}

#[test]
fn deeply_nested_alternating_quotes() {
    // 16,000 then 64,000 levels (t(n) of some 30 ms).
    assert_linear("nested « ‹ “", scaled(16_000), nested_alternating);
}

#[test]
fn deeply_nested_guillemets() {
    // 40,000 then 160,000 levels (2,500 run too fast to time).
    assert_linear("nested « « «", scaled(40_000), nested_guillemets);
}

#[test]
fn no_punctuation_at_all() {
    // 12.5 MB then 50 MB in release.
    assert_linear("no punctuation", scaled(50 << 20) / 4, no_punctuation);
}

#[test]
fn one_line_without_whitespace() {
    assert_linear("no whitespace", scaled(8 << 20), no_whitespace);
}

/// Quotes without a speaker in one sentence share one through tabled runs
/// (`speakers::share_within_sentence` once scanned all the others for each quote,
/// t(4n)/t(n) about 15–17).
#[test]
fn many_quotes_in_one_sentence() {
    assert_linear(
        "quotes in one sentence",
        scaled(25_000),
        quotes_in_one_sentence,
    );
}
