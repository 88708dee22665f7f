//! Reporting verbs: every third-person form of each lemma in `grammar/fr/verbs.tsv`.

use std::sync::Arc;

use super::phrases::PhraseTable;
use super::syntax::VerbFormRules;
use crate::text::token::entry_words;

/// Which column of the verb table a form comes from: it decides where the speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// A finite form with the subject before it (`X a déclaré`) or, after a quote, after
    /// it (`« … », a déclaré X`).
    Finite,
    /// Conditional (`dirait`): a finite form, also a future in the past.
    Conditional,
    /// Past conditional (`aurait déclaré`): the speech act itself is hearsay.
    ConditionalPast,
    /// Past participle alone (`déclaré`): part of a compound form split by adverbs.
    PastParticiple,
    /// Present participle (`estimant`, `en affirmant`): the subject is the clause's.
    PresentParticiple,
    /// Inverted incise with a subject pronoun (`a-t-il déclaré`, `dit-elle`).
    Incise,
}

/// A form of a reporting verb. The lemma and category are shared by all the forms of a
/// lemma (dozens, once incises and agreements are spelled out), not copied into each.
#[derive(Debug, Clone)]
pub struct VerbForm {
    pub lemma: Arc<str>,
    pub category: Arc<str>,
    pub kind: FormKind,
}

const COLUMNS: [FormKind; 11] = [
    FormKind::Finite,            // present
    FormKind::Finite,            // imperfect
    FormKind::Finite,            // simple past
    FormKind::Finite,            // compound past
    FormKind::Finite,            // pluperfect
    FormKind::Finite,            // future
    FormKind::Conditional,       // conditional
    FormKind::ConditionalPast,   // past conditional
    FormKind::PastParticiple,    // past participle
    FormKind::PresentParticiple, // present participle
    FormKind::Incise,            // inverted incise forms
];

/// Parses the verb table into `table`; returns the number of lemmas and the bad lines.
pub fn load(
    source: &str,
    rules: &VerbFormRules,
    table: &mut PhraseTable<VerbForm>,
) -> (usize, Vec<String>) {
    let mut lemmas = 0;
    let mut bad = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 2 + COLUMNS.len() {
            bad.push(format!(
                "verbs.tsv:{}: expected {} columns",
                n + 1,
                2 + COLUMNS.len()
            ));
            continue;
        }
        lemmas += 1;
        let (lemma, category) = (cols[0], cols[1]);
        let (shared_lemma, shared_category): (Arc<str>, Arc<str>) = (lemma.into(), category.into());
        let pronominal = rules.reflexive_prefixes.iter().any(|p| {
            lemma.starts_with(&format!("{p} "))
                || (p.ends_with('\'') && lemma.starts_with(p.as_str()))
        });
        let tail = lemma_tail(lemma, rules);
        for (col, &kind) in cols[2..].iter().zip(COLUMNS.iter()) {
            for form in col.split(';').map(str::trim).filter(|f| !f.is_empty()) {
                // `mis` alone is no form of `mettre en avant`: participles keep the tail.
                let form = if matches!(kind, FormKind::PastParticiple | FormKind::PresentParticiple)
                    && !tail.is_empty()
                    && !form.ends_with(tail.as_str())
                {
                    format!("{form} {tail}")
                } else {
                    form.to_string()
                };
                for variant in variants(&form, kind, pronominal, rules) {
                    table.insert_words(
                        variant,
                        VerbForm {
                            lemma: Arc::clone(&shared_lemma),
                            category: Arc::clone(&shared_category),
                            kind,
                        },
                    );
                }
            }
        }
    }
    (lemmas, bad)
}

/// The words of a multiword lemma after its verb (`mettre en avant` -> `en avant`).
fn lemma_tail(lemma: &str, rules: &VerbFormRules) -> String {
    let mut words: Vec<&str> = lemma.split(' ').collect();
    // Drop a reflexive prefix word (`se`, `s'en`) or the elided one glued to the verb.
    if let Some(first) = words.first()
        && rules.reflexive_prefixes.iter().any(|p| p == first)
    {
        words.remove(0);
    }
    words.get(1..).map(|t| t.join(" ")).unwrap_or_default()
}

/// The spellings a form stands for: incises with every subject pronoun, the plural
/// pluperfect, and agreement of reflexive participles.
fn variants(
    form: &str,
    kind: FormKind,
    pronominal: bool,
    rules: &VerbFormRules,
) -> Vec<Vec<String>> {
    let words = entry_words(form);
    let mut out = vec![words.clone()];
    let swap = |from: &str, to: &str| -> Vec<String> {
        words
            .iter()
            .map(|w| if w == from { to.to_string() } else { w.clone() })
            .collect()
    };
    if kind == FormKind::Incise {
        let mut pronouns: Vec<(&String, &Vec<String>)> =
            rules.incise_pronoun_variants.iter().collect();
        pronouns.sort();
        for (pronoun, others) in pronouns {
            if words.iter().any(|w| w == pronoun) {
                out.extend(others.iter().map(|o| swap(pronoun, o)));
            }
        }
    }
    if kind == FormKind::Finite
        && let Some(plural) = words.first().and_then(|f| rules.plural_auxiliaries.get(f))
    {
        let mut w = words.clone();
        w[0] = plural.clone();
        out.push(w);
    }
    let agrees = pronominal
        && words.len() >= 2
        && matches!(
            kind,
            FormKind::Finite | FormKind::Incise | FormKind::ConditionalPast
        )
        && words.iter().any(|w| rules.agreeing_auxiliaries.contains(w));
    if agrees {
        let last = words.last().cloned().unwrap_or_default();
        if !rules
            .agreement_suffixes
            .iter()
            .any(|s| last.ends_with(s.as_str()))
        {
            for suffix in &rules.agreement_suffixes {
                let mut w = words.clone();
                if let Some(l) = w.last_mut() {
                    l.push_str(suffix);
                }
                out.push(w);
            }
        }
    }
    out
}
