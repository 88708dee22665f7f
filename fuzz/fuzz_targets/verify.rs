//! `attrib verify ARTICLE --source T`: the input split at the first 0xFF byte (or the
//! middle) into an article (Markdown) and a transcript, which is parsed as SRT, WebVTT,
//! plain text, Markdown and HTML; the quotes are verified against all that parse, and the
//! report rendered.
#![no_main]

use std::path::Path;

use attrib::Format;
use attrib::verify::{self, SourceText};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (article, transcript) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let Ok(a) = attrib::analyze(Path::new("a.md"), article.to_vec(), Format::Markdown) else {
        return;
    };
    let mut sources = Vec::new();
    for name in ["t.srt", "t.vtt", "t.txt", "t.md", "t.html"] {
        if let Ok(s) = SourceText::parse(Path::new(name), transcript.to_vec()) {
            assert_eq!(s.mask.len(), s.text.len(), "{name}: mask length");
            sources.push(s);
        }
    }
    let report = verify::verify("a.md", &a, &sources);
    let mut out = Vec::new();
    verify::render::human(&report, &mut out).unwrap();
    verify::render::json(&report, &mut out).unwrap();
});
