//! Words as `attrib verify` compares them: runs of letters and digits with their byte
//! offsets, hashed case-folded for the n-gram search.
//!
//! Matching compares words, never punctuation: commas, periods, dashes, quote marks and
//! apostrophes separate words and are otherwise ignored (`l’État` is `l` `État`, like
//! `l'État`), so re-punctuating a transcript is no change while a changed, dropped or added
//! word is. The currency and percent signs are words of their own (`50 %` is not `50`).
//! Case is folded for the search; the comparison itself folds only a word's first letter
//! (a quote cut mid-sentence, or a subtitle line, starts with a capital): `État` and `état`
//! are the same word, `ÉTAT` and `État` are not.

use crate::source::Span;

/// A word of a text: where it stands and its case-folded hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: u32,
    pub end: u32,
    /// Hash of the word lower-cased: equal words hash equal whatever their case.
    pub fold: u64,
}

impl Word {
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
}

const K: u64 = 0x517c_c1b7_2722_0a95;

fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// The hash of `n` consecutive words (an n-gram), from their fold hashes.
pub fn ngram(words: &[Word]) -> u64 {
    words.iter().fold(words.len() as u64, |h, w| mix(h, w.fold))
}

fn is_symbol_word(c: char) -> bool {
    matches!(c, '%' | '€' | '$' | '£')
}

fn push_lower(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        mix(h, c.to_ascii_lowercase() as u64)
    } else {
        c.to_lowercase().fold(h, |h, l| mix(h, l as u64))
    }
}

/// The words of `text[span]`, with offsets into `text`. Offsets are `u32`: the caller
/// refuses texts of 4 GiB or more.
pub fn words_in(text: &str, span: Span, out: &mut Vec<Word>) {
    let slice = &text[span.start..span.end];
    let base = span.start;
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                // ASCII fast path: a word of ASCII letters and digits, then maybe more.
                let start = i;
                let mut h = 0u64;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    h = mix(h, bytes[i].to_ascii_lowercase() as u64);
                    i += 1;
                }
                let (h, end) = continue_word(slice, i, h);
                i = end;
                out.push(word(base + start, base + end, h));
            } else if b == b'%' || b == b'$' {
                out.push(word(base + i, base + i + 1, mix(0, b as u64)));
                i += 1;
            } else {
                i += 1;
            }
            continue;
        }
        let Some(c) = slice[i..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            let start = i;
            let (h, end) = continue_word(slice, i, 0);
            i = end;
            out.push(word(base + start, base + end, h));
        } else {
            if is_symbol_word(c) {
                out.push(word(base + i, base + i + c.len_utf8(), mix(0, c as u64)));
            }
            i += c.len_utf8();
        }
    }
}

/// Continues a word from byte `i` through any letters and digits.
fn continue_word(slice: &str, mut i: usize, mut h: u64) -> (u64, usize) {
    for c in slice[i..].chars() {
        if !c.is_alphanumeric() {
            break;
        }
        h = push_lower(h, c);
        i += c.len_utf8();
    }
    (h, i)
}

fn word(start: usize, end: usize, fold: u64) -> Word {
    Word {
        start: start as u32,
        end: end as u32,
        fold,
    }
}

/// The comparison key of a word: its first letter lower-cased, the rest as typed.
pub fn exact_key(text: &str) -> u64 {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    let h = push_lower(0, first);
    chars.fold(h, |h, c| mix(h, c as u64))
}

/// A quotation cut into fragments at its elision marks.
#[derive(Debug, Clone)]
pub struct QuoteWords {
    /// All the words, fragment after fragment, with offsets into the quote's text.
    pub words: Vec<Word>,
    /// Where each fragment starts in `words` (the first is 0), for each non-empty fragment.
    pub fragments: Vec<usize>,
}

impl QuoteWords {
    /// The word ranges of the fragments.
    pub fn fragment_ranges(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.fragments.len());
        for (k, &s) in self.fragments.iter().enumerate() {
            let e = self
                .fragments
                .get(k + 1)
                .copied()
                .unwrap_or(self.words.len());
            out.push((s, e));
        }
        out
    }
}

/// Finds the elision marks of a quote: `[…]`, `(…)`, `[...]` and `(...)`, with or without
/// spaces inside the brackets. Returns their byte spans.
pub fn elisions(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let close = match bytes[i] {
            b'[' => b']',
            b'(' => b')',
            _ => {
                i += 1;
                continue;
            }
        };
        let inner_start = i + 1;
        let rest = &text[inner_start..];
        let trimmed = rest.trim_start_matches(crate::text::normalize::is_space);
        let after = if let Some(r) = trimmed.strip_prefix('…') {
            r
        } else if let Some(r) = trimmed.strip_prefix("...") {
            r
        } else {
            i += 1;
            continue;
        };
        let after = after.trim_start_matches(crate::text::normalize::is_space);
        if after.as_bytes().first() == Some(&close) {
            let end = text.len() - after.len() + 1;
            out.push(Span::new(i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The words of a quotation's text, split into fragments at its elisions.
pub fn quote_words(text: &str) -> QuoteWords {
    let mut words = Vec::new();
    let mut fragments = Vec::new();
    let mut from = 0;
    let cuts = elisions(text);
    for cut in cuts
        .iter()
        .copied()
        .chain(std::iter::once(Span::new(text.len(), text.len())))
    {
        let before = words.len();
        words_in(text, Span::new(from, cut.start), &mut words);
        if words.len() > before {
            fragments.push(before);
        }
        from = cut.end;
    }
    QuoteWords { words, fragments }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        let mut w = Vec::new();
        words_in(text, Span::new(0, text.len()), &mut w);
        w.iter().map(|w| w.text(text)).collect()
    }

    #[test]
    fn punctuation_and_apostrophes_separate_words() {
        assert_eq!(
            texts("L’État, c'est « nous »\u{a0}! 50 %"),
            ["L", "État", "c", "est", "nous", "50", "%"]
        );
    }

    #[test]
    fn fold_ignores_case_exact_key_only_the_first_letter() {
        let text = "État état ÉTAT";
        let mut w = Vec::new();
        words_in(text, Span::new(0, text.len()), &mut w);
        assert_eq!(w[0].fold, w[1].fold);
        assert_eq!(w[1].fold, w[2].fold);
        assert_eq!(exact_key("État"), exact_key("état"));
        assert_ne!(exact_key("ÉTAT"), exact_key("état"));
    }

    #[test]
    fn elision_marks_split_fragments() {
        let q = quote_words("Nous irons […] jusqu'au bout (...) sans faiblir [ … ]");
        assert_eq!(q.fragments, [0, 2, 5]);
        assert_eq!(q.words.len(), 7);
        let q = quote_words("[…] la suite");
        assert_eq!(q.fragments, [0]);
        // Brackets that hold words are not elisions.
        assert!(elisions("le [ministre] a dit (hier)").is_empty());
        assert_eq!(elisions("a [...] b").len(), 1);
    }
}
