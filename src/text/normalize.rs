//! The canonical form of a word for lexicon lookups.
//!
//! Copy uses several apostrophes (U+0027, U+2019, U+02BC, U+00B4), capitalises
//! sentence-initial words and, since the 1990 spelling reform, may drop the circumflex on
//! `i` and `u` (`reconnait`). Lexicon entries and text words go through the same function,
//! so one entry matches every spelling.

use compact_str::CompactString;

/// Lower-cases, unifies apostrophes to `'` and folds `î`/`û` to `i`/`u`.
pub fn fold(word: &str) -> CompactString {
    // Most words are ASCII (sentence starts and names capitalised): copied whole, and
    // lower-cased in place only when they hold a capital. One read of the bytes says both.
    let mut seen = 0;
    for &b in word.as_bytes() {
        seen |= ASCII_FOLD[usize::from(b)];
    }
    if seen & FOLDS_OTHERWISE == 0 {
        let mut out = CompactString::new(word);
        if seen & CAPITAL != 0 {
            out.make_ascii_lowercase();
        }
        return out;
    }
    fold_wide(word)
}

/// [`fold`] for words with non-ASCII characters, read byte by byte: French letters are two
/// bytes (`0xc3`, then one that says which), so their folding needs no decoding.
/// Most such words (`été`, `déclaré`) fold to themselves and are copied whole; the others
/// are folded into a stack buffer, then stored once: pushing char by char onto the string
/// cost more than the rest of tokenizing. Characters outside Latin-1 (`Œ`, `ł`) and very
/// long words (rare) take the general path.
fn fold_wide(word: &str) -> CompactString {
    let bytes = word.as_bytes();
    if folds_to_itself(bytes) {
        return CompactString::new(word);
    }
    // Folding never lengthens a word: what fits the input fits the output.
    if bytes.len() > FOLD_BUFFER {
        return fold_general(word);
    }
    let mut buf = [0u8; FOLD_BUFFER];
    let mut len = 0;
    let mut changed = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        // The folded bytes, and how many input bytes they replace.
        let (folded, width): ([u8; 2], usize) = match (b, next) {
            (b'A'..=b'Z', _) => ([b.to_ascii_lowercase(), 0], 1),
            (b'`', _) => ([b'\'', 0], 1),
            (0..=0x7f, _) => ([b, 0], 1),
            // U+00B4, U+02BC, U+2019: apostrophes.
            (0xc2, 0xb4) | (0xca, 0xbc) => ([b'\'', 0], 2),
            (0xe2, 0x80) if bytes.get(i + 2) == Some(&0x99) => ([b'\'', 0], 3),
            // `Î`, `î`, `Û`, `û`.
            (0xc3, 0x8e | 0xae) => ([b'i', 0], 2),
            (0xc3, 0x9b | 0xbb) => ([b'u', 0], 2),
            // Latin-1 capitals (`É`, `À`, `Ç`) are their small letters less 0x20; `×` and
            // the small letters (`ß` to `ÿ`) stay.
            (0xc3, 0x80..=0x9e) if next != 0x97 => ([0xc3, next + 0x20], 2),
            (0xc3, _) => ([0xc3, next], 2),
            _ => return fold_general(word),
        };
        // Byte by byte: a two-byte `copy_from_slice` of variable length is a `memcpy` call.
        buf[len] = folded[0];
        len += 1;
        if folded[0] >= 0xc0 {
            buf[len] = folded[1];
            len += 1;
        }
        changed |= folded[0] != b || (width > 1 && folded[1] != next);
        i += width;
    }
    if !changed {
        return CompactString::new(word);
    }
    std::str::from_utf8(&buf[..len]).map_or_else(|_| fold_general(word), CompactString::new)
}

/// Whether a word holding non-ASCII characters folds to itself: it has no ASCII capital
/// or `` ` ``, and its other characters are small Latin-1 letters other than `î` and `û`
/// (`été`, `déclaré`, `ça`), read as two bytes, `0xc3` and one that says which. Checked
/// first because most such words are so, and the copy then needs no buffer; anything
/// else (a capital, an apostrophe to unify, `Œ`) says no and takes the folding loop.
fn folds_to_itself(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            0..=0x7f if ASCII_FOLD[usize::from(b)] == 0 => i += 1,
            0xc3 => match bytes.get(i + 1) {
                // `ß` to `ÿ` but `î` and `û`, and `×` (capitals are 0x80 to 0x9e).
                Some(&n) if ((0x9f..=0xbf).contains(&n) && n != 0xae && n != 0xbb) || n == 0x97 => {
                    i += 2
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    true
}

/// [`ASCII_FOLD`]: an ASCII capital, which lower-casing changes.
const CAPITAL: u8 = 1;
/// [`ASCII_FOLD`]: a byte that ASCII lower-casing does not fold (a non-ASCII character,
/// or `` ` ``, which becomes `'`).
const FOLDS_OTHERWISE: u8 = 2;

/// What folding does to each byte, so that the common case costs one table read a byte.
static ASCII_FOLD: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < table.len() {
        table[b] = match b as u8 {
            b'A'..=b'Z' => CAPITAL,
            b'`' | 0x80.. => FOLDS_OTHERWISE,
            _ => 0,
        };
        b += 1;
    }
    table
};

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

/// `text` with runs of whitespace (line breaks of a wrapped paragraph, spaces around
/// markup) made one space, and none at either end: `split_whitespace` joined by spaces.
/// Text is copied a stretch at a time: a stretch runs on over single ASCII spaces, which
/// it keeps as they are, and ends only at other whitespace, so that a sentence typed with
/// plain spaces is one copy. Only ASCII spaces and the lead bytes of Unicode's other
/// spaces (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000) can start whitespace, found
/// by a table lookup a byte; a character is decoded only there.
pub fn squeeze_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let space_at =
        |i: usize| MAY_START_SPACE[bytes[i] as usize] != 0 && whitespace_at(text, i).is_some();
    // The first byte of the stretch not yet copied.
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let run = i;
        i = next_possible_space(bytes, i);
        if i > run {
            start.get_or_insert(run);
        }
        if i == bytes.len() {
            break;
        }
        let Some(len) = whitespace_at(text, i) else {
            start.get_or_insert(i);
            i += 1;
            continue;
        };
        // A single ASCII space between two other characters stays in the stretch.
        if bytes[i] == b' ' && start.is_some() && i + 1 < bytes.len() && !space_at(i + 1) {
            i += 1;
            continue;
        }
        if let Some(s) = start.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text[s..i]);
        }
        i += len;
    }
    if let Some(s) = start {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[s..]);
    }
    out
}

/// The length of the whitespace character at byte `i`, if one starts there.
fn whitespace_at(text: &str, i: usize) -> Option<usize> {
    char_at(text, i, char::is_whitespace)
}

/// The length of the character at byte `i` when it satisfies `space` (a kind of space:
/// ASCII ones are answered from the byte, others decoded only after their lead byte).
#[inline]
fn char_at(text: &str, i: usize, space: fn(char) -> bool) -> Option<usize> {
    match text.as_bytes()[i] {
        b' ' | b'\t'..=b'\r' => Some(1),
        0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef => text
            .get(i..)?
            .chars()
            .next()
            .filter(|&c| space(c))
            .map(char::len_utf8),
        _ => None,
    }
}

/// Runs of [`is_space`] characters, as a quotation's text shows them: a lone space is kept
/// as typed (a no-break space before `?`, a thin one in `10 000`), unless it is a line
/// break; a longer run (or a line break: a wrapped line) becomes one space, and none is
/// kept at the end. Text is copied a stretch at a time, lone spaces included, as in
/// [`squeeze_whitespace`].
pub fn keep_lone_spaces(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let space_at = |i: usize| match MAY_START_SPACE[bytes[i] as usize] {
        0 => None,
        _ => char_at(text, i, is_space),
    };
    // The first byte of the stretch not yet copied.
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let run = i;
        i = next_possible_space(bytes, i);
        if i > run {
            start.get_or_insert(run);
        }
        if i == bytes.len() {
            break;
        }
        let Some(len) = space_at(i) else {
            start.get_or_insert(i);
            i += 1;
            continue;
        };
        // A lone space before another character stays in the stretch, as typed.
        if bytes[i] != b'\n' && i + len < bytes.len() && space_at(i + len).is_none() {
            start.get_or_insert(i);
            i += len;
            continue;
        }
        // A longer run, a line break or the trailing spaces: the stretch ends here.
        let end = i;
        while let Some(len) = (i < bytes.len()).then(|| space_at(i)).flatten() {
            i += len;
        }
        if let Some(s) = start.take() {
            out.push_str(&text[s..end]);
        }
        if i < bytes.len() && !out.is_empty() {
            out.push(' ');
        }
    }
    if let Some(s) = start {
        out.push_str(&text[s..]);
    }
    out
}

/// The first byte at or after `i` that may start a space (see [`MAY_START_SPACE`]), or the
/// end: the stretches of [`squeeze_whitespace`] and [`keep_lone_spaces`] run on to it
/// with one table lookup a byte.
fn next_possible_space(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| MAY_START_SPACE[b as usize] != 0)
        .map_or(bytes.len(), |k| i + k)
}

/// 1 for the bytes that may start a space (see [`char_at`]): ASCII spaces and the lead
/// bytes of U+0085 and U+00A0, U+1680, U+2000 to U+205F, U+3000 and U+FEFF.
static MAY_START_SPACE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(
            b as u8,
            b' ' | b'\t'..=b'\r' | 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef
        ) as u8;
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_apostrophes_and_circumflex() {
        assert_eq!(fold("Reconnaît"), "reconnait");
        assert_eq!(fold("L\u{2019}"), "l'");
        assert_eq!(fold("État"), "état");
    }

    #[test]
    fn folds_words_beyond_ascii() {
        assert_eq!(fold("déclaré"), "déclaré");
        assert_eq!(fold("ÉLYSÉE"), "élysée");
        assert_eq!(fold("Maître"), "maitre");
        assert_eq!(fold("Aoûtʼs´`"), "aout's''");
        assert_eq!(fold("3×4"), "3×4");
        assert_eq!(fold("ŒUVRE"), "œuvre");
        assert_eq!(fold("Ça"), "ça");
    }

    proptest::proptest! {
        /// The fast paths fold exactly like the general one, which lower-cases every
        /// character (as `fold` did before it read bytes).
        #[test]
        fn fast_paths_fold_like_the_general_path(word in "[a-zA-Z0-9'`.,’ʼ´éÉîÎûÛ×÷ßÿÀÞŒłΣ\\PC]{0,30}") {
            proptest::prop_assert_eq!(fold(&word), fold_general(&word));
        }
    }

    fn reference(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn squeezes_every_kind_of_space() {
        let text = "\u{a0}« Oui\u{202f}»,\r\n\t a-t-il dit\u{3000}\u{85}é\u{2028}x ";
        assert_eq!(squeeze_whitespace(text), reference(text));
        assert_eq!(squeeze_whitespace(""), "");
        assert_eq!(squeeze_whitespace(" \n "), "");
    }

    proptest::proptest! {
        #[test]
        fn squeezing_is_split_whitespace_joined(
            text in "([ \t\r\n\u{a0}\u{202f}\u{2009}\u{85}\u{1680}\u{3000}\u{1c}]|[a-zé«»’€𝄞]){0,40}"
        ) {
            proptest::prop_assert_eq!(squeeze_whitespace(&text), reference(&text));
        }
    }
}
