//! Multi-word lexicon entries matched against token sequences.

use rustc_hash::FxHashMap as HashMap;

use crate::text::token::{Token, entry_words};

/// Phrases in a word trie: a lookup walks the text's tokens down the trie, so its cost
/// is the length of the phrase, not the number of phrases sharing a first word (the
/// verb table has hundreds of forms starting with `a`).
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    root: Node<T>,
    len: usize,
}

#[derive(Debug, Clone)]
struct Node<T> {
    value: Option<T>,
    next: HashMap<String, Node<T>>,
}

impl<T> Default for Node<T> {
    fn default() -> Self {
        Node {
            value: None,
            next: HashMap::default(),
        }
    }
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            root: Node::default(),
            len: 0,
        }
    }
}

impl<T> PhraseTable<T> {
    /// Adds a phrase written as in copy (it is tokenized and folded like text).
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words = entry_words(phrase);
        self.insert_words(words, value);
    }

    /// Adds a phrase; the first value given for a phrase is kept.
    pub fn insert_words(&mut self, words: Vec<String>, value: T) {
        if words.is_empty() {
            return;
        }
        let mut node = &mut self.root;
        for w in words {
            node = node.next.entry(w).or_default();
        }
        if node.value.is_none() {
            node.value = Some(value);
            self.len += 1;
        }
    }

    /// The longest phrase starting at token `i`: its length in tokens and its value.
    pub fn match_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        let mut node = &self.root;
        let mut best = None;
        for (n, t) in tokens.get(i..)?.iter().enumerate() {
            match node.next.get(t.norm.as_str()) {
                Some(next) => node = next,
                None => break,
            }
            if let Some(v) = &node.value {
                best = Some((n + 1, v));
            }
        }
        best
    }

    /// The longest phrase that ends exactly before token `end`.
    pub fn match_ending_at(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        let max = end.min(8);
        (1..=max).rev().find_map(|len| {
            let start = end - len;
            self.match_at(&tokens[..end], start)
                .filter(|(l, _)| *l == len)
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
    pub fn get_words<S: AsRef<str>>(&self, words: &[S]) -> Option<&T> {
        let mut node = &self.root;
        for w in words {
            node = node.next.get(w.as_ref())?;
        }
        node.value.as_ref()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
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
