//! Closed-class words by grammatical role, from `grammar/<lang>/syntax.toml`.
//!
//! The speaker grammar asks "is this word an auxiliary?", "a complementizer?", never
//! "is it `a`?": the words themselves are data, so another language brings its own file.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer};

use super::phrases::PhraseTable;
use crate::text::normalize::fold;
use crate::text::token::Token;
use crate::text::vocabulary::{self, Word};

/// A set of folded words: a bit per word number (see [`vocabulary`]), so that asking
/// whether a token is in it is one shift, not a string hash.
#[derive(Debug, Default, Clone)]
pub struct WordSet(Vec<u64>);

impl WordSet {
    pub fn contains(&self, norm: &str) -> bool {
        self.contains_word(vocabulary::word(norm))
    }

    pub fn contains_word(&self, word: Word) -> bool {
        let i = word.index();
        self.0
            .get(i / 64)
            .is_some_and(|bits| bits >> (i % 64) & 1 == 1)
    }

    /// Whether a token is a word of this set.
    pub fn has(&self, t: &Token) -> bool {
        t.is_word() && self.contains_word(t.word)
    }

    fn insert(&mut self, norm: &str) {
        let i = vocabulary::intern(norm).index();
        if self.0.len() <= i / 64 {
            self.0.resize(i / 64 + 1, 0);
        }
        self.0[i / 64] |= 1 << (i % 64);
    }
}

impl<'de> Deserialize<'de> for WordSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut set = WordSet::default();
        for w in Vec::<String>::deserialize(d)? {
            set.insert(&fold(&w));
        }
        Ok(set)
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PronounInfo {
    pub plural: bool,
    pub feminine: bool,
}

/// The roles; see the comments of `grammar/fr/syntax.toml` for each.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub auxiliaries_avoir: WordSet,
    pub auxiliaries_etre: WordSet,
    pub reflexives: WordSet,
    pub passive_participles: WordSet,
    pub negation: WordSet,
    pub complementizers: WordSet,
    pub inversion_triggers: WordSet,
    pub coordinators: WordSet,
    pub gerund_markers: WordSet,
    pub subject_relatives: WordSet,
    pub clause_openers: WordSet,
    pub clause_boundaries: WordSet,
    pub genitives: WordSet,
    pub phrase_internal_prepositions: WordSet,
    pub medium_prepositions: WordSet,
    pub non_person_before: WordSet,
    pub definite_singular: WordSet,
    pub anaphoric_modifiers: WordSet,
    pub feminine_titles: WordSet,
    pub masculine_titles: WordSet,
    pub feminine_determiners: WordSet,
    pub masculine_determiners: WordSet,
    pub plural_determiners: WordSet,
    pub vague_quantifiers: WordSet,
    /// Two-word quantifiers, folded and joined by a space.
    pub vague_quantifier_phrases: WordSet,
    /// Endings of adverbs of manner.
    pub adverb_suffixes: Vec<String>,
}

impl Words {
    pub fn is_adverb(&self, norm: &str) -> bool {
        self.adverb_suffixes
            .iter()
            .any(|s| norm.len() > s.len() + 2 && norm.ends_with(s.as_str()))
    }

    pub fn is_auxiliary(&self, word: Word) -> bool {
        self.auxiliaries_avoir.contains_word(word) || self.auxiliaries_etre.contains_word(word)
    }
}

/// How the verb table's forms expand into every spelling.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerbFormRules {
    pub incise_pronoun_variants: FxHashMap<String, Vec<String>>,
    pub plural_auxiliaries: FxHashMap<String, String>,
    pub reflexive_prefixes: Vec<String>,
    pub agreeing_auxiliaries: WordSet,
    pub agreement_suffixes: Vec<String>,
}

/// Which reporting verbs attribute a whole sentence, and how far.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionRules {
    pub object_categories: Vec<String>,
    pub continuing_categories: Vec<String>,
    pub cleft_openers: Phrases,
    pub infinitive_suffixes: Vec<String>,
    pub infinitive_markers: WordSet,
}

/// What makes a sentence check-worthy beyond the claim-signal lexicon.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRules {
    pub conditional_suffixes: Vec<String>,
    pub conditional_modals: WordSet,
    pub hypothetical_markers: Phrases,
    pub future_suffixes: Vec<String>,
    pub future_forms: WordSet,
    pub months: WordSet,
    pub ordinal_suffixes: WordSet,
    pub hour_marks: WordSet,
    pub number_words: WordSet,
    pub min_figure: u64,
    pub units: WordSet,
    pub min_words: usize,
}

/// How transcripts name who speaks (see `verify::labels`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranscriptRules {
    /// Compared folded, like text (see `fold`).
    pub turn_labels: Vec<String>,
    /// Lower case, without accents or period, as `verify` compares names.
    pub name_titles: Vec<String>,
}

/// Multi-word phrases, matched on tokens like the other lexicons.
#[derive(Debug, Default, Clone)]
pub struct Phrases(pub PhraseTable<()>);

impl<'de> Deserialize<'de> for Phrases {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut table = PhraseTable::default();
        for p in Vec::<String>::deserialize(d)? {
            table.insert(&p, ());
        }
        Ok(Phrases(table))
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Syntax {
    pub pronouns: FxHashMap<String, PronounInfo>,
    pub words: Words,
    pub verb_forms: VerbFormRules,
    pub attribution: AttributionRules,
    pub claims: ClaimRules,
    pub transcripts: TranscriptRules,
}

impl Syntax {
    pub fn parse(source: &str) -> Result<Syntax, String> {
        toml::from_str(source).map_err(|e| format!("syntax.toml: {e}"))
    }

    /// The pronoun a token is, if it can stand for a speaker.
    pub fn pronoun(&self, t: &Token) -> Option<PronounInfo> {
        if !t.is_word() {
            return None;
        }
        self.pronouns.get(t.norm.as_str()).copied()
    }
}
