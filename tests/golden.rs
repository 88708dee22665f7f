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

fn cases() -> Vec<PathBuf> {
    cases_in("golden/check")
}

fn cases_in(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    if !root.is_dir() {
        return Vec::new();
    }
    let mut out: Vec<PathBuf> = fs::read_dir(&root)
        .expect("golden/check exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
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
    let bless = std::env::var_os("GOLDEN_BLESS").is_some();
    assert!(
        !(bless && std::env::var_os("CI").is_some()),
        "GOLDEN_BLESS is refused in CI"
    );
    let filter = std::env::var("GOLDEN_FILTER").unwrap_or_default();
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        if !name.contains(&filter) {
            continue;
        }
        let input = input_of(&case);
        for (format, file) in [("json", "expected.json"), ("human", "expected.txt")] {
            let actual = run(&case, &input, format);
            let path = case.join(file);
            if bless {
                fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{}: missing {file}; bless it", case.display()));
            checked += 1;
            if expected.replace("\r\n", "\n") != actual {
                let diff = similar::TextDiff::from_lines(&expected, &actual)
                    .unified_diff()
                    .header("expected", "actual")
                    .to_string();
                failures.push(format!("{name}/{file}:\n{diff}"));
            }
        }
    }
    assert!(
        bless || checked > 0 || !filter.is_empty(),
        "no golden case found"
    );
    assert!(
        failures.is_empty(),
        "{} golden mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
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
    let bless = std::env::var_os("GOLDEN_BLESS").is_some();
    assert!(
        !(bless && std::env::var_os("CI").is_some()),
        "GOLDEN_BLESS is refused in CI"
    );
    let filter = std::env::var("GOLDEN_FILTER").unwrap_or_default();
    let mut failures = Vec::new();
    for case in cases_in("golden/diff") {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        if !name.contains(&filter) {
            continue;
        }
        for (format, file) in [
            ("json", "expected.json"),
            ("human", "expected.txt"),
            ("markdown", "expected.md"),
        ] {
            let (actual, _) = run_diff(&case, format);
            let path = case.join(file);
            if bless {
                fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{}: missing {file}; bless it", case.display()));
            if expected.replace("\r\n", "\n") != actual {
                let diff = similar::TextDiff::from_lines(&expected, &actual)
                    .unified_diff()
                    .header("expected", "actual")
                    .to_string();
                failures.push(format!("{name}/{file}:\n{diff}"));
            }
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
    assert!(
        failures.is_empty(),
        "{} golden diff mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
