//! `--format human`: rustc-style findings with the source line and the quote underlined,
//! then each quote with its speaker, then a one-line summary per file.

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use crate::analysis::Analysis;
use crate::rules::Severity;


fn severity_label(s: Severity) -> ColoredString {
    match s {
        Severity::Error => "error".red().bold(),
        Severity::Warning => "warning".yellow().bold(),
        Severity::Info => "info".cyan().bold(),
    }
}

/// Renders one file's analysis.
pub fn render_file(path: &str, a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let doc = &a.document;
    for f in &a.findings {
        let (line, col) = doc.lines.line_col(&doc.text, f.span.start);
        writeln!(out, "{}{}: {}", severity_label(f.severity), format!("[{}]", f.rule).bold(), f.message.bold())?;
        let gutter = " ".repeat(line.to_string().len());
        writeln!(out, "{gutter}{} {path}:{line}:{col}", "-->".blue().bold())?;
        writeln!(out, "{gutter} {}", "|".blue().bold())?;
        let line_span = doc.lines.line_span(&doc.text, line);
        let text = &doc.text[line_span.start..line_span.end];
        writeln!(out, "{} {} {}", line.to_string().blue().bold(), "|".blue().bold(), text.replace('\t', " "))?;
        let underline_end = f.span.end.min(line_span.end).max(f.span.start);
        let pad = doc.text[line_span.start..f.span.start.max(line_span.start)].chars().count();
        let width = doc.text[f.span.start..underline_end].chars().count().max(1);
        let carets = "^".repeat(width);
        let carets = match f.severity {
            Severity::Error => carets.red().bold(),
            Severity::Warning => carets.yellow().bold(),
            Severity::Info => carets.cyan().bold(),
        };
        writeln!(out, "{gutter} {} {}{}", "|".blue().bold(), " ".repeat(pad), carets)?;
        writeln!(out)?;
    }
    let with_speaker = a.quotes.iter().filter(|q| q.speaker.is_some()).count();
    if !a.quotes.is_empty() {
        writeln!(out, "{}", format!("{path}: quotes").bold())?;
        for q in &a.quotes {
            let (line, col) = doc.lines.line_col(&doc.text, q.span.start);
            let who = match &q.speaker {
                Some(s) => format!("{} ({}, {})", s.name, s.kind.as_str(), via_label(s.via)),
                None if q.kind == crate::model::QuoteKind::Mention => "-".dimmed().to_string(),
                None => "no speaker".yellow().to_string(),
            };
            let kind = format!("{:?}", q.kind).to_lowercase();
            writeln!(out, "  {:>7}  {:<4} {:<8} {}  « {} »", format!("{line}:{col}"), q.id, kind, who, excerpt(&q.text, 60))?;
        }
    }
    let c = |s: Severity| a.findings.iter().filter(|f| f.severity == s).count();
    writeln!(
        out,
        "{path}: {} quotes ({} with a speaker), {} errors, {} warnings, {} infos",
        a.quotes.len(),
        with_speaker,
        c(Severity::Error),
        c(Severity::Warning),
        c(Severity::Info)
    )?;
    Ok(())
}

fn via_label(v: crate::model::Via) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The first `max` characters of a text, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

