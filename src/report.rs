//! The JSON report: the public contract read by scripts and the scorer.
//!
//! Its shape is documented in `schema/report.schema.json` and versioned by `version`; new
//! fields may be added, existing ones never change meaning.

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
pub struct Report {
    pub version: u32,
    pub tool: Tool,
    pub files: Vec<FileReport>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    #[serde(deserialize_with = "known_str")]
    pub name: Fixed,
    #[serde(deserialize_with = "known_str")]
    pub version: Fixed,
}

impl Report {
    pub fn new(files: Vec<FileReport>) -> Report {
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
pub struct FileReport {
    pub path: String,
    #[serde(deserialize_with = "known_str")]
    pub language: Fixed,
    pub quotes: Vec<QuoteOut>,
    pub attributions: Vec<AttributionOut>,
    pub claims: Vec<ClaimOut>,
    pub findings: Vec<FindingOut>,
    pub summary: Summary,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteOut {
    pub id: String,
    pub text: String,
    pub kind: QuoteKind,
    pub span: Location,
    pub speaker: Option<SpeakerOut>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerOut {
    pub name: String,
    pub kind: SourceKind,
    pub span: Location,
    pub via: Via,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct CueOut {
    pub kind: CueKind,
    pub text: String,
    /// The reporting verb's lemma (verb cues only).
    pub lemma: Option<String>,
    pub span: Location,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceOut {
    pub name: String,
    pub kind: SourceKind,
    pub span: Location,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionOut {
    pub id: String,
    pub cue: CueOut,
    pub source: SourceOut,
    /// The sentences the attribution covers (see the scoping rules).
    pub content: Location,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimSourceOut {
    pub name: String,
    pub kind: SourceKind,
    pub span: Location,
    /// The id of the attribution that covers the claim.
    pub attribution: String,
    pub scope: Scope,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimOut {
    pub id: String,
    pub text: String,
    pub span: Location,
    pub source: Option<ClaimSourceOut>,
    pub signals: Vec<Signal>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct FindingOut {
    #[serde(deserialize_with = "known_str")]
    pub rule: Fixed,
    pub severity: Severity,
    pub message: String,
    pub span: Location,
    pub subject: Option<String>,
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

impl FileReport {
    pub fn from_analysis(path: String, a: &Analysis) -> FileReport {
        let doc = &a.document;
        let loc = |s| doc.lines.locate(&doc.text, s);
        let quotes: Vec<QuoteOut> = a
            .quotes
            .iter()
            .map(|q| QuoteOut {
                id: q.id.clone(),
                text: q.text.clone(),
                kind: q.kind,
                span: loc(q.span),
                speaker: q.speaker.as_ref().map(|s| SpeakerOut {
                    name: s.name.clone(),
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
                    message: f.message.clone(),
                    span: loc(f.span),
                    subject: f.subject.clone(),
                }
            })
            .collect();
        let attributions = a
            .attributions
            .iter()
            .map(|at| AttributionOut {
                id: at.id.clone(),
                cue: CueOut {
                    kind: at.cue,
                    text: at.cue_text.clone(),
                    lemma: at.lemma.clone(),
                    span: loc(at.cue_span),
                },
                source: SourceOut {
                    name: at.source.name.clone(),
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
                id: c.id.clone(),
                text: c.text.clone(),
                span: loc(c.span),
                source: c.attribution.zip(c.scope).map(|(i, scope)| {
                    let at = &a.attributions[i];
                    ClaimSourceOut {
                        name: at.source.name.clone(),
                        kind: at.source.kind,
                        span: loc(at.source.span),
                        attribution: at.id.clone(),
                        scope,
                    }
                }),
                signals: c.signals.clone(),
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
