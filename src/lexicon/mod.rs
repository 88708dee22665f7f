//! The French grammar data of `grammar/fr/`, compiled into the binary.
//!
//! Every word list lives in a data file so that vocabulary changes (and, later, a new
//! language) are data and tests, not parser edits. The files are embedded at build time with
//! `include_str!` and parsed once, on first use.

pub mod phrases;
pub mod syntax;
pub mod verbs;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use phrases::PhraseTable;
use verbs::VerbForm;

use crate::model::SourceKind;
use crate::text::normalize::fold;
use crate::text::vocabulary::{self, Word};

/// How a marker is placed: anywhere, or only fronted (`Pour X, …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerPosition {
    Any,
    Fronted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub position: MarkerPosition,
    /// The source relayed another's words (`cité par X`).
    pub relay: bool,
    /// The marker's last word heads the source (`de source policière`).
    pub own_noun: bool,
}

/// Grammatical classes of the closed-class words the noun-phrase grammar needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    Determiner,
    Pronoun,
    Clitic,
    Preposition,
    Relative,
    Conjunction,
    Title,
}

impl WordClass {
    fn bit(self) -> u8 {
        1 << self as u8
    }
}

#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub syntax: syntax::Syntax,
    pub verbs: PhraseTable<VerbForm>,
    pub verb_lemmas: usize,
    /// Category of each reporting-verb lemma (`NEU`, `DISC`…).
    pub verb_categories: HashMap<String, String>,
    /// Phrases that make a sentence check-worthy, with why.
    pub claim_signals: PhraseTable<crate::model::Signal>,
    /// Reporting verbs that judge what they report: lemma -> (why, neutral verb).
    pub loaded_verbs: HashMap<String, (String, String)>,
    pub markers: PhraseTable<Marker>,
    pub marker_guards: PhraseTable<()>,
    pub abbreviations: HashSet<String>,
    pub source_nouns: PhraseTable<SourceKind>,
    /// Media names, with which of their words are capitalised (`Le Monde`: a lower-case
    /// `monde` in text is no newspaper).
    pub media: PhraseTable<Vec<bool>>,
    /// Given names and whether they are usually a woman's (`None`: either).
    pub given_names: HashMap<String, Option<bool>>,
    pub name_particles: HashSet<String>,
    pub metonyms: PhraseTable<Vec<bool>>,
    pub anonymous: PhraseTable<()>,
    pub vague: PhraseTable<()>,
    pub mention_cues: PhraseTable<()>,
    pub fronted: PhraseTable<()>,
    /// Closed-class readings of each word, by word number: a bit per [`WordClass`].
    function_words: Vec<u8>,
    /// Lines of the data files that could not be read (empty for the built-in grammar).
    pub problems: Vec<String>,
}

/// The built-in French grammar.
pub static FR: LazyLock<Lexicon> = LazyLock::new(Lexicon::french);

/// Data lines: trimmed, without comments and blank lines.
fn entries(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source
        .lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    pub fn french() -> Lexicon {
        let mut lex = Lexicon::default();
        match syntax::Syntax::parse(include_str!("../../grammar/fr/syntax.toml")) {
            Ok(s) => lex.syntax = s,
            Err(e) => lex.problems.push(e),
        }
        let (lemmas, bad) = verbs::load(
            include_str!("../../grammar/fr/verbs.tsv"),
            &lex.syntax.verb_forms,
            &mut lex.verbs,
        );
        lex.verb_lemmas = lemmas;
        for (_, l) in entries(include_str!("../../grammar/fr/verbs.tsv")) {
            let mut cols = l.split('\t');
            if let (Some(lemma), Some(cat)) = (cols.next(), cols.next()) {
                lex.verb_categories
                    .insert(lemma.to_string(), cat.to_string());
            }
        }
        lex.load_claim_signals(include_str!("../../grammar/fr/claim_signals.tsv"));
        for (n, l) in entries(include_str!("../../grammar/fr/loaded_verbs.tsv")) {
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            match cols.as_slice() {
                [lemma, reason, neutral] => {
                    lex.loaded_verbs
                        .insert(lemma.to_string(), (reason.to_string(), neutral.to_string()));
                }
                _ => lex.problems.push(format!(
                    "loaded_verbs.tsv:{n}: expected lemma, reason, neutral"
                )),
            }
        }
        lex.problems.extend(bad);
        lex.load_markers(include_str!("../../grammar/fr/markers.tsv"));
        phrase_list(
            &mut lex.marker_guards,
            include_str!("../../grammar/fr/marker_guards.txt"),
        );
        for (_, l) in entries(include_str!("../../grammar/fr/abbreviations.txt")) {
            lex.abbreviations.insert(l.trim().to_string());
        }
        lex.load_source_nouns(include_str!("../../grammar/fr/source_nouns.tsv"));
        for (_, l) in entries(include_str!("../../grammar/fr/media.txt")) {
            lex.media.insert(l.trim(), capitals(l.trim()));
        }
        for (n, l) in entries(include_str!("../../grammar/fr/given_names.tsv")) {
            let feminine = match l.split_once('\t').map(|(_, g)| g.trim()) {
                Some("f") => Some(true),
                Some("m") => Some(false),
                Some("u") => None,
                _ => {
                    lex.problems
                        .push(format!("given_names.tsv:{n}: expected name, TAB, f|m|u"));
                    continue;
                }
            };
            let name = l.split('\t').next().unwrap_or_default().trim().to_string();
            lex.given_names.insert(name, feminine);
        }
        for (_, l) in entries(include_str!("../../grammar/fr/name_particles.txt")) {
            lex.name_particles.insert(fold(l.trim()).into_string());
        }
        for (n, l) in entries(include_str!("../../grammar/fr/metonyms.tsv")) {
            match l.split_once('\t') {
                Some((m, _)) => lex.metonyms.insert(m.trim(), capitals(m.trim())),
                None => lex
                    .problems
                    .push(format!("metonyms.tsv:{n}: expected 2 columns")),
            }
        }
        phrase_list(
            &mut lex.anonymous,
            include_str!("../../grammar/fr/anonymous.txt"),
        );
        phrase_list(&mut lex.vague, include_str!("../../grammar/fr/vague.txt"));
        phrase_list(
            &mut lex.mention_cues,
            include_str!("../../grammar/fr/mention_cues.txt"),
        );
        phrase_list(
            &mut lex.fronted,
            include_str!("../../grammar/fr/fronted_adverbials.txt"),
        );
        lex.load_function_words(include_str!("../../grammar/fr/function_words.tsv"));
        lex
    }

    fn load_markers(&mut self, source: &str) {
        for (n, line) in entries(source) {
            let cols: Vec<&str> = line.split('\t').collect();
            let position = match cols.get(1).copied() {
                Some("any") => MarkerPosition::Any,
                Some("fronted") => MarkerPosition::Fronted,
                _ => {
                    self.problems
                        .push(format!("markers.tsv:{n}: position must be any or fronted"));
                    continue;
                }
            };
            let (relay, own_noun) = match cols.get(2).copied() {
                Some("source") => (false, false),
                Some("relay") => (true, false),
                Some("self") => (false, true),
                _ => {
                    self.problems
                        .push(format!("markers.tsv:{n}: class must be source or relay"));
                    continue;
                }
            };
            self.markers.insert(
                cols[0],
                Marker {
                    position,
                    relay,
                    own_noun,
                },
            );
        }
    }

    fn load_claim_signals(&mut self, source: &str) {
        use crate::model::Signal;
        for (n, line) in entries(source) {
            let Some((phrase, signal)) = line.split_once('\t') else {
                self.problems
                    .push(format!("claim_signals.tsv:{n}: expected 2 columns"));
                continue;
            };
            let signal = match signal.trim() {
                "figure" => Signal::Figure,
                "harm" => Signal::Harm,
                "accusation" => Signal::Accusation,
                "intention" => Signal::Intention,
                "finding" => Signal::Finding,
                "prediction" => Signal::Prediction,
                "judgement" => Signal::Judgement,
                other => {
                    self.problems
                        .push(format!("claim_signals.tsv:{n}: unknown signal {other:?}"));
                    continue;
                }
            };
            self.claim_signals.insert(phrase.trim(), signal);
        }
    }

    /// The category of a reporting-verb lemma.
    pub fn verb_category(&self, lemma: &str) -> Option<&str> {
        self.verb_categories.get(lemma).map(String::as_str)
    }

    fn load_source_nouns(&mut self, source: &str) {
        for (n, line) in entries(source) {
            let Some((noun, class)) = line.split_once('\t') else {
                self.problems
                    .push(format!("source_nouns.tsv:{n}: expected 2 columns"));
                continue;
            };
            let kind = match class.trim() {
                "person" => SourceKind::Person,
                "organization" => SourceKind::Organization,
                "media" => SourceKind::Media,
                "document" => SourceKind::Document,
                other => {
                    self.problems
                        .push(format!("source_nouns.tsv:{n}: unknown class {other:?}"));
                    continue;
                }
            };
            self.source_nouns.insert(noun.trim(), kind);
        }
    }

    fn load_function_words(&mut self, source: &str) {
        for (n, line) in entries(source) {
            let Some((word, class)) = line.split_once('\t') else {
                self.problems
                    .push(format!("function_words.tsv:{n}: expected 2 columns"));
                continue;
            };
            let class = match class.trim() {
                "det" => WordClass::Determiner,
                "pron" => WordClass::Pronoun,
                "clitic" => WordClass::Clitic,
                "prep" => WordClass::Preposition,
                "rel" => WordClass::Relative,
                "conj" => WordClass::Conjunction,
                "title" => WordClass::Title,
                other => {
                    self.problems
                        .push(format!("function_words.tsv:{n}: unknown class {other:?}"));
                    continue;
                }
            };
            let word = vocabulary::intern(&fold(word.trim())).index();
            if self.function_words.len() <= word {
                self.function_words.resize(word + 1, 0);
            }
            self.function_words[word] |= class.bit();
        }
    }

    /// Whether a word has a closed-class reading.
    pub fn is(&self, word: Word, class: WordClass) -> bool {
        self.classes(word) & class.bit() != 0
    }

    /// Whether a word has any closed-class reading (`le`, `selon`, `il`).
    pub fn is_function_word(&self, word: Word) -> bool {
        self.classes(word) != 0
    }

    fn classes(&self, word: Word) -> u8 {
        self.function_words.get(word.index()).copied().unwrap_or(0)
    }

    pub fn is_abbreviation(&self, word_with_period: &str) -> bool {
        self.abbreviations.contains(word_with_period)
    }

    /// Whether `word.` keeps its period: a listed abbreviation (`M.`, `Mme.`), or a single
    /// capital before a name (`V. Hugo`, `J.-L. Martin`) but not before a word that opens
    /// sentences (`sur X. Puis`, `plan B. Le`).
    pub fn keeps_period(&self, word_with_period: &str, next_word: &str) -> bool {
        if self.is_abbreviation(word_with_period) {
            return true;
        }
        let mut chars = word_with_period.chars();
        let initial = chars.next().is_some_and(char::is_uppercase)
            && chars.next() == Some('.')
            && chars.next().is_none();
        let next = fold(next_word);
        let name_follows = next_word.starts_with(char::is_uppercase)
            && !self.is_function_word(vocabulary::word(&next))
            && self
                .fronted
                .get_words(std::slice::from_ref(&next))
                .is_none();
        initial && (name_follows || next_word.starts_with('-'))
    }
}

/// Which words of a name are capitalised, word by word as the tokenizer splits them.
pub fn capitals(name: &str) -> Vec<bool> {
    crate::text::token::tokenize(name, 0, &|_, _| false)
        .iter()
        .filter(
            |t| !matches!(t.kind, crate::text::token::TokenKind::Punct(c) if c != ',' && c != ':'),
        )
        .map(|t| t.capitalized)
        .collect()
}

fn phrase_list(table: &mut PhraseTable<()>, source: &str) {
    for (_, line) in entries(source) {
        table.insert(line.trim(), ());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_grammar_loads_cleanly() {
        let lex = Lexicon::french();
        assert!(lex.problems.is_empty(), "{:?}", lex.problems);
        assert!(lex.verb_lemmas >= 249, "{}", lex.verb_lemmas);
        assert!(lex.abbreviations.contains("M."));
        assert_eq!(lex.given_names.get("Jean"), Some(&Some(false)));
        assert_eq!(lex.given_names.get("Claire"), Some(&Some(true)));
        assert!(lex.media.len() > 50);
    }

    #[test]
    fn verb_forms_cover_incises_and_spellings() {
        let lex = &*FR;
        let toks = |s: &str| crate::text::token::tokenize(s, 0, &|_, _| false);
        for form in [
            "a-t-elle déclaré",
            "reconnait",
            "s'est félicitée",
            "avaient indiqué",
            "dit-on",
        ] {
            let t = toks(form);
            assert_eq!(
                lex.verbs.match_at(&t, 0).map(|m| m.0),
                Some(t.len()),
                "{form}"
            );
        }
    }
}
