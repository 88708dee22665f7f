//! Document loading: bytes in, prose blocks out.
//!
//! A [`Document`] keeps the original text (all positions point into it) and a *prose mask*:
//! a copy of the same length where every byte that is not article prose (Markdown syntax,
//! code, HTML comments, front matter) is blanked to a space. Later stages read the mask, so
//! they never see markup, yet every byte offset they compute is an offset in the file.

mod html;
mod markdown;
mod plain;

use std::path::Path;

use crate::error::{Error, Result};
use crate::source::{LineIndex, Span};

/// What a block of prose is, as far as attribution is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A title or section heading (`#`, `##`…).
    Heading,
    /// A paragraph of body text (including list items and blockquotes).
    Paragraph,
}

/// One paragraph or heading: the span of its prose in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// The input format, chosen from the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PlainText,
    Html,
}

impl Format {
    /// `.txt` and `.text` are plain text, `.html` and `.htm` HTML; everything else (`.md`,
    /// `.markdown`, stdin) is read as Markdown, which plain prose also is.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Format::PlainText,
            "html" | "htm" => Format::Html,
            _ => Format::Markdown,
        }
    }
}

#[derive(Debug)]
pub struct Document {
    /// The file as read (BOM and CRLF included).
    pub text: String,
    /// Same length as `text`; non-prose bytes are spaces (newlines kept).
    pub prose: String,
    pub blocks: Vec<Block>,
    pub lines: LineIndex,
}

impl Document {
    /// Decodes `bytes` as UTF-8 and splits them into prose blocks.
    pub fn parse(path: &Path, bytes: Vec<u8>, format: Format) -> Result<Document> {
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Error::InvalidUtf8 {
                path: path.to_path_buf(),
                offset,
                line,
            }
        })?;
        let (prose, blocks) = match format {
            Format::Markdown => markdown::prose_blocks(&text),
            Format::PlainText => plain::prose_blocks(&text),
            Format::Html => html::prose_blocks(&text),
        };
        debug_assert_eq!(prose.len(), text.len());
        let lines = LineIndex::new(&text);
        Ok(Document {
            text,
            prose,
            blocks,
            lines,
        })
    }

    /// The prose of a span (markup blanked).
    pub fn prose(&self, span: Span) -> &str {
        &self.prose[span.start..span.end]
    }
}

/// Builds a prose mask front to back, as a `String` from the start: every piece pushed
/// is ASCII (blanks, newlines) or a `&str` (a slice of the text, a decoded character), so
/// the mask never needs the UTF-8 validation a byte buffer would (it cost as much as
/// validating the file itself). Carriage returns are blanked wherever they come from, so
/// CRLF text reads like LF text. Positions only move forward: the caller passes its prose
/// pieces in text order.
pub(crate) struct MaskBuilder<'a> {
    text: &'a str,
    mask: String,
    /// The text has a carriage return (asked once of the whole text, so that the many
    /// small pieces of an LF file are copied without a search each).
    has_cr: bool,
}

/// Gaps shorter than this are blanked by looking at each byte rather than with memchr.
const SHORT_GAP: usize = 32;

/// A run of blanks to push by slices rather than one character at a time.
const SPACES: &str = "                                                                ";

impl<'a> MaskBuilder<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        MaskBuilder {
            text,
            mask: String::with_capacity(text.len()),
            has_cr: memchr::memchr(b'\r', text.as_bytes()).is_some(),
        }
    }

    /// The text offset the mask has reached.
    pub(crate) fn pos(&self) -> usize {
        self.mask.len()
    }

    /// Blanks the text from the position reached up to `end` (newlines kept).
    pub(crate) fn blank_to(&mut self, end: usize) {
        let end = end.min(self.text.len());
        if end <= self.pos() {
            return;
        }
        let gap = &self.text.as_bytes()[self.pos()..end];
        if gap.len() < SHORT_GAP {
            // Most gaps are a line break or a heading's `# `: a call to memchr each
            // would cost more than looking at their few bytes.
            let mut lines = gap.split(|&b| b == b'\n');
            if let Some(first) = lines.next() {
                self.push_spaces(first.len());
            }
            for line in lines {
                self.mask.push('\n');
                self.push_spaces(line.len());
            }
            return;
        }
        let mut gap = gap;
        while let Some(i) = memchr::memchr(b'\n', gap) {
            self.push_spaces(i);
            self.mask.push('\n');
            gap = &gap[i + 1..];
        }
        self.push_spaces(gap.len());
    }

    /// Copies the text from the position reached up to `end`. A range that does not fall
    /// on character boundaries cannot be copied as text and is blanked instead.
    pub(crate) fn copy_to(&mut self, end: usize) {
        let end = end.min(self.text.len());
        if end <= self.pos() {
            return;
        }
        match self.text.get(self.pos()..end) {
            Some(piece) => self.push_prose(piece),
            None => self.blank_to(end),
        }
    }

    /// Writes `s` in place of as many text bytes, but never past the end of the text
    /// (a piece that does not fit is blanked instead).
    pub(crate) fn push_str(&mut self, s: &str) {
        if self.pos() + s.len() <= self.text.len() {
            // Not a slice of the text: a decoded `&#13;` is a carriage return.
            self.push_blanking_cr(s);
        } else {
            self.blank_to(self.text.len());
        }
    }

    /// The mask, blanked to the end of the text.
    pub(crate) fn finish(mut self) -> String {
        self.blank_to(self.text.len());
        self.mask
    }

    /// Pushes `piece`, a slice of the text, with its carriage returns blanked.
    fn push_prose(&mut self, piece: &str) {
        if self.has_cr {
            self.push_blanking_cr(piece);
        } else {
            self.mask.push_str(piece);
        }
    }

    /// Pushes `piece` with its carriage returns blanked (`memchr` finds them: the
    /// standard library's `split` scans a word at a time, four times the instructions).
    fn push_blanking_cr(&mut self, mut piece: &str) {
        while let Some(i) = memchr::memchr(b'\r', piece.as_bytes()) {
            self.mask.push_str(&piece[..i]);
            self.mask.push(' ');
            piece = &piece[i + 1..];
        }
        self.mask.push_str(piece);
    }

    fn push_spaces(&mut self, mut n: usize) {
        while n > 0 {
            let k = n.min(SPACES.len());
            self.mask.push_str(&SPACES[..k]);
            n -= k;
        }
    }
}

/// Blanks a text to spaces, keeping newlines, so that prose can be copied back in.
pub(crate) fn blank(text: &str) -> Vec<u8> {
    text.bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect()
}

/// Turns a mask buffer back into a string. Only whole characters were copied into it and
/// every other byte is ASCII, so it is valid UTF-8; a failure would be a bug, which we
/// answer with a lossy conversion rather than a panic.
pub(crate) fn into_string(mask: Vec<u8>) -> String {
    String::from_utf8(mask).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Fragments of Markdown, HTML and French prose, odd characters and line ends
    /// included, that random documents are glued from.
    const FRAGMENTS: &[&str] = &[
        "# ",
        "## ",
        "> ",
        "- ",
        "* ",
        "1. ",
        "```\n",
        "~~~\n",
        "    ",
        "`",
        "*",
        "_",
        "~~",
        "|",
        "| --- |",
        "---\n",
        "+++\n",
        "title: x\n",
        "<!-- ",
        " -->",
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<script>",
        "</script>",
        "<li>",
        "[^1]",
        "[^1]: ",
        "[a](b)",
        "![i](x)",
        "&amp;",
        "&laquo;",
        "&nbsp;",
        "&#8217;",
        "&#13;",
        "&#10;",
        "&bogus;",
        "&",
        ";",
        "\\",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\t",
        "\u{feff}",
        "é",
        "«",
        "»",
        " ",
        "\u{a0}",
        "\u{202f}",
        "’",
        "—",
        "Il a dit",
        "12",
        "-",
        "<",
        ">",
        "[",
        "]",
        "(",
        ")",
        "\u{1F600}",
        "É",
    ];

    /// A random document glued from [`FRAGMENTS`].
    pub(crate) fn document() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..60)
            .prop_map(|parts| parts.concat())
    }

    proptest! {
        /// The mask builder gives what blanking the text and copying pieces back gives.
        #[test]
        fn builder_matches_blank_and_copy(
            text in document(),
            cuts in proptest::collection::vec(0usize..400, 0..12),
        ) {
            let mut cuts = cuts;
            cuts.sort_unstable();
            let mut old = blank(&text);
            let mut mask = MaskBuilder::new(&text);
            for pair in cuts.chunks(2) {
                let (start, end) = (pair[0], *pair.get(1).unwrap_or(&usize::MAX));
                let end = end.min(text.len());
                mask.blank_to(start);
                let from = mask.pos();
                mask.copy_to(end);
                if let Some(piece) = text.get(from..end) {
                    old[from..end].copy_from_slice(piece.as_bytes());
                }
            }
            for b in old.iter_mut() {
                if *b == b'\r' {
                    *b = b' ';
                }
            }
            prop_assert_eq!(mask.finish(), into_string(old));
        }
    }

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let err = Document::parse(
            Path::new("a.md"),
            b"ok\nbad \xff here".to_vec(),
            Format::Markdown,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "a.md:2: invalid UTF-8 at byte 7");
    }
}
