//! `--format concise`: one line a finding, `path:line:col: severity rule message`, the
//! shape editors' problem matchers and `grep` expect.

use std::io::{self, Write};

use crate::analysis::Analysis;

pub fn render_file(path: &str, a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let doc = &a.document;
    for f in &a.findings {
        let (line, col) = doc.lines.line_col(&doc.text, f.span.start);
        writeln!(
            out,
            "{path}:{line}:{col}: {} {} {}",
            f.severity.as_str(),
            f.rule,
            f.message
        )?;
    }
    Ok(())
}
