//! The canonical form of a word for lexicon lookups.
//!
//! Copy uses several apostrophes (U+0027, U+2019, U+02BC, U+00B4), capitalises
//! sentence-initial words and, since the 1990 spelling reform, may drop the circumflex on
//! `i` and `u` (`reconnait`). Lexicon entries and text words go through the same function,
//! so one entry matches every spelling.

use compact_str::CompactString;

/// Lower-cases, unifies apostrophes to `'` and folds `î`/`û` to `i`/`u`.
pub fn fold(word: &str) -> CompactString {
    // Most words are ASCII letters, digits and `'` (sentence starts and names capitalised):
    // copied whole, lower-cased in place.
    if word
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'\'')
    {
        let mut out = CompactString::new(word);
        out.as_mut_str().make_ascii_lowercase();
        return out;
    }
    // Folded into a stack buffer, then stored once: pushing char by char onto the string
    // cost more than the rest of tokenizing. Longer words (rare) take the general path.
    let mut buf = [0u8; FOLD_BUFFER];
    let mut len = 0;
    for c in word.chars() {
        let folded = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '\u{2019}' | '\u{02bc}' | '\u{00b4}' | '`' => '\'',
            'î' | 'Î' => 'i',
            'û' | 'Û' => 'u',
            c if c.is_ascii() => c,
            // Latin-1 capitals (`É`, `À`, `Ç`) are their small letters less 0x20.
            'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            'ß'..='ÿ' => c,
            _ => return fold_general(word),
        };
        if len + folded.len_utf8() > buf.len() {
            return fold_general(word);
        }
        len += folded.encode_utf8(&mut buf[len..]).len();
    }
    std::str::from_utf8(&buf[..len]).map_or_else(|_| fold_general(word), CompactString::new)
}

/// Room for the folded form of any ordinary word.
const FOLD_BUFFER: usize = 64;

/// [`fold`] for words with letters outside Latin-1 (`Œ`, `ł`) or very long ones.
#[cold]
fn fold_general(word: &str) -> CompactString {
    let mut out = CompactString::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{02bc}' | '\u{00b4}' | '`' => out.push('\''),
            'î' | 'Î' => out.push('i'),
            'û' | 'Û' => out.push('u'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True for the characters French copy uses as an apostrophe.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Spaces of every kind found around French punctuation.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\u{feff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_apostrophes_and_circumflex() {
        assert_eq!(fold("Reconnaît"), "reconnait");
        assert_eq!(fold("L\u{2019}"), "l'");
        assert_eq!(fold("État"), "état");
    }
}
