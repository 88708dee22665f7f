//! The JSON report: the public contract read by scripts and the scorer.
//!
//! Its shape is documented in `schema/report.schema.json` and versioned by `version`; new
//! fields may be added, existing ones never change meaning.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};

use crate::analysis::Analysis;
use crate::model::{CueKind, QuoteKind, Scope, Signal, SourceKind, Via};
use crate::rules::Severity;
use crate::source::Location;

pub const REPORT_VERSION: u32 = 1;

/// A fixed string of the report. serde's derive borrows every field spelled `&str` from
/// the input (which would demand `'de: 'static`); behind this alias it does not, and
/// [`known_str`] gives the static string back.
pub type Fixed = &'static str;

/// A string the report takes from the analysis: borrowed when the report is only written
/// out (`check` would otherwise copy every quote, claim and message just to print it),
/// owned when the report is kept or read back.
pub type Text<'a> = Cow<'a, str>;

/// Reads back one of the report's fixed strings (a rule id, the language, the tool's name
/// and version) as the `&'static str` it is written from, so that a report parses back
/// into these types without leaking memory. Any other string is an error: the report was
/// not written by this version of attrib.
fn known_str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let s = String::deserialize(d)?;
    ["fr", "attrib", env!("CARGO_PKG_VERSION")]
        .into_iter()
        .chain(crate::rules::RULES.iter().map(|r| r.id))
        .find(|k| *k == s)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown value {s:?}")))
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Report<'a> {
    pub version: u32,
    pub tool: Tool,
    pub files: Vec<FileReport<'a>>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    #[serde(deserialize_with = "known_str")]
    pub name: Fixed,
    #[serde(deserialize_with = "known_str")]
    pub version: Fixed,
}

impl<'a> Report<'a> {
    pub fn new(files: Vec<FileReport<'a>>) -> Report<'a> {
        Report {
            version: REPORT_VERSION,
            tool: Tool {
                name: "attrib",
                version: env!("CARGO_PKG_VERSION"),
            },
            files,
        }
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport<'a> {
    pub path: Text<'a>,
    #[serde(deserialize_with = "known_str")]
    pub language: Fixed,
    pub quotes: Vec<QuoteOut<'a>>,
    pub attributions: Vec<AttributionOut<'a>>,
    pub claims: Vec<ClaimOut<'a>>,
    pub findings: Vec<FindingOut<'a>>,
    pub summary: Summary,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteOut<'a> {
    pub id: Text<'a>,
    pub text: Text<'a>,
    pub kind: QuoteKind,
    pub span: Location,
    pub speaker: Option<SpeakerOut<'a>>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerOut<'a> {
    pub name: Text<'a>,
    pub kind: SourceKind,
    pub span: Location,
    pub via: Via,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct CueOut<'a> {
    pub kind: CueKind,
    pub text: Text<'a>,
    /// The reporting verb's lemma (verb cues only).
    pub lemma: Option<Text<'a>>,
    pub span: Location,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceOut<'a> {
    pub name: Text<'a>,
    pub kind: SourceKind,
    pub span: Location,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionOut<'a> {
    pub id: Text<'a>,
    pub cue: CueOut<'a>,
    pub source: SourceOut<'a>,
    /// The sentences the attribution covers (see the scoping rules).
    pub content: Location,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimSourceOut<'a> {
    pub name: Text<'a>,
    pub kind: SourceKind,
    pub span: Location,
    /// The id of the attribution that covers the claim.
    pub attribution: Text<'a>,
    pub scope: Scope,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimOut<'a> {
    pub id: Text<'a>,
    pub text: Text<'a>,
    pub span: Location,
    pub source: Option<ClaimSourceOut<'a>>,
    pub signals: Cow<'a, [Signal]>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct FindingOut<'a> {
    #[serde(deserialize_with = "known_str")]
    pub rule: Fixed,
    pub severity: Severity,
    pub message: Text<'a>,
    pub span: Location,
    pub subject: Option<Text<'a>>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Summary {
    pub quotes: usize,
    pub quotes_with_speaker: usize,
    pub claims: ClaimCounts,
    pub findings: SeverityCounts,
}

/// Claims by what stands behind them.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize, Default, Clone, Copy)]
pub struct ClaimCounts {
    pub total: usize,
    /// Covered by a named source (person, organization, media or document).
    pub attributed: usize,
    pub anonymous: usize,
    pub vague: usize,
    pub unattributed: usize,
}

impl ClaimCounts {
    pub fn of(a: &Analysis) -> ClaimCounts {
        let mut c = ClaimCounts {
            total: a.claims.len(),
            ..Default::default()
        };
        for claim in &a.claims {
            match claim.attribution.map(|i| a.attributions[i].source.kind) {
                None => c.unattributed += 1,
                Some(SourceKind::Anonymous) => c.anonymous += 1,
                Some(SourceKind::Vague) => c.vague += 1,
                Some(_) => c.attributed += 1,
            }
        }
        c
    }
}

#[derive(Debug, PartialEq, Eq, Serialize, Deserialize, Default, Clone, Copy)]
pub struct SeverityCounts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl FileReport<'static> {
    /// The report of an analysis, owning its strings: to keep, compare or read back.
    pub fn from_analysis(path: String, a: &Analysis) -> FileReport<'static> {
        FileReport::build(
            path.into(),
            a,
            |s| Cow::Owned(s.to_owned()),
            |l| Cow::Owned(l.to_vec()),
        )
    }
}

impl<'a> FileReport<'a> {
    /// The report of an analysis, borrowing its strings: to write out at once.
    pub fn borrowed(path: &'a str, a: &'a Analysis) -> FileReport<'a> {
        FileReport::build(path.into(), a, Cow::Borrowed, Cow::Borrowed)
    }

    /// `text` takes each string of the analysis into the report, borrowed or copied, and
    /// `list` each claim's signals.
    fn build<'b>(
        path: Text<'a>,
        a: &'b Analysis,
        text: impl Fn(&'b str) -> Text<'a>,
        list: impl Fn(&'b [Signal]) -> Cow<'a, [Signal]>,
    ) -> FileReport<'a> {
        let doc = &a.document;
        let mut locator = doc.lines.locator(&doc.text);
        let mut loc = |s| locator.locate(s);
        let quotes: Vec<QuoteOut> = a
            .quotes
            .iter()
            .map(|q| QuoteOut {
                id: text(&q.id),
                text: text(&q.text),
                kind: q.kind,
                span: loc(q.span),
                speaker: q.speaker.as_ref().map(|s| SpeakerOut {
                    name: text(&s.name),
                    kind: s.kind,
                    span: loc(s.span),
                    via: s.via,
                }),
            })
            .collect();
        let mut counts = SeverityCounts::default();
        let findings = a
            .findings
            .iter()
            .map(|f| {
                match f.severity {
                    Severity::Error => counts.error += 1,
                    Severity::Warning => counts.warning += 1,
                    Severity::Info => counts.info += 1,
                }
                FindingOut {
                    rule: f.rule,
                    severity: f.severity,
                    message: text(&f.message),
                    span: loc(f.span),
                    subject: f.subject.as_deref().map(&text),
                }
            })
            .collect();
        let attributions: Vec<AttributionOut> = a
            .attributions
            .iter()
            .map(|at| AttributionOut {
                id: text(&at.id),
                cue: CueOut {
                    kind: at.cue,
                    text: text(&at.cue_text),
                    lemma: at.lemma.as_deref().map(&text),
                    span: loc(at.cue_span),
                },
                source: SourceOut {
                    name: text(&at.source.name),
                    kind: at.source.kind,
                    span: loc(at.source.span),
                },
                content: loc(at.content),
            })
            .collect();
        let claims = a
            .claims
            .iter()
            .map(|c| ClaimOut {
                id: text(&c.id),
                text: text(&c.text),
                span: loc(c.span),
                source: c.attribution.zip(c.scope).map(|(i, scope)| {
                    let at = &a.attributions[i];
                    ClaimSourceOut {
                        name: text(&at.source.name),
                        kind: at.source.kind,
                        // Located once, for the attribution.
                        span: attributions[i].source.span,
                        attribution: text(&at.id),
                        scope,
                    }
                }),
                // Borrowed too: a copy is an allocation a claim.
                signals: list(&c.signals),
            })
            .collect();
        FileReport {
            summary: Summary {
                quotes: quotes.len(),
                quotes_with_speaker: quotes.iter().filter(|q| q.speaker.is_some()).count(),
                claims: ClaimCounts::of(a),
                findings: counts,
            },
            path,
            language: "fr",
            quotes,
            attributions,
            claims,
            findings,
        }
    }
}
