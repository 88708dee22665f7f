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
    /// The number of chars that start before byte `k * BLOCK`, for every `k`: a column is
    /// counted from the nearest block start (at most `BLOCK` bytes), never from the start
    /// of a long line. Articles are written in paragraphs of a single line.
    block_chars: Vec<usize>,
}

/// Bytes per entry of `block_chars`: 64 keeps every count within one cache line, for an
/// index an eighth the size of the text.
const BLOCK: usize = 64;

/// Chars starting in `bytes`: the bytes that are not UTF-8 continuation bytes. Counting
/// them needs no char boundary at either end. Eight bytes at a time: a continuation byte
/// (`10xxxxxx`) has its top bit set and the next one clear, one bit per byte after a shift
/// and a mask, moved to the bottom of its byte; the words are added up byte by byte, and
/// the bytes of the sum added by one multiplication (without `popcnt`, which the baseline
/// x86-64 lacks, a `count_ones` a word costs a dozen instructions). A column costs a few
/// words, not 64 bytes.
fn char_starts(bytes: &[u8]) -> usize {
    const TOP_BITS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    /// Words added up before their bytes are: the total must stay below 256, the byte the
    /// multiplication leaves it in.
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

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut block_chars = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0;
        block_chars.push(0);
        for block in bytes.chunks(BLOCK) {
            chars += char_starts(block);
            block_chars.push(chars);
        }
        let mut index = LineIndex {
            line_starts: Vec::new(),
            line_chars: Vec::new(),
            bom_len: if text.starts_with('\u{feff}') { 3 } else { 0 },
            block_chars,
        };
        let starts: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
            .collect();
        index.line_chars = starts
            .iter()
            .map(|&s| index.chars_before(text, s))
            .collect();
        index.line_starts = starts;
        index
    }

    /// Number of chars before byte `offset` (a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = offset / BLOCK;
        self.block_chars[k] + char_starts(&text.as_bytes()[k * BLOCK..offset])
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
        let column = self.chars_before(text, offset) - before + 1;
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
        let (line, column) = self.line_col(text, span.start);
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
    fn char_starts_counts_the_chars_of_any_slice() {
        // Long enough for several sums of words, with chars of every length.
        let text = "aé«\u{202f}€𝄞".repeat(60);
        let bytes = text.as_bytes();
        for start in 0..12 {
            for end in (start..=bytes.len()).step_by(5) {
                let slice = &bytes[start..end];
                let expected = slice.iter().filter(|&&b| b & 0xc0 != 0x80).count();
                assert_eq!(char_starts(slice), expected, "{start}..{end}");
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
}
