//! `attrib diff`: what changed in an article's sourcing between two revisions.
//!
//! Quotes, claims, attributions and findings of the two analyses are aligned by content,
//! never by position: items with the same typography-normalised text (spaces, no-break
//! spaces, apostrophes and quote marks folded) pair up whatever their order, so a moved
//! paragraph or a re-typeset quote is no change. What is left is paired by the word-level
//! similarity `similar` computes (a quote with one word changed is *altered*, with its
//! word diff), and the rest is added or removed.

pub mod render;

use std::collections::HashMap;

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::analysis::Analysis;
use crate::baseline::fingerprint;
use crate::model::{QuoteKind, SourceKind};
use crate::rules::Severity;
use crate::source::{Location, Span};

pub const DIFF_VERSION: u32 = 1;

/// Two texts this similar (word-level ratio) are one item changed, not two.
const PAIR_RATIO: f32 = 0.5;
/// At most this many candidates are compared for each unpaired item (long revisions
/// with many changes stay fast).
const PAIR_WINDOW: usize = 64;
/// Of those, how many (the most word-sharing) are compared by a full word diff.
const PAIR_DIFFS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    QuoteAdded,
    QuoteRemoved,
    QuoteAltered,
    SpeakerChanged,
    AttributionAdded,
    AttributionRemoved,
    SourceChanged,
    ClaimAddedUnattributed,
    ClaimBecameUnattributed,
    FindingNew,
    FindingResolved,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::QuoteAdded => "quote added",
            ChangeKind::QuoteRemoved => "quote removed",
            ChangeKind::QuoteAltered => "quote altered",
            ChangeKind::SpeakerChanged => "speaker changed",
            ChangeKind::AttributionAdded => "attribution added",
            ChangeKind::AttributionRemoved => "attribution removed",
            ChangeKind::SourceChanged => "source changed",
            ChangeKind::ClaimAddedUnattributed => "claim added unattributed",
            ChangeKind::ClaimBecameUnattributed => "claim became unattributed",
            ChangeKind::FindingNew => "finding new",
            ChangeKind::FindingResolved => "finding resolved",
        }
    }
}

/// Who stands behind an item: a quote's speaker or a claim's source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Who {
    pub name: String,
    pub kind: SourceKind,
}

/// One side of a change, in its own revision.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub text: String,
    pub span: Location,
    pub who: Option<Who>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, Serialize)]
pub struct WordOp {
    pub op: Op,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub old: Option<Side>,
    pub new: Option<Side>,
    /// The word-level diff of an altered quote.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
    /// For findings: the rule and its severity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileDiff {
    pub old_path: String,
    pub new_path: String,
    pub changes: Vec<Change>,
}

#[derive(Debug, Serialize)]
pub struct DiffReport {
    pub version: u32,
    pub tool: crate::report::Tool,
    pub files: Vec<FileDiff>,
}

impl DiffReport {
    pub fn new(files: Vec<FileDiff>) -> DiffReport {
        DiffReport {
            version: DIFF_VERSION,
            tool: crate::report::Tool {
                name: "attrib",
                version: env!("CARGO_PKG_VERSION"),
            },
            files,
        }
    }
}

/// The typographic form of a text folded away: what an edit must change to count.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2019}' | '\u{02bc}' | '\u{2018}' | '`' | '\u{b4}' => '\'',
            '«' | '»' | '“' | '”' | '„' | '‹' | '›' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '…' => {
                out.push_str("...");
                space = false;
                continue;
            }
            c => c,
        };
        if c.is_whitespace() || c == '\u{202f}' || c == '\u{feff}' {
            space = true;
            continue;
        }
        // Space before French high punctuation is typography too.
        if space && !out.is_empty() && !matches!(c, ':' | ';' | '!' | '?' | '"' | '.' | ',') {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out.trim_matches('"').trim().to_string()
}

struct Item {
    key: String,
    text: String,
    span: Span,
    who: Option<Who>,
}

/// Pairs `old` and `new` items: exact keys first (as multisets), then by similarity.
/// Returns (old, new) index pairs, and the unpaired indices of each side.
/// A quote change's old and new spans and speakers.
type QuoteChange = (Option<Location>, Option<Location>, Option<Who>, Option<Who>);

/// Paired (old, new, exact) indices, then the unpaired old and new indices.
type Alignment = (Vec<(usize, usize, bool)>, Vec<usize>, Vec<usize>);

fn align(old: &[Item], new: &[Item]) -> Alignment {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, o) in old.iter().enumerate().rev() {
        by_key.entry(o.key.as_str()).or_default().push(i);
    }
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_left = Vec::new();
    for (j, n) in new.iter().enumerate() {
        match by_key.get_mut(n.key.as_str()).and_then(Vec::pop) {
            Some(i) => {
                old_used[i] = true;
                pairs.push((i, j, true));
            }
            None => new_left.push(j),
        }
    }
    let old_left: Vec<usize> = (0..old.len()).filter(|&i| !old_used[i]).collect();
    // Similar leftovers, best first, each compared with a bounded window of candidates.
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    let bag = |key: &str| -> Vec<u64> {
        let mut words: Vec<u64> = key.split_whitespace().map(word_hash).collect();
        words.sort_unstable();
        words
    };
    let old_bags: HashMap<usize, Vec<u64>> =
        old_left.iter().map(|&i| (i, bag(&old[i].key))).collect();
    for (a, &j) in new_left.iter().enumerate() {
        let new_bag = bag(&new[j].key);
        let mut bounded: Vec<(f32, usize, usize)> = Vec::new();
        let from = a.saturating_sub(PAIR_WINDOW / 2).min(old_left.len());
        for (k, &i) in old_left.iter().enumerate().skip(from).take(PAIR_WINDOW) {
            // The words two texts share (and their spaces, the diff's other tokens) bound
            // its ratio from above: most pairs are ruled out without running the diff.
            let old_bag = &old_bags[&i];
            let spaces = |b: &Vec<u64>| b.len().saturating_sub(1);
            let shared = common(old_bag, &new_bag) + spaces(old_bag).min(spaces(&new_bag));
            let tokens = old_bag.len() + spaces(old_bag) + new_bag.len() + spaces(&new_bag);
            let bound = 2.0 * shared as f32 / tokens.max(1) as f32;
            if bound >= PAIR_RATIO {
                bounded.push((bound, k.abs_diff(a), i));
            }
        }
        // Only the most promising few are diffed: a revision that rewrites every item
        // costs a few diffs an item, not a window's worth.
        // Among equals, the nearest to the item's own place (a text repeated in both).
        bounded.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        // A diff already as good as the next bound cannot be beaten: stop there.
        let mut best = 0.0f32;
        for &(bound, _, i) in bounded.iter().take(PAIR_DIFFS) {
            if best >= bound {
                break;
            }
            let ratio = TextDiff::from_words(old[i].key.as_str(), new[j].key.as_str()).ratio();
            best = best.max(ratio);
            if ratio >= PAIR_RATIO {
                candidates.push((ratio, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    for (_, i, j) in candidates {
        if !old_taken[i] && !new_taken[j] {
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push((i, j, false));
        }
    }
    let old_rest = old_left.into_iter().filter(|&i| !old_taken[i]).collect();
    let new_rest = new_left.into_iter().filter(|&j| !new_taken[j]).collect();
    pairs.sort_by_key(|p| (p.1, p.0));
    (pairs, old_rest, new_rest)
}

fn word_hash(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    word.hash(&mut h);
    h.finish()
}

/// Size of the multiset intersection of two sorted lists.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn side(a: &Analysis, item: &Item) -> Side {
    Side {
        text: item.text.clone(),
        span: a.document.lines.locate(&a.document.text, item.span),
        who: item.who.clone(),
    }
}

fn change(kind: ChangeKind, old: Option<Side>, new: Option<Side>) -> Change {
    Change {
        kind,
        old,
        new,
        words: Vec::new(),
        rule: None,
        severity: None,
    }
}

fn same_who(a: &Option<Who>, b: &Option<Who>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            normalize(&x.name).to_lowercase() == normalize(&y.name).to_lowercase()
                && x.kind == y.kind
        }
        (None, None) => true,
        _ => false,
    }
}

/// The word-level diff of two texts, typography folded.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let (old, new) = (normalize(old), normalize(new));
    let diff = TextDiff::from_words(old.as_str(), new.as_str());
    let mut ops: Vec<WordOp> = Vec::new();
    for c in diff.iter_all_changes() {
        let op = match c.tag() {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(c.value()),
            _ => ops.push(WordOp {
                op,
                text: c.value().to_string(),
            }),
        }
    }
    ops
}

fn quotes(a: &Analysis) -> Vec<Item> {
    a.quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Mention)
        .map(|q| Item {
            // A quote's final period is dropped before an incise (`« … fini », dit-il`):
            // typography, not a change of words.
            key: normalize(&q.text)
                .trim_end_matches(['.', ',', ';'])
                .trim_end()
                .to_string(),
            text: q.text.clone(),
            span: q.span,
            who: q.speaker.as_ref().map(|s| Who {
                name: s.name.clone(),
                kind: s.kind,
            }),
        })
        .collect()
}

fn claims(a: &Analysis) -> Vec<Item> {
    a.claims
        .iter()
        .map(|c| Item {
            key: normalize(&c.text),
            text: c.text.clone(),
            span: c.span,
            who: c.attribution.map(|i| Who {
                name: a.attributions[i].source.name.clone(),
                kind: a.attributions[i].source.kind,
            }),
        })
        .collect()
}

/// Compares two analyses of the same article.
pub fn diff(old_path: &str, old: &Analysis, new_path: &str, new: &Analysis) -> FileDiff {
    let mut changes = Vec::new();

    let (oq, nq) = (quotes(old), quotes(new));
    let (pairs, removed, added) = align(&oq, &nq);
    for (i, j, exact) in pairs {
        let (o, n) = (side(old, &oq[i]), side(new, &nq[j]));
        if !exact {
            let mut c = change(ChangeKind::QuoteAltered, Some(o.clone()), Some(n.clone()));
            c.words = word_diff(&oq[i].text, &nq[j].text);
            changes.push(c);
        }
        if !same_who(&oq[i].who, &nq[j].who) {
            changes.push(change(ChangeKind::SpeakerChanged, Some(o), Some(n)));
        }
    }
    changes.extend(
        removed
            .into_iter()
            .map(|i| change(ChangeKind::QuoteRemoved, Some(side(old, &oq[i])), None)),
    );
    changes.extend(
        added
            .into_iter()
            .map(|j| change(ChangeKind::QuoteAdded, None, Some(side(new, &nq[j])))),
    );

    let (oc, nc) = (claims(old), claims(new));
    let (pairs, removed, added) = align(&oc, &nc);
    for (i, j, _) in pairs {
        let (ow, nw) = (&oc[i].who, &nc[j].who);
        let kind = match (ow, nw) {
            (Some(_), None) => Some(ChangeKind::ClaimBecameUnattributed),
            (None, Some(_)) => Some(ChangeKind::AttributionAdded),
            (Some(_), Some(_)) if !same_who(ow, nw) => Some(ChangeKind::SourceChanged),
            _ => None,
        };
        if let Some(kind) = kind {
            changes.push(change(
                kind,
                Some(side(old, &oc[i])),
                Some(side(new, &nc[j])),
            ));
        }
    }
    for i in removed {
        if oc[i].who.is_some() {
            changes.push(change(
                ChangeKind::AttributionRemoved,
                Some(side(old, &oc[i])),
                None,
            ));
        }
    }
    for j in added {
        let kind = if nc[j].who.is_some() {
            ChangeKind::AttributionAdded
        } else {
            ChangeKind::ClaimAddedUnattributed
        };
        changes.push(change(kind, None, Some(side(new, &nc[j]))));
    }

    // Findings, as multisets of (rule, fingerprint of the flagged text).
    let key = |a: &Analysis, f: &crate::rules::Finding| (f.rule, fingerprint(a, f));
    let mut old_findings: HashMap<(&str, String), usize> = HashMap::new();
    for f in &old.findings {
        *old_findings.entry(key(old, f)).or_default() += 1;
    }
    let mut new_findings: HashMap<(&str, String), usize> = HashMap::new();
    for f in &new.findings {
        *new_findings.entry(key(new, f)).or_default() += 1;
    }
    let finding_side = |a: &Analysis, f: &crate::rules::Finding| Side {
        text: f.message.clone(),
        span: a.document.lines.locate(&a.document.text, f.span),
        who: None,
    };
    for f in &new.findings {
        let k = key(new, f);
        match old_findings.get_mut(&k) {
            Some(n) if *n > 0 => *n -= 1,
            _ => changes.push(Change {
                rule: Some(f.rule),
                severity: Some(f.severity),
                ..change(ChangeKind::FindingNew, None, Some(finding_side(new, f)))
            }),
        }
    }
    for f in &old.findings {
        let k = key(old, f);
        match new_findings.get_mut(&k) {
            Some(n) if *n > 0 => *n -= 1,
            _ => changes.push(Change {
                rule: Some(f.rule),
                severity: Some(f.severity),
                ..change(
                    ChangeKind::FindingResolved,
                    Some(finding_side(old, f)),
                    None,
                )
            }),
        }
    }

    // A claim whose source is a quote's speaker repeats the quote's change: keep the
    // quote's (`speaker changed`, not also `source changed`).
    let quote_changes: Vec<QuoteChange> = changes
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                ChangeKind::QuoteAdded | ChangeKind::QuoteRemoved | ChangeKind::SpeakerChanged
            )
        })
        .map(|c| {
            (
                c.old.as_ref().map(|s| s.span),
                c.new.as_ref().map(|s| s.span),
                c.old.as_ref().and_then(|s| s.who.clone()),
                c.new.as_ref().and_then(|s| s.who.clone()),
            )
        })
        .collect();
    let inside = |q: &Option<Location>, side: &Option<Side>| match (q, side) {
        (Some(q), Some(s)) => s.span.start <= q.start && q.start < s.span.end,
        _ => false,
    };
    changes.retain(|c| {
        if !matches!(
            c.kind,
            ChangeKind::AttributionAdded
                | ChangeKind::AttributionRemoved
                | ChangeKind::SourceChanged
        ) {
            return true;
        }
        !quote_changes.iter().any(|(qo, qn, wo, wn)| {
            (inside(qn, &c.new) && same_who(wn, &c.new.as_ref().and_then(|s| s.who.clone())))
                || (inside(qo, &c.old) && same_who(wo, &c.old.as_ref().and_then(|s| s.who.clone())))
        })
    });
    // Report order: by position in the new revision (old for removals), then kind.
    changes.sort_by_key(|c| {
        let at = c
            .new
            .as_ref()
            .or(c.old.as_ref())
            .map_or((0, 0), |s| (s.span.line, s.span.column));
        (at, c.kind)
    });
    FileDiff {
        old_path: old_path.to_string(),
        new_path: new_path.to_string(),
        changes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_text;

    fn kinds(old: &str, new: &str) -> Vec<ChangeKind> {
        diff("a", &analyze_text(old), "b", &analyze_text(new))
            .changes
            .iter()
            .map(|c| c.kind)
            .collect()
    }

    #[test]
    fn typography_is_no_change() {
        assert_eq!(
            normalize("« Nous\u{a0}restons ! »"),
            normalize("«Nous restons! »")
        );
        let old = "« Nous restons déterminés », a déclaré Marie Durand.\n";
        let new = "«\u{a0}Nous restons déterminés\u{a0}», a déclaré Marie Durand.\n";
        assert!(kinds(old, new).is_empty(), "{:?}", kinds(old, new));
    }

    #[test]
    fn a_moved_paragraph_is_no_change() {
        let a = "« Nous restons déterminés », a déclaré Marie Durand.";
        let b = "Selon la préfecture, l'incendie a détruit 300 hectares.";
        assert!(kinds(&format!("{a}\n\n{b}\n"), &format!("{b}\n\n{a}\n")).is_empty());
    }

    #[test]
    fn an_altered_quote_has_its_word_diff() {
        let old = "« Nous restons déterminés face à la crise », a déclaré Marie Durand.\n";
        let new = "« Nous restons résolus face à la crise », a déclaré Marie Durand.\n";
        let d = diff("a", &analyze_text(old), "b", &analyze_text(new));
        let altered = d
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::QuoteAltered)
            .expect("altered");
        assert!(
            altered
                .words
                .iter()
                .any(|w| w.op == Op::Delete && w.text.contains("déterminés"))
        );
        assert!(
            altered
                .words
                .iter()
                .any(|w| w.op == Op::Insert && w.text.contains("résolus"))
        );
    }

    #[test]
    fn lost_source_and_new_unattributed_claims() {
        let old = "Selon la préfecture, l'incendie a détruit 300 hectares.\n";
        let new =
            "L'incendie a détruit 300 hectares.\n\nLe préjudice atteint 40 millions d'euros.\n";
        let k = kinds(old, new);
        assert!(k.contains(&ChangeKind::ClaimBecameUnattributed), "{k:?}");
        assert!(k.contains(&ChangeKind::ClaimAddedUnattributed), "{k:?}");
        assert!(k.contains(&ChangeKind::FindingNew), "{k:?}");
    }
}
