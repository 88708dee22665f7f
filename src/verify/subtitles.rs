//! SubRip (`.srt`) and WebVTT (`.vtt`) transcripts, parsed with nom.
//!
//! The parsers keep what verification needs and nothing else: each cue's timing, and a
//! mask of the file (the same length, every byte that is not spoken text blanked to a
//! space) so word offsets are file offsets. Cue numbers and identifiers, timing lines,
//! `NOTE`, `STYLE` and `REGION` blocks, tags (`<i>`, `<c.x>`, `<00:00:01.000>`, SRT's
//! `{\an8}`) and character references (`&amp;`) are blanked. A voice tag
//! (`<v Dmitri Peskov>`) or a speaker label (`PESKOV: …`, see [`super::labels`]) names
//! the speaker of what follows, until the next one. A BOM, CRLF line endings and a
//! missing final newline are accepted; anything else out of place is an error naming the
//! line.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, space0, space1};
use nom::combinator::{all_consuming, map_res, opt, rest};
use nom::{IResult, Parser};

use super::labels::line_label;
use super::sources::{Cue, Segment};
use crate::source::Span;

/// What is wrong, and on which (1-based) line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub line: usize,
    pub what: String,
}

/// A parsed transcript: the prose mask and its segments (a cue, or the part of a cue one
/// speaker says).
#[derive(Debug)]
pub struct Parsed {
    pub mask: String,
    pub segments: Vec<Segment>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Srt,
    Vtt,
}

/// A line of the file: its (1-based) number, byte range without the line ending.
#[derive(Clone, Copy)]
struct Line {
    number: usize,
    start: usize,
    end: usize,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut number = 1;
    while start < text.len() {
        let nl = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let mut end = nl;
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        out.push(Line { number, start, end });
        number += 1;
        start = nl + 1;
    }
    out
}

fn number(digits: usize) -> impl Fn(&str) -> IResult<&str, u64> {
    move |i| {
        map_res(
            take_while_m_n(digits, if digits == 1 { 9 } else { digits }, |c: char| {
                c.is_ascii_digit()
            }),
            str::parse::<u64>,
        )
        .parse(i)
    }
}

/// `hh:mm:ss,mmm` (SRT; a period is accepted for the comma) or `[hh:]mm:ss.mmm` (WebVTT),
/// in milliseconds.
fn timestamp(dialect: Dialect) -> impl Fn(&str) -> IResult<&str, u64> {
    move |i| {
        let (i, first) = number(1).parse(i)?;
        let (i, _) = char(':').parse(i)?;
        let (i, second) = number(2).parse(i)?;
        let (i, third) = opt((char(':'), number(2))).parse(i)?;
        let (i, _) = match dialect {
            Dialect::Srt => alt((char(','), char('.'))).parse(i)?,
            Dialect::Vtt => char('.').parse(i)?,
        };
        let (i, millis) = number(3).parse(i)?;
        let (h, m, s) = match third {
            Some((_, s)) => (first, second, s),
            None if dialect == Dialect::Vtt => (0, first, second),
            None => {
                return Err(nom::Err::Error(nom::error::Error::new(
                    i,
                    nom::error::ErrorKind::Digit,
                )));
            }
        };
        if m > 59 || s > 59 {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
        Ok((i, ((h * 60 + m) * 60 + s) * 1000 + millis))
    }
}

/// `start --> end`, then cue settings (WebVTT) or coordinates (some SRT files), ignored.
fn timing(dialect: Dialect) -> impl Fn(&str) -> IResult<&str, (u64, u64)> {
    move |i| {
        let (i, (_, start, _, _, _, end, _)) = all_consuming((
            space0,
            timestamp(dialect),
            space1,
            tag("-->"),
            space1,
            timestamp(dialect),
            opt((space1, rest)),
        ))
        .parse(i.trim_end())?;
        Ok((i, (start, end)))
    }
}

fn cue_number(i: &str) -> IResult<&str, &str> {
    all_consuming(take_while1(|c: char| c.is_ascii_digit())).parse(i.trim())
}

fn example(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Srt => "`00:00:01,000 --> 00:00:04,000`",
        Dialect::Vtt => "`00:01.000 --> 00:04.000`",
    }
}

fn shown(line: &str) -> String {
    let s: String = line.chars().take(40).collect();
    if s.len() < line.len() {
        format!("{s}…")
    } else {
        s
    }
}

pub fn parse_srt(text: &str) -> Result<Parsed, Malformed> {
    parse(text, Dialect::Srt)
}

pub fn parse_vtt(text: &str) -> Result<Parsed, Malformed> {
    parse(text, Dialect::Vtt)
}

fn parse(text: &str, dialect: Dialect) -> Result<Parsed, Malformed> {
    let lines = lines(text);
    let mut builder = Builder {
        text,
        mask: crate::document::blank(text),
        segments: Vec::new(),
        speaker: None,
    };
    let blank = |l: &Line| text[l.start..l.end].trim().is_empty();
    let mut k = 0;
    if dialect == Dialect::Vtt {
        let first = lines.first().map_or("", |l| &text[l.start..l.end]);
        let rest = first.strip_prefix("WEBVTT");
        if !rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t'])) {
            return Err(Malformed {
                line: 1,
                what: format!(
                    "a WebVTT file starts with `WEBVTT`, found `{}`",
                    shown(first)
                ),
            });
        }
        // The header block runs to the first blank line.
        while k < lines.len() && !blank(&lines[k]) {
            k += 1;
        }
    }
    loop {
        while k < lines.len() && blank(&lines[k]) {
            k += 1;
        }
        let Some(line) = lines.get(k) else { break };
        let content = &text[line.start..line.end];
        let block_end = (k..lines.len())
            .find(|&j| blank(&lines[j]))
            .unwrap_or(lines.len());
        if dialect == Dialect::Vtt
            && ["NOTE", "STYLE", "REGION"].iter().any(|w| {
                content
                    .strip_prefix(w)
                    .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
            })
        {
            k = block_end;
            continue;
        }
        // An identifier (SRT: a number) may come before the timing line.
        let has_id = !content.contains("-->");
        if has_id && dialect == Dialect::Srt && cue_number(content).is_err() {
            return Err(Malformed {
                line: line.number,
                what: format!(
                    "expected a cue number or a timing line, found `{}`",
                    shown(content)
                ),
            });
        }
        let timing_at = if has_id { k + 1 } else { k };
        let Some(tline) = lines.get(timing_at).filter(|_| timing_at < block_end) else {
            return Err(Malformed {
                line: line.number + usize::from(has_id),
                what: format!("expected a timing line like {}", example(dialect)),
            });
        };
        let tcontent = &text[tline.start..tline.end];
        let (start_ms, end_ms) = match timing(dialect).parse(tcontent) {
            Ok((_, t)) => t,
            Err(_) => {
                return Err(Malformed {
                    line: tline.number,
                    what: format!(
                        "expected a timing line like {}, found `{}`",
                        example(dialect),
                        shown(tcontent)
                    ),
                });
            }
        };
        if end_ms < start_ms {
            return Err(Malformed {
                line: tline.number,
                what: "the cue ends before it starts".to_string(),
            });
        }
        let cue = Cue { start_ms, end_ms };
        for payload in &lines[timing_at + 1..block_end] {
            builder.line(*payload, cue, dialect);
        }
        k = block_end;
    }
    Ok(Parsed {
        mask: crate::document::into_string(builder.mask),
        segments: builder.segments,
    })
}

struct Builder<'t> {
    text: &'t str,
    mask: Vec<u8>,
    segments: Vec<Segment>,
    speaker: Option<String>,
}

impl Builder<'_> {
    /// Starts a segment at `at` (in the current cue) unless one is open with the same cue
    /// and speaker.
    fn open(&mut self, at: usize, cue: Cue) {
        if let Some(last) = self.segments.last_mut()
            && last.cue == Some(cue)
            && last.speaker == self.speaker
        {
            return;
        }
        if let Some(last) = self.segments.last_mut()
            && last.cue == Some(cue)
        {
            last.span.end = at;
        }
        self.segments.push(Segment {
            span: Span::new(at, at),
            cue: Some(cue),
            speaker: self.speaker.clone(),
        });
    }

    /// Copies a payload line's text into the mask, tags blanked, reading voice tags and
    /// labels.
    fn line(&mut self, line: Line, cue: Cue, dialect: Dialect) {
        let s = &self.text[line.start..line.end];
        // A label opens the line, after any leading tags (`<v A><i>PESKOV: …`).
        let lead = leading_tags(s);
        self.read_voices(&s[..lead]);
        let mut from = lead;
        if let Some(label) = line_label(&s[lead..]) {
            self.speaker = label.name;
            from = lead + label.len;
        }
        self.open(line.start + from, cue);
        let bytes = s.as_bytes();
        let mut i = from;
        let mut run = from;
        while i < bytes.len() {
            let close = match bytes[i] {
                b'<' => '>',
                b'{' if dialect == Dialect::Srt => '}',
                b'&' => ';',
                _ => {
                    i += 1;
                    continue;
                }
            };
            // An unclosed `<` or a lone `&` is text.
            let Some(len) = s[i..].find(close).filter(|&n| bytes[i] != b'&' || n <= 10) else {
                i += 1;
                continue;
            };
            self.copy(line.start + run, line.start + i);
            if bytes[i] == b'<'
                && let Some(name) = voice(&s[i + 1..i + len])
            {
                self.speaker = Some(name);
                self.open(line.start + i + len + 1, cue);
            }
            i += len + 1;
            run = i;
        }
        self.copy(line.start + run, line.start + bytes.len());
        if let Some(last) = self.segments.last_mut() {
            last.span.end = line.end.max(last.span.start);
        }
    }

    /// Reads the voice tags among the tags that open a line.
    fn read_voices(&mut self, tags: &str) {
        let mut rest = tags;
        while let Some(open) = rest.find('<') {
            let Some(len) = rest[open..].find('>') else {
                break;
            };
            if let Some(name) = voice(&rest[open + 1..open + len]) {
                self.speaker = Some(name);
            }
            rest = &rest[open + len + 1..];
        }
    }

    fn copy(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        self.mask[from..to].copy_from_slice(&self.text.as_bytes()[from..to]);
    }
}

/// The bytes of the tags (and spaces) that open a line.
fn leading_tags(s: &str) -> usize {
    let mut i = 0;
    loop {
        let t = s[i..].trim_start_matches(' ');
        i = s.len() - t.len();
        if t.starts_with('<')
            && let Some(len) = t.find('>')
        {
            i += len + 1;
            continue;
        }
        return i;
    }
}

/// The name of a WebVTT voice tag: `v Dmitri Peskov`, `v.loud Dmitri Peskov`.
fn voice(tag: &str) -> Option<String> {
    let rest = tag.strip_prefix('v')?;
    let rest = match rest.strip_prefix('.') {
        Some(classes) => classes.split_once(' ').map(|(_, n)| n)?,
        None => rest.strip_prefix([' ', '\t'])?,
    };
    let name = rest.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spoken(p: &Parsed) -> Vec<(String, Option<String>, u64)> {
        p.segments
            .iter()
            .map(|s| {
                (
                    p.mask[s.span.start..s.span.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    s.speaker.clone(),
                    s.cue.map_or(0, |c| c.start_ms),
                )
            })
            .collect()
    }

    #[test]
    fn srt_cues_labels_and_tags() {
        let text = "1\n00:00:01,000 --> 00:00:03,500\nPESKOV: Nous <i>verrons</i>\nbien.\n\n2\n00:00:04,000 --> 00:00:05,000\nLa suite.";
        let p = parse_srt(text).unwrap();
        assert_eq!(
            spoken(&p),
            [
                ("Nous verrons bien.".into(), Some("PESKOV".into()), 1000),
                ("La suite.".into(), Some("PESKOV".into()), 4000),
            ]
        );
        assert_eq!(p.mask.len(), text.len());
    }

    #[test]
    fn srt_with_bom_and_crlf() {
        let text = "\u{feff}1\r\n00:00:01,000 --> 00:00:02,000\r\nOui.\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nNon.\r\n";
        let p = parse_srt(text).unwrap();
        assert_eq!(p.segments.len(), 2);
        assert!(!p.mask.contains('\r'));
        assert_eq!(spoken(&p)[1].0, "Non.");
    }

    #[test]
    fn malformed_srt_names_the_line() {
        let e = parse_srt("1\n00:00:01,000 -> 00:00:02,000\nOui.\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.what.contains("timing line"), "{}", e.what);
        let e = parse_srt("Bonjour\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse_srt("1\n00:00:05,000 --> 00:00:02,000\nOui.\n").unwrap_err();
        assert_eq!(
            (e.line, e.what.as_str()),
            (2, "the cue ends before it starts")
        );
        let e = parse_srt("1\n00:00:61,000 --> 00:01:02,000\nOui.\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse_srt("1\n\n").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn vtt_voices_notes_and_short_timestamps() {
        let text = "WEBVTT - interview\n\nNOTE relu par la rédaction\n\nintro\n00:01.000 --> 00:04.000 align:start\n<v Dmitri Peskov>Nous ne <b>céderons</b> pas.</v>\n\n00:00:04.000 --> 00:00:06.000\n<v.calme Anna Roux>Et ensuite&nbsp;?\n";
        let p = parse_vtt(text).unwrap();
        assert_eq!(
            spoken(&p),
            [
                (
                    "Nous ne céderons pas.".into(),
                    Some("Dmitri Peskov".into()),
                    1000
                ),
                ("Et ensuite ?".into(), Some("Anna Roux".into()), 4000),
            ]
        );
    }

    #[test]
    fn vtt_with_bom_crlf_and_no_final_newline() {
        let text = "\u{feff}WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nPESKOV : Oui.\r\n\r\n00:02.000 --> 00:03.500\r\nNon.";
        let p = parse_vtt(text).unwrap();
        assert_eq!(
            spoken(&p),
            [
                ("Oui.".into(), Some("PESKOV".into()), 1000),
                ("Non.".into(), Some("PESKOV".into()), 2000),
            ]
        );
        assert!(!p.mask.contains('\r'));
    }

    #[test]
    fn two_voices_in_one_cue() {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A B>Oui ? <v C D>Non.";
        let p = parse_vtt(text).unwrap();
        let s = spoken(&p);
        assert_eq!(s[0], ("Oui ?".into(), Some("A B".into()), 1000));
        assert_eq!(s[1], ("Non.".into(), Some("C D".into()), 1000));
    }

    #[test]
    fn malformed_vtt() {
        let e = parse_vtt("WEBVTX\n\n00:01.000 --> 00:02.000\nOui\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse_vtt("WEBVTT\n\n00:01,000 --> 00:02.000\nOui\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse_vtt("").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse_vtt("WEBVTT\n\nid-1\nOui\n").unwrap_err();
        assert_eq!(e.line, 4);
    }
}
