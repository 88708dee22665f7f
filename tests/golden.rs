//! Golden reports: every case under `golden/check/` is an article written for one
//! behaviour, with the reports attrib must print for it.
//!
//! Each case directory holds `input.md` (or `input.txt`), `expected.json` (the JSON
//! report) and `expected.txt` (the human report, no colour). The test runs the real binary
//! in the case directory, so paths in the output are just `input.md`. To accept an
//! intended change, re-bless: `GOLDEN_BLESS=1 cargo test --test golden` (refused when `CI`
//! is set), then review `git diff golden/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{Golden, cases_in, name_of};

fn cases() -> Vec<PathBuf> {
    cases_in("golden/check")
}

fn input_of(case: &Path) -> String {
    ["input.md", "input.txt"]
        .into_iter()
        .find(|n| case.join(n).exists())
        .unwrap_or_else(|| panic!("{}: no input.md or input.txt", case.display()))
        .to_string()
}

fn run(case: &Path, input: &str, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_attrib"))
        .current_dir(case)
        .args([
            "check",
            "--isolated",
            "--color",
            "never",
            "--fail-level",
            "never",
            "--format",
            format,
            input,
        ])
        .output()
        .expect("attrib runs");
    assert!(
        out.status.success(),
        "{}: exit {:?}\n{}",
        case.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
}

#[test]
fn golden_reports_match() {
    let mut golden = Golden::from_env();
    for case in cases() {
        if !golden.selects(&name_of(&case)) {
            continue;
        }
        let input = input_of(&case);
        for (format, file) in [("json", "expected.json"), ("human", "expected.txt")] {
            golden.compare(&case, file, &run(&case, &input, format));
        }
    }
    assert!(
        golden.bless || golden.checked > 0 || golden.filtered(),
        "no golden case found"
    );
    golden.finish("golden");
}

/// Every expected JSON report validates against the published schema's required fields
/// and deserializes into the documented shape (field drift fails here).
#[test]
fn golden_json_follows_the_contract() {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Report {
        version: u32,
        tool: Tool,
        files: Vec<File>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Tool {
        name: String,
        version: String,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct File {
        path: String,
        language: String,
        quotes: Vec<Quote>,
        attributions: Vec<serde_json::Value>,
        claims: Vec<serde_json::Value>,
        findings: Vec<Finding>,
        summary: serde_json::Value,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Span {
        start: usize,
        end: usize,
        line: usize,
        column: usize,
        end_line: usize,
        end_column: usize,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Quote {
        id: String,
        text: String,
        kind: String,
        span: Span,
        speaker: Option<Speaker>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Speaker {
        name: String,
        kind: String,
        span: Span,
        via: String,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Finding {
        rule: String,
        severity: String,
        message: String,
        span: Span,
        subject: Option<String>,
    }

    for case in cases() {
        let path = case.join("expected.json");
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let r: Report =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(r.version, 1);
        for f in &r.files {
            for q in &f.quotes {
                assert!(["direct", "partial", "mention"].contains(&q.kind.as_str()));
                assert!(q.span.start < q.span.end);
            }
        }
    }
}

fn run_diff(case: &Path, format: &str) -> (String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_attrib"))
        .current_dir(case)
        .args([
            "diff", "--color", "never", "--format", format, "old.md", "new.md",
        ])
        .output()
        .expect("attrib runs");
    assert!(
        out.status.code() != Some(2),
        "{}: {}",
        case.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout)
        .expect("UTF-8 output")
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]");
    (text, out.status.code())
}

/// Golden revision pairs: `golden/diff/<case>/old.md` and `new.md`, with the diff
/// reports attrib must print (`expected.json`, `expected.txt`, `expected.md`).
#[test]
fn golden_diffs_match() {
    let mut golden = Golden::from_env();
    for case in cases_in("golden/diff") {
        let name = name_of(&case);
        if !golden.selects(&name) {
            continue;
        }
        for (format, file) in [
            ("json", "expected.json"),
            ("human", "expected.txt"),
            ("markdown", "expected.md"),
        ] {
            golden.compare(&case, file, &run_diff(&case, format).0);
        }
        // A case named no-change-* must report nothing.
        if name.starts_with("no-change") {
            let (json, code) = run_diff(&case, "json");
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert!(
                v["files"][0]["changes"].as_array().unwrap().is_empty(),
                "{name}: {json}"
            );
            assert_eq!(code, Some(0), "{name}");
        }
    }
    golden.finish("golden diff");
}
