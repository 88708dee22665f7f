//! `attrib verify`: each quote of an article held against the sources it came from.
//!
//! Before publication a fact-checker compares every direct and partial quote (mentions
//! are not speech) with the recording transcript, press release or report it came from.
//! attrib finds the quotes and their speakers with its usual analysis, finds each quote in
//! the sources ([`matching`]), and gives a verdict:
//!
//! - `exact`: the same words in order. Typography is not a difference: quote marks,
//!   apostrophes, no-break spaces, punctuation between words, line breaks and cue
//!   boundaries, the case of a word's first letter, and the words an elision (`[…]`,
//!   `(…)`, `[...]`) leaves out (see [`words`]);
//! - `altered`: the closest passage has other words; its word diff and similarity are
//!   reported. Only from a similarity of [`ALTERED_MIN`] on: below, the passage is not
//!   the quote's source at all;
//! - `not-found`: nothing close enough;
//! - `misattributed`: the passage found is labelled with another speaker than the article
//!   names (see [`labels::same_person`]). A missing label, or a speaker the article does
//!   not name (anonymous, vague), is no mismatch.

pub mod labels;
pub mod matching;
pub mod render;
pub mod sources;
pub mod subtitles;
pub mod words;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::diff::{Op, WordOp};
use crate::model::{QuoteKind, SourceKind};
use crate::source::{Location, Span};
use matching::{Alignment, Query};
pub use sources::{SourceError, SourceFormat, SourceText};

pub const VERIFY_VERSION: u32 = 1;

/// The lowest similarity at which the closest passage is an altered quote rather than no
/// source: 0.6 keeps a five-word quote with two words changed (2 × 3 / 10), and rejects
/// one with three.
pub const ALTERED_MIN: f64 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Exact,
    Altered,
    NotFound,
    Misattributed,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Exact => "exact",
            Verdict::Altered => "altered",
            Verdict::NotFound => "not-found",
            Verdict::Misattributed => "misattributed",
        }
    }
}

/// A cue's timing, as printed: `hh:mm:ss.mmm` and milliseconds.
#[derive(Debug, Clone, Serialize)]
pub struct Time {
    pub start: String,
    pub end: String,
    pub start_ms: u64,
    pub end_ms: u64,
}

/// `hh:mm:ss.mmm`.
pub fn clock(ms: u64) -> String {
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// Where a quote was found.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    /// The source's path, as given.
    pub source: String,
    /// From the first to the last matched word, in the source file.
    pub span: Location,
    /// The source's words there, spaces folded (the skipped words of an elision included).
    pub text: String,
    /// The speaker label in force at the passage, as written in the source.
    pub speaker: Option<String>,
    /// For transcripts: from the start of the first cue to the end of the last.
    pub time: Option<Time>,
    /// `2 × equal words / (quote words + source words)`, rounded to 3 decimals.
    pub similarity: f64,
}

/// One quote's check.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteCheck {
    pub id: String,
    pub text: String,
    pub kind: QuoteKind,
    pub span: Location,
    /// The speaker the article names.
    pub speaker: Option<String>,
    pub verdict: Verdict,
    /// The passage found (none for `not-found`).
    #[serde(rename = "match")]
    pub found: Option<Match>,
    /// Source → article, word by word, when the words differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    pub path: String,
    pub format: SourceFormat,
    pub words: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub quotes: usize,
    pub exact: usize,
    pub altered: usize,
    pub not_found: usize,
    pub misattributed: usize,
}

/// What `attrib verify --format json` prints (`schema/verify.schema.json`).
#[derive(Debug, Serialize)]
pub struct VerifyReport {
    pub version: u32,
    pub tool: crate::report::Tool,
    pub article: String,
    pub sources: Vec<SourceSummary>,
    pub quotes: Vec<QuoteCheck>,
    pub summary: Summary,
}

/// The name the article gives a quote's speaker, when it names one.
fn named_speaker(q: &crate::model::Quote) -> Option<&str> {
    q.speaker
        .as_ref()
        .filter(|s| !matches!(s.kind, SourceKind::Anonymous | SourceKind::Vague))
        .map(|s| s.name.as_str())
}

fn conflict(article: Option<&str>, label: Option<&str>) -> bool {
    match (article, label) {
        (Some(a), Some(l)) => !labels::same_person(a, l),
        _ => false,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn locate(src: &SourceText, a: &Alignment) -> (Span, Option<String>, Option<Time>) {
    let (first, end) = a.words();
    let Some(w0) = src.words.get(first) else {
        return (Span::default(), None, None);
    };
    let w1 = src.words.get(end.saturating_sub(1)).unwrap_or(w0);
    let span = Span::new(w0.start as usize, (w1.end as usize).max(w0.start as usize));
    let seg0 = src.segment_at(span.start);
    let speaker = seg0.and_then(|s| s.speaker.clone());
    let time = match (
        seg0.and_then(|s| s.cue),
        src.segment_at(span.end.saturating_sub(1))
            .and_then(|s| s.cue),
    ) {
        (Some(c0), Some(c1)) => Some(Time {
            start: clock(c0.start_ms),
            end: clock(c1.end_ms.max(c0.start_ms)),
            start_ms: c0.start_ms,
            end_ms: c1.end_ms.max(c0.start_ms),
        }),
        _ => None,
    };
    (span, speaker, time)
}

/// Checks the direct and partial quotes of `article` against `sources`.
pub fn verify(article_path: &str, article: &Analysis, sources: &[SourceText]) -> VerifyReport {
    let quotes: Vec<&crate::model::Quote> = article
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Mention)
        .collect();
    let queries: Vec<Query> = quotes
        .iter()
        .map(|q| Query {
            text: &q.text,
            words: words::quote_words(&q.text),
        })
        .collect();
    let found = matching::find(&queries, sources);
    let mut checks = Vec::with_capacity(quotes.len());
    let mut summary = Summary::default();
    for (q, alignments) in quotes.iter().zip(found) {
        let named = named_speaker(q);
        // The best passage: most similar, then one whose label agrees, then the first.
        let best = alignments
            .iter()
            .map(|a| {
                let (span, speaker, time) = locate(&sources[a.source], a);
                let clash = conflict(named, speaker.as_deref());
                (a, span, speaker, time, clash)
            })
            .min_by(|x, y| {
                y.0.similarity
                    .total_cmp(&x.0.similarity)
                    .then(x.4.cmp(&y.4))
                    .then(x.0.source.cmp(&y.0.source))
                    .then(x.1.start.cmp(&y.1.start))
            })
            .filter(|b| b.0.similarity >= ALTERED_MIN);
        let (verdict, found, words) = match best {
            None => (Verdict::NotFound, None, Vec::new()),
            Some((a, span, speaker, time, clash)) => {
                let src = &sources[a.source];
                let verdict = if clash {
                    Verdict::Misattributed
                } else if a.exact {
                    Verdict::Exact
                } else {
                    Verdict::Altered
                };
                let m = Match {
                    source: src.path.clone(),
                    span: src.lines.locate(&src.text, span),
                    text: matching::fold_spaces(&src.mask[span.start..span.end]),
                    speaker,
                    time,
                    similarity: round3(a.similarity),
                };
                let words = if a.exact { Vec::new() } else { a.ops.clone() };
                (verdict, Some(m), words)
            }
        };
        summary.quotes += 1;
        match verdict {
            Verdict::Exact => summary.exact += 1,
            Verdict::Altered => summary.altered += 1,
            Verdict::NotFound => summary.not_found += 1,
            Verdict::Misattributed => summary.misattributed += 1,
        }
        checks.push(QuoteCheck {
            id: q.id.clone(),
            text: q.text.clone(),
            kind: q.kind,
            span: article
                .document
                .lines
                .locate(&article.document.text, q.span),
            speaker: named.map(str::to_string),
            verdict,
            found,
            words,
        });
    }
    VerifyReport {
        version: VERIFY_VERSION,
        tool: crate::report::Tool {
            name: "attrib",
            version: env!("CARGO_PKG_VERSION"),
        },
        article: article_path.to_string(),
        sources: sources
            .iter()
            .map(|s| SourceSummary {
                path: s.path.clone(),
                format: s.format,
                words: s.words.len(),
            })
            .collect(),
        quotes: checks,
        summary,
    }
}

/// Whether a diff holds a change (not only equal words and elisions).
pub fn changed(words: &[WordOp]) -> bool {
    words.iter().any(|w| w.op != Op::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn report(article: &str, source: (&str, &str)) -> VerifyReport {
        let a = crate::analyze_text(article);
        let s = SourceText::parse(Path::new(source.0), source.1.as_bytes().to_vec()).unwrap();
        verify("a.md", &a, &[s])
    }

    #[test]
    fn verdicts() {
        let src = (
            "t.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Dmitri Peskov>Nous ne commenterons pas\n\n00:00:04.000 --> 00:00:06.500\nces rumeurs infondées.\n\n00:00:07.000 --> 00:00:09.000\n<v Anna Roux>La réunion aura lieu jeudi matin.\n",
        );
        let r = report(
            "« Nous ne commenterons pas ces rumeurs infondées », a déclaré Dmitri Peskov.\n\n« La réunion aura lieu jeudi matin », a affirmé Dmitri Peskov.\n\n« Les négociations avancent très vite », a dit Anna Roux.\n",
            src,
        );
        let v: Vec<Verdict> = r.quotes.iter().map(|q| q.verdict).collect();
        assert_eq!(
            v,
            [Verdict::Exact, Verdict::Misattributed, Verdict::NotFound]
        );
        let m = r.quotes[0].found.as_ref().unwrap();
        let t = m.time.as_ref().unwrap();
        assert_eq!(
            (t.start.as_str(), t.end.as_str()),
            ("00:00:01.000", "00:00:06.500")
        );
        assert_eq!(m.span.line, 4);
        assert_eq!(m.speaker.as_deref(), Some("Dmitri Peskov"));
    }

    #[test]
    fn threshold_edges() {
        let src = (
            "s.txt",
            "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima\n",
        );
        // Two of five words changed: 2 × 3 / 10 = 0.6, altered.
        let r = report(
            "« Alpha bravo xray yankee echo », a dit Marie Durand.\n",
            src,
        );
        assert_eq!(r.quotes[0].verdict, Verdict::Altered);
        assert_eq!(r.quotes[0].found.as_ref().unwrap().similarity, 0.6);
        // Five of twelve: 2 × 7 / 24 < 0.6, not found.
        let r = report(
            "« Alpha bravo charlie sierra tango uniform victor whiskey india juliett kilo lima », a dit Marie Durand.\n",
            src,
        );
        assert_eq!(r.quotes[0].verdict, Verdict::NotFound);
        assert!(r.quotes[0].found.is_none());
    }

    #[test]
    fn clock_format() {
        assert_eq!(clock(3_723_045), "01:02:03.045");
    }
}
