//! The documents quotes are held against: recording transcripts (`.srt`, `.vtt`), press
//! releases and reports (Markdown, plain text, HTML).
//!
//! Every source is reduced to the same shape: its text as read, a prose mask of the same
//! length (only spoken or written prose left, see [`crate::document`]), the words of that
//! prose, and *segments*: stretches with one speaker (and for transcripts one cue's
//! timing). Markdown, plain text and HTML go through [`Document::parse`]; speaker labels
//! at the start of their lines (`PESKOV : …`) are read as in transcripts.

use std::path::{Path, PathBuf};

use super::labels::line_label;
use super::subtitles;
use super::words::{Word, words_in};
use crate::document::{Document, Format};
use crate::source::{LineIndex, Span};

/// Why a source cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error(transparent)]
    Input(#[from] crate::Error),
    #[error("{}:{line}: malformed {format}: {what}", path.display())]
    Malformed {
        path: PathBuf,
        format: &'static str,
        line: usize,
        what: String,
    },
    #[error("{}: too large (4 GiB or more)", path.display())]
    TooLarge { path: PathBuf },
}

/// How a source is read, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Markdown,
    Text,
    Html,
    Srt,
    Vtt,
}

impl SourceFormat {
    pub fn from_path(path: &Path) -> SourceFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "srt" => SourceFormat::Srt,
            "vtt" => SourceFormat::Vtt,
            _ => match Format::from_path(path) {
                Format::Markdown => SourceFormat::Markdown,
                Format::PlainText => SourceFormat::Text,
                Format::Html => SourceFormat::Html,
            },
        }
    }
}

/// A cue's timing, in milliseconds from the start of the recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub start_ms: u64,
    pub end_ms: u64,
}

/// A stretch of a source with one speaker (and one cue, for transcripts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    pub cue: Option<Cue>,
    /// The speaker label in force, as written (`PESKOV`, `Dmitri Peskov`).
    pub speaker: Option<String>,
}

#[derive(Debug)]
pub struct SourceText {
    /// The path as given on the command line.
    pub path: String,
    pub format: SourceFormat,
    pub text: String,
    /// Same length as `text`: only the prose of the source, the rest blanked.
    pub mask: String,
    pub lines: LineIndex,
    /// In file order, not overlapping.
    pub segments: Vec<Segment>,
    /// The words of all segments, in file order.
    pub words: Vec<Word>,
}

impl SourceText {
    /// Reads a source from its bytes, the format chosen by `path`'s extension.
    pub fn parse(path: &Path, bytes: Vec<u8>) -> Result<SourceText, SourceError> {
        if u32::try_from(bytes.len()).is_err() {
            return Err(SourceError::TooLarge {
                path: path.to_path_buf(),
            });
        }
        let format = SourceFormat::from_path(path);
        let (text, mask, segments) = match format {
            SourceFormat::Srt | SourceFormat::Vtt => {
                // Decoding errors are reported like an article's.
                let doc = Document::parse(path, bytes, Format::PlainText)?;
                let parsed = match format {
                    SourceFormat::Srt => subtitles::parse_srt(&doc.text),
                    _ => subtitles::parse_vtt(&doc.text),
                }
                .map_err(|m| SourceError::Malformed {
                    path: path.to_path_buf(),
                    format: if format == SourceFormat::Srt {
                        "SRT"
                    } else {
                        "WebVTT"
                    },
                    line: m.line,
                    what: m.what,
                })?;
                (doc.text, parsed.mask, parsed.segments)
            }
            SourceFormat::Markdown | SourceFormat::Text | SourceFormat::Html => {
                let f = match format {
                    SourceFormat::Html => Format::Html,
                    SourceFormat::Text => Format::PlainText,
                    _ => Format::Markdown,
                };
                let doc = Document::parse(path, bytes, f)?;
                let (mask, segments) = labelled_blocks(&doc);
                (doc.text, mask, segments)
            }
        };
        let mut words = Vec::with_capacity(text.len() / 6);
        for s in &segments {
            words_in(&mask, s.span, &mut words);
        }
        Ok(SourceText {
            path: path.display().to_string(),
            format,
            lines: LineIndex::new(&text),
            text,
            mask,
            segments,
            words,
        })
    }

    /// Reads and parses the file at `path`, refused like an article when it is a
    /// directory, over `max_bytes` or binary (a UTF-16 export of a transcript would
    /// otherwise parse as text of one letter in two, and match nothing).
    pub fn load(path: &Path, max_bytes: u64) -> Result<SourceText, SourceError> {
        let bytes = crate::inputs::read_file(path, max_bytes)?;
        SourceText::parse(path, bytes)
    }

    /// The segment holding byte `offset`.
    pub fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let k = self
            .segments
            .partition_point(|s| s.span.start <= offset)
            .checked_sub(1)?;
        self.segments.get(k)
    }
}

/// A document's blocks as segments, split where a line opens with a speaker label (the
/// label itself blanked in the mask). A label holds until the next one.
fn labelled_blocks(doc: &Document) -> (String, Vec<Segment>) {
    let mut mask = doc.prose.clone().into_bytes();
    let mut segments = Vec::new();
    let mut speaker: Option<String> = None;
    for block in &doc.blocks {
        let mut start = block.span.start;
        let mut line_start = block.span.start;
        for line in doc.prose[block.span.start..block.span.end].split_inclusive('\n') {
            if let Some(label) = line_label(line.trim_end_matches(['\n', '\r'])) {
                if line_start > start {
                    segments.push(Segment {
                        span: Span::new(start, line_start),
                        cue: None,
                        speaker: speaker.clone(),
                    });
                }
                for b in &mut mask[line_start..line_start + label.len] {
                    *b = b' ';
                }
                speaker = label.name;
                start = line_start + label.len;
            }
            line_start += line.len();
        }
        if block.span.end > start {
            segments.push(Segment {
                span: Span::new(start, block.span.end),
                cue: None,
                speaker: speaker.clone(),
            });
        }
    }
    (crate::document::into_string(mask), segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_labels_hold_until_the_next() {
        let text =
            "# Entretien\n\n**PESKOV :** Nous verrons.\n\nRien de plus.\n\nAnna Roux : Merci.\n";
        let s = SourceText::parse(Path::new("e.md"), text.as_bytes().to_vec()).unwrap();
        let who: Vec<_> = s
            .segments
            .iter()
            .map(|g| {
                (
                    s.mask[g.span.start..g.span.end].trim().to_string(),
                    g.speaker.clone(),
                )
            })
            .collect();
        assert_eq!(who[0], ("Entretien".into(), None));
        assert_eq!(who[1], ("Nous verrons.".into(), Some("PESKOV".into())));
        assert_eq!(who[2], ("Rien de plus.".into(), Some("PESKOV".into())));
        assert_eq!(who[3], ("Merci.".into(), Some("Anna Roux".into())));
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(
            SourceFormat::from_path(Path::new("a.SRT")),
            SourceFormat::Srt
        );
        assert_eq!(
            SourceFormat::from_path(Path::new("a.vtt")),
            SourceFormat::Vtt
        );
        assert_eq!(
            SourceFormat::from_path(Path::new("a.htm")),
            SourceFormat::Html
        );
        assert_eq!(
            SourceFormat::from_path(Path::new("a.txt")),
            SourceFormat::Text
        );
        assert_eq!(
            SourceFormat::from_path(Path::new("a")),
            SourceFormat::Markdown
        );
    }

    #[test]
    fn malformed_transcript_error_names_file_and_line() {
        let e = SourceText::parse(Path::new("t.srt"), b"1\nnope\nOui\n".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.srt:2: malformed SRT: expected a timing line like `00:00:01,000 --> 00:00:04,000`, found `nope`"
        );
    }
}
