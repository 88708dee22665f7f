//! Inline suppression in HTML comments, which Markdown and HTML articles both carry:
//!
//! - `<!-- attrib-disable-next-line RULE -->`: the next line with text;
//! - `<!-- attrib-disable-line RULE -->`: the comment's own line;
//! - `<!-- attrib-disable RULE -->` … `<!-- attrib-enable RULE -->`: a region (to the end
//!   of the file if never re-enabled);
//! - `<!-- attrib-disable-file RULE -->`: the whole file.
//!
//! RULE is one or more rule ids separated by commas or spaces; none means every rule. A
//! directive that suppresses nothing is itself reported (`unused-suppression`), so stale
//! ones do not pile up.

use memchr::memmem::Finder;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::{char, multispace0, multispace1},
    combinator::{all_consuming, map, opt, value},
    multi::separated_list0,
    sequence::{delimited, preceded},
};

use crate::document::Document;
use crate::rules::Finding;
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    NextLine,
    /// The line the comment stands on (an inline comment after the text).
    Line,
    Disable,
    Enable,
    File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub scope: Scope,
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
    /// The whole comment.
    pub span: Span,
    pub used: bool,
}

fn rule_id(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_').parse(input)
}

/// `attrib-disable-next-line rule-a, rule-b` (the comment's inside, trimmed).
fn directive(input: &str) -> IResult<&str, (Scope, Vec<String>)> {
    let scope = alt((
        value(Scope::NextLine, tag("attrib-disable-next-line")),
        value(Scope::Line, tag("attrib-disable-line")),
        value(Scope::File, tag("attrib-disable-file")),
        value(Scope::Disable, tag("attrib-disable")),
        value(Scope::Enable, tag("attrib-enable")),
    ));
    let sep = alt((
        delimited(multispace0, char(','), multispace0).map(|_| ()),
        multispace1.map(|_| ()),
    ));
    let rules = opt(preceded(
        multispace1,
        separated_list0(sep, map(rule_id, str::to_string)),
    ));
    all_consuming(delimited(multispace0, (scope, rules), multispace0))
        .map(|(s, r)| (s, r.unwrap_or_default()))
        .parse(input)
}

/// Every directive comment of the file, in order. Comments inside prose or code are not
/// directives: only those the document reader did not take as text count.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let text = &doc.text;
    let mut out = Vec::new();
    let mut from = 0;
    // memchr's vectorised substring search: `str::find` with a string pattern read the
    // whole of every article byte by byte.
    let (open, close) = (Finder::new("<!--"), Finder::new("-->"));
    while let Some(i) = open.find(&text.as_bytes()[from..]) {
        let start = from + i;
        let Some(j) = close.find(&text.as_bytes()[start + 4..]) else {
            break;
        };
        let end = start + 4 + j + 3;
        from = end;
        // A comment in prose would have been copied into the prose mask.
        if doc.prose.as_bytes()[start] != b' ' {
            continue;
        }
        if let Ok((_, (scope, rules))) = directive(&text[start + 4..end - 3]) {
            out.push(Directive {
                scope,
                rules,
                span: Span::new(start, end),
                used: false,
            });
            if out.len() == MAX_DIRECTIVES {
                break;
            }
        }
    }
    out
}

fn covers(d: &Directive, rule: &str) -> bool {
    d.rules.is_empty() || d.rules.iter().any(|r| r == rule)
}

/// Directives read from one file, at most: a file of thousands of comments stays linear.
pub const MAX_DIRECTIVES: usize = 1000;

/// Drops suppressed findings and marks the directives that suppressed something.
pub fn apply(doc: &Document, directives: &mut [Directive], findings: Vec<Finding>) -> Vec<Finding> {
    let line_of = |offset: usize| doc.lines.line_col(&doc.text, offset).0;
    let last_line = line_of(doc.text.len());
    let blank = |line: usize| {
        let s = doc.lines.line_span(&doc.text, line);
        doc.text[s.start..s.end].trim().is_empty()
    };
    // What each directive covers: a line, or a byte region.
    let mut cover: Vec<Cover> = Vec::with_capacity(directives.len());
    for (n, d) in directives.iter().enumerate() {
        cover.push(match d.scope {
            Scope::File => Cover::All,
            Scope::Enable => Cover::Nothing,
            Scope::Line => Cover::Line(line_of(d.span.start)),
            Scope::NextLine => {
                let mut line = line_of(d.span.end) + 1;
                while line < last_line && blank(line) {
                    line += 1;
                }
                Cover::Line(line)
            }
            Scope::Disable => {
                // Up to the first later `enable` that names one of its rules (or all).
                let end = directives[n + 1..]
                    .iter()
                    .find(|e| {
                        e.scope == Scope::Enable
                            && (e.rules.is_empty()
                                || d.rules.is_empty()
                                || e.rules.iter().any(|r| d.rules.contains(r)))
                    })
                    .map_or(doc.text.len(), |e| e.span.start);
                Cover::Region(Span::new(d.span.end, end))
            }
        });
    }
    findings
        .into_iter()
        .filter(|f| {
            let mut suppressed = false;
            for (d, c) in directives.iter_mut().zip(&cover) {
                let hit = covers(d, f.rule)
                    && match *c {
                        Cover::All => true,
                        Cover::Nothing => false,
                        Cover::Line(line) => line == line_of(f.span.start),
                        Cover::Region(r) => r.contains(f.span.start),
                    };
                if hit {
                    d.used = true;
                    suppressed = true;
                }
            }
            !suppressed
        })
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum Cover {
    All,
    Nothing,
    Line(usize),
    Region(Span),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_directives() {
        assert_eq!(
            directive(" attrib-disable-next-line quote-without-speaker ")
                .unwrap()
                .1,
            (Scope::NextLine, vec!["quote-without-speaker".to_string()])
        );
        assert_eq!(
            directive("attrib-disable a, b").unwrap().1,
            (Scope::Disable, vec!["a".to_string(), "b".to_string()])
        );
        assert_eq!(
            directive("attrib-disable-file").unwrap().1,
            (Scope::File, vec![])
        );
        assert!(directive("something else").is_err());
    }
}
