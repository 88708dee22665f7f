//! A file's report written straight as JSON bytes, in serde_json's pretty or compact
//! layout, without going through serde's data model.
//!
//! Through serde, every key of every field is escaped again and every piece of structure
//! is a call into the formatter; a report is mostly positions (six integers each) and
//! their keys, so that is most of the cost of `--format json`. Here the keys are constants,
//! the structure is written in place, a position is pieces from a table around integers
//! written a word at a time, enum names are constants, and only a string that needs
//! escaping goes through serde_json.
//!
//! The `#[derive(Serialize)]` of the report types stays the reference: tests compare these
//! bytes with serde_json's for the same report (`tests/json_writer.rs`, and a property in
//! `tests/properties.rs`), and each type below is taken apart with an exhaustive pattern,
//! so that a field added to a report type does not compile here until it is written. The
//! report types carry no serde attribute that changes how a field is written (`rename`,
//! `skip_serializing_if`, `flatten`); one added there must be mirrored here.
//!
//! The small pieces are inlined (`#[inline(always)]`): a call costs as much as a line.

use std::borrow::Cow;
use std::io;

use serde::Serialize;

use crate::model::{CueKind, QuoteKind, Scope, Signal, SourceKind, Via};
use crate::report::{
    AttributionOut, ClaimCounts, ClaimOut, ClaimSourceOut, CueOut, FileReport, FindingOut,
    QuoteOut, SeverityCounts, SourceOut, SpeakerOut, Summary,
};
use crate::rules::Severity;
use crate::source::Location;

/// `file` as serde_json's pretty printer writes it `level` levels deep in a document (two
/// spaces an indent; the first line's indentation is the caller's).
pub fn pretty(file: &FileReport, out: &mut Vec<u8>, level: usize) -> io::Result<()> {
    file.write(&mut Writer {
        out,
        layout: Pretty::at(level),
    })
}

/// `file` as `serde_json::to_writer` writes it: on one line, no space anywhere.
pub fn compact(file: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    file.write(&mut Writer {
        out,
        layout: Compact,
    })
}

struct Writer<'o, L> {
    out: &'o mut Vec<u8>,
    layout: L,
}

/// The whitespace between the pieces of a document: what sets serde_json's pretty and
/// compact output apart.
trait Layout {
    /// A key as written, from its pretty form (`"name": `).
    fn key(pretty: &'static str) -> &'static [u8];

    /// Before a key or an array element: a comma after the one before (unless `first`).
    fn separate(&self, out: &mut Vec<u8>, first: bool);

    /// After `{` or `[`: one level deeper.
    fn open(&mut self);

    /// Before `}` or `]`: one level up, and the line break if anything was written inside.
    fn close(&mut self, out: &mut Vec<u8>, empty: bool);

    /// What surrounds the six integers of a position written here, if it is not too deep
    /// for [`PRETTY_LOCATIONS`].
    fn location(&self) -> Option<&'static Around>;
}

/// A constant piece of a document, padded to a fixed size so that it is copied in a few
/// moves, then cut back to its length.
#[derive(Clone, Copy)]
struct Piece {
    bytes: [u8; PIECE_BYTES],
    len: usize,
}

/// Room for a line break, the indentation of a position's fields [`LOCATION_LEVELS`]
/// deep and its longest key: two moves.
const PIECE_BYTES: usize = 32;

/// The depths whose positions are written from [`PRETTY_LOCATIONS`]: a report's
/// positions are six levels deep in the `--format json` document, four in a file's
/// report on its own; deeper ones are written as any object.
const LOCATION_LEVELS: usize = 8;

impl Piece {
    /// No byte yet; the padding is spaces, so that an indentation is only a length.
    const EMPTY: Piece = Piece {
        bytes: [b' '; PIECE_BYTES],
        len: 0,
    };

    const fn push(mut self, bytes: &[u8]) -> Piece {
        let mut i = 0;
        while i < bytes.len() {
            self.bytes[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        self
    }

    /// The indentation of `level` levels (spaces already there).
    const fn indent(mut self, level: usize) -> Piece {
        self.len += 2 * level;
        self
    }

    #[inline(always)]
    fn write(&self, out: &mut Vec<u8>) {
        let end = out.len() + self.len;
        out.extend_from_slice(&self.bytes);
        out.truncate(end);
    }
}

/// The keys of a position, in the order of its fields (the derive's).
const LOCATION_KEYS: [&str; 6] = ["start", "end", "line", "column", "end_line", "end_column"];

/// What comes before each of a position's six integers, and the end of the object.
type Around = [Piece; 7];

/// A position as the pretty layout writes it at each depth below [`LOCATION_LEVELS`]:
/// most of a report's lines are a position's, here each one piece and an integer.
static PRETTY_LOCATIONS: [Around; LOCATION_LEVELS] = {
    let mut all = [[Piece::EMPTY; 7]; LOCATION_LEVELS];
    let mut level = 0;
    while level < LOCATION_LEVELS {
        let mut k = 0;
        while k < LOCATION_KEYS.len() {
            let head: &[u8] = if k == 0 { b"{\n" } else { b",\n" };
            all[level][k] = Piece::EMPTY
                .push(head)
                .indent(level + 1)
                .push(b"\"")
                .push(LOCATION_KEYS[k].as_bytes())
                .push(b"\": ");
            k += 1;
        }
        all[level][6] = Piece::EMPTY.push(b"\n").indent(level).push(b"}");
        level += 1;
    }
    all
};

/// A position as the compact layout writes it.
static COMPACT_LOCATION: Around = {
    let mut all = [Piece::EMPTY; 7];
    let mut k = 0;
    while k < LOCATION_KEYS.len() {
        let head: &[u8] = if k == 0 { b"{\"" } else { b",\"" };
        all[k] = Piece::EMPTY
            .push(head)
            .push(LOCATION_KEYS[k].as_bytes())
            .push(b"\":");
        k += 1;
    }
    all[6] = Piece::EMPTY.push(b"}");
    all
};

/// serde_json's `PrettyFormatter` (as `render::json::Pretty` writes it at any depth).
struct Pretty {
    level: usize,
    /// The bytes of a line break at this level, comma included, as far as [`BREAK`]
    /// holds them.
    line: usize,
}

/// The deepest level whose line break is written in one piece: a report's deepest line is
/// four levels below its file (a claim's source's span's fields), six in the
/// `--format json` document.
const DEEPEST: usize = 16;

/// What a line break is copied from: a comma, the line break and the indentation of
/// [`DEEPEST`] levels, then one space more, so that [`PIECE`] bytes from either of the
/// first two bytes lie inside.
const BREAK: [u8; PIECE + 1] = {
    let mut b = [b' '; PIECE + 1];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// The bytes copied for a line break, before it is cut back to the indentation.
const PIECE: usize = 2 + 2 * DEEPEST;

impl Pretty {
    /// The layout `level` levels deep.
    fn at(level: usize) -> Pretty {
        Pretty {
            level,
            line: 2 + 2 * level.min(DEEPEST),
        }
    }

    /// A line break and the indentation of the current level, after a comma if `comma`.
    #[inline(always)]
    fn newline(&self, out: &mut Vec<u8>, comma: bool) {
        // A copy of a fixed size is a few moves, one of a varying size a call to `memcpy`
        // (which costs more than the line itself): copy the deepest indentation, then cut
        // it back.
        let from = usize::from(!comma);
        let end = out.len() + self.line - from;
        out.extend_from_slice(&BREAK[from..from + PIECE]);
        out.truncate(end);
        for _ in DEEPEST..self.level {
            out.extend_from_slice(b"  ");
        }
    }
}

impl Layout for Pretty {
    #[inline(always)]
    fn key(pretty: &'static str) -> &'static [u8] {
        pretty.as_bytes()
    }

    #[inline(always)]
    fn separate(&self, out: &mut Vec<u8>, first: bool) {
        self.newline(out, !first);
    }

    fn open(&mut self) {
        *self = Pretty::at(self.level + 1);
    }

    #[inline(always)]
    fn close(&mut self, out: &mut Vec<u8>, empty: bool) {
        *self = Pretty::at(self.level - 1);
        if !empty {
            self.newline(out, false);
        }
    }

    fn location(&self) -> Option<&'static Around> {
        PRETTY_LOCATIONS.get(self.level)
    }
}

/// serde_json's `CompactFormatter`.
struct Compact;

impl Layout for Compact {
    /// The pretty key without its last byte, the space after the colon.
    #[inline(always)]
    fn key(pretty: &'static str) -> &'static [u8] {
        let bytes = pretty.as_bytes();
        &bytes[..bytes.len().saturating_sub(1)]
    }

    fn separate(&self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
    }

    fn open(&mut self) {}

    fn close(&mut self, _out: &mut Vec<u8>, _empty: bool) {}

    fn location(&self) -> Option<&'static Around> {
        Some(&COMPACT_LOCATION)
    }
}

impl<L: Layout> Writer<'_, L> {
    #[inline(always)]
    fn open(&mut self, mark: u8) {
        self.out.push(mark);
        self.layout.open();
    }

    #[inline(always)]
    fn close(&mut self, mark: u8, empty: bool) {
        self.layout.close(self.out, empty);
        self.out.push(mark);
    }

    /// `key` is a key as the pretty layout writes it, `"name": `, where the name is a Rust
    /// field name, which JSON never escapes. Inlined, so that the key is a constant,
    /// copied in a few moves.
    #[inline(always)]
    fn key(&mut self, key: &'static str, first: bool) {
        self.layout.separate(self.out, first);
        self.out.extend_from_slice(L::key(key));
    }

    /// A value serde_json writes the same way in either layout: a string or an enum's
    /// name.
    #[inline(always)]
    fn serde<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut *self.out, value).map_err(io::Error::other)
    }
}

/// A value of a report, written as its `Serialize` would be.
trait Value {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()>;
}

/// In decimal, as serde_json writes integers (see [`integer`]).
impl Value for usize {
    #[inline(always)]
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        integer(w.out, *self);
        Ok(())
    }
}

/// Numbers below this have at most eight digits: [`integer`] writes them in one word.
const EIGHT_DIGITS: usize = 100_000_000;

/// Numbers below this (most lines, columns and offsets) take half the work.
const FOUR_DIGITS: usize = 10_000;

/// `n` in decimal, the bytes `itoa` (serde_json's) writes. A report's integers are byte
/// offsets, lines and columns, far below [`EIGHT_DIGITS`]: their eight digits are worked
/// out at once in the bytes of one word (no loop, no division), the leading zeros
/// shifted out, and the word copied whole then cut back to the digits (a copy of a fixed
/// size is a move, one of a varying size a call to `memcpy`). Larger numbers go through
/// `itoa`.
#[inline(always)]
fn integer(out: &mut Vec<u8>, n: usize) {
    let (digits, width) = match n {
        _ if n < FOUR_DIGITS => (four_digits(n as u64), 4),
        _ if n < EIGHT_DIGITS => (decimal_digits(n as u64), 8),
        _ => {
            out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
            return;
        }
    };
    // The first digit is the lowest non-zero byte; zero keeps its one digit.
    let leading = (digits.trailing_zeros() as usize / 8).min(width - 1);
    let word = (digits | 0x3030_3030_3030_3030) >> (8 * leading);
    let end = out.len() + width - leading;
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(end);
}

/// The eight decimal digits of `n` (below [`EIGHT_DIGITS`]) as the bytes of a word, the
/// most significant in the lowest byte (the first one in memory), leading zeros included.
/// `n` is split in two halves of four digits, then each half in two pairs, then each pair
/// in two digits, every split done in all the lanes of the word at once: a division by
/// 100 or 10 of a small number is a multiplication and a shift (`x * 5243 >> 19` is
/// `x / 100` for `x < 10_000`, `x * 103 >> 10` is `x / 10` for `x < 100`), and no lane
/// carries into the next.
#[inline(always)]
fn decimal_digits(n: u64) -> u64 {
    let halves = (n / 10_000) | ((n % 10_000) << 32);
    let hundreds = ((halves * 5243) >> 19) & 0x0000_007f_0000_007f;
    let pairs = hundreds | ((halves - hundreds * 100) << 16);
    let tens = ((pairs * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | ((pairs - tens * 10) << 8)
}

/// [`decimal_digits`] of a number below [`FOUR_DIGITS`], in the four lowest bytes: the
/// last two splits only.
#[inline(always)]
fn four_digits(n: u64) -> u64 {
    let pairs = (n / 100) | ((n % 100) << 16);
    let tens = ((pairs * 103) >> 10) & 0x000f_000f;
    tens | ((pairs - tens * 10) << 8)
}

impl Value for Cow<'_, str> {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        w.string(self)
    }
}

impl Value for &str {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        w.string(self)
    }
}

impl<L: Layout> Writer<'_, L> {
    /// A string value: copied between quotes when none of its bytes is one JSON escapes,
    /// escaped by serde_json otherwise. Most values (quote texts, claims, messages) hold
    /// none, and the check ([`copied_as_is`]) costs a fraction of serde_json's scan, which
    /// looks each byte up in its escape table.
    fn string(&mut self, s: &str) -> io::Result<()> {
        if !copied_as_is(s.as_bytes()) {
            return self.serde(s);
        }
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
        Ok(())
    }
}

/// Whether serde_json would copy the bytes of a string as they are: it escapes control
/// characters, `"` and `\`, and nothing else (not `/`, DEL or any non-ASCII character).
///
/// Sixteen bytes at a time, with no early exit inside (the compiler vectorises it); the
/// bytes left over are checked again as the last sixteen (a byte checked twice is no
/// harm), and a string shorter than that as two overlapping words.
fn copied_as_is(bytes: &[u8]) -> bool {
    let (chunks, rest) = bytes.as_chunks::<16>();
    if !chunks.iter().all(|c| needs_no_escape(c)) {
        return false;
    }
    match bytes.last_chunk::<16>() {
        _ if rest.is_empty() => true,
        Some(last) => needs_no_escape(last),
        None => short_copied_as_is(rest),
    }
}

/// [`copied_as_is`] for fewer than sixteen bytes: the first and the last eight (or four)
/// as one word, a few short ids byte by byte.
fn short_copied_as_is(bytes: &[u8]) -> bool {
    let word = |b: &[u8; 8]| u64::from_le_bytes(*b);
    let half = |b: &[u8; 4]| u64::from(u32::from_le_bytes(*b));
    if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        word_copied_as_is(word(first)) && word_copied_as_is(word(last))
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        word_copied_as_is(half(first) | (half(last) << 32))
    } else {
        needs_no_escape(bytes)
    }
}

/// Whether no byte of `x` is one serde_json escapes, for all eight at once: `has_zero(v)`
/// is the classic exact test for a zero byte (`v - 1` borrows into a byte's top bit only
/// where the byte was zero, or below a byte that was), applied to `x` with every byte
/// compared to `"` and to `\`; a byte below `0x20` is found the same way.
#[inline(always)]
fn word_copied_as_is(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & TOPS;
    let quote = x ^ (ONES * u64::from(b'"'));
    let backslash = x ^ (ONES * u64::from(b'\\'));
    (below(quote, 1) | below(backslash, 1) | below(x, 0x20)) == 0
}

/// Whether serde_json copies these bytes as they are, with no early exit.
#[inline(always)]
fn needs_no_escape(bytes: &[u8]) -> bool {
    bytes.iter().fold(true, |clean, &b| {
        clean & (b >= 0x20) & (b != b'"') & (b != b'\\')
    })
}

/// The enums of the report: each variant written as the name its `Serialize` gives it
/// (`rename_all`), quoted, in one copy; through serde_json, a name costs five times as
/// much. The match is exhaustive, so a new variant does not compile until it is named
/// here, and a test compares every name with serde's (`every_variant_both_ways`).
macro_rules! named {
    ($($t:ident { $($variant:ident => $name:literal),* $(,)? })*) => {
        $(impl Value for $t {
            #[inline(always)]
            fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
                let quoted = match self {
                    $($t::$variant => concat!("\"", $name, "\""),)*
                };
                w.out.extend_from_slice(quoted.as_bytes());
                Ok(())
            }
        })*

        /// Every variant named above, as written here and by serde_json.
        #[cfg(test)]
        fn every_variant_both_ways() -> Vec<(String, String)> {
            vec![$($((tests::compact_bytes(&$t::$variant), serde_json::to_string(&$t::$variant).unwrap()),)*)*]
        }
    };
}

named! {
    QuoteKind { Direct => "direct", Partial => "partial", Mention => "mention" }
    SourceKind {
        Person => "person",
        Organization => "organization",
        Media => "media",
        Document => "document",
        Anonymous => "anonymous",
        Vague => "vague",
    }
    Via {
        InciseAfter => "incise-after",
        InciseInside => "incise-inside",
        Introducer => "introducer",
        Marker => "marker",
        Signature => "signature",
        SameSentence => "same-sentence",
        PreviousSentence => "previous-sentence",
        ClauseSubject => "clause-subject",
    }
    CueKind { Verb => "verb", Marker => "marker", Quote => "quote" }
    Scope { Sentence => "sentence", Continued => "continued", Cleft => "cleft" }
    Signal {
        Figure => "figure",
        Harm => "harm",
        Accusation => "accusation",
        Intention => "intention",
        Finding => "finding",
        Prediction => "prediction",
        Judgement => "judgement",
        Hearsay => "hearsay",
    }
    Severity { Info => "info", Warning => "warning", Error => "error" }
}

/// `None` is `null`, `Some` its value: serde's `Option`.
impl<T: Value> Value for Option<T> {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        match self {
            Some(v) => v.write(w),
            None => {
                w.out.extend_from_slice(b"null");
                Ok(())
            }
        }
    }
}

impl<T: Value> Value for [T] {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        w.open(b'[');
        for (i, v) in self.iter().enumerate() {
            w.layout.separate(w.out, i == 0);
            v.write(w)?;
        }
        w.close(b']', self.is_empty());
        Ok(())
    }
}

impl<T: Value> Value for Vec<T> {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        self.as_slice().write(w)
    }
}

impl<T: Value + Clone> Value for Cow<'_, [T]> {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        (**self).write(w)
    }
}

/// Writes a struct's fields as an object, in the order given (the declaration order, which
/// is the derive's), each under its own name.
macro_rules! object {
    ($w:ident; $first:ident $(, $field:ident)* $(,)?) => {{
        $w.open(b'{');
        $w.key(concat!("\"", stringify!($first), "\": "), true);
        $first.write($w)?;
        $(
            $w.key(concat!("\"", stringify!($field), "\": "), false);
            $field.write($w)?;
        )*
        $w.close(b'}', false);
        Ok(())
    }};
}

/// Implements [`Value`] for a struct by taking it apart with an exhaustive pattern (a new
/// field is a compile error here) and writing its fields with [`object!`].
macro_rules! struct_value {
    ($t:ident { $($field:ident),* $(,)? }) => {
        impl Value for $t<'_> {
            struct_value!(@write $t { $($field),* });
        }
    };
    ($t:ident 'static { $($field:ident),* $(,)? }) => {
        impl Value for $t {
            struct_value!(@write $t { $($field),* });
        }
    };
    (@write $t:ident { $($field:ident),* }) => {
        fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
            let $t { $($field),* } = self;
            object!(w; $($field),*)
        }
    };
}

struct_value!(FileReport {
    path,
    language,
    quotes,
    attributions,
    claims,
    findings,
    summary
});
struct_value!(QuoteOut {
    id,
    text,
    kind,
    span,
    speaker
});
struct_value!(SpeakerOut {
    name,
    kind,
    span,
    via
});
struct_value!(AttributionOut {
    id,
    cue,
    source,
    content
});
struct_value!(CueOut {
    kind,
    text,
    lemma,
    span
});
struct_value!(SourceOut { name, kind, span });
struct_value!(ClaimOut {
    id,
    text,
    span,
    source,
    signals
});
struct_value!(ClaimSourceOut {
    name,
    kind,
    span,
    attribution,
    scope
});
struct_value!(FindingOut {
    rule,
    severity,
    message,
    span,
    subject
});
struct_value!(Summary 'static {
    quotes,
    quotes_with_speaker,
    claims,
    findings
});
struct_value!(ClaimCounts 'static {
    total,
    attributed,
    anonymous,
    vague,
    unattributed
});
struct_value!(SeverityCounts 'static { error, warning, info });

/// A position: its pieces from the layout's table and its integers, or as any object
/// when it is deeper than the table.
impl Value for Location {
    fn write<L: Layout>(&self, w: &mut Writer<'_, L>) -> io::Result<()> {
        let Location {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        } = *self;
        let Some(around) = w.layout.location() else {
            return object!(w; start, end, line, column, end_line, end_column);
        };
        let values = [start, end, line, column, end_line, end_column];
        for (piece, n) in around.iter().zip(values) {
            piece.write(w.out);
            integer(w.out, n);
        }
        around[6].write(w.out);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `value` as the compact writer writes it.
    pub(super) fn compact_bytes<T: Value>(value: &T) -> String {
        let mut out = Vec::new();
        value
            .write(&mut Writer {
                out: &mut out,
                layout: Compact,
            })
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_variant_is_named_as_serde_names_it() {
        for (ours, serde) in every_variant_both_ways() {
            assert_eq!(ours, serde);
        }
    }

    /// The bytes of `integer`, checked against itoa's.
    fn assert_integer(n: usize) {
        let mut out = b"x".to_vec();
        integer(&mut out, n);
        assert_eq!(&out[1..], itoa::Buffer::new().format(n).as_bytes(), "{n}");
    }

    #[test]
    fn integers_are_itoas() {
        for n in 0..200_000 {
            assert_integer(n);
        }
        for digits in 0..20 {
            let p = 10usize.pow(digits);
            // `9 * p` and above overflow at 10^19: those are left out.
            let nines = p.checked_mul(9);
            for n in [
                Some(p - 1),
                Some(p),
                p.checked_add(1),
                nines,
                nines.and_then(|n| n.checked_add(p - 1)),
            ]
            .into_iter()
            .flatten()
            {
                assert_integer(n);
            }
        }
        assert_integer(EIGHT_DIGITS - 1);
        assert_integer(usize::MAX);
    }

    #[test]
    fn position_keys_are_the_fields() {
        let loc = Location {
            start: 1,
            end: 22,
            line: 333,
            column: 4444,
            end_line: 55555,
            end_column: 0,
        };
        assert_eq!(compact_bytes(&loc), serde_json::to_string(&loc).unwrap());
    }

    /// The old check, byte by byte: the oracle of [`copied_as_is`].
    fn copied_as_is_bytewise(bytes: &[u8]) -> bool {
        bytes.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\')
    }

    /// `s` as [`Writer::string`] writes it.
    fn string_bytes(s: &str) -> String {
        let mut out = b"x".to_vec();
        Writer {
            out: &mut out,
            layout: Compact,
        }
        .string(s)
        .unwrap();
        String::from_utf8(out[1..].to_vec()).unwrap()
    }

    #[test]
    fn strings_of_every_length_are_serde_jsons() {
        for len in 0..40 {
            let clean: String = "aé«\u{202f}z".chars().cycle().take(len).collect();
            assert_eq!(string_bytes(&clean), serde_json::to_string(&clean).unwrap());
            for at in 0..len {
                for bad in ['\0', '\u{1f}', '"', '\\', '\n', '\u{7f}', 'é'] {
                    let mut chars: Vec<char> = "abcdefgh".chars().cycle().take(len).collect();
                    chars[at] = bad;
                    let s: String = chars.into_iter().collect();
                    assert_eq!(
                        string_bytes(&s),
                        serde_json::to_string(&s).unwrap(),
                        "{s:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_escaped_byte_is_found_at_every_place() {
        for len in 0..70 {
            for at in 0..len {
                for bad in [0u8, 0x1f, b'"', b'\\', b'\n'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = bad;
                    assert!(!copied_as_is(&bytes), "{len} {at} {bad}");
                }
            }
            assert!(copied_as_is(&vec![0x20; len]));
            assert!(copied_as_is(&vec![0xff; len]));
        }
    }

    proptest! {
        #[test]
        fn integers_match_itoa(n in any::<usize>(), small in 0..EIGHT_DIGITS) {
            assert_integer(n);
            assert_integer(small);
        }

        #[test]
        fn the_escape_check_matches_bytewise(
            s in "[a-z\"\\\\\u{0}-\u{1f}\u{7f}\u{a0}\u{202f}«»’é ]{0,80}",
            bytes in proptest::collection::vec(any::<u8>(), 0..80),
        ) {
            prop_assert_eq!(copied_as_is(s.as_bytes()), copied_as_is_bytewise(s.as_bytes()));
            prop_assert_eq!(copied_as_is(&bytes), copied_as_is_bytewise(&bytes));
            prop_assert_eq!(string_bytes(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
