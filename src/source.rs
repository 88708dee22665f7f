//! Byte spans inside a text and their 1-based line/column form for humans.
//!
//! Everything inside attrib works on byte offsets into the original file, so that a
//! finding always points at the exact bytes an editor typed. Columns shown to users count
//! characters (Unicode scalar values), the way editors and SARIF's `unicodeCodePoints` do,
//! so that `«`, `é`, U+00A0 and U+202F each count as one column.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// A span as printed in reports: byte offsets plus 1-based line and character column of
/// both ends (the end position is exclusive, as in the JSON contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Maps byte offsets to lines and columns.
///
/// Lines end at `\n`; a `\r` before it belongs to no column that matters (CRLF files give
/// the same line/column as LF files). A byte-order mark at the start of the file takes no
/// column, since no editor shows it.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// The number of chars before each line start, so a column needs one count, not two.
    line_chars: Vec<usize>,
    bom_len: usize,
    /// The number of chars that start before byte `k * BLOCK`, for every `k` up to the
    /// block the end of the text is in.
    block_chars: Vec<usize>,
    /// For the same blocks, one bit a byte (the lowest for the first byte), set for the
    /// UTF-8 continuation bytes, which start no char. The chars before an offset are its
    /// block's count, plus the bytes before it in the block, less the continuation bits
    /// among them: a mask and a bit count, however far the offset is from a line start
    /// (articles are written in paragraphs of a single line). With `block_chars`, the
    /// index takes a quarter of the text's size.
    continuations: Vec<u64>,
}

/// Bytes per entry of `block_chars`: one bit each in a `u64` of `continuations`.
const BLOCK: usize = 64;

/// The continuation bytes (`10xxxxxx`) of a block, one bit a byte. Eight bytes at a time:
/// a continuation byte has its top bit set and the next one clear, which leaves one bit
/// in the byte after a shift and a mask; the multiplication gathers the eight bytes' bits
/// into the top byte (each bit lands on its own place, no two sums overlap).
fn continuation_bits(block: &[u8; BLOCK]) -> u64 {
    const TOP_BITS: u64 = 0x8080_8080_8080_8080;
    /// Moves the low bit of byte `i` to bit `56 + i`.
    const GATHER: u64 = 0x0102_0408_1020_4080;
    let (words, _) = block.as_chunks::<8>();
    words.iter().enumerate().fold(0, |bits, (i, w)| {
        let x = u64::from_le_bytes(*w);
        let flags = (x & !(x << 1) & TOP_BITS) >> 7;
        bits | ((flags.wrapping_mul(GATHER) >> 56) << (8 * i))
    })
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let (blocks, rest) = bytes.as_chunks::<BLOCK>();
        let mut block_chars = Vec::with_capacity(blocks.len() + 1);
        let mut continuations = Vec::with_capacity(blocks.len() + 1);
        // The last block, maybe empty, padded with zeros, which are no continuation bytes.
        let mut last = [0; BLOCK];
        last[..rest.len()].copy_from_slice(rest);
        let mut chars = 0;
        for block in blocks.iter().chain([&last]) {
            let bits = continuation_bits(block);
            block_chars.push(chars);
            continuations.push(bits);
            chars += BLOCK - bits.count_ones() as usize;
        }
        let mut index = LineIndex {
            line_starts: Vec::new(),
            line_chars: Vec::new(),
            bom_len: if text.starts_with('\u{feff}') { 3 } else { 0 },
            block_chars,
            continuations,
        };
        let starts: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
            .collect();
        index.line_chars = starts.iter().map(|&s| index.chars_before(s)).collect();
        index.line_starts = starts;
        index
    }

    /// Number of chars that start before byte `offset` (at most the text's length).
    fn chars_before(&self, offset: usize) -> usize {
        let (k, within) = (offset / BLOCK, offset % BLOCK);
        let skipped = self.continuations[k] & ((1 << within) - 1);
        self.block_chars[k] + within - skipped.count_ones() as usize
    }

    /// 1-based line and character column of a byte offset. Offsets inside a multi-byte
    /// character are clamped to its start.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        self.line_col_near(text, offset, 0)
    }

    /// [`LineIndex::line_col`], looking first on the 0-based line `near`.
    fn line_col_near(&self, text: &str, offset: usize, near: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset, near);
        let mut before = self.line_chars[line];
        if line == 0 && offset >= self.bom_len {
            // The byte-order mark takes no column.
            before += usize::from(self.bom_len > 0);
        }
        let column = self.chars_before(offset) - before + 1;
        (line + 1, column)
    }

    /// The 0-based line of a char boundary: `near` if it is there (most spans end on the
    /// line they start on, two comparisons instead of a search), else searched for.
    fn line_of(&self, offset: usize, near: usize) -> usize {
        let starts = &self.line_starts;
        let on_near = starts.get(near).is_some_and(|&s| s <= offset)
            && starts.get(near + 1).is_none_or(|&next| offset < next);
        if on_near {
            return near;
        }
        match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn locate(&self, text: &str, span: Span) -> Location {
        self.locate_near(text, span, 0)
    }

    /// [`LineIndex::locate`], looking for the start first on the 0-based line `near`.
    fn locate_near(&self, text: &str, span: Span, near: usize) -> Location {
        let (line, column) = self.line_col_near(text, span.start, near);
        let (end_line, end_column) = self.line_col_near(text, span.end, line - 1);
        Location {
            start: span.start,
            end: span.end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// A [`Locator`] of spans of `text`, the text this index was made of.
    pub fn locator<'a>(&'a self, text: &'a str) -> Locator<'a> {
        Locator {
            index: self,
            text,
            line: 0,
        }
    }

    /// The byte range of the (1-based) line, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_starts[line - 1];
        let mut end = self
            .line_starts
            .get(line)
            .map(|&s| s - 1)
            .unwrap_or(text.len());
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }
}

/// Locates spans one after the other, each looked for first on the line the one before
/// ended on: a report's spans come in the order of the text more often than not (a
/// quote then its speaker, claim after claim), so most lines are found without a search.
pub struct Locator<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The 0-based line the last span ended on.
    line: usize,
}

impl Locator<'_> {
    /// The same as [`LineIndex::locate`].
    pub fn locate(&mut self, span: Span) -> Location {
        let loc = self.index.locate_near(self.text, span, self.line);
        self.line = loc.end_line - 1;
        loc
    }
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "«\u{a0}é»\nx";
        let idx = LineIndex::new(text);
        let e = text.find('é').unwrap();
        assert_eq!(idx.line_col(text, e), (1, 3));
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), (2, 1));
    }

    #[test]
    fn crlf_and_lf_agree() {
        let lf = "a\nb «c»";
        let crlf = "a\r\nb «c»";
        let (il, ic) = (LineIndex::new(lf), LineIndex::new(crlf));
        assert_eq!(
            il.line_col(lf, lf.find('«').unwrap()),
            ic.line_col(crlf, crlf.find('«').unwrap())
        );
        assert_eq!(ic.line_span(crlf, 1), Span::new(0, 1));
    }

    #[test]
    fn bom_takes_no_column() {
        let text = "\u{feff}«x»";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), (1, 1));
        assert_eq!(idx.line_col(text, text.find('x').unwrap()), (1, 2));
    }

    #[test]
    fn long_lines_count_columns_across_checkpoints() {
        let text = format!("{}«x", "é".repeat(5000));
        let idx = LineIndex::new(&text);
        assert_eq!(idx.line_col(&text, text.find('x').unwrap()), (1, 5002));
    }

    #[test]
    fn chars_before_counts_the_chars_before_any_offset() {
        // Several blocks, with chars of every length across their edges, and a last block
        // cut at every length.
        let text = "aé«\u{202f}€𝄞".repeat(60);
        for len in (0..=text.len()).filter(|&l| text.is_char_boundary(l)) {
            let text = &text[..len];
            let idx = LineIndex::new(text);
            for offset in 0..=len {
                let expected = text.as_bytes()[..offset]
                    .iter()
                    .filter(|&&b| b & 0xc0 != 0x80)
                    .count();
                assert_eq!(idx.chars_before(offset), expected, "{len} {offset}");
            }
        }
    }

    #[test]
    fn spans_across_lines_locate_both_ends() {
        let text = "ab\n«cd\n\nef»\r\ng";
        let idx = LineIndex::new(text);
        let span = Span::new(text.find('«').unwrap(), text.find('»').unwrap() + 2);
        let loc = idx.locate(text, span);
        assert_eq!(
            (loc.line, loc.column, loc.end_line, loc.end_column),
            (2, 1, 4, 4)
        );
        let same = idx.locate(text, Span::new(1, 2));
        assert_eq!(
            (same.line, same.column, same.end_line, same.end_column),
            (1, 2, 1, 3)
        );
        let end = idx.locate(text, Span::new(text.len(), text.len()));
        assert_eq!(
            (end.line, end.column, end.end_line, end.end_column),
            (5, 2, 5, 2)
        );
    }

    #[test]
    fn narrow_nbsp_is_one_column() {
        let text = "«\u{202f}ok\u{202f}»";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, text.find('o').unwrap()), (1, 3));
    }

    /// The index before continuation bits: chars counted by `char_starts`, the words of
    /// the prefix, and the line found by a search. The oracle of [`LineIndex::locate`].
    mod old {
        use super::super::{Location, Span, floor_char_boundary};

        /// Chars starting in `bytes`: the bytes that are not UTF-8 continuation bytes,
        /// eight at a time.
        pub fn char_starts(bytes: &[u8]) -> usize {
            const TOP_BITS: u64 = 0x8080_8080_8080_8080;
            const ONES: u64 = 0x0101_0101_0101_0101;
            const WORDS: usize = 255 / 8;
            let (words, rest) = bytes.as_chunks::<8>();
            let continuations: usize = words
                .chunks(WORDS)
                .map(|chunk| {
                    let lanes: u64 = chunk
                        .iter()
                        .map(|w| {
                            let x = u64::from_ne_bytes(*w);
                            (x & !(x << 1) & TOP_BITS) >> 7
                        })
                        .sum();
                    (lanes.wrapping_mul(ONES) >> 56) as usize
                })
                .sum::<usize>()
                + rest.iter().filter(|&&b| (b as i8) < -0x40).count();
            bytes.len() - continuations
        }

        fn line_col(text: &str, offset: usize) -> (usize, usize) {
            let offset = floor_char_boundary(text, offset.min(text.len()));
            let bytes = text.as_bytes();
            let line_start = bytes[..offset]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            let bom = line == 0 && text.starts_with('\u{feff}') && offset >= 3;
            let column = char_starts(&bytes[line_start..offset]) - usize::from(bom) + 1;
            (line + 1, column)
        }

        pub fn locate(text: &str, span: Span) -> Location {
            let (line, column) = line_col(text, span.start);
            let (end_line, end_column) = line_col(text, span.end);
            Location {
                start: span.start,
                end: span.end,
                line,
                column,
                end_line,
                end_column,
            }
        }
    }

    use proptest::prelude::*;

    /// Texts of odd chars: accents, spaces of every width, quotes, CRLF, a BOM or not.
    fn odd_text() -> impl Strategy<Value = String> {
        (
            any::<bool>(),
            "[a-z0-9 «»’é\u{a0}\u{202f}\u{feff}€𝄞\r\n-]{0,300}",
        )
            .prop_map(|(bom, t)| if bom { format!("\u{feff}{t}") } else { t })
    }

    proptest! {
        #[test]
        fn locate_matches_the_old_index(
            text in odd_text(),
            spans in prop::collection::vec((0..400usize, 0..80usize), 0..20),
        ) {
            let idx = LineIndex::new(&text);
            let mut locator = idx.locator(&text);
            for (start, len) in spans {
                let span = Span::new(start, start + len);
                let expected = old::locate(&text, span);
                prop_assert_eq!(idx.locate(&text, span), expected);
                prop_assert_eq!(locator.locate(span), expected);
            }
        }

        #[test]
        fn char_starts_counts_the_chars_of_any_slice(text in odd_text(), a in 0..400usize, b in 0..400usize) {
            let bytes = text.as_bytes();
            let (a, b) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
            let expected = bytes[a..b].iter().filter(|&&x| x & 0xc0 != 0x80).count();
            prop_assert_eq!(old::char_starts(&bytes[a..b]), expected);
        }
    }
}
