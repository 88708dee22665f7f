//! Multi-word lexicon entries matched against token sequences.

use crate::text::token::{Token, entry_words};
use crate::text::vocabulary::{self, Word};

/// Phrases in a word trie keyed by word number (see [`vocabulary`]): a lookup walks the
/// text's tokens down the trie, so its cost is the length of the phrase, not the number
/// of phrases sharing a first word (the verb table has hundreds of forms starting with
/// `a`). Most lookups end at the first word, which is one array index.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    /// Nodes of the trie; `nodes[0]` is the root, whose children are in `first`.
    nodes: Vec<Node<T>>,
    /// The root's child for each word number (0: none).
    first: Vec<u32>,
    len: usize,
}

#[derive(Debug, Clone)]
struct Node<T> {
    value: Option<T>,
    /// Children sorted by word number, for a binary search (a handful, most often one).
    next: Vec<(Word, u32)>,
}

impl<T> Default for Node<T> {
    fn default() -> Self {
        Node {
            value: None,
            next: Vec::new(),
        }
    }
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            nodes: vec![Node::default()],
            first: Vec::new(),
            len: 0,
        }
    }
}

impl<T> PhraseTable<T> {
    /// Adds a phrase written as in copy (it is tokenized and folded like text).
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<Word> = entry_words(phrase)
            .iter()
            .map(|w| vocabulary::intern(w))
            .collect();
        self.insert_numbered(&words, value);
    }

    /// Adds a phrase by the numbers of its folded words (see [`vocabulary::intern`]); the
    /// first value given for a phrase is kept.
    pub fn insert_numbered(&mut self, words: &[Word], value: T) {
        let Some((head, rest)) = words.split_first() else {
            return;
        };
        let head = head.index();
        if self.first.len() <= head {
            self.first.resize(head + 1, 0);
        }
        if self.first[head] == 0 {
            self.first[head] = self.new_node();
        }
        let mut node = self.first[head];
        for &w in rest {
            let next = &self.nodes[node as usize].next;
            // A word numbered after all the children goes last: the common case while a
            // grammar loads, as its new words get the highest numbers.
            let found = match next.last() {
                Some(&(last, _)) if last < w => Err(next.len()),
                _ => next.binary_search_by_key(&w, |&(k, _)| k),
            };
            node = match found {
                Ok(k) => next[k].1,
                Err(k) => {
                    let child = self.new_node();
                    self.nodes[node as usize].next.insert(k, (w, child));
                    child
                }
            };
        }
        let node = &mut self.nodes[node as usize];
        if node.value.is_none() {
            node.value = Some(value);
            self.len += 1;
        }
    }

    /// Makes room for `additional` more nodes (a phrase adds one for each word that no
    /// phrase before it started with): the verb table's ten thousand nodes, grown by
    /// doubling, were copied about twice over.
    pub fn reserve(&mut self, additional: usize) {
        self.nodes.reserve(additional);
    }

    fn new_node(&mut self) -> u32 {
        self.nodes.push(Node::default());
        u32::try_from(self.nodes.len() - 1).unwrap_or(u32::MAX)
    }

    /// The root's child for a phrase's first word.
    #[inline(always)]
    fn head(&self, word: Word) -> Option<&Node<T>> {
        match *self.first.get(word.index())? {
            0 => None,
            n => Some(&self.nodes[n as usize]),
        }
    }

    /// The child of `node` for the phrase's next word.
    fn child(&self, node: &Node<T>, word: Word) -> Option<&Node<T>> {
        let k = node.next.binary_search_by_key(&word, |&(k, _)| k).ok()?;
        Some(&self.nodes[node.next[k].1 as usize])
    }

    /// The node reached by `words` from the root, if any phrase starts so.
    fn walk(&self, mut words: impl Iterator<Item = Word>) -> Option<&Node<T>> {
        let head = self.head(words.next()?)?;
        words.try_fold(head, |node, w| self.child(node, w))
    }

    /// The longest phrase starting at token `i`: its length in tokens and its value.
    /// Always inlined: most calls end at the first word, on one array index, and a call
    /// would cost as much again.
    #[inline(always)]
    pub fn match_at(&self, tokens: &[Token], i: usize) -> Option<(usize, &T)> {
        let head = self.head(tokens.get(i)?.word)?;
        self.match_from(&tokens[i + 1..], head)
    }

    /// [`PhraseTable::match_at`] past the phrase's first word, which reached `node`.
    #[inline(never)]
    fn match_from<'t>(&'t self, tokens: &[Token], mut node: &'t Node<T>) -> Option<(usize, &'t T)> {
        let mut best = node.value.as_ref().map(|v| (1, v));
        for (n, t) in tokens.iter().enumerate() {
            let Some(next) = self.child(node, t.word) else {
                break;
            };
            node = next;
            if let Some(v) = &node.value {
                best = Some((n + 2, v));
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

    /// The value of the entry whose folded words are exactly `words`.
    pub fn get_words<S: AsRef<str>>(&self, words: &[S]) -> Option<&T> {
        self.walk(words.iter().map(|w| vocabulary::word(w.as_ref())))?
            .value
            .as_ref()
    }

    /// The value of the one-word entry `word`.
    pub fn get_word(&self, word: Word) -> Option<&T> {
        self.walk(std::iter::once(word))?.value.as_ref()
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
