//! The JSON report: the public contract read by scripts and the scorer.
//!
//! Its shape is documented in `schema/report.schema.json` and versioned by `version`; new
//! fields may be added, existing ones never change meaning.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::model::{QuoteKind, SourceKind, Via};
use crate::rules::Severity;
use crate::source::Location;

pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub tool: Tool,
    pub files: Vec<FileReport>,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
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

#[derive(Debug, Serialize)]
pub struct FileReport {
    pub path: String,
    pub language: &'static str,
    pub quotes: Vec<QuoteOut>,
    /// Filled by the attribution stage (not yet built): always present, empty for now.
    pub attributions: Vec<serde_json::Value>,
    /// Filled by the claims stage (not yet built): always present, empty for now.
    pub claims: Vec<serde_json::Value>,
    pub findings: Vec<FindingOut>,
    pub summary: Summary,
}

#[derive(Debug, Serialize)]
pub struct QuoteOut {
    pub id: String,
    pub text: String,
    pub kind: QuoteKind,
    pub span: Location,
    pub speaker: Option<SpeakerOut>,
}

#[derive(Debug, Serialize)]
pub struct SpeakerOut {
    pub name: String,
    pub kind: SourceKind,
    pub span: Location,
    pub via: Via,
}

#[derive(Debug, Serialize)]
pub struct FindingOut {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Location,
    pub subject: Option<String>,
}

#[derive(Debug, Serialize, Default)]
pub struct Summary {
    pub quotes: usize,
    pub quotes_with_speaker: usize,
    pub findings: SeverityCounts,
}

#[derive(Debug, Serialize, Default, Clone, Copy)]
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
        FileReport {
            summary: Summary {
                quotes: quotes.len(),
                quotes_with_speaker: quotes.iter().filter(|q| q.speaker.is_some()).count(),
                findings: counts,
            },
            path,
            language: "fr",
            quotes,
            attributions: Vec::new(),
            claims: Vec::new(),
            findings,
        }
    }
}
