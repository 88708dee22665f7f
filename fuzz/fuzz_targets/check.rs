//! `attrib check` on one file: any bytes, the format picked by the first byte.
//!
//! Errors (invalid UTF-8) are fine; panics, hangs and blowups are not. Cheap invariants
//! are asserted: spans on char boundaries inside the text, quotes in order and disjoint.
#![no_main]

use std::path::Path;

use attrib::Format;
use attrib::report::{FileReport, Report};
use attrib::source::Span;
use libfuzzer_sys::fuzz_target;

fn sound(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (name, format) = match selector % 3 {
        0 => ("a.md", Format::Markdown),
        1 => ("a.txt", Format::PlainText),
        _ => ("a.html", Format::Html),
    };
    let Ok(a) = attrib::analyze(Path::new(name), rest.to_vec(), format) else {
        return;
    };
    let text = &a.document.text;
    let mut last_end = 0;
    for q in &a.quotes {
        sound(text, q.span, "quote");
        assert!(q.span.start >= last_end, "quotes overlap at {:?}", q.span);
        last_end = q.span.end;
        if let Some(s) = &q.speaker {
            sound(text, s.span, "speaker");
        }
    }
    for f in &a.findings {
        sound(text, f.span, "finding");
    }
    for at in &a.attributions {
        sound(text, at.cue_span, "cue");
        sound(text, at.source.span, "source");
        sound(text, at.content, "content");
    }
    for c in &a.claims {
        sound(text, c.span, "claim");
    }
    for b in &a.document.blocks {
        sound(text, b.span, "block");
    }

    let report = Report::new(vec![FileReport::from_analysis(name.to_string(), &a)]);
    let mut out = Vec::new();
    attrib::render::json::render(&report, &mut out).unwrap();
    attrib::render::json::render_line(&report.files[0], &mut out).unwrap();
    out.clear();
    attrib::render::human::render_file(name, &a, &mut out, false).unwrap();
    attrib::render::concise::render_file(name, &a, &mut out).unwrap();
    attrib::render::github::render_file(name, &a, &mut out).unwrap();
});
