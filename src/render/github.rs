//! `--format github`: GitHub Actions workflow commands, so findings appear as annotations
//! on the pull request's diff: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use std::io::{self, Write};

use crate::analysis::Analysis;
use crate::rules::Severity;

/// Escapes a workflow command's message (`%`, CR, LF) or property (also `:` and `,`).
fn escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

pub fn render_file(path: &str, a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let doc = &a.document;
    for f in &a.findings {
        let loc = doc.lines.locate(&doc.text, f.span);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape(path, true),
            loc.line,
            loc.column,
            loc.end_line,
            loc.end_column,
            escape(f.rule, true),
            escape(&f.message, false)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_the_workflow_command_rules() {
        assert_eq!(escape("a,b:c%\n", true), "a%2Cb%3Ac%25%0A");
        assert_eq!(escape("a,b:c", false), "a,b:c");
    }
}
