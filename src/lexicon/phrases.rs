//! Multi-word lexicon entries matched against token sequences.

use rustc_hash::FxHashMap as HashMap;

use crate::text::token::{Token, entry_words};

/// Phrases indexed by their first word; matching returns the longest entry.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: HashMap::default(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Adds a phrase written as in copy (it is tokenized and folded like text).
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words = entry_words(phrase);
        self.insert_words(words, value);
    }

    pub fn insert_words(&mut self, words: Vec<String>, value: T) {
        let Some(first) = words.first().cloned() else {
            return;
        };
        let bucket = self.by_first.entry(first).or_default();
        if bucket.iter().any(|(w, _)| *w == words) {
            return;
        }
        let at = bucket.partition_point(|(w, _)| w.len() >= words.len());
        bucket.insert(at, (words, value));
    }

    /// The longest phrase starting at token `i`: its length in tokens and its value.
    pub fn match_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        let first = tokens.get(i)?;
        let bucket = self.by_first.get(&first.norm)?;
        bucket.iter().find_map(|(words, value)| {
            let end = i + words.len();
            (end <= tokens.len() && words.iter().zip(&tokens[i..end]).all(|(w, t)| *w == t.norm))
                .then_some((words.len(), value))
        })
    }

    /// The longest phrase that ends exactly before token `end`.
    pub fn match_ending_at(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        let max = end.min(8);
        (1..=max).rev().find_map(|len| {
            let start = end - len;
            self.match_at(tokens, start).filter(|(l, _)| *l == len)
        })
    }

    /// Whether a whole token slice is exactly one entry.
    pub fn is_entry(&self, tokens: &[Token]) -> bool {
        !tokens.is_empty()
            && self
                .match_at(tokens, 0)
                .is_some_and(|(l, _)| l == tokens.len())
    }

    /// The value of the entry whose words are exactly `words`.
    pub fn get_words(&self, words: &[String]) -> Option<&T> {
        self.by_first
            .get(words.first()?)?
            .iter()
            .find(|(w, _)| w.as_slice() == words)
            .map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    #[test]
    fn longest_match_wins() {
        let mut t = PhraseTable::default();
        t.insert("de son côté", 1);
        t.insert("de", 2);
        let toks = tokenize("De son côté, il", 0, &|_, _| false);
        assert_eq!(t.match_at(&toks, 0), Some((3, &1)));
        assert_eq!(t.match_ending_at(&toks, 3), Some((3, &1)));
    }
}
