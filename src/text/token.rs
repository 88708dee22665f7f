//! The tokenizer: a small nom grammar over `&str`.
//!
//! Words keep an elision apostrophe (`l'`, `qu'`, `aujourd'`), hyphens split words
//! (`a-t-il` gives `a`, `t`, `il`, each marked as joined to the previous one) so that
//! inverted incises and hyphenated names match the lexicon however they are typed. A period
//! is kept on a word when the word is a known abbreviation (`M.`, `Mme.`) or a single
//! capital (an initial, `V.`), which is what keeps such periods from ending sentences.

use nom::{
    IResult, Parser,
    bytes::complete::take_while1,
    character::complete::{anychar, one_of, satisfy},
    combinator::recognize,
    multi::many0,
    sequence::pair,
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
    recognize(pair(
        take_while1(|c: char| c.is_ascii_digit()),
        many0(pair(
            one_of(",."),
            take_while1(|c: char| c.is_ascii_digit()),
        )),
    ))
    .parse(input)
}

/// A word, with its elision apostrophe when a letter follows (`l'État` -> `l'`).
fn word(input: &str) -> IResult<&str, &str> {
    let (rest, w) = take_while1(is_word_char).parse(input)?;
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

/// One raw token. The first character decides which parser runs: the alternatives are
/// disjoint on it, and trying them in turn (`alt`) cost a third of all tokenizing time.
fn raw(input: &str) -> IResult<&str, Raw<'_>> {
    match input.chars().next() {
        Some(c) if is_space(c) => take_while1(is_space).map(|_| Raw::Space).parse(input),
        Some(c) if c.is_ascii_digit() => number.map(Raw::Number).parse(input),
        Some(c) if is_word_char(c) => word.map(|_| Raw::Word).parse(input),
        Some(c) if is_hyphen(c) => satisfy(is_hyphen).map(|_| Raw::Hyphen).parse(input),
        _ => anychar.map(Raw::Punct).parse(input),
    }
}

/// Splits `text` (which starts at byte `base` of the file) into tokens.
/// `keeps_period(word_with_period, next_word)` says whether a word followed by `.` keeps
/// the period (an abbreviation or an initial) rather than ending a sentence with it.
pub fn tokenize(text: &str, base: usize, keeps_period: &dyn Fn(&str, &str) -> bool) -> Vec<Token> {
    // About one token every five bytes of French prose: one allocation, not a dozen.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut input = text;
    let mut after_hyphen = false;
    let mut prev_end_no_space = false;
    while !input.is_empty() {
        let offset = text.len() - input.len();
        let Ok((rest, r)) = raw(input) else { break };
        let consumed = input.len() - rest.len();
        input = rest;
        match r {
            Raw::Space => {
                after_hyphen = false;
                prev_end_no_space = false;
                continue;
            }
            Raw::Hyphen => {
                if prev_end_no_space && input.chars().next().is_some_and(is_word_char) {
                    after_hyphen = true;
                    continue;
                }
                push(
                    &mut tokens,
                    base + offset,
                    consumed,
                    TokenKind::Punct('-'),
                    "-",
                    false,
                );
                prev_end_no_space = false;
                after_hyphen = false;
                continue;
            }
            Raw::Number(n) => push(
                &mut tokens,
                base + offset,
                consumed,
                TokenKind::Number,
                n,
                after_hyphen,
            ),
            Raw::Word => {
                let mut len = consumed;
                if input.starts_with('.') {
                    let with_dot = &text[offset..offset + len + 1];
                    let after = input[1..].trim_start_matches(is_space);
                    let next_word = after
                        .split(|c: char| !is_word_char(c) && !is_hyphen(c))
                        .next()
                        .unwrap_or("");
                    if keeps_period(with_dot, next_word) {
                        len += 1;
                        input = &input[1..];
                    }
                }
                let surface = &text[offset..offset + len];
                push(
                    &mut tokens,
                    base + offset,
                    len,
                    TokenKind::Word,
                    surface,
                    after_hyphen,
                );
            }
            Raw::Punct(c) => push(
                &mut tokens,
                base + offset,
                consumed,
                TokenKind::Punct(c),
                "",
                false,
            ),
        }
        after_hyphen = false;
        prev_end_no_space = true;
        if let Some(last) = tokens.last()
            && let TokenKind::Punct(c) = last.kind
            && !matches!(c, '.' | '\'')
        {
            // Only words and numbers join with a following hyphen.
            prev_end_no_space = false;
        }
    }
    // Numbered after the scan, not during it: `keeps_period` may look words up itself.
    let numbers = vocabulary::Lookup::new();
    for t in &mut tokens {
        t.word = numbers.get(&t.norm);
    }
    tokens
}

fn push(
    tokens: &mut Vec<Token>,
    start: usize,
    len: usize,
    kind: TokenKind,
    surface: &str,
    joined: bool,
) {
    let norm = match kind {
        TokenKind::Punct(c) => {
            let mut buf = [0u8; 4];
            CompactString::new(c.encode_utf8(&mut buf))
        }
        _ => fold(surface),
    };
    tokens.push(Token {
        span: Span::new(start, start + len),
        kind,
        capitalized: surface.chars().next().is_some_and(char::is_uppercase),
        norm,
        hyphen_joined: joined,
        word: Word::UNKNOWN,
    });
}

/// Folded words of a lexicon entry, tokenized like text (no abbreviation periods).
pub fn entry_words(entry: &str) -> Vec<String> {
    tokenize(entry, 0, &|_, _| false)
        .into_iter()
        .filter(|t| !matches!(t.kind, TokenKind::Punct(c) if c != ',' && c != ':'))
        .map(|t| t.norm.into_string())
        .collect()
}

/// Re-export for callers that only need the scanner's notion of a word character.
pub fn is_word(c: char) -> bool {
    is_word_char(c)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn offsets_are_exact_with_nbsp() {
        let text = "«\u{a0}Oui\u{a0}»";
        let t = tokenize(text, 10, &|_, _| false);
        assert_eq!(t[1].span, Span::new(10 + 4, 10 + 7));
        assert_eq!(t[2].span.start, 10 + 9);
    }
}
