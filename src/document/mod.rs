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
mod tests {
    use super::*;

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
