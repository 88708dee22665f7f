//! `attrib verify` output: `human` (a line per quote with its verdict, where it was found
//! and a coloured word diff) and `json` (the versioned [`VerifyReport`]).

use std::io::{self, Write};

use colored::Colorize;

use super::{QuoteCheck, Verdict, VerifyReport};
use crate::diff::{Op, WordOp};

fn words_human(words: &[WordOp]) -> String {
    words
        .iter()
        .map(|w| match w.op {
            Op::Equal => w.text.normal().to_string(),
            Op::Delete => format!("[-{}-]", w.text).red().strikethrough().to_string(),
            Op::Insert => format!("{{+{}+}}", w.text).green().bold().to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn excerpt(text: &str, max: usize) -> String {
    let folded = crate::text::normalize::squeeze_whitespace(text);
    let mut s: String = folded.chars().take(max).collect();
    if folded.chars().count() > max {
        s.push('…');
    }
    s
}

fn verdict(v: Verdict) -> String {
    let s = format!("{:<14}", v.as_str());
    match v {
        Verdict::Exact => s.green().to_string(),
        Verdict::Altered => s.yellow().bold().to_string(),
        Verdict::NotFound | Verdict::Misattributed => s.red().bold().to_string(),
    }
}

fn quote(out: &mut dyn Write, q: &QuoteCheck) -> io::Result<()> {
    let at = format!("{}:{}", q.span.line, q.span.column);
    let who = q.speaker.as_deref().unwrap_or("no speaker");
    writeln!(
        out,
        "  {:<4} {:>7}  {} {}  « {} »",
        q.id,
        at,
        verdict(q.verdict),
        who,
        excerpt(&q.text, 70)
    )?;
    let Some(m) = &q.found else {
        return writeln!(out, "{:15}no passage of the sources is close enough", "");
    };
    let mut place = format!("{}:{}:{}", m.source, m.span.line, m.span.column);
    if let Some(t) = &m.time {
        place.push_str(&format!(" [{} → {}]", t.start, t.end));
    }
    if let Some(s) = &m.speaker {
        place.push_str(&format!(" {s}"));
    }
    if q.verdict != Verdict::Exact {
        place.push_str(&format!(" (similarity {:.2})", m.similarity));
    }
    writeln!(out, "{:15}{}", "", place)?;
    if super::changed(&q.words) {
        writeln!(out, "{:15}« {} »", "", words_human(&q.words))?;
    }
    Ok(())
}

pub fn human(report: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    let sources: Vec<&str> = report.sources.iter().map(|s| s.path.as_str()).collect();
    writeln!(
        out,
        "{}: {} quote{} against {}",
        report.article.bold(),
        report.quotes.len(),
        if report.quotes.len() == 1 { "" } else { "s" },
        sources.join(", ")
    )?;
    for q in &report.quotes {
        quote(out, q)?;
    }
    let s = &report.summary;
    writeln!(
        out,
        "{}: {} exact, {} altered, {} not found, {} misattributed",
        report.article, s.exact, s.altered, s.not_found, s.misattributed
    )
}

pub fn json(report: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    crate::render::json::write_pretty(report, out, 0)?;
    writeln!(out)
}
