//! Reporting verbs: every third-person form of each lemma in `grammar/fr/verbs.tsv`.

use std::sync::Arc;

use super::entries::EntryWords;
use super::phrases::PhraseTable;
use super::scan;
use super::syntax::VerbFormRules;
use crate::text::vocabulary::{self, Word};

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

/// A line of the verb table.
struct Lemma<'s> {
    lemma: &'s str,
    category: &'s str,
    /// Its words after the verb, which participles keep (see [`lemma_tail`]).
    tail: &'s str,
    /// Its forms, with the column each comes from: a range of [`load`]'s `forms`.
    forms: std::ops::Range<usize>,
}

/// Parses the verb table into `table`; returns the number of lemmas and the bad lines.
///
/// The forms' words come from `entries`, which tokenizes each distinct piece once; the
/// spellings a form stands for (see [`Variants`]) are made from its word numbers.
pub(crate) fn load<'s>(
    source: &'s str,
    rules: &VerbFormRules,
    table: &mut PhraseTable<VerbForm>,
    entries: &mut EntryWords<'s>,
) -> (usize, Vec<String>) {
    let mut bad = Vec::new();
    let mut lemmas = Vec::new();
    // About a form every 14 bytes.
    let mut forms: Vec<(&str, FormKind)> = Vec::with_capacity(source.len() / 14);
    for (n, line) in scan::lines(source).enumerate() {
        if line.starts_with('#') || scan::trim(line).is_empty() {
            continue;
        }
        let start = forms.len();
        let mut head = [""; 2];
        let mut columns = 0;
        scan::split(line, b'\t', |col| {
            match columns {
                0 | 1 => head[columns] = col,
                c => {
                    if let Some(&kind) = COLUMNS.get(c - 2) {
                        scan::split(col, b';', |form| {
                            let form = scan::trim(form);
                            if !form.is_empty() {
                                forms.push((form, kind));
                            }
                        });
                    }
                }
            }
            columns += 1;
        });
        if columns != 2 + COLUMNS.len() {
            forms.truncate(start);
            bad.push(format!(
                "verbs.tsv:{}: expected {} columns",
                n + 1,
                2 + COLUMNS.len()
            ));
            continue;
        }
        let [lemma, category] = head;
        lemmas.push(Lemma {
            lemma,
            category,
            tail: lemma_tail(lemma, rules),
            forms: start..forms.len(),
        });
    }
    let prepared = entries.prepare(
        forms
            .iter()
            .map(|&(f, _)| f)
            .chain(lemmas.iter().map(|l| l.tail)),
    );
    let (form_entries, tail_entries) = prepared.split_at(forms.len().min(prepared.len()));
    // 10,468 nodes for the 6,388 forms of the built-in table.
    table.reserve(forms.len() * 2);
    let mut variants = Variants::new(rules);
    let mut words = Vec::new();
    for (l, &tail) in lemmas.iter().zip(tail_entries) {
        let (lemma, category): (Arc<str>, Arc<str>) = (l.lemma.into(), l.category.into());
        let pronominal = rules.reflexive_prefixes.iter().any(|p| {
            l.lemma
                .strip_prefix(p.as_str())
                .is_some_and(|rest| rest.starts_with(' ') || p.ends_with('\''))
        });
        for (&(form, kind), &entry) in forms[l.forms.clone()]
            .iter()
            .zip(&form_entries[l.forms.clone()])
        {
            words.clear();
            let mut last = entries.append_words(entry, &mut words);
            // `mis` alone is no form of `mettre en avant`: participles keep the tail.
            if matches!(kind, FormKind::PastParticiple | FormKind::PresentParticiple)
                && !l.tail.is_empty()
                && !form.ends_with(l.tail)
            {
                last = entries.append_words(tail, &mut words).or(last);
            }
            let last = last.map(|i| entries.norm(i));
            variants.insert_all(&words, last, kind, pronominal, table, || VerbForm {
                lemma: Arc::clone(&lemma),
                category: Arc::clone(&category),
                kind,
            });
        }
    }
    (lemmas.len(), bad)
}

/// The words of a multiword lemma after its verb (`mettre en avant` -> `en avant`).
fn lemma_tail<'s>(lemma: &'s str, rules: &VerbFormRules) -> &'s str {
    // Past a reflexive prefix word (`se`, `s'en`) or the elided one glued to the verb.
    let verb = match lemma.split_once(' ') {
        Some((first, rest)) if rules.reflexive_prefixes.iter().any(|p| p == first) => rest,
        _ => lemma,
    };
    verb.split_once(' ').map_or("", |(_, tail)| tail)
}

/// The spellings a form stands for: incises with every subject pronoun, the plural
/// pluperfect, and agreement of reflexive participles. The rules' words are matched by
/// number; each is looked up (or numbered, for the words a variant brings in) once, and
/// only once the vocabulary has it, so that words are numbered in the order the forms
/// spelled out in full would number them.
struct Variants<'r> {
    rules: &'r VerbFormRules,
    /// Subject pronouns and the pronouns that replace them, by pronoun.
    incise: Vec<(Known<'r>, Vec<Known<'r>>)>,
    /// Singular auxiliaries and their plurals.
    plural: Vec<(Known<'r>, Known<'r>)>,
    /// The spelling being inserted.
    variant: Vec<Word>,
    /// A participle with an agreement suffix.
    agreed: String,
}

/// A word of the rules and its number once known.
struct Known<'r> {
    text: &'r str,
    word: Option<Word>,
}

impl<'r> Known<'r> {
    fn new(text: &'r str) -> Self {
        Known { text, word: None }
    }

    /// Its number if the vocabulary has it (no form holds it otherwise).
    fn find(&mut self) -> Option<Word> {
        if self.word.is_none() {
            self.word = Some(vocabulary::word(self.text)).filter(|&w| w != Word::UNKNOWN);
        }
        self.word
    }

    /// Its number, numbering it if new.
    fn intern(&mut self) -> Word {
        *self
            .word
            .get_or_insert_with(|| vocabulary::intern(self.text))
    }
}

impl<'r> Variants<'r> {
    fn new(rules: &'r VerbFormRules) -> Self {
        let mut incise: Vec<(&String, &Vec<String>)> =
            rules.incise_pronoun_variants.iter().collect();
        incise.sort();
        Variants {
            rules,
            incise: incise
                .into_iter()
                .map(|(p, others)| {
                    (
                        Known::new(p),
                        others.iter().map(|o| Known::new(o)).collect(),
                    )
                })
                .collect(),
            plural: rules
                .plural_auxiliaries
                .iter()
                .map(|(s, p)| (Known::new(s), Known::new(p)))
                .collect(),
            variant: Vec::new(),
            agreed: String::new(),
        }
    }

    /// Inserts the form `words` (whose last word is `last`) and each of its variants, in
    /// the order they were always inserted: the form, its incise pronouns, its plural,
    /// its agreements.
    fn insert_all(
        &mut self,
        words: &[Word],
        last: Option<&str>,
        kind: FormKind,
        pronominal: bool,
        table: &mut PhraseTable<VerbForm>,
        value: impl Fn() -> VerbForm,
    ) {
        table.insert_numbered(words, value());
        if kind == FormKind::Incise {
            for (pronoun, others) in &mut self.incise {
                let Some(pronoun) = pronoun.find().filter(|p| words.contains(p)) else {
                    continue;
                };
                for other in others {
                    let other = other.intern();
                    self.variant.clear();
                    self.variant
                        .extend(words.iter().map(|&w| if w == pronoun { other } else { w }));
                    table.insert_numbered(&self.variant, value());
                }
            }
        }
        if kind == FormKind::Finite
            && let Some(&first) = words.first()
            && let Some(k) = self
                .plural
                .iter_mut()
                .position(|(singular, _)| singular.find() == Some(first))
        {
            let plural = &mut self.plural[k].1;
            self.variant.clear();
            self.variant.extend_from_slice(words);
            self.variant[0] = plural.intern();
            table.insert_numbered(&self.variant, value());
        }
        let agrees = pronominal
            && words.len() >= 2
            && matches!(
                kind,
                FormKind::Finite | FormKind::Incise | FormKind::ConditionalPast
            )
            && words
                .iter()
                .any(|&w| self.rules.agreeing_auxiliaries.contains_word(w));
        let last = last.unwrap_or_default();
        if agrees
            && !self
                .rules
                .agreement_suffixes
                .iter()
                .any(|s| last.ends_with(s.as_str()))
        {
            for suffix in &self.rules.agreement_suffixes {
                self.agreed.clear();
                self.agreed.push_str(last);
                self.agreed.push_str(suffix);
                self.variant.clear();
                self.variant.extend_from_slice(words);
                if let Some(l) = self.variant.last_mut() {
                    *l = vocabulary::intern(&self.agreed);
                }
                table.insert_numbered(&self.variant, value());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::entry_words;

    /// The table as it was built before [`EntryWords`] and [`Variants`]: every form
    /// tokenized whole and its variants spelled out as strings, every word interned as it
    /// is inserted.
    fn reference(source: &str, rules: &VerbFormRules) -> PhraseTable<VerbForm> {
        let mut table = PhraseTable::default();
        for line in source.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if line.trim().is_empty() || line.starts_with('#') || cols.len() != 13 {
                continue;
            }
            let (lemma, category): (Arc<str>, Arc<str>) = (cols[0].into(), cols[1].into());
            let pronominal = rules.reflexive_prefixes.iter().any(|p| {
                cols[0].starts_with(&format!("{p} "))
                    || (p.ends_with('\'') && cols[0].starts_with(p.as_str()))
            });
            let tail = reference_tail(cols[0], rules);
            for (col, &kind) in cols[2..].iter().zip(COLUMNS.iter()) {
                for form in col.split(';').map(str::trim).filter(|f| !f.is_empty()) {
                    let form =
                        if matches!(kind, FormKind::PastParticiple | FormKind::PresentParticiple)
                            && !tail.is_empty()
                            && !form.ends_with(tail.as_str())
                        {
                            format!("{form} {tail}")
                        } else {
                            form.to_string()
                        };
                    for words in reference_variants(&form, kind, pronominal, rules) {
                        let words: Vec<Word> =
                            words.iter().map(|w| vocabulary::intern(w)).collect();
                        let value = VerbForm {
                            lemma: Arc::clone(&lemma),
                            category: Arc::clone(&category),
                            kind,
                        };
                        table.insert_numbered(&words, value);
                    }
                }
            }
        }
        table
    }

    fn reference_tail(lemma: &str, rules: &VerbFormRules) -> String {
        let mut words: Vec<&str> = lemma.split(' ').collect();
        if let Some(first) = words.first()
            && rules.reflexive_prefixes.iter().any(|p| p == first)
        {
            words.remove(0);
        }
        words.get(1..).map(|t| t.join(" ")).unwrap_or_default()
    }

    fn reference_variants(
        form: &str,
        kind: FormKind,
        pronominal: bool,
        rules: &VerbFormRules,
    ) -> Vec<Vec<String>> {
        let words = entry_words(form);
        let mut out = vec![words.clone()];
        let swap = |from: &str, to: &str| -> Vec<String> {
            let to = |w: &String| if w == from { to.to_string() } else { w.clone() };
            words.iter().map(to).collect()
        };
        if kind == FormKind::Incise {
            let mut pronouns: Vec<_> = rules.incise_pronoun_variants.iter().collect();
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
        let last = words.last().cloned().unwrap_or_default();
        if agrees && !rules.agreement_suffixes.iter().any(|s| last.ends_with(s)) {
            for suffix in &rules.agreement_suffixes {
                let mut w = words.clone();
                if let Some(l) = w.last_mut() {
                    l.push_str(suffix);
                }
                out.push(w);
            }
        }
        out
    }

    /// The verb table is the one the straightforward loader builds, node for node (the
    /// vocabulary is shared, so both number words alike).
    #[test]
    fn loads_the_table_the_straightforward_way_does() {
        let source = include_str!("../../grammar/fr/verbs.tsv");
        let rules = &super::super::FR.syntax.verb_forms;
        let mut table = PhraseTable::default();
        let (lemmas, bad) = load(source, rules, &mut table, &mut EntryWords::default());
        assert!(lemmas >= 249 && bad.is_empty(), "{lemmas} {bad:?}");
        assert_eq!(
            format!("{table:?}"),
            format!("{:?}", reference(source, rules))
        );
    }

    /// A made-up table that exercises every variant: incises, plural auxiliaries, agreement
    /// of reflexive participles, multiword lemmas.
    #[test]
    fn builds_every_variant_like_the_straightforward_way() {
        let source = concat!(
            "se vanter\tNEU\tse vante\tse vantait\tse vanta\ts'est vanté;se sont vantés\t",
            "s'était vanté\tse vantera\tse vanterait\tse serait vanté\tvanté\tse vantant\t",
            "se vante-t-il;s'est-il vanté;se sont-ils vantés;s'était-il vanté\n",
            "mettre en avant\tNEU\tmet en avant\tmettait en avant\tmit en avant\t",
            "a mis en avant\tavait mis en avant\tmettra en avant\tmettrait en avant\t",
            "aurait mis en avant\tmis;mis en avant\tmettant\tmet-il en avant;a-t-il mis en avant\n",
            "# a comment\n",
            "bad\tNEU\tonly three\n",
        );
        let rules = &super::super::FR.syntax.verb_forms;
        let mut table = PhraseTable::default();
        let (lemmas, bad) = load(source, rules, &mut table, &mut EntryWords::default());
        assert_eq!(
            (lemmas, bad),
            (2, vec!["verbs.tsv:4: expected 13 columns".into()])
        );
        assert_eq!(
            format!("{table:?}"),
            format!("{:?}", reference(source, rules))
        );
        assert!(table.len() > 40, "{}", table.len());
    }
}
