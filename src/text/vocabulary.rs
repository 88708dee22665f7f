//! Every word the grammar knows, numbered once for the whole process.
//!
//! A text word is hashed once, when it is tokenized, to the number of its folded form
//! ([`Token::word`](super::token::Token::word)); the grammar's tables are keyed by that
//! number, so the dozens of lookups a token meets in the speaker, attribution and claim
//! passes compare integers and index arrays instead of hashing strings again and again.
//! Words no grammar table lists get [`Word::UNKNOWN`], which no table holds.
//!
//! The numbering is global, as rustc numbers its symbols: every lexicon (the built-in one,
//! or one extended by a configuration's house vocabulary) and every token agree on a word's
//! number whichever numbered it first. Words are numbered while grammars load, before the
//! texts that use them are tokenized; numbers never reach a report, so which number a word
//! gets does not change any output.

use std::sync::{LazyLock, PoisonError, RwLock, RwLockReadGuard};

use rustc_hash::FxHashMap;

/// The number of a folded word of the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Word(u32);

impl Word {
    /// A word no grammar table lists.
    pub const UNKNOWN: Word = Word(0);

    /// The number as an index into tables keyed by word.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

type Numbers = FxHashMap<Box<str>, Word>;

static VOCABULARY: LazyLock<RwLock<Numbers>> = LazyLock::new(|| RwLock::new(Numbers::default()));

/// The number of folded word `norm`, numbering it if it is new (for grammar tables).
pub fn intern(norm: &str) -> Word {
    let known = read().get(norm).copied();
    if let Some(w) = known {
        return w;
    }
    let mut numbers = VOCABULARY.write().unwrap_or_else(PoisonError::into_inner);
    let next = Word(u32::try_from(numbers.len() + 1).unwrap_or(u32::MAX));
    *numbers.entry(Box::from(norm)).or_insert(next)
}

/// The number of folded word `norm`, or [`Word::UNKNOWN`].
pub fn word(norm: &str) -> Word {
    Lookup(read()).get(norm)
}

/// Many lookups under one lock (a tokenizer numbering all its tokens).
pub struct Lookup(RwLockReadGuard<'static, Numbers>);

impl Lookup {
    pub fn new() -> Lookup {
        Lookup(read())
    }

    pub fn get(&self, norm: &str) -> Word {
        self.0.get(norm).copied().unwrap_or(Word::UNKNOWN)
    }
}

impl Default for Lookup {
    fn default() -> Self {
        Lookup::new()
    }
}

/// A poisoned lock still holds a consistent map: numbering inserts one entry or none.
fn read() -> RwLockReadGuard<'static, Numbers> {
    VOCABULARY.read().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_keeps_its_number() {
        let w = intern("vocabulaire-test");
        assert_ne!(w, Word::UNKNOWN);
        assert_eq!(intern("vocabulaire-test"), w);
        assert_eq!(word("vocabulaire-test"), w);
        assert_ne!(intern("vocabulaire-test2"), w);
        assert_eq!(word("jamais numéroté"), Word::UNKNOWN);
    }
}
