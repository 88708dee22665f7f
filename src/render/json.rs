//! `--format json`: the versioned report, pretty-printed, one document per run; and
//! `--format jsonl`: one file's report per line.

use std::io::{self, Write};

use crate::report::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::other)?;
    writeln!(out)
}

/// `--format jsonl`: one file's report a line (compact), for streaming large archives.
pub fn render_line(file: &crate::report::FileReport, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, file).map_err(io::Error::other)?;
    writeln!(out)
}
