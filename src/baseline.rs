//! Baselines: accept the findings an article already has, and report only new ones.
//!
//! An entry is keyed by path, rule and a fingerprint of the flagged text (its words,
//! whitespace folded), never by line or offset, so edits elsewhere in the article do not
//! break it. The same text flagged twice is two entries. Entries that no longer match a
//! finding are stale and listed, so the baseline can be rewritten.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::analysis::Analysis;
use crate::rules::Finding;

pub const BASELINE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// The fingerprint of a finding: its rule and the flagged words.
pub fn fingerprint(a: &Analysis, f: &Finding) -> String {
    // Typography folded (spaces, no-break spaces, apostrophes, quotation marks): a
    // re-typeset sentence keeps its fingerprint.
    let text = crate::diff::normalize(&a.document.text[f.span.start..f.span.end]);
    let digest = Sha256::new()
        .chain_update(f.rule.as_bytes())
        .chain_update([0])
        .chain_update(text.as_bytes())
        .finalize();
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

impl Baseline {
    /// The baseline of a run: every finding of every file, sorted.
    pub fn of(analyses: &[(String, Analysis)]) -> Baseline {
        let mut baseline = Baseline::default();
        for (path, a) in analyses {
            baseline.record(path, a);
        }
        baseline.finish()
    }

    /// Adds one file's findings, so that a run can be recorded file by file.
    pub fn record(&mut self, path: &str, a: &Analysis) {
        self.entries.extend(a.findings.iter().map(|f| Entry {
            path: path.to_string(),
            rule: f.rule.to_string(),
            fingerprint: fingerprint(a, f),
        }));
    }

    /// The recorded entries sorted (the written order does not depend on the run's).
    pub fn finish(mut self) -> Baseline {
        self.entries.sort();
        self.version = BASELINE_VERSION;
        self
    }

    /// Removes the findings the baseline accepts; returns the entries left unmatched.
    pub fn filter(&self, analyses: &mut [(String, Analysis)]) -> Vec<Entry> {
        let mut filter = self.filter_files();
        for (path, a) in analyses.iter_mut() {
            filter.apply(path, a);
        }
        filter.stale()
    }

    /// A filter applied file by file, for runs that do not hold every analysis at once.
    pub fn filter_files(&self) -> Filter<'_> {
        let mut left: BTreeMap<&Entry, usize> = BTreeMap::new();
        for e in &self.entries {
            *left.entry(e).or_default() += 1;
        }
        Filter { left }
    }
}

/// The baseline entries not yet matched by a finding, as a run goes through its files.
pub struct Filter<'b> {
    left: BTreeMap<&'b Entry, usize>,
}

impl Filter<'_> {
    /// Removes from `a` the findings the baseline accepts.
    pub fn apply(&mut self, path: &str, a: &mut Analysis) {
        let prints: Vec<String> = a.findings.iter().map(|f| fingerprint(a, f)).collect();
        let mut keep = Vec::with_capacity(a.findings.len());
        for (f, print) in std::mem::take(&mut a.findings).into_iter().zip(prints) {
            let key = Entry {
                path: path.to_string(),
                rule: f.rule.to_string(),
                fingerprint: print,
            };
            match self.left.get_mut(&key) {
                Some(n) if *n > 0 => *n -= 1,
                _ => keep.push(f),
            }
        }
        a.findings = keep;
    }

    /// The entries no finding matched: fixed or moved findings.
    pub fn stale(self) -> Vec<Entry> {
        self.left
            .into_iter()
            .flat_map(|(e, n)| std::iter::repeat_n(e.clone(), n))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_text;

    const QUOTE: &str = "Le débat a duré. « Nous ne céderons rien sur ce point. »";

    #[test]
    fn edits_elsewhere_keep_the_baseline_valid() {
        let before = vec![("a.md".to_string(), analyze_text(QUOTE))];
        let baseline = Baseline::of(&before);
        assert_eq!(baseline.entries.len(), 1);
        let edited = format!("Un paragraphe ajouté en tête.\n\n{QUOTE}");
        let mut after = vec![("a.md".to_string(), analyze_text(&edited))];
        let stale = baseline.filter(&mut after);
        assert!(after[0].1.findings.is_empty());
        assert!(stale.is_empty());
    }

    #[test]
    fn new_findings_remain_and_fixed_ones_are_stale() {
        let baseline = Baseline::of(&[("a.md".to_string(), analyze_text(QUOTE))]);
        let mut after = vec![(
            "a.md".to_string(),
            analyze_text("Le débat a duré. « Autre chose encore à dire ici. »"),
        )];
        let stale = baseline.filter(&mut after);
        assert_eq!(after[0].1.findings.len(), 1);
        assert_eq!(stale.len(), 1);
    }
}
