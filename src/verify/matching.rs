//! Finding each quote in the sources: an n-gram search for candidate passages, then a
//! word alignment around each candidate.
//!
//! **Search.** The quotes' word n-grams (trigrams; bigrams or single words for shorter
//! fragments) go into a hash map, and every source's flat word array is scanned once,
//! each position looked up in it: one pass over 20 MB of transcripts whatever the number
//! of quotes, with memory in proportion to the quotes, not the sources. Hits vote for the
//! position where the quote would start; nearby votes form a candidate window, and the
//! best [`MAX_WINDOWS`] windows of each quote are aligned. A quote with no hit (every
//! trigram touched by a change) is searched again with bigrams.
//!
//! **Alignment.** Quote and window words are aligned by a word edit distance with free
//! ends in the source (the quote may start and end anywhere in the window). At an elision
//! the alignment may skip up to [`MAX_GAP`] source words for free: the words around
//! `[…]` must come in order, in the same passage. The aligned source words are then
//! compared with the quote by `similar` (Myers), which gives the word diff and the
//! similarity `2 × equal words / (quote words + source words)`.

use rustc_hash::{FxHashMap, FxHashSet};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::sources::SourceText;
use super::words::{QuoteWords, Word, exact_key, ngram};
use crate::diff::{Op, WordOp};

/// At most this many source words may stand where a quote has an elision.
pub const MAX_GAP: usize = 120;
/// At most this many candidate windows are aligned for each quote.
pub const MAX_WINDOWS: usize = 4;
/// The longest n-gram used to search.
const NGRAM: usize = 3;

/// A quote to find: its text (offsets of its words point into it) and its words.
pub struct Query<'q> {
    pub text: &'q str,
    pub words: QuoteWords,
}

/// The passage of a source a quote aligns with best in one window.
#[derive(Debug, Clone)]
pub struct Alignment {
    pub source: usize,
    /// The source word range of each fragment of the quote, `[start, end)`.
    pub fragments: Vec<(usize, usize)>,
    /// Source → quote, word by word; `[…]` stands between fragments.
    pub ops: Vec<WordOp>,
    /// `2 × equal / (quote words + aligned source words)`, in 0..=1.
    pub similarity: f64,
    /// Every word equal (typography aside).
    pub exact: bool,
}

impl Alignment {
    /// The first and the end source word of the whole passage.
    pub fn words(&self) -> (usize, usize) {
        let first = self.fragments.first().map_or(0, |f| f.0);
        let end = self.fragments.last().map_or(0, |f| f.1);
        (first, end.max(first))
    }
}

/// The n used to search a quote: 3, or less when no fragment has three words.
fn search_n(q: &QuoteWords, cap: usize) -> usize {
    q.fragment_ranges()
        .iter()
        .map(|(s, e)| e - s)
        .max()
        .unwrap_or(0)
        .min(cap)
}

/// At most about this many hits are collected for one quote. A quote's n-grams are taken
/// rarest first (by their count in the sources) until the next would pass the budget, the
/// rarest always: a quote made of words the transcript repeats everywhere still finds its
/// passages, and quotes × repetitive sources stay bounded (an article and a source each
/// repeated to 64 KB once collected 2 GB of hits).
const HIT_BUDGET: usize = 4096;

/// Candidate hits of each quote: (source, implied start of the quote, quote offset).
fn search(queries: &[Query], sources: &[SourceText], ns: &[usize], hits: &mut [Vec<(u32, u32)>]) {
    let mut maps: [FxHashMap<u64, Vec<(u32, u32)>>; NGRAM] = Default::default();
    for (qi, (q, &n)) in queries.iter().zip(ns).enumerate() {
        if n == 0 {
            continue;
        }
        for (s, e) in q.words.fragment_ranges() {
            for i in s..(e + 1).saturating_sub(n) {
                maps[n - 1]
                    .entry(ngram(&q.words.words[i..i + n]))
                    .or_default()
                    .push((qi as u32, i as u32));
            }
        }
    }
    // How often each searched n-gram occurs in the sources.
    let mut counts: [FxHashMap<u64, usize>; NGRAM] = Default::default();
    scan(sources, &maps, |m, key, _, _| {
        *counts[m].entry(key).or_default() += 1
    });
    // Each quote's n-grams, rarest first, within its budget.
    let mut wanted: Vec<Vec<(usize, u64, usize)>> = vec![Vec::new(); queries.len()];
    for (m, map) in maps.iter().enumerate() {
        for (&key, list) in map {
            let count = counts[m].get(&key).copied().unwrap_or(0);
            if count > 0 {
                for &(qi, _) in list {
                    wanted[qi as usize].push((count, key, m));
                }
            }
        }
    }
    let mut chosen: FxHashSet<(usize, u64, u32)> = FxHashSet::default();
    for (qi, grams) in wanted.iter_mut().enumerate() {
        grams.sort_unstable();
        grams.dedup();
        let mut spent = 0;
        for &(count, key, m) in grams.iter() {
            if spent > 0 && spent + count > HIT_BUDGET {
                break;
            }
            spent += count;
            chosen.insert((m, key, qi as u32));
        }
    }
    // The tables again, each n-gram listing only the quotes that chose it.
    let mut kept: [FxHashMap<u64, Vec<(u32, u32)>>; NGRAM] = Default::default();
    for (m, map) in maps.iter().enumerate() {
        for (&key, list) in map {
            let list: Vec<(u32, u32)> = list
                .iter()
                .copied()
                .filter(|&(qi, _)| chosen.contains(&(m, key, qi)))
                .collect();
            if !list.is_empty() {
                kept[m].insert(key, list);
            }
        }
    }
    scan(sources, &kept, |m, key, si, i| {
        for &(qi, off) in &kept[m][&key] {
            let anchor = (i as u32).saturating_sub(off);
            hits[qi as usize].push((si as u32, anchor));
        }
    });
}

/// Calls `hit(table, key, source, position)` for every source position whose n-gram is in
/// one of the tables.
fn scan(
    sources: &[SourceText],
    maps: &[FxHashMap<u64, Vec<(u32, u32)>>; NGRAM],
    mut hit: impl FnMut(usize, u64, usize, usize),
) {
    for (si, src) in sources.iter().enumerate() {
        let w = &src.words;
        for (m, map) in maps.iter().enumerate() {
            let n = m + 1;
            if map.is_empty() || w.len() < n {
                continue;
            }
            for i in 0..=w.len() - n {
                let key = ngram(&w[i..i + n]);
                if map.contains_key(&key) {
                    hit(m, key, si, i);
                }
            }
        }
    }
}

/// A candidate window: source, word range, votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    source: usize,
    start: usize,
    end: usize,
    votes: usize,
}

fn windows(q: &QuoteWords, hits: &mut [(u32, u32)], sources: &[SourceText]) -> Vec<Window> {
    hits.sort_unstable();
    let qlen = q.words.len();
    let elisions = q.fragments.len().saturating_sub(1);
    let spread = elisions * MAX_GAP + qlen / 2 + 2;
    let pad = qlen / 2 + 4;
    let mut out: Vec<Window> = Vec::new();
    let mut k = 0;
    while k < hits.len() {
        let (source, first) = hits[k];
        let mut last = first;
        let mut votes = 0;
        while k < hits.len() && hits[k].0 == source && hits[k].1 - first <= spread as u32 {
            last = hits[k].1;
            votes += 1;
            k += 1;
        }
        let len = sources[source as usize].words.len();
        out.push(Window {
            source: source as usize,
            start: (first as usize).saturating_sub(pad),
            end: (last as usize + qlen + pad + elisions * MAX_GAP).min(len),
            votes,
        });
    }
    out.sort_by(|a, b| {
        b.votes
            .cmp(&a.votes)
            .then(a.source.cmp(&b.source))
            .then(a.start.cmp(&b.start))
    });
    out.truncate(MAX_WINDOWS);
    out
}

const DIAG: u8 = 0;
const UP: u8 = 1;
const LEFT: u8 = 2;
const NO_JUMP: u32 = u32::MAX;

/// Aligns quote keys `q` (fragments starting at `starts`, the first at 0) with window
/// keys `s`: the source word range of each fragment.
fn align(q: &[u64], starts: &[usize], s: &[u64]) -> Vec<(usize, usize)> {
    let (n, w) = (q.len(), s.len());
    let cols = w + 1;
    let mut d = vec![0u32; (n + 1) * cols];
    let mut p = vec![DIAG; (n + 1) * cols];
    // For the row where fragment k (k ≥ 1) starts: the column a free skip came from.
    let mut jumps: Vec<Vec<u32>> = vec![Vec::new(); starts.len()];
    for i in 1..=n {
        let (prev, row) = ((i - 1) * cols, i * cols);
        d[row] = i as u32;
        p[row] = UP;
        for j in 1..=w {
            let diag = d[prev + j - 1] + u32::from(q[i - 1] != s[j - 1]);
            let up = d[prev + j] + 1;
            let left = d[row + j - 1] + 1;
            let (v, ptr) = if diag <= up && diag <= left {
                (diag, DIAG)
            } else if up <= left {
                (up, UP)
            } else {
                (left, LEFT)
            };
            d[row + j] = v;
            p[row + j] = ptr;
        }
        if let Some(k) = starts.iter().skip(1).position(|&f| f == i).map(|k| k + 1)
            && i < n
        {
            let normal: Vec<u32> = d[row..row + cols].to_vec();
            let mut jump = vec![NO_JUMP; cols];
            for j in 0..cols {
                let from = j.saturating_sub(MAX_GAP);
                let (best, at) = (from..=j)
                    .map(|x| (normal[x], x))
                    .min()
                    .unwrap_or((normal[j], j));
                if best < normal[j] {
                    d[row + j] = best;
                    jump[j] = at as u32;
                }
            }
            jumps[k] = jump;
        }
    }
    let last = n * cols;
    // Among equally good ends the longest: a last word changed is a substitution, not a
    // word the source lacks.
    let mut j = (0..cols)
        .min_by_key(|&j| (d[last + j], std::cmp::Reverse(j)))
        .unwrap_or(0);
    let mut ranges = vec![(0usize, 0usize); starts.len()];
    let mut k = starts.len().saturating_sub(1);
    ranges[k].1 = j;
    let mut i = n;
    let mut arrived = false;
    while i > 0 {
        if arrived && k > 0 && i == starts[k] {
            ranges[k].0 = j;
            if let Some(&from) = jumps[k].get(j).filter(|&&f| f != NO_JUMP) {
                j = from as usize;
            }
            k -= 1;
            ranges[k].1 = j;
        }
        arrived = false;
        match p[i * cols + j] {
            DIAG => {
                i -= 1;
                j -= 1;
                arrived = true;
            }
            UP => {
                i -= 1;
                arrived = true;
            }
            _ => j -= 1,
        }
    }
    ranges[0].0 = j;
    // A fragment that aligned with nothing starts where it ends.
    for r in &mut ranges {
        r.0 = r.0.min(r.1);
    }
    ranges
}

/// The text from the first to the last of `words`, as written (punctuation between them
/// kept), spaces folded: what a reader recognises in a diff.
pub fn joined(text: &str, words: &[Word]) -> String {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return String::new();
    };
    fold_spaces(&text[first.start as usize..last.end as usize])
}

/// Runs of spaces (line breaks, blanked markup, no-break spaces) as one space, and none
/// after an apostrophe (a decoded `l&rsquo;an` leaves blanks behind it).
pub fn fold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split(crate::text::normalize::is_space) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() && !out.ends_with(crate::text::normalize::is_apostrophe) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn push(ops: &mut Vec<WordOp>, op: Op, text: String) {
    if text.is_empty() {
        return;
    }
    match ops.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => ops.push(WordOp { op, text }),
    }
}

/// Aligns one quote in one window and diffs it.
fn align_in(query: &Query, src: &SourceText, si: usize, win: Window) -> Alignment {
    let qw = &query.words.words;
    let qk: Vec<u64> = qw.iter().map(|w| exact_key(w.text(query.text))).collect();
    let sw = &src.words[win.start..win.end];
    let sk: Vec<u64> = sw.iter().map(|w| exact_key(w.text(&src.text))).collect();
    let local = align(&qk, &query.words.fragments, &sk);
    let mut ops = Vec::new();
    let (mut equal, mut source_words) = (0, 0);
    let mut fragments = Vec::with_capacity(local.len());
    for (k, ((qs, qe), (a, b))) in query
        .words
        .fragment_ranges()
        .into_iter()
        .zip(local)
        .enumerate()
    {
        if k > 0 {
            push(&mut ops, Op::Equal, "[…]".to_string());
        }
        fragments.push((win.start + a, win.start + b));
        source_words += b - a;
        for op in capture_diff_slices(Algorithm::Myers, &sk[a..b], &qk[qs..qe]) {
            match op {
                DiffOp::Equal { new_index, len, .. } => {
                    equal += len;
                    let t = joined(query.text, &qw[qs + new_index..qs + new_index + len]);
                    push(&mut ops, Op::Equal, t);
                }
                DiffOp::Delete {
                    old_index, old_len, ..
                } => push(
                    &mut ops,
                    Op::Delete,
                    joined(&src.mask, &sw[a + old_index..a + old_index + old_len]),
                ),
                DiffOp::Insert {
                    new_index, new_len, ..
                } => push(
                    &mut ops,
                    Op::Insert,
                    joined(query.text, &qw[qs + new_index..qs + new_index + new_len]),
                ),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    push(
                        &mut ops,
                        Op::Delete,
                        joined(&src.mask, &sw[a + old_index..a + old_index + old_len]),
                    );
                    push(
                        &mut ops,
                        Op::Insert,
                        joined(query.text, &qw[qs + new_index..qs + new_index + new_len]),
                    );
                }
            }
        }
    }
    let total = qw.len() + source_words;
    let similarity = if total == 0 {
        0.0
    } else {
        2.0 * equal as f64 / total as f64
    };
    Alignment {
        source: si,
        fragments,
        ops,
        similarity,
        exact: equal == qw.len() && equal == source_words,
    }
}

/// For each quote, its alignment in each candidate window (unordered; empty when no
/// n-gram of the quote occurs in any source).
pub fn find(queries: &[Query], sources: &[SourceText]) -> Vec<Vec<Alignment>> {
    let mut hits: Vec<Vec<(u32, u32)>> = vec![Vec::new(); queries.len()];
    let mut ns: Vec<usize> = queries.iter().map(|q| search_n(&q.words, NGRAM)).collect();
    search(queries, sources, &ns, &mut hits);
    // Quotes with no hit: once more with bigrams.
    let mut again = false;
    for (qi, q) in queries.iter().enumerate() {
        let fallback = search_n(&q.words, 2);
        if hits[qi].is_empty() && ns[qi] > fallback {
            ns[qi] = fallback;
            again = true;
        } else {
            ns[qi] = 0;
        }
    }
    if again {
        search(queries, sources, &ns, &mut hits);
    }
    queries
        .iter()
        .zip(hits.iter_mut())
        .map(|(q, h)| {
            windows(&q.words, h, sources)
                .into_iter()
                .map(|win| align_in(q, &sources[win.source], win.source, win))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::words::quote_words;
    use std::path::Path;

    fn source(text: &str) -> SourceText {
        SourceText::parse(Path::new("s.txt"), text.as_bytes().to_vec()).unwrap()
    }

    fn best(quote: &str, src: &SourceText) -> Option<Alignment> {
        let q = [Query {
            text: quote,
            words: quote_words(quote),
        }];
        find(&q, std::slice::from_ref(src))
            .remove(0)
            .into_iter()
            .max_by(|a, b| a.similarity.total_cmp(&b.similarity))
    }

    fn passage(a: &Alignment, src: &SourceText) -> Vec<String> {
        a.fragments
            .iter()
            .map(|&(s, e)| {
                src.words[s..e]
                    .iter()
                    .map(|w| w.text(&src.text))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn exact_despite_typography_and_line_breaks() {
        let src = source("Il a dit que l'accord tient.\nNous ne reculerons pas, jamais.\n");
        let a = best("nous ne\u{a0}reculerons pas ; jamais", &src).unwrap();
        assert!(a.exact, "{a:?}");
        assert_eq!(a.similarity, 1.0);
        assert_eq!(passage(&a, &src), ["Nous ne reculerons pas jamais"]);
    }

    #[test]
    fn changed_word_gives_a_diff() {
        let src = source("Nous restons déterminés face à la crise actuelle.");
        let a = best("Nous restons résolus face à la crise actuelle.", &src).unwrap();
        assert!(!a.exact);
        let ops: Vec<(Op, &str)> = a.ops.iter().map(|o| (o.op, o.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (Op::Equal, "Nous restons"),
                (Op::Delete, "déterminés"),
                (Op::Insert, "résolus"),
                (Op::Equal, "face à la crise actuelle"),
            ]
        );
        assert!((a.similarity - 14.0 / 16.0).abs() < 1e-9);
    }

    #[test]
    fn elision_keeps_order_and_passage() {
        let src = source(
            "Nous avons travaillé toute la nuit avec les syndicats et nous avons trouvé un accord solide.",
        );
        let a = best(
            "Nous avons travaillé […] et nous avons trouvé un accord",
            &src,
        )
        .unwrap();
        assert!(a.exact, "{a:?}");
        assert_eq!(
            passage(&a, &src),
            ["Nous avons travaillé", "et nous avons trouvé un accord"]
        );
        // The same words in the other order are not an elision of this passage.
        let b = best(
            "et nous avons trouvé un accord (…) Nous avons travaillé",
            &src,
        )
        .unwrap();
        assert!(!b.exact);
    }

    #[test]
    fn elision_gap_is_bounded() {
        let filler = "mot ".repeat(MAX_GAP + 10);
        let src = source(&format!("Le début est ici. {filler} La fin est là-bas."));
        let a = best("Le début est ici […] la fin est là-bas", &src).unwrap();
        assert!(!a.exact);
        let near = source(&format!(
            "Le début est ici. {} La fin est là-bas.",
            "mot ".repeat(MAX_GAP - 5)
        ));
        assert!(
            best("Le début est ici […] la fin est là-bas", &near)
                .unwrap()
                .exact
        );
    }

    #[test]
    fn case_inside_a_word_counts_first_letter_does_not() {
        let src = source("Le Gouvernement tiendra parole devant tous.");
        assert!(
            best("le gouvernement tiendra parole devant tous", &src)
                .unwrap()
                .exact
        );
        assert!(
            !best("Le GOUVERNEMENT tiendra parole devant tous", &src)
                .unwrap()
                .exact
        );
    }

    #[test]
    fn bigram_fallback_finds_heavily_edited_quotes() {
        let src = source("alpha bravo charlie delta echo foxtrot");
        // No trigram survives, a bigram does.
        let a = best("alpha bravo X delta Y foxtrot", &src).unwrap();
        assert!((a.similarity - 8.0 / 12.0).abs() < 1e-9, "{a:?}");
    }

    #[test]
    fn nothing_in_common_finds_nothing() {
        let src = source("Une phrase sans aucun rapport.");
        assert!(best("Les blés sont mûrs dans la plaine", &src).is_none());
    }
}
