//! The French grammar data of `grammar/fr/`, compiled into the binary.
//!
//! Every word list lives in a data file so that vocabulary changes (and, later, a new
//! language) are data and tests, not parser edits. The files are embedded at build time with
//! `include_str!` and parsed once, on first use.

mod entries;
pub mod phrases;
mod scan;
pub mod syntax;
pub mod verbs;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use entries::EntryWords;
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
    scan::lines(source)
        .enumerate()
        .map(|(n, l)| (n + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.starts_with('#') && !scan::trim(l).is_empty())
}

impl Lexicon {
    pub fn french() -> Lexicon {
        let mut lex = Lexicon::default();
        // The entries' words, tokenized a piece at a time for every table (see `entries`).
        let mut words = EntryWords::default();
        match syntax::Syntax::parse(include_str!("../../grammar/fr/syntax.toml")) {
            Ok(s) => lex.syntax = s,
            Err(e) => lex.problems.push(e),
        }
        let (lemmas, bad) = verbs::load(
            include_str!("../../grammar/fr/verbs.tsv"),
            &lex.syntax.verb_forms,
            &mut lex.verbs,
            &mut words,
        );
        lex.verb_lemmas = lemmas;
        for (_, l) in entries(include_str!("../../grammar/fr/verbs.tsv")) {
            if let Some((lemma, rest)) = scan::split_once(l, b'\t') {
                let cat = scan::split_once(rest, b'\t').map_or(rest, |(cat, _)| cat);
                lex.verb_categories
                    .insert(lemma.to_string(), cat.to_string());
            }
        }
        lex.load_claim_signals(
            include_str!("../../grammar/fr/claim_signals.tsv"),
            &mut words,
        );
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
        lex.load_markers(include_str!("../../grammar/fr/markers.tsv"), &mut words);
        phrase_list(
            &mut lex.marker_guards,
            include_str!("../../grammar/fr/marker_guards.txt"),
            &mut words,
        );
        for (_, l) in entries(include_str!("../../grammar/fr/abbreviations.txt")) {
            lex.abbreviations.insert(scan::trim(l).to_string());
        }
        lex.load_source_nouns(
            include_str!("../../grammar/fr/source_nouns.tsv"),
            &mut words,
        );
        let media = entries(include_str!("../../grammar/fr/media.txt")).map(|(_, l)| scan::trim(l));
        names(&mut lex.media, media.collect(), &mut words);
        for (n, l) in entries(include_str!("../../grammar/fr/given_names.tsv")) {
            let (name, gender) = scan::split_once(l, b'\t').unwrap_or((l, ""));
            let feminine = match scan::trim(gender) {
                "f" => Some(true),
                "m" => Some(false),
                "u" => None,
                _ => {
                    lex.problems
                        .push(format!("given_names.tsv:{n}: expected name, TAB, f|m|u"));
                    continue;
                }
            };
            lex.given_names
                .insert(scan::trim(name).to_string(), feminine);
        }
        for (_, l) in entries(include_str!("../../grammar/fr/name_particles.txt")) {
            lex.name_particles.insert(fold(scan::trim(l)).into_string());
        }
        let mut metonyms = Vec::new();
        for (n, l) in entries(include_str!("../../grammar/fr/metonyms.tsv")) {
            match scan::split_once(l, b'\t') {
                Some((m, _)) => metonyms.push(scan::trim(m)),
                None => lex
                    .problems
                    .push(format!("metonyms.tsv:{n}: expected 2 columns")),
            }
        }
        names(&mut lex.metonyms, metonyms, &mut words);
        phrase_list(
            &mut lex.anonymous,
            include_str!("../../grammar/fr/anonymous.txt"),
            &mut words,
        );
        phrase_list(
            &mut lex.vague,
            include_str!("../../grammar/fr/vague.txt"),
            &mut words,
        );
        phrase_list(
            &mut lex.mention_cues,
            include_str!("../../grammar/fr/mention_cues.txt"),
            &mut words,
        );
        phrase_list(
            &mut lex.fronted,
            include_str!("../../grammar/fr/fronted_adverbials.txt"),
            &mut words,
        );
        lex.load_function_words(include_str!("../../grammar/fr/function_words.tsv"));
        lex
    }

    fn load_markers(&mut self, source: &'static str, words: &mut EntryWords<'static>) {
        let mut markers = Vec::new();
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
            markers.push((
                cols[0],
                Marker {
                    position,
                    relay,
                    own_noun,
                },
            ));
        }
        fill(&mut self.markers, markers, words);
    }

    fn load_claim_signals(&mut self, source: &'static str, words: &mut EntryWords<'static>) {
        use crate::model::Signal;
        let mut signals = Vec::new();
        for (n, line) in entries(source) {
            let Some((phrase, signal)) = scan::split_once(line, b'\t') else {
                self.problems
                    .push(format!("claim_signals.tsv:{n}: expected 2 columns"));
                continue;
            };
            let signal = match scan::trim(signal) {
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
            signals.push((scan::trim(phrase), signal));
        }
        fill(&mut self.claim_signals, signals, words);
    }

    /// The category of a reporting-verb lemma.
    pub fn verb_category(&self, lemma: &str) -> Option<&str> {
        self.verb_categories.get(lemma).map(String::as_str)
    }

    fn load_source_nouns(&mut self, source: &'static str, words: &mut EntryWords<'static>) {
        let mut nouns = Vec::new();
        for (n, line) in entries(source) {
            let Some((noun, class)) = scan::split_once(line, b'\t') else {
                self.problems
                    .push(format!("source_nouns.tsv:{n}: expected 2 columns"));
                continue;
            };
            let kind = match scan::trim(class) {
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
            nouns.push((scan::trim(noun), kind));
        }
        fill(&mut self.source_nouns, nouns, words);
    }

    fn load_function_words(&mut self, source: &str) {
        for (n, line) in entries(source) {
            let Some((word, class)) = scan::split_once(line, b'\t') else {
                self.problems
                    .push(format!("function_words.tsv:{n}: expected 2 columns"));
                continue;
            };
            let class = match scan::trim(class) {
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
            let word = vocabulary::intern(&fold(scan::trim(word))).index();
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
        // Nearly every word before a period is no initial: the next word is then not
        // folded nor looked up.
        if !initial {
            return false;
        }
        if next_word.starts_with('-') {
            return true;
        }
        let next = fold(next_word);
        next_word.starts_with(char::is_uppercase)
            && !self.is_function_word(vocabulary::word(&next))
            && self
                .fronted
                .get_words(std::slice::from_ref(&next))
                .is_none()
    }
}

/// Which words of a name are capitalised, word by word as the tokenizer splits them.
pub fn capitals(name: &str) -> Vec<bool> {
    crate::text::token::tokenize(name, 0, &|_, _| false)
        .iter()
        .filter(|t| entries::is_entry_word(t))
        .map(|t| t.capitalized)
        .collect()
}

fn phrase_list(table: &mut PhraseTable<()>, source: &'static str, words: &mut EntryWords<'static>) {
    let phrases = entries(source)
        .map(|(_, line)| (scan::trim(line), ()))
        .collect();
    fill(table, phrases, words);
}

/// Names (media, metonyms) with which of their words are capitalised (see [`capitals`]).
fn names(
    table: &mut PhraseTable<Vec<bool>>,
    names: Vec<&'static str>,
    words: &mut EntryWords<'static>,
) {
    let mut numbers = Vec::new();
    for entry in words.prepare(names) {
        numbers.clear();
        words.append_words(entry, &mut numbers);
        table.insert_numbered(&numbers, words.capitals(entry));
    }
}

/// Adds entries to a table in order, their pieces tokenized in one batch.
fn fill<'s, T>(table: &mut PhraseTable<T>, phrases: Vec<(&'s str, T)>, words: &mut EntryWords<'s>) {
    let entries = words.prepare(phrases.iter().map(|&(p, _)| p));
    let mut numbers = Vec::new();
    for (entry, (_, value)) in entries.into_iter().zip(phrases) {
        numbers.clear();
        words.append_words(entry, &mut numbers);
        table.insert_numbered(&numbers, value);
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
