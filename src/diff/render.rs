//! `attrib diff` output: `human` (coloured inline word diff), `json` (the versioned
//! [`DiffReport`](super::DiffReport)) and `markdown` (a table to post as a pull request
//! comment).

use std::io::{self, Write};

use colored::Colorize;

use super::{Change, DiffReport, FileDiff, Op, Side, WordOp};

fn at(side: &Option<Side>) -> String {
    side.as_ref().map_or("-".to_string(), |s| {
        format!("{}:{}", s.span.line, s.span.column)
    })
}

fn who(side: &Option<Side>) -> String {
    side.as_ref()
        .and_then(|s| s.who.as_ref())
        .map_or("no source".to_string(), |w| {
            format!("{} ({})", w.name, w.kind.as_str())
        })
}

fn excerpt(text: &str, max: usize) -> String {
    let mut s: String = crate::text::normalize::squeeze_whitespace(text)
        .chars()
        .take(max)
        .collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

fn words_human(words: &[WordOp]) -> String {
    words
        .iter()
        .map(|w| match w.op {
            Op::Equal => w.text.normal().to_string(),
            Op::Delete => format!("[-{}-]", w.text).red().strikethrough().to_string(),
            Op::Insert => format!("{{+{}+}}", w.text).green().bold().to_string(),
        })
        .collect()
}

fn detail(c: &Change) -> String {
    use super::ChangeKind::*;
    match c.kind {
        QuoteAltered => format!("« {} »", words_human(&c.words)),
        SpeakerChanged | SourceChanged => format!("{} → {}", who(&c.old), who(&c.new)),
        AttributionAdded => format!(
            "{}  now: {}",
            excerpt(
                &c.new.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
                70
            ),
            who(&c.new)
        ),
        AttributionRemoved | ClaimBecameUnattributed => {
            format!(
                "{}  was: {}",
                excerpt(
                    &c.old.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
                    70
                ),
                who(&c.old)
            )
        }
        FindingNew | FindingResolved => {
            let s = c.new.as_ref().or(c.old.as_ref());
            format!(
                "{}: {}",
                c.rule.unwrap_or_default(),
                excerpt(&s.map(|s| s.text.clone()).unwrap_or_default(), 80)
            )
        }
        _ => {
            let s = c.new.as_ref().or(c.old.as_ref());
            excerpt(&s.map(|s| s.text.clone()).unwrap_or_default(), 80)
        }
    }
}

pub fn human(report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
    for f in &report.files {
        human_file(f, out)?;
    }
    Ok(())
}

fn human_file(f: &FileDiff, out: &mut dyn Write) -> io::Result<()> {
    let title = if f.old_path == f.new_path {
        f.new_path.clone()
    } else {
        format!("{} → {}", f.old_path, f.new_path)
    };
    if f.changes.is_empty() {
        return writeln!(out, "{}: no change in quotes or sourcing", title.bold());
    }
    writeln!(out, "{}", title.bold())?;
    for c in &f.changes {
        let label = match c.kind {
            super::ChangeKind::QuoteAltered
            | super::ChangeKind::ClaimBecameUnattributed
            | super::ChangeKind::AttributionRemoved
            | super::ChangeKind::FindingNew => c.kind.label().yellow().bold(),
            _ => c.kind.label().cyan(),
        };
        writeln!(
            out,
            "  {:<27} {:>7} → {:<7} {}",
            label,
            at(&c.old),
            at(&c.new),
            detail(c)
        )?;
    }
    let n = f.changes.len();
    writeln!(
        out,
        "{}: {n} change{}",
        title,
        if n == 1 { "" } else { "s" }
    )
}

pub fn json(report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write_pretty(report, out, 0)?;
    writeln!(out)
}

/// Escapes a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn words_markdown(words: &[WordOp]) -> String {
    words
        .iter()
        .map(|w| match w.op {
            Op::Equal => cell(&w.text),
            Op::Delete => format!("~~{}~~", cell(w.text.trim())),
            Op::Insert => format!("**{}**", cell(w.text.trim())),
        })
        .collect::<Vec<_>>()
        .join("")
}

pub fn markdown(report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "### attrib: sourcing changes\n")?;
    let total: usize = report.files.iter().map(|f| f.changes.len()).sum();
    if total == 0 {
        return writeln!(out, "No change in quotes or sourcing.");
    }
    writeln!(out, "| file | change | old | new | detail |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for f in &report.files {
        for c in &f.changes {
            let d = match c.kind {
                super::ChangeKind::QuoteAltered => format!("« {} »", words_markdown(&c.words)),
                _ => cell(&strip(&detail(c))),
            };
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&f.new_path),
                c.kind.label(),
                at(&c.old),
                at(&c.new),
                d
            )?;
        }
    }
    Ok(())
}

/// Removes ANSI colour codes (the detail text is shared with the human renderer).
fn strip(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}
