//! The words of the grammar's entries, tokenized a batch at a time while it loads.
//!
//! Loading the grammar was tokenizing thousands of short entries one call each, and the
//! same pieces over and over: the verb table alone spells `a-t-il`, `aurait` or `se` in
//! hundreds of forms. Every call paid for a token vector, a vocabulary lock and a `String`
//! per word, and every word was hashed again to be numbered. Here an entry is cut into
//! pieces at spaces and ASCII hyphens; each distinct piece is tokenized once, in one batch
//! with the other new pieces, and its words are numbered once, when an entry first uses it.
//!
//! This gives exactly [`entry_words`](crate::text::token::entry_words) and
//! [`capitals`](super::capitals): a space ends every token and leaves the tokenizer as it
//! starts, and an ASCII hyphen belongs to no word of an entry (it joins two words or is
//! punctuation, which entries drop), so an entry's words are its pieces' words. Entries
//! keep no abbreviation period, the one rule that looks past a space. A test checks this
//! on every entry of the built-in grammar; the tables of a configuration's house vocabulary
//! go through [`PhraseTable::insert`](super::phrases::PhraseTable::insert) as before.

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use crate::text::token::{Token, TokenKind, tokenize};
use crate::text::vocabulary::{self, Word};

/// Distinct pieces of entries and their folded words.
#[derive(Default)]
pub struct EntryWords<'s> {
    /// Each piece seen, with its index in `pieces`: by key (see [`for_each_piece`]) for
    /// all but a few, by text for longer ones.
    short: FxHashMap<u128, u32>,
    long: FxHashMap<&'s str, u32>,
    pieces: Vec<Piece>,
    /// The pieces of every prepared entry, entry after entry (see [`Entry`]).
    entry_pieces: Vec<u32>,
    /// The words of every piece, piece after piece: folded form, capitalisation, number.
    norms: Vec<CompactString>,
    capitalized: Vec<bool>,
    /// [`Word::UNKNOWN`] until the piece's first use numbers its words (unless the
    /// vocabulary had them already).
    words: Vec<Word>,
}

/// A piece's words: `start..end` in the word vectors.
#[derive(Clone, Copy)]
struct Piece {
    start: u32,
    end: u32,
    numbered: bool,
}

/// A prepared entry: its pieces are `start..end` of [`EntryWords`]' `entry_pieces`.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    start: u32,
    end: u32,
}

/// Whether a token of an entry is one of its words, as [`entry_words`] keeps them: words,
/// numbers, and the commas and colons some phrases hold.
///
/// [`entry_words`]: crate::text::token::entry_words
pub fn is_entry_word(t: &Token) -> bool {
    !matches!(t.kind, TokenKind::Punct(c) if c != ',' && c != ':')
}

/// Calls `f` on each piece of `entry` (its runs between spaces and ASCII hyphens) and the
/// piece's key if it has one: up to 15 bytes, packed in an integer with the length in the
/// top byte. Nearly every piece is that short (`a`, `déclaré`, `il`), and hashing and
/// comparing an integer takes a few instructions where a string key cost a hash loop and a
/// `memcmp` call, twenty thousand times a load. The pieces are found by a byte loop:
/// `str::split` would search with `memchr`, whose set-up costs more than a piece of a few
/// bytes.
fn for_each_piece<'s>(entry: &'s str, mut f: impl FnMut(&'s str, Option<u128>)) {
    let mut emit = |start: usize, end: usize| {
        let Some(piece) = entry.get(start..end).filter(|p| !p.is_empty()) else {
            return;
        };
        let key = (piece.len() < 16).then(|| {
            let mut key = [0u8; 16];
            key[..piece.len()].copy_from_slice(piece.as_bytes());
            key[15] = piece.len() as u8;
            u128::from_le_bytes(key)
        });
        f(piece, key);
    };
    let mut start = 0;
    for (i, &b) in entry.as_bytes().iter().enumerate() {
        if b == b' ' || b == b'-' {
            emit(start, i);
            start = i + 1;
        }
    }
    emit(start, entry.len());
}

/// An index into the vectors (the grammar has thousands of pieces and words, not 2^32).
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'s> EntryWords<'s> {
    /// Cuts `entries` into pieces and tokenizes those not seen before, all in one call.
    /// Their words are numbered later, by the first entry that uses them, so that words
    /// are numbered in the order entries are added to tables, whatever is prepared ahead.
    /// Returns the entries in order, for [`EntryWords::append_words`].
    pub fn prepare(&mut self, entries: impl IntoIterator<Item = &'s str>) -> Vec<Entry> {
        let entries = entries.into_iter();
        let mut prepared = Vec::with_capacity(entries.size_hint().0);
        // Room for a new piece an entry (the verb forms have 0.6) and three pieces an entry
        // (2.6), so that the index does not grow by rehashing, nor the vectors by copying.
        let hint = entries.size_hint().0;
        self.short.reserve(hint);
        self.pieces.reserve(hint);
        self.entry_pieces.reserve(hint * 3);
        let mut batch = String::with_capacity(hint * 8);
        // The new pieces, with where they end in `batch`.
        let mut new: Vec<(u32, usize)> = Vec::new();
        for entry in entries {
            let start = index(self.entry_pieces.len());
            for_each_piece(entry, |piece, key| {
                let next = index(self.pieces.len());
                let id = *match key {
                    Some(key) => self.short.entry(key).or_insert(next),
                    None => self.long.entry(piece).or_insert(next),
                };
                self.entry_pieces.push(id);
                if id == next {
                    self.pieces.push(Piece {
                        start: 0,
                        end: 0,
                        numbered: false,
                    });
                    batch.push_str(piece);
                    new.push((id, batch.len()));
                    batch.push(' ');
                }
            });
            prepared.push(Entry {
                start,
                end: index(self.entry_pieces.len()),
            });
        }
        if new.is_empty() {
            return prepared;
        }
        let mut tokens = tokenize(&batch, 0, &|_, _| false).into_iter().peekable();
        self.norms.reserve(tokens.len());
        self.capitalized.reserve(tokens.len());
        self.words.reserve(tokens.len());
        for (id, end) in new {
            let start = index(self.norms.len());
            while let Some(t) = tokens.next_if(|t| t.span.start < end) {
                if is_entry_word(&t) {
                    self.norms.push(t.norm);
                    self.capitalized.push(t.capitalized);
                    // Already numbered if the vocabulary had it.
                    self.words.push(t.word);
                }
            }
            if let Some(p) = self.pieces.get_mut(id as usize) {
                p.start = start;
                p.end = index(self.norms.len());
            }
        }
        prepared
    }

    /// The pieces of a prepared entry.
    fn pieces_of(&self, entry: Entry) -> &[u32] {
        self.entry_pieces
            .get(entry.start as usize..entry.end as usize)
            .unwrap_or_default()
    }

    /// Appends the numbers of the words of `entry` to `out`, numbering those not numbered
    /// yet in order (as [`vocabulary::intern`] on each word would). Returns the position of
    /// the entry's last word for [`EntryWords::norm`], if it has words.
    pub fn append_words(&mut self, entry: Entry, out: &mut Vec<Word>) -> Option<usize> {
        let mut last = None;
        for k in entry.start..entry.end {
            let Some(p) = self
                .entry_pieces
                .get(k as usize)
                .and_then(|&id| self.pieces.get_mut(id as usize))
            else {
                continue;
            };
            let range = p.start as usize..p.end as usize;
            if range.is_empty() {
                continue;
            }
            if !p.numbered {
                p.numbered = true;
                for (w, norm) in self.words[range.clone()]
                    .iter_mut()
                    .zip(&self.norms[range.clone()])
                {
                    if *w == Word::UNKNOWN {
                        *w = vocabulary::intern(norm);
                    }
                }
            }
            // Word by word: most pieces are one word, and `extend_from_slice` a `memcpy` call.
            for &w in &self.words[range.clone()] {
                out.push(w);
            }
            last = Some(range.end - 1);
        }
        last
    }

    /// The folded form of a word, by the position [`EntryWords::append_words`] gave.
    pub fn norm(&self, i: usize) -> &str {
        self.norms.get(i).map_or("", CompactString::as_str)
    }

    /// Which words of a prepared entry are capitalised (see [`super::capitals`]).
    pub fn capitals(&self, entry: Entry) -> Vec<bool> {
        let mut out = Vec::new();
        for &id in self.pieces_of(entry) {
            if let Some(p) = self.pieces.get(id as usize) {
                out.extend_from_slice(&self.capitalized[p.start as usize..p.end as usize]);
            }
        }
        out
    }

    /// The folded words of a prepared entry, without numbering them.
    #[cfg(test)]
    pub fn norms(&self, entry: Entry) -> Vec<String> {
        let mut out = Vec::new();
        for &id in self.pieces_of(entry) {
            if let Some(p) = self.pieces.get(id as usize) {
                out.extend(
                    self.norms[p.start as usize..p.end as usize]
                        .iter()
                        .map(|n| n.to_string()),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::entry_words;

    /// Every field of every data file (each form of the verb table, each participle with
    /// its lemma's words after it) splits into the words and capitals that tokenizing it
    /// whole gives: the assumption of this module, checked on all the grammar's text.
    #[test]
    fn pieces_give_the_words_of_the_whole_entry() {
        let files = [
            include_str!("../../grammar/fr/abbreviations.txt"),
            include_str!("../../grammar/fr/anonymous.txt"),
            include_str!("../../grammar/fr/claim_signals.tsv"),
            include_str!("../../grammar/fr/fronted_adverbials.txt"),
            include_str!("../../grammar/fr/function_words.tsv"),
            include_str!("../../grammar/fr/given_names.tsv"),
            include_str!("../../grammar/fr/loaded_verbs.tsv"),
            include_str!("../../grammar/fr/marker_guards.txt"),
            include_str!("../../grammar/fr/markers.tsv"),
            include_str!("../../grammar/fr/media.txt"),
            include_str!("../../grammar/fr/mention_cues.txt"),
            include_str!("../../grammar/fr/metonyms.tsv"),
            include_str!("../../grammar/fr/name_particles.txt"),
            include_str!("../../grammar/fr/source_nouns.tsv"),
            include_str!("../../grammar/fr/syntax.toml"),
            include_str!("../../grammar/fr/vague.txt"),
            include_str!("../../grammar/fr/verbs.tsv"),
        ];
        let mut fields: Vec<String> = Vec::new();
        for line in files.iter().flat_map(|f| f.lines()) {
            fields.push(line.to_string());
            let cols: Vec<&str> = line.split('\t').collect();
            fields.extend(cols.iter().map(|c| c.trim().to_string()));
            let tail = cols[0].split_once(' ').map_or("", |(_, t)| t);
            for form in cols.iter().flat_map(|c| c.split(';')).map(str::trim) {
                fields.push(form.to_string());
                fields.push(format!("{form} {tail}"));
            }
        }
        fields.extend(
            [
                "",
                " ",
                "-",
                "a--b",
                "-t-il",
                "l'- x",
                "Moody's-x",
                "1,5-2 3.",
            ]
            .map(String::from),
        );
        let mut words = EntryWords::default();
        let entries = words.prepare(fields.iter().map(String::as_str));
        for (field, entry) in fields.iter().zip(entries) {
            assert_eq!(words.norms(entry), entry_words(field), "{field:?}");
            assert_eq!(
                words.capitals(entry),
                super::super::capitals(field),
                "{field:?}"
            );
        }
    }

    /// Preparing numbers nothing: words are numbered as entries use them, in order.
    #[test]
    fn words_are_numbered_on_first_use_in_order() {
        let mut words = EntryWords::default();
        let entries = words.prepare(["zqxb-zqxa", "zqxc zqxd zqxc"]);
        assert_eq!(vocabulary::word("zqxa"), Word::UNKNOWN);
        let mut numbers = Vec::new();
        let last = words.append_words(entries[1], &mut numbers);
        assert_eq!(last.map(|i| words.norm(i)), Some("zqxc"));
        assert_eq!(vocabulary::word("zqxa"), Word::UNKNOWN);
        words.append_words(entries[0], &mut numbers);
        let [a, b, c, d] = ["zqxa", "zqxb", "zqxc", "zqxd"].map(vocabulary::word);
        assert_eq!(numbers, [c, d, c, b, a]);
        assert!(c < d && d < b && b < a, "{numbers:?}");
    }
}
