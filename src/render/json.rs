//! `--format json`: the versioned report, pretty-printed, one document per run, written
//! file by file; and `--format jsonl`: one file's report per line.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::report::{FileReport, Report};

mod direct;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_pretty(report, out, 0)?;
    writeln!(out)
}

/// `--format jsonl`: one file's report a line (compact), for streaming large archives.
pub fn render_line(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    let mut line = Vec::new();
    render_line_into(file, &mut line)?;
    out.write_all(&line)
}

/// [`render_line`] into a `Vec`, written straight into it as [`render_file`] is (the line
/// is whole in memory before it is written anyway: `check` orders the files' reports).
pub fn render_line_into(file: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    out.reserve(size_hint(file, COMPACT_POSITION));
    direct::compact(file, out)?;
    out.push(b'\n');
    Ok(())
}

/// Writes `value` as serde_json's pretty printer does (two spaces an indent), as if it
/// sat `level` levels deep in an enclosing document: the indentation of its first line
/// is the caller's.
pub fn write_pretty<T: Serialize + ?Sized>(
    value: &T,
    out: &mut dyn Write,
    level: usize,
) -> io::Result<()> {
    let mut buf = buffered(out);
    pretty_into(value, &mut buf, level)?;
    buf.flush()
}

/// [`write_pretty`] into a writer that takes small pieces cheaply: a buffer, or the `Vec`
/// a file's report is made in.
fn pretty_into<T: Serialize + ?Sized, W: Write>(value: &T, out: W, level: usize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        out,
        Pretty {
            level,
            has_value: false,
        },
    );
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// serde_json writes many small pieces; through `&mut dyn Write` each is a dynamic call.
/// A local buffer makes them plain copies, and keeps memory flat for a huge file.
fn buffered(out: &mut dyn Write) -> io::BufWriter<&mut dyn Write> {
    io::BufWriter::with_capacity(1 << 16, out)
}

/// serde_json's `PrettyFormatter`, but starting at any depth (its own always starts at
/// the left margin) and writing each indentation in one piece.
struct Pretty {
    level: usize,
    has_value: bool,
}

const SPACES: &[u8; 64] = b"                                                                ";

impl Pretty {
    fn newline<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        w.write_all(if comma { b",\n" } else { b"\n" })?;
        let mut n = 2 * self.level;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    /// `]` or `}`: on a line of its own unless the array or object is empty.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(mark)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The document [`render`] writes, written one file at a time, so that a run over an
/// archive holds one file's report in memory, not the archive's. The bytes are exactly
/// those of [`render`] on the whole run.
pub struct JsonStream {
    files: usize,
}

/// How deep a file's report sits in the document: inside the root object and `files`.
const FILE_LEVEL: usize = 2;

/// One file's report as it stands in the `--format json` document, for
/// [`JsonStream::rendered`].
///
/// It is written straight into `out`, which holds the whole file's report anyway: a
/// buffer or a `dyn Write` in between would only add a copy and a call for each of the
/// report's many small pieces.
pub fn render_file(file: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    write_file_pretty(file, out, FILE_LEVEL)
}

/// A file's report as [`write_pretty`] writes it `level` levels deep, byte for byte, at
/// less than half the cost: the report's types are written directly (see `direct`),
/// serde_json only escaping strings.
pub fn write_file_pretty(file: &FileReport, out: &mut Vec<u8>, level: usize) -> io::Result<()> {
    out.reserve(size_hint(file, PRETTY_POSITION));
    direct::pretty(file, out, level)
}

/// Bytes a file's report takes, a little more than less, at `per_position` bytes for
/// each position it gives (the position's own fields and those of the quote, claim or
/// finding around it) besides its quoted texts and messages. Reserved at once, it spares
/// the dozen doublings of a growing `Vec`, each a copy of everything written yet.
fn size_hint(file: &FileReport, per_position: usize) -> usize {
    let quotes = file
        .quotes
        .iter()
        .map(|q| per_position * (1 + usize::from(q.speaker.is_some())) + q.text.len());
    let claims = file
        .claims
        .iter()
        .map(|c| per_position * (1 + usize::from(c.source.is_some())) + c.text.len());
    let findings = file.findings.iter().map(|f| per_position + f.message.len());
    let attributions = 3 * per_position * file.attributions.len();
    quotes.chain(claims).chain(findings).sum::<usize>() + attributions
}

/// Bytes a position takes in a file's report, measured on generated and real articles:
/// 320 to 370 pretty-printed, 140 to 170 compact.
const PRETTY_POSITION: usize = 400;
const COMPACT_POSITION: usize = 180;

impl JsonStream {
    /// Writes the document's head, up to the opening of `files`.
    pub fn begin(out: &mut dyn Write) -> io::Result<JsonStream> {
        let empty =
            serde_json::to_vec_pretty(&Report::new(Vec::new())).map_err(io::Error::other)?;
        let head = empty
            .strip_suffix(b"]\n}")
            .ok_or_else(|| io::Error::other("unexpected shape of the JSON report"))?;
        out.write_all(head)?;
        Ok(JsonStream { files: 0 })
    }

    /// Writes a file's report made by [`render_file`] (on another thread, say), after the
    /// separator from the file before.
    pub fn rendered(&mut self, bytes: &[u8], out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.files > 0 {
            b",\n    "
        } else {
            b"\n    "
        })?;
        self.files += 1;
        out.write_all(bytes)
    }

    /// Closes `files` and the document.
    pub fn end(self, out: &mut dyn Write) -> io::Result<()> {
        if self.files > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"]\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, analyze_text};

    /// The document as `check` streams it: from reports that borrow the analyses.
    fn streamed(files: &[(String, Analysis)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut s = JsonStream::begin(&mut out).unwrap();
        for (path, a) in files {
            let mut bytes = Vec::new();
            render_file(&FileReport::borrowed(path, a), &mut bytes).unwrap();
            s.rendered(&bytes, &mut out).unwrap();
        }
        s.end(&mut out).unwrap();
        out
    }

    #[test]
    fn pretty_printing_is_serde_jsons() {
        let report = FileReport::from_analysis(
            "a.md".into(),
            &analyze_text("« Oui », a dit Marie Durand. Selon des observateurs, il aurait 3 ans."),
        );
        let mut ours = Vec::new();
        write_pretty(&report, &mut ours, 0).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(&report).unwrap()
        );
        let empty: Vec<u8> = Vec::new();
        let mut ours = Vec::new();
        write_pretty(&empty, &mut ours, 3).unwrap();
        assert_eq!(ours, b"[]");
    }

    #[test]
    fn streaming_writes_the_bytes_of_the_whole_document() {
        let texts = [
            "« Nous partons », a déclaré Jean Dupont.\n\nSelon la police, 40 000 manifestants.",
            "",
            "Il aurait démissionné.\r\n\r\n« Non\u{a0}! » — \"Oui\".",
        ];
        for n in 0..=texts.len() {
            let files: Vec<(String, Analysis)> = texts[..n]
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("f{i}.md"), analyze_text(t)))
                .collect();
            let owned = files
                .iter()
                .map(|(path, a)| FileReport::from_analysis(path.clone(), a))
                .collect();
            let mut whole = Vec::new();
            render(&Report::new(owned), &mut whole).unwrap();
            assert_eq!(
                String::from_utf8(streamed(&files)).unwrap(),
                String::from_utf8(whole).unwrap(),
                "{n} files"
            );
        }
    }
}
