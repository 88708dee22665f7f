//! `--format json`: the versioned report, pretty-printed, one document per run, written
//! file by file; and `--format jsonl`: one file's report per line.

use std::io::{self, Write};

use crate::report::{FileReport, Report};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::other)?;
    writeln!(out)
}

/// `--format jsonl`: one file's report a line (compact), for streaming large archives.
pub fn render_line(file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
    // Serialised into memory first: serde_json writes many small pieces, each a dynamic
    // call through `out`; one write of the whole line costs a tenth as much.
    let mut line = serde_json::to_vec(file).map_err(io::Error::other)?;
    line.push(b'\n');
    out.write_all(&line)
}

/// The document [`render`] writes, written one file at a time, so that a run over an
/// archive holds one file's report in memory, not the archive's.
///
/// Each file is pretty-printed on its own and indented to its depth in the document (a
/// pretty-printed JSON string never holds a raw newline, so indenting after each newline
/// is safe); the bytes are exactly those of [`render`] on the whole run.
pub struct JsonStream {
    files: usize,
    buf: Vec<u8>,
    indented: Vec<u8>,
}

/// How deep a file's report sits in the document: inside the root object and `files`.
const FILE_INDENT: &[u8] = b"\n    ";

impl JsonStream {
    /// Writes the document's head, up to the opening of `files`.
    pub fn begin(out: &mut dyn Write) -> io::Result<JsonStream> {
        let empty =
            serde_json::to_vec_pretty(&Report::new(Vec::new())).map_err(io::Error::other)?;
        let head = empty
            .strip_suffix(b"]\n}")
            .ok_or_else(|| io::Error::other("unexpected shape of the JSON report"))?;
        out.write_all(head)?;
        Ok(JsonStream {
            files: 0,
            buf: Vec::new(),
            indented: Vec::new(),
        })
    }

    pub fn file(&mut self, file: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        if self.files > 0 {
            out.write_all(b",")?;
        }
        self.files += 1;
        self.buf.clear();
        serde_json::to_writer_pretty(&mut self.buf, file).map_err(io::Error::other)?;
        self.indented.clear();
        for line in self.buf.split(|&b| b == b'\n') {
            self.indented.extend_from_slice(FILE_INDENT);
            self.indented.extend_from_slice(line);
        }
        out.write_all(&self.indented)
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
    use crate::analysis::analyze_text;

    fn streamed(files: &[FileReport]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut s = JsonStream::begin(&mut out).unwrap();
        for f in files {
            s.file(f, &mut out).unwrap();
        }
        s.end(&mut out).unwrap();
        out
    }

    #[test]
    fn streaming_writes_the_bytes_of_the_whole_document() {
        let texts = [
            "« Nous partons », a déclaré Jean Dupont.\n\nSelon la police, 40 000 manifestants.",
            "",
            "Il aurait démissionné.\r\n\r\n« Non\u{a0}! » — \"Oui\".",
        ];
        for n in 0..=texts.len() {
            let make = || -> Vec<FileReport> {
                texts[..n]
                    .iter()
                    .enumerate()
                    .map(|(i, t)| FileReport::from_analysis(format!("f{i}.md"), &analyze_text(t)))
                    .collect()
            };
            let mut whole = Vec::new();
            render(&Report::new(make()), &mut whole).unwrap();
            assert_eq!(
                String::from_utf8(streamed(&make())).unwrap(),
                String::from_utf8(whole).unwrap(),
                "{n} files"
            );
        }
    }
}
