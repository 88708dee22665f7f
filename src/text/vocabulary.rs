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

/// The numbers of the words, in two maps: words of up to [`Short::MAX`] bytes (nearly all)
/// keyed by their bytes packed into integers, which hash in a few instructions and compare
/// without `memcmp` (tokenizing looks up every token: hashing and comparing strings was a
/// tenth of its cost), and longer ones by the string.
#[derive(Default)]
struct Numbers {
    short: FxHashMap<Short, Word>,
    long: FxHashMap<Box<str>, Word>,
}

impl Numbers {
    /// Inlined where a tokenizer numbers its tokens; long words, rare, are looked up apart.
    #[inline]
    fn get(&self, norm: &str) -> Option<Word> {
        match Short::new(norm) {
            Some(key) => self.short.get(&key).copied(),
            None => self.get_long(norm),
        }
    }

    #[inline(never)]
    fn get_long(&self, norm: &str) -> Option<Word> {
        self.long.get(norm).copied()
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The number of `norm`, giving it `next` if it has none.
    fn insert(&mut self, norm: &str, next: Word) -> Word {
        match Short::new(norm) {
            Some(key) => *self.short.entry(key).or_insert(next),
            None => *self.long.entry(Box::from(norm)).or_insert(next),
        }
    }
}

/// A word of up to 16 bytes as two integers and its length: the first and the last eight
/// bytes when it has eight or more (they overlap when it has fewer than sixteen), the
/// first and last four when it has four to seven, and the first, middle and last byte
/// when it has fewer. Given the length, each says which bytes the word has, so equal keys
/// are equal words; reading a few whole integers needs no copy into a padded buffer.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Short {
    head: u64,
    tail: u64,
    len: usize,
}

impl Short {
    const MAX: usize = 16;

    #[inline]
    fn new(word: &str) -> Option<Short> {
        let b = word.as_bytes();
        let len = b.len();
        let (head, tail) = match len {
            8..=Short::MAX => (u64_at(b, 0), u64_at(b, len - 8)),
            4..=7 => (u64::from(u32_at(b, 0)), u64::from(u32_at(b, len - 4))),
            1..=3 => (
                u64::from(b[0]) | u64::from(b[len / 2]) << 8,
                u64::from(b[len - 1]),
            ),
            0 => (0, 0),
            _ => return None,
        };
        Some(Short { head, tail, len })
    }
}

impl std::hash::Hash for Short {
    /// One multiplication mixes the two halves (the `folded multiply` of fast string
    /// hashes), so that the map's hasher gets one well-spread integer.
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let product = u128::from(self.head ^ 0x243f_6a88_85a3_08d3)
            * u128::from(self.tail ^ 0x1319_8a2e_0370_7344 ^ self.len as u64);
        state.write_u64(product as u64 ^ (product >> 64) as u64);
    }
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(word)
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut word = [0; 4];
    word.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(word)
}

static VOCABULARY: LazyLock<RwLock<Numbers>> = LazyLock::new(|| RwLock::new(Numbers::default()));

/// The number of folded word `norm`, numbering it if it is new (for grammar tables).
pub fn intern(norm: &str) -> Word {
    let known = read().get(norm);
    if let Some(w) = known {
        return w;
    }
    let mut numbers = VOCABULARY.write().unwrap_or_else(PoisonError::into_inner);
    let next = Word(u32::try_from(numbers.len() + 1).unwrap_or(u32::MAX));
    numbers.insert(norm, next)
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

    #[inline]
    pub fn get(&self, norm: &str) -> Word {
        self.0.get(norm).unwrap_or(Word::UNKNOWN)
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

    /// Short keys say which word they are: equal keys, equal words.
    #[test]
    fn short_keys_tell_words_apart() {
        let words = [
            "",
            "\0",
            "\0\0",
            "a",
            "ab",
            "ba",
            "aba",
            "abb",
            "a\0",
            "abc",
            "abcd",
            "abcde",
            "abcdf",
            "bbcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefgha",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
            "abcdefghijklmnopq",
            "é",
            "ée",
            "eé",
        ];
        for a in words {
            for b in words {
                let (ka, kb) = (Short::new(a), Short::new(b));
                assert_eq!(ka.is_some(), a.len() <= Short::MAX);
                if ka.is_some() && kb.is_some() {
                    assert_eq!(ka == kb, a == b, "{a:?} {b:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn short_keys_are_equal_for_equal_words_only(a in "[ab\0é]{0,17}", b in "[ab\0é]{0,17}") {
            if let (Some(ka), Some(kb)) = (Short::new(&a), Short::new(&b)) {
                proptest::prop_assert_eq!(ka == kb, a == b);
            }
        }
    }

    #[test]
    fn a_word_keeps_its_number() {
        let w = intern("vocabulaire-test");
        assert_ne!(w, Word::UNKNOWN);
        assert_eq!(intern("vocabulaire-test"), w);
        assert_eq!(word("vocabulaire-test"), w);
        assert_ne!(intern("vocabulaire-test2"), w);
        assert_eq!(word("jamais numéroté"), Word::UNKNOWN);
        let long = intern("anticonstitutionnellement");
        assert_ne!(long, w);
        assert_eq!(word("anticonstitutionnellement"), long);
        assert_eq!(word("anticonstitutionnellemen"), Word::UNKNOWN);
    }
}
