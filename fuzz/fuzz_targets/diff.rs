//! `attrib diff OLD NEW`: the input split in two at the first 0xFF byte (never valid
//! UTF-8, so a free separator) or else at the middle, both halves analysed as Markdown
//! (the first byte picks another format for both), diffed and rendered.
#![no_main]

use std::path::Path;

use attrib::Format;
use attrib::diff::{self, DiffReport};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (old, new) = match rest.iter().position(|&b| b == 0xFF) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => {
            let mut mid = rest.len() / 2;
            // Split on a char boundary when the input is text.
            while mid < rest.len() && (rest[mid] & 0xC0) == 0x80 {
                mid += 1;
            }
            rest.split_at(mid)
        }
    };
    let (ext, format) = match selector % 3 {
        0 => ("md", Format::Markdown),
        1 => ("txt", Format::PlainText),
        _ => ("html", Format::Html),
    };
    let (old_path, new_path) = (format!("old.{ext}"), format!("new.{ext}"));
    let Ok(o) = attrib::analyze(Path::new(&old_path), old.to_vec(), format) else {
        return;
    };
    let Ok(n) = attrib::analyze(Path::new(&new_path), new.to_vec(), format) else {
        return;
    };
    let report = DiffReport::new(vec![diff::diff(&old_path, &o, &new_path, &n)]);
    let mut out = Vec::new();
    diff::render::human(&report, &mut out).unwrap();
    diff::render::json(&report, &mut out).unwrap();
    diff::render::markdown(&report, &mut out).unwrap();

    // A revision compared with itself has no change.
    let same = diff::diff(&new_path, &n, &new_path, &n);
    assert!(
        same.changes.is_empty(),
        "self-diff reports {:?}",
        same.changes
    );
});
