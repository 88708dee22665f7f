//! `--format human`: rustc-style findings with the source line and the quote underlined,
//! then each quote with its speaker, then a one-line summary per file.

use std::io::{self, Write};

use colored::{ColoredString, Colorize};

use crate::analysis::Analysis;
use crate::rules::Severity;
use crate::source::Span;

fn severity_label(s: Severity) -> ColoredString {
    match s {
        Severity::Error => "error".red().bold(),
        Severity::Warning => "warning".yellow().bold(),
        Severity::Info => "info".cyan().bold(),
    }
}

/// Renders one file's analysis; `quiet` prints the findings only.
pub fn render_file(path: &str, a: &Analysis, out: &mut dyn Write, quiet: bool) -> io::Result<()> {
    let doc = &a.document;
    for f in &a.findings {
        let (line, col) = doc.lines.line_col(&doc.text, f.span.start);
        writeln!(
            out,
            "{}{}: {}",
            severity_label(f.severity),
            format!("[{}]", f.rule).bold(),
            f.message.bold()
        )?;
        let gutter = " ".repeat(line.to_string().len());
        writeln!(out, "{gutter}{} {path}:{line}:{col}", "-->".blue().bold())?;
        writeln!(out, "{gutter} {}", "|".blue().bold())?;
        let line_span = window(&doc.text, doc.lines.line_span(&doc.text, line), f.span);
        let text = &doc.text[line_span.start..line_span.end];
        writeln!(
            out,
            "{} {} {}",
            line.to_string().blue().bold(),
            "|".blue().bold(),
            text.replace(['\t', '\r'], " ")
        )?;
        let underline_end = f.span.end.min(line_span.end).max(f.span.start);
        let pad = doc.text[line_span.start..f.span.start.max(line_span.start)]
            .chars()
            .count();
        let width = doc.text[f.span.start..underline_end].chars().count().max(1);
        let carets = "^".repeat(width);
        let carets = match f.severity {
            Severity::Error => carets.red().bold(),
            Severity::Warning => carets.yellow().bold(),
            Severity::Info => carets.cyan().bold(),
        };
        writeln!(
            out,
            "{gutter} {} {}{}",
            "|".blue().bold(),
            " ".repeat(pad),
            carets
        )?;
        writeln!(out)?;
    }
    if quiet {
        return Ok(());
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
            writeln!(
                out,
                "  {:>7}  {:<4} {:<8} {}  « {} »",
                format!("{line}:{col}"),
                q.id,
                kind,
                who,
                excerpt(&q.text, 60)
            )?;
        }
    }
    // Sources and how many claims each carries, most first.
    let mut sources: Vec<(String, &'static str, usize)> = Vec::new();
    for claim in &a.claims {
        let Some(i) = claim.attribution else { continue };
        let s = &a.attributions[i].source;
        match sources.iter_mut().find(|(n, _, _)| *n == s.name) {
            Some(entry) => entry.2 += 1,
            None => sources.push((s.name.clone(), s.kind.as_str(), 1)),
        }
    }
    sources.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| x.0.cmp(&y.0)));
    if !sources.is_empty() {
        writeln!(out, "{}", format!("{path}: sources").bold())?;
        for (name, kind, n) in &sources {
            writeln!(out, "  {n:>3}  {name} ({kind})")?;
        }
    }
    let claims = crate::report::ClaimCounts::of(a);
    let c = |s: Severity| a.findings.iter().filter(|f| f.severity == s).count();
    writeln!(
        out,
        "{path}: {}, {} with a speaker; {}: {} attributed, {} anonymous, {} vague, {} unattributed; {}, {}, {}",
        count(a.quotes.len(), "quote"),
        with_speaker,
        count(claims.total, "claim"),
        claims.attributed,
        claims.anonymous,
        claims.vague,
        claims.unattributed,
        count(c(Severity::Error), "error"),
        count(c(Severity::Warning), "warning"),
        count(c(Severity::Info), "info")
    )?;
    Ok(())
}

fn via_label(v: crate::model::Via) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// `1 quote`, `2 quotes`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Characters of context shown on each side of a finding on a long line.
const CONTEXT: usize = 60;

/// The part of a line shown for a finding: the whole line, or for a long line (a paragraph
/// without line breaks) a window around the finding, cut at character boundaries.
fn window(text: &str, line: Span, finding: Span) -> Span {
    let start = if text[line.start..finding.start.max(line.start)]
        .chars()
        .rev()
        .nth(CONTEXT)
        .is_some()
    {
        let before = &text[line.start..finding.start];
        finding.start
            - before
                .chars()
                .rev()
                .take(CONTEXT)
                .map(char::len_utf8)
                .sum::<usize>()
    } else {
        line.start
    };
    let from = finding.end.clamp(start, line.end);
    let end = if text[from..line.end].chars().nth(CONTEXT).is_some() {
        from + text[from..line.end]
            .chars()
            .take(CONTEXT)
            .map(char::len_utf8)
            .sum::<usize>()
    } else {
        line.end
    };
    Span::new(start, end)
}

/// The first `max` characters of a text, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

/// `--statistics`: how many findings each rule gave over the whole run, most first.
/// Counted file by file, so a run never holds more than one file's analysis for it.
#[derive(Default)]
pub struct Statistics {
    counts: Vec<(&'static str, Severity, usize)>,
}

impl Statistics {
    pub fn add(&mut self, a: &Analysis) {
        for f in &a.findings {
            match self.counts.iter_mut().find(|(r, _, _)| *r == f.rule) {
                Some(c) => c.2 += 1,
                None => self.counts.push((f.rule, f.severity, 1)),
            }
        }
    }

    pub fn render(mut self, out: &mut dyn Write) -> io::Result<()> {
        self.counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        for (rule, severity, n) in self.counts {
            writeln!(out, "{n:>6}  {rule:<24} {}", severity.as_str())?;
        }
        Ok(())
    }
}
