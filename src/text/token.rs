//! The tokenizer: a small nom grammar over `&str`, with a byte-table scanner in front of
//! it for what most text is made of (see [`tokenize`]).
//!
//! Words keep an elision apostrophe (`l'`, `qu'`, `aujourd'`), hyphens split words
//! (`a-t-il` gives `a`, `t`, `il`, each marked as joined to the previous one) so that
//! inverted incises and hyphenated names match the lexicon however they are typed. A period
//! is kept on a word when the word is a known abbreviation (`M.`, `Mme.`) or a single
//! capital (an initial, `V.`), which is what keeps such periods from ending sentences.

use nom::{
    IResult,
    error::{Error, ErrorKind},
};

use compact_str::CompactString;

use super::normalize::{fold, is_apostrophe, is_space};
use super::vocabulary::{self, Word};
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// Punctuation, quotation marks and symbols: one character each.
    Punct(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Folded form (see [`fold`]); for punctuation, the character itself.
    /// Inline (no allocation) for words of up to 24 bytes: nearly every word.
    pub norm: CompactString,
    /// The first character is upper case.
    pub capitalized: bool,
    /// Joined to the previous token by a hyphen, with no space (`Jean-Marc`, `dit-il`).
    pub hyphen_joined: bool,
    /// The grammar's number for `norm` (see [`vocabulary`]): what lexicon lookups compare.
    pub word: Word,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word)
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokenKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// Whether the folded form ends with one of `suffixes` (`-rait`, `-eront`). Passes
    /// ask this of every word of a sentence and most words fail on their last byte: it is
    /// compared first, so that few comparisons reach `memcmp`.
    pub fn ends_with_any<S: AsRef<str>>(&self, suffixes: &[S]) -> bool {
        let word = self.norm.as_bytes();
        suffixes.iter().any(|s| {
            let s = s.as_ref().as_bytes();
            match (s.last(), word.last()) {
                (None, _) => true,
                (Some(a), Some(b)) => a == b && word.ends_with(s),
                (Some(_), None) => false,
            }
        })
    }
}

fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        c if c.is_ascii() => false,
        // Latin-1 letters (`é`, `À`, `ç`) without the Unicode tables: most of French.
        'À'..='ÿ' => c != '×' && c != '÷',
        c => c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c),
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_or_hyphen(c: char) -> bool {
    is_word_char(c) || is_hyphen(c)
}

// The byte classes of `CLASS`, one bit each.
/// ASCII letters and digits: word characters.
const LETTER: u8 = 1;
/// ASCII digits, which start a number rather than a word.
const DIGIT: u8 = 1 << 1;
/// ASCII white space (`char::is_whitespace`).
const SPACE: u8 = 1 << 2;
/// `-`.
const HYPHEN: u8 = 1 << 3;
/// Any byte of a non-ASCII character.
const WIDE: u8 = 1 << 4;
/// ASCII capitals, which folding lower-cases.
const UPPER: u8 = 1 << 5;
/// Not a class: what [`latin_word`] says of a word holding a Latin-1 character that
/// folding changes.
const REFOLD: u8 = 1 << 6;

/// What each byte is, so that the scanner reads ASCII text a byte at a time instead of
/// decoding every character: decoding and the character predicates were most of the cost
/// of tokenizing. The ASCII classes agree with `is_word_char`, `is_space`, `is_hyphen` and
/// `is_ascii_digit` (a test checks all 128); only bytes of non-ASCII characters ([`WIDE`])
/// lead to decoding, and those characters go through the predicates themselves.
static CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < table.len() {
        table[b] = match b as u8 {
            b'a'..=b'z' => LETTER,
            b'A'..=b'Z' => LETTER | UPPER,
            b'0'..=b'9' => LETTER | DIGIT,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => SPACE,
            b'-' => HYPHEN,
            0x80.. => WIDE,
            _ => 0,
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// Length of the longest prefix of `input` made of ASCII bytes of class `ascii` and
/// non-ASCII characters satisfying `wide`: `take_while` with an ASCII fast path.
/// Inlined, each caller's `wide` is a known function rather than a call through a pointer
/// (measured: 5% of tokenizing).
#[inline]
fn run_len(input: &str, ascii: u8, wide: fn(char) -> bool) -> usize {
    let bytes = input.as_bytes();
    let mut len = 0;
    while let Some(&b) = bytes.get(len) {
        let cls = class(b);
        if cls & ascii != 0 {
            len += 1;
        } else if cls & WIDE != 0
            && let Some(c) = input[len..].chars().next()
            && wide(c)
        {
            len += c.len_utf8();
        } else {
            break;
        }
    }
    len
}

/// The first `len` bytes of `input` as a parse result, or a nom error when there are none.
fn split_at(input: &str, len: usize, kind: ErrorKind) -> IResult<&str, &str> {
    if len == 0 {
        return Err(nom::Err::Error(Error::new(input, kind)));
    }
    Ok((&input[len..], &input[..len]))
}

/// Spaces of every kind (see [`is_space`]).
fn spaces(input: &str) -> IResult<&str, &str> {
    split_at(
        input,
        run_len(input, SPACE, is_space),
        ErrorKind::MultiSpace,
    )
}

#[derive(Debug)]
enum Raw<'a> {
    Space,
    Number(&'a str),
    Word,
    Hyphen,
    Punct(char),
}

/// `12`, `1,5`, `2.800`: digits with inner separators (never a sentence end).
fn number(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    let digits = |from: usize| {
        bytes
            .get(from..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let mut len = digits(0);
    if len > 0 {
        while let Some(b',' | b'.') = bytes.get(len) {
            match digits(len + 1) {
                0 => break,
                more => len += 1 + more,
            }
        }
    }
    split_at(input, len, ErrorKind::Digit)
}

/// A word, with its elision apostrophe when a letter follows (`l'État` -> `l'`).
fn word(input: &str) -> IResult<&str, &str> {
    let (rest, w) = split_at(
        input,
        run_len(input, LETTER, is_word_char),
        ErrorKind::Alpha,
    )?;
    // Only an apostrophe extends a word: `'`, or U+2019 and U+02BC, whose first bytes are
    // these. Anything else ends it without decoding what follows.
    if !matches!(rest.as_bytes().first(), Some(b'\'' | 0xe2 | 0xca)) {
        return Ok((rest, w));
    }
    let mut chars = rest.chars();
    let (a, next, after) = (chars.next(), chars.next(), chars.next());
    if let (Some(a), Some('s')) = (a, next)
        && is_apostrophe(a)
        && !after.is_some_and(char::is_alphanumeric)
        && w.chars().count() > 1
    {
        // English possessive or name (`Moody's`): one word.
        let len = w.len() + a.len_utf8() + 1;
        return Ok((&input[len..], &input[..len]));
    }
    if let (Some(a), Some(next)) = (a, next)
        && is_apostrophe(a)
        && next.is_alphabetic()
    {
        let len = w.len() + a.len_utf8();
        return Ok((&input[len..], &input[..len]));
    }
    Ok((rest, w))
}

/// One character, whatever it is.
fn any(input: &str) -> IResult<&str, char> {
    match input.chars().next() {
        Some(c) => Ok((&input[c.len_utf8()..], c)),
        None => Err(nom::Err::Error(Error::new(input, ErrorKind::Eof))),
    }
}

/// One raw token. The first character decides which parser runs: the alternatives are
/// disjoint on it, and trying them in turn (`alt`) cost a third of all tokenizing time.
/// An ASCII first byte is classified by [`CLASS`]; only a non-ASCII one is decoded.
fn raw(input: &str) -> IResult<&str, Raw<'_>> {
    // The parsers are called as functions and their output mapped on the result: through
    // `Parser::map` each token cost a call of nom's generic `process` (7% of tokenizing).
    let space = |input| spaces(input).map(|(rest, _)| (rest, Raw::Space));
    let word = |input| word(input).map(|(rest, _)| (rest, Raw::Word));
    let punct = |input| any(input).map(|(rest, c)| (rest, Raw::Punct(c)));
    let first = input.as_bytes().first().map_or(0, |&b| class(b));
    if first & SPACE != 0 {
        // Most spaces stand alone between two words: one byte, nothing to scan.
        match input.as_bytes().get(1) {
            Some(&b) if class(b) & (SPACE | WIDE) != 0 => space(input),
            _ => Ok((&input[1..], Raw::Space)),
        }
    } else if first & DIGIT != 0 {
        number(input).map(|(rest, n)| (rest, Raw::Number(n)))
    } else if first & LETTER != 0 {
        word(input)
    } else if first & HYPHEN != 0 {
        Ok((&input[1..], Raw::Hyphen))
    } else if first & WIDE == 0 {
        punct(input)
    } else {
        match input.chars().next() {
            Some(c) if is_space(c) => space(input),
            Some(c) if is_word_char(c) => word(input),
            Some(c) if is_hyphen(c) => any(input).map(|(rest, _)| (rest, Raw::Hyphen)),
            _ => punct(input),
        }
    }
}

/// Whether `text` starts with a word character, read like the scanner reads it.
fn starts_with_word_char(text: &str) -> bool {
    run_len(text, LETTER, is_word_char) > 0
}

/// Splits `text` (which starts at byte `base` of the file) into tokens.
/// `keeps_period(word_with_period, next_word)` says whether a word followed by `.` keeps
/// the period (an abbreviation or an initial) rather than ending a sentence with it.
///
/// A hand-written loop over bytes: what an ASCII byte starts (a space, a word, a number,
/// punctuation) is read from [`CLASS`], and words of ASCII and Latin-1 letters are scanned
/// and folded in one pass ([`latin_word`]). Only what starts with a non-ASCII character,
/// and words with an apostrophe or other letters, go through the nom parsers ([`raw`]);
/// these define the tokens, and the fast paths give the same ones (a test checks it).
pub fn tokenize(text: &str, base: usize, keeps_period: &dyn Fn(&str, &str) -> bool) -> Vec<Token> {
    // About one token every five bytes of French prose: one allocation, not a dozen.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut after_hyphen = false;
    // The last token is a word, a number, `.` or `'` with no space after it: a hyphen
    // that follows joins it to the next word.
    let mut prev_end_no_space = false;
    while let Some(&b) = bytes.get(at) {
        let start = base + at;
        let cls = class(b);
        let r = if cls & SPACE != 0 {
            at += 1;
            Raw::Space
        } else if cls & (LETTER | DIGIT) == LETTER
            && let Some((len, seen)) = latin_word(bytes, at).or_else(|| elided_word(bytes, at))
        {
            let word = Scanned {
                at,
                len,
                folds: seen & UPPER != 0,
                refolds: seen & REFOLD != 0,
            };
            at = push_word(&mut tokens, text, base, word, after_hyphen, keeps_period);
            Raw::Word
        } else if cls & (LETTER | DIGIT | HYPHEN | SPACE | WIDE) == 0 {
            at += 1;
            Raw::Punct(char::from(b))
        } else {
            let input = &text[at..];
            let Ok((rest, r)) = raw(input) else { break };
            at = text.len() - rest.len();
            if let Raw::Word = r {
                let word = Scanned {
                    at: start - base,
                    len: input.len() - rest.len(),
                    folds: true,
                    refolds: true,
                };
                at = push_word(&mut tokens, text, base, word, after_hyphen, keeps_period);
            }
            r
        };
        let consumed = base + at - start;
        match r {
            Raw::Space => {
                after_hyphen = false;
                prev_end_no_space = false;
                continue;
            }
            Raw::Hyphen => {
                if prev_end_no_space && starts_with_word_char(&text[at..]) {
                    after_hyphen = true;
                    continue;
                }
                tokens.push(punct(start, consumed, '-'));
                prev_end_no_space = false;
                after_hyphen = false;
                continue;
            }
            Raw::Number(n) => tokens.push(Token {
                span: Span::new(start, start + consumed),
                kind: TokenKind::Number,
                // Digits, `,` and `.`: their own folded form.
                norm: CompactString::new(n),
                // A number starts with a digit, which has no case.
                capitalized: false,
                hyphen_joined: after_hyphen,
                word: Word::UNKNOWN,
            }),
            Raw::Word => {}
            Raw::Punct(c) => tokens.push(punct(start, consumed, c)),
        }
        after_hyphen = false;
        // Only words and numbers join with a following hyphen.
        prev_end_no_space = !matches!(r, Raw::Punct(c) if !matches!(c, '.' | '\''));
    }
    // Numbered after the scan, not during it: `keeps_period` may look words up itself.
    let numbers = vocabulary::Lookup::new();
    for t in &mut tokens {
        t.word = numbers.get(&t.norm);
    }
    tokens
}

/// A word found by the scanner: where it starts in the text, how long it is, and what
/// folding it needs.
struct Scanned {
    at: usize,
    len: usize,
    /// It may hold an ASCII capital.
    folds: bool,
    /// It may hold a character that folds otherwise (a Latin-1 capital, `î`, `û`).
    refolds: bool,
}

/// Pushes `word`, with its period when `keeps_period` says so, and returns where the text
/// goes on. Always inlined: called for every word, it costs a call (and its moves of
/// registers) otherwise, which the compiler sometimes chose.
#[inline(always)]
fn push_word(
    tokens: &mut Vec<Token>,
    text: &str,
    base: usize,
    word: Scanned,
    hyphen_joined: bool,
    keeps_period: &dyn Fn(&str, &str) -> bool,
) -> usize {
    let offset = word.at;
    let mut len = word.len;
    let input = &text[offset + len..];
    if let Some(after) = input.strip_prefix('.') {
        let with_dot = &text[offset..offset + len + 1];
        let after = &after[run_len(after, SPACE, is_space)..];
        let next_word = &after[..run_len(after, LETTER | HYPHEN, is_word_or_hyphen)];
        if keeps_period(with_dot, next_word) {
            len += 1;
        }
    }
    let surface = &text[offset..offset + len];
    let norm = if word.refolds {
        fold(surface)
    } else {
        // ASCII capitals are the only thing to fold: in place, after one copy.
        let mut norm = CompactString::new(surface);
        if word.folds {
            norm.make_ascii_lowercase();
        }
        norm
    };
    let start = base + offset;
    tokens.push(Token {
        span: Span::new(start, start + len),
        kind: TokenKind::Word,
        norm,
        capitalized: starts_upper(surface),
        hyphen_joined,
        word: Word::UNKNOWN,
    });
    offset + len
}

/// The length of the word starting at byte `at` (an ASCII letter) and what folding it
/// needs ([`UPPER`], [`REFOLD`]), when it is made of ASCII letters and digits and Latin-1
/// letters (`À` to `ÿ` but `×` and `÷`: two bytes, `0xc3` and one that says which) and
/// ends at neither an apostrophe nor any other non-ASCII character: most French words.
/// `None` for the others, which [`word`] reads.
#[inline]
fn latin_word(bytes: &[u8], at: usize) -> Option<(usize, u8)> {
    let mut i = at;
    let mut seen = 0;
    while let Some(&b) = bytes.get(i) {
        let cls = class(b);
        if cls & LETTER != 0 {
            seen |= cls;
            i += 1;
        } else if b == 0xc3 {
            match bytes.get(i + 1) {
                Some(0x97 | 0xb7) => break,
                // Capitals (0x80 to 0x9e, `ß` is 0x9f), `î` and `û`.
                Some(0x80..=0x9e | 0xae | 0xbb) => seen |= REFOLD,
                _ => {}
            }
            i += 2;
        } else if b == b'\'' || cls & WIDE != 0 {
            return None;
        } else {
            break;
        }
    }
    Some((i - at, seen))
}

/// [`latin_word`] for a word of ASCII and Latin-1 letters that ends with an ASCII elision
/// apostrophe before a letter (`l'État`, `qu'il`): its length with the apostrophe, as
/// [`word`] reads it. `None` for anything else, and before an `s`, which may make an
/// English possessive instead (`Moody's`): [`word`] tells them apart. Apart from
/// [`latin_word`], whose loop it would slow, and called when that one says no.
#[inline(never)]
fn elided_word(bytes: &[u8], at: usize) -> Option<(usize, u8)> {
    let mut i = at;
    let mut seen = 0;
    loop {
        match *bytes.get(i..)? {
            [b, ..] if class(b) & LETTER != 0 => {
                seen |= class(b);
                i += 1;
            }
            [0xc3, n, ..] if !matches!(n, 0x97 | 0xb7) => {
                if matches!(n, 0x80..=0x9e | 0xae | 0xbb) {
                    seen |= REFOLD;
                }
                i += 2;
            }
            [b'\'', b's', ..] => return None,
            [b'\'', n, ..] if n.is_ascii_alphabetic() => return Some((i + 1 - at, seen)),
            [b'\'', 0xc3, n, ..] if !matches!(n, 0x97 | 0xb7) => return Some((i + 1 - at, seen)),
            _ => return None,
        }
    }
}

/// A punctuation token: `c` is its own normal form, and it has no case (an upper-case
/// character is a word character, so never punctuation).
fn punct(start: usize, len: usize, c: char) -> Token {
    let mut buf = [0u8; 4];
    Token {
        span: Span::new(start, start + len),
        kind: TokenKind::Punct(c),
        norm: CompactString::new(c.encode_utf8(&mut buf)),
        capitalized: false,
        hyphen_joined: false,
        word: Word::UNKNOWN,
    }
}

/// Whether the first character of `word` is upper case, decoding it only when not ASCII.
fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Folded words of a lexicon entry, tokenized like text (no abbreviation periods).
pub fn entry_words(entry: &str) -> Vec<String> {
    tokenize(entry, 0, &|_, _| false)
        .into_iter()
        .filter(|t| !matches!(t.kind, TokenKind::Punct(c) if c != ',' && c != ':'))
        .map(|t| t.norm.into_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was before its fast paths: every token through [`raw`]. The
    /// oracle the fast paths must agree with.
    fn tokenize_by_raw(
        text: &str,
        base: usize,
        keeps_period: &dyn Fn(&str, &str) -> bool,
    ) -> Vec<Token> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut input = text;
        let mut after_hyphen = false;
        let mut prev_end_no_space = false;
        while !input.is_empty() {
            let offset = text.len() - input.len();
            let Ok((rest, r)) = raw(input) else { break };
            let consumed = input.len() - rest.len();
            input = rest;
            let start = base + offset;
            match r {
                Raw::Space => {
                    after_hyphen = false;
                    prev_end_no_space = false;
                    continue;
                }
                Raw::Hyphen => {
                    if prev_end_no_space && starts_with_word_char(input) {
                        after_hyphen = true;
                        continue;
                    }
                    tokens.push(punct(start, consumed, '-'));
                    prev_end_no_space = false;
                    after_hyphen = false;
                    continue;
                }
                Raw::Number(n) => tokens.push(Token {
                    span: Span::new(start, start + consumed),
                    kind: TokenKind::Number,
                    norm: fold(n),
                    capitalized: false,
                    hyphen_joined: after_hyphen,
                    word: Word::UNKNOWN,
                }),
                Raw::Word => {
                    let mut len = consumed;
                    if let Some(after) = input.strip_prefix('.') {
                        let with_dot = &text[offset..offset + len + 1];
                        let after = &after[run_len(after, SPACE, is_space)..];
                        let next_word =
                            &after[..run_len(after, LETTER | HYPHEN, is_word_or_hyphen)];
                        if keeps_period(with_dot, next_word) {
                            len += 1;
                            input = &input[1..];
                        }
                    }
                    let surface = &text[offset..offset + len];
                    tokens.push(Token {
                        span: Span::new(start, start + len),
                        kind: TokenKind::Word,
                        norm: fold(surface),
                        capitalized: starts_upper(surface),
                        hyphen_joined: after_hyphen,
                        word: Word::UNKNOWN,
                    });
                }
                Raw::Punct(c) => tokens.push(punct(start, consumed, c)),
            }
            after_hyphen = false;
            prev_end_no_space = !matches!(r, Raw::Punct(c) if !matches!(c, '.' | '\''));
        }
        let numbers = vocabulary::Lookup::new();
        for t in &mut tokens {
            t.word = numbers.get(&t.norm);
        }
        tokens
    }

    /// Keeps the period of a capital, or of a word starting with `m` or `é`, before a
    /// capital or a hyphen: arbitrary, so that every path meets both answers.
    fn odd_period(word: &str, next: &str) -> bool {
        (word.starts_with(char::is_uppercase) || word.starts_with(['m', 'é']))
            && next.starts_with(|c: char| c.is_uppercase() || c == '-')
    }

    fn same_as_oracle(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let numbered = ["le", "état", "l'", ",", "«", "-", "1,5", "m.", "été"];
        for w in numbered {
            vocabulary::intern(w);
        }
        proptest::prop_assert_eq!(
            tokenize(text, 7, &odd_period),
            tokenize_by_raw(text, 7, &odd_period)
        );
        proptest::prop_assert_eq!(
            tokenize(text, 0, &|_, _| false),
            tokenize_by_raw(text, 0, &|_, _| false)
        );
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// French-looking text with every odd character the scanner treats apart.
        #[test]
        fn fast_paths_tokenize_like_raw(
            text in "([a-zA-Z0-9]{1,6}|[ \t\r\n\u{a0}\u{202f}\u{2009}\u{feff}\u{85}]|[-\u{2010}\u{2011}'’ʼ´`.,;:!?«»()%€$\u{0}\u{7f}]|[éÉèàÀçÇîÎûÛœŒßÿ×÷ÞłΣ\u{301}\u{300}\u{36f}]|[MmVXsé]|\\PC){0,40}"
        ) {
            same_as_oracle(&text)?;
        }

        #[test]
        fn fast_paths_tokenize_any_text_like_raw(text in "\\PC{0,40}") {
            same_as_oracle(&text)?;
        }
    }

    #[test]
    fn fast_paths_on_hand_picked_text() {
        for text in [
            "",
            "M. Dupont a dit : « Moody's l’État d'Élysée » -- a-t-il ÉTÉ 1,5. X.-Y. Ö×÷ß",
            "Maître-d’hôtel, ŒUVRE, aujourd'hui, qu'il, s'—e, l'é, l'1, Jean‐Marc‑Éric -",
            "V.\u{a0}Hugo, é. Élie, m.-Pierre, 3.-4, a.b.c., Z.\r\nY",
            "e\u{301}te\u{301}, ÉT\u{301}, Ab's, A's, ab'sé, ab'S, ab's1, ab'\u{2019}x",
        ] {
            same_as_oracle(text).unwrap();
        }
    }

    fn norms(text: &str) -> Vec<String> {
        let initial = |w: &str, next: &str| {
            w.chars().count() == 2
                && w.starts_with(char::is_uppercase)
                && next.starts_with(|c: char| c.is_uppercase() || c == '-')
                && next != "Puis"
        };
        tokenize(text, 0, &|w, next| {
            w == "M." || w == "Mme." || initial(w, next)
        })
        .into_iter()
        .map(|t| t.norm.into_string())
        .collect()
    }

    #[test]
    fn suffixes_match_the_folded_form() {
        let t = &tokenize("Pourrait été", 0, &|_, _| false);
        assert!(t[0].ends_with_any(&["rait", "raient"]));
        assert!(t[0].ends_with_any(&["pourrait"]));
        assert!(!t[0].ends_with_any(&["xpourrait", "aient"]));
        assert!(t[0].ends_with_any(&[""]), "as str::ends_with");
        assert!(t[1].ends_with_any(&["té"]) && !t[1].ends_with_any(&["e"]));
        let none: [&str; 0] = [];
        assert!(!t[0].ends_with_any(&none));
    }

    #[test]
    fn incise_splits_on_hyphens() {
        assert_eq!(norms("a-t-il déclaré"), ["a", "t", "il", "déclaré"]);
        assert_eq!(norms("dit‑elle"), ["dit", "elle"]);
    }

    #[test]
    fn elision_keeps_apostrophe() {
        assert_eq!(norms("l’État qu'il"), ["l'", "état", "qu'", "il"]);
    }

    #[test]
    fn initials_and_abbreviations_keep_period() {
        assert_eq!(
            norms("V. Sapounov et M. Dupont."),
            ["v.", "sapounov", "et", "m.", "dupont", "."]
        );
    }

    #[test]
    fn english_possessive_is_one_word() {
        assert_eq!(norms("Moody's dit qu'il"), ["moody's", "dit", "qu'", "il"]);
    }

    #[test]
    fn a_capital_ending_a_sentence_is_no_initial() {
        assert_eq!(
            norms("publié sur X. Puis"),
            ["publié", "sur", "x", ".", "puis"]
        );
        assert_eq!(norms("J.-L. Martin"), ["j.", "l.", "martin"]);
    }

    #[test]
    fn numbers_keep_decimal_comma() {
        assert_eq!(norms("1,5 %, 30."), ["1,5", "%", ",", "30", "."]);
    }

    #[test]
    fn ascii_classes_agree_with_the_predicates() {
        for b in 0..=0x7fu8 {
            let c = char::from(b);
            let cls = class(b);
            assert_eq!(cls & LETTER != 0, is_word_char(c), "{c:?}");
            assert_eq!(cls & DIGIT != 0, c.is_ascii_digit(), "{c:?}");
            assert_eq!(cls & SPACE != 0, is_space(c), "{c:?}");
            assert_eq!(cls & HYPHEN != 0, is_hyphen(c), "{c:?}");
            assert_eq!(cls & WIDE, 0, "{c:?}");
        }
        assert!((0x80..=0xff).all(|b| class(b) == WIDE));
    }

    #[test]
    fn non_ascii_words_fold_and_keep_their_capital() {
        let t = tokenize("Élysée: l’État a déclaré ŒUVRE", 0, &|_, _| false);
        let got: Vec<(&str, bool)> = t.iter().map(|t| (t.norm.as_str(), t.capitalized)).collect();
        assert_eq!(
            got,
            [
                ("élysée", true),
                (":", false),
                ("l'", false),
                ("état", true),
                ("a", false),
                ("déclaré", false),
                ("œuvre", true),
            ]
        );
        assert_eq!(t[3].span, Span::new(14, 19));
    }

    #[test]
    fn combining_accents_stay_in_the_word() {
        assert_eq!(
            norms("Ele\u{301}ve de\u{300}s"),
            ["ele\u{301}ve", "de\u{300}s"]
        );
    }

    #[test]
    fn every_hyphen_joins_and_a_spaced_one_is_punctuation() {
        let t = tokenize("Jean\u{2010}Marc dit-il - oui", 0, &|_, _| false);
        let got: Vec<(&str, bool)> = t
            .iter()
            .map(|t| (t.norm.as_str(), t.hyphen_joined))
            .collect();
        assert_eq!(
            got,
            [
                ("jean", false),
                ("marc", true),
                ("dit", false),
                ("il", true),
                ("-", false),
                ("oui", false),
            ]
        );
    }

    #[test]
    fn narrow_spaces_and_crlf_separate_tokens() {
        assert_eq!(
            norms("Oui\u{202f}!\r\nNon\u{a0}?\u{2009}1.5\t2,"),
            ["oui", "!", "non", "?", "1.5", "2", ","]
        );
    }

    #[test]
    fn period_kept_before_a_name_after_any_space() {
        assert_eq!(norms("V.\u{a0}Hugo"), ["v.", "hugo"]);
        assert_eq!(norms("V.\u{202f}Élie"), ["v.", "élie"]);
    }

    #[test]
    fn offsets_are_exact_with_nbsp() {
        let text = "«\u{a0}Oui\u{a0}»";
        let t = tokenize(text, 10, &|_, _| false);
        assert_eq!(t[1].span, Span::new(10 + 4, 10 + 7));
        assert_eq!(t[2].span.start, 10 + 9);
    }
}
