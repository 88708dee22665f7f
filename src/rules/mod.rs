//! The rules: one file each, with its id, default severity and one-line description.
//!
//! A rule reads the analysis of one article and returns findings. The registry below is
//! what `--format human` prints, what the README documents and what later formats (SARIF)
//! describe.

pub mod anonymous_source;
pub mod hearsay_without_source;
pub mod loaded_verb;
pub mod quote_without_speaker;
pub mod unattributed_claim;
pub mod unbalanced_quote;
pub mod unused_suppression;
pub mod vague_source;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What every rule declares about itself.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub description: &'static str,
    pub check: fn(&Analysis) -> Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// The id of the quote (or claim) the finding is about, if any.
    pub subject: Option<String>,
}

pub const RULES: &[Rule] = &[
    quote_without_speaker::RULE,
    unbalanced_quote::RULE,
    unattributed_claim::RULE,
    anonymous_source::RULE,
    vague_source::RULE,
    hearsay_without_source::RULE,
    loaded_verb::RULE,
    unused_suppression::RULE,
];

/// Runs every rule, applies the inline suppressions, then reports the suppressions that
/// suppressed nothing; findings come sorted by position, then rule id.
pub fn check(analysis: &mut Analysis) -> Vec<Finding> {
    let findings: Vec<Finding> = RULES
        .iter()
        .filter(|r| r.id != unused_suppression::RULE.id)
        .flat_map(|r| (r.check)(analysis))
        .collect();
    let mut directives = std::mem::take(&mut analysis.suppressions);
    let mut findings = crate::suppression::apply(&analysis.document, &mut directives, findings);
    analysis.suppressions = directives;
    findings.extend((unused_suppression::RULE.check)(analysis));
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
    findings
}
