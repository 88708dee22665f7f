//! `attrib verify` end to end: the golden cases under `golden/verify/`, the JSON report
//! against `schema/verify.schema.json`, exit codes and `--fail-on`.
//!
//! Each golden case directory holds `article.md`, its sources (every other file but
//! `expected.*`, passed as `--source` in name order), `expected.json` and `expected.txt`
//! (the human report, no colour). The binary runs in the case directory, so paths in the
//! output are bare names. Re-bless after an intended change with
//! `GOLDEN_BLESS=1 cargo test --test verify` (refused when `CI` is set), then review
//! `git diff golden/`. `GOLDEN_FILTER=name` runs one case.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{Golden, cases_in, name_of};

fn attrib_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attrib"))
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("attrib runs")
}

fn cases() -> Vec<PathBuf> {
    cases_in("golden/verify")
}

fn sources_of(case: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(case)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n != "article.md" && !n.starts_with("expected."))
        .collect();
    out.sort();
    out
}

fn run(case: &Path, format: &str) -> (String, Option<i32>) {
    let mut args = vec![
        "verify".to_string(),
        "article.md".into(),
        "--color".into(),
        "never".into(),
        "--format".into(),
        format.into(),
    ];
    for s in sources_of(case) {
        args.push("--source".into());
        args.push(s);
    }
    let out = attrib_in(case, &args.iter().map(String::as_str).collect::<Vec<_>>());
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

#[test]
fn golden_verifications_match() {
    let mut golden = Golden::from_env();
    for case in cases() {
        if !golden.selects(&name_of(&case)) {
            continue;
        }
        for (format, file) in [("json", "expected.json"), ("human", "expected.txt")] {
            golden.compare(&case, file, &run(&case, format).0);
        }
    }
    assert!(
        golden.bless || golden.checked > 0 || golden.filtered(),
        "no golden case found"
    );
    golden.finish("golden verify");
}

/// Between them the golden cases give every verdict, a timestamp from each transcript
/// format and every source format.
#[test]
fn golden_cases_cover_every_verdict_and_format() {
    let mut verdicts = std::collections::BTreeSet::new();
    let mut formats = std::collections::BTreeSet::new();
    let mut timed = std::collections::BTreeSet::new();
    for case in cases() {
        let Ok(text) = fs::read_to_string(case.join("expected.json")) else {
            continue;
        };
        let r: serde_json::Value = serde_json::from_str(&text).unwrap();
        for s in r["sources"].as_array().unwrap() {
            formats.insert(s["format"].as_str().unwrap().to_string());
        }
        for q in r["quotes"].as_array().unwrap() {
            verdicts.insert(q["verdict"].as_str().unwrap().to_string());
            let m = &q["match"];
            if !m["time"].is_null() {
                let src = m["source"].as_str().unwrap();
                timed.insert(src.rsplit('.').next().unwrap().to_string());
            }
        }
    }
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        verdicts,
        set(&["altered", "exact", "misattributed", "not-found"])
    );
    assert_eq!(formats, set(&["html", "markdown", "srt", "text", "vtt"]));
    assert_eq!(timed, set(&["srt", "vtt"]));
}

fn validator() -> jsonschema::Validator {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("schema/verify.schema.json")).unwrap())
            .unwrap();
    jsonschema::validator_for(&schema).expect("the verify schema is valid")
}

fn assert_valid(v: &jsonschema::Validator, report: &serde_json::Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

#[test]
fn reports_validate_against_the_schema() {
    let v = validator();
    for case in cases() {
        let (json, _) = run(&case, "json");
        let report: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_valid(&v, &report, &case.display().to_string());
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = attrib_in(
        root,
        &[
            "verify",
            "--format",
            "json",
            "examples/verify/article.md",
            "--source",
            "examples/verify/interview.vtt",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&v, &report, "examples/verify");
    let mut bad = report.clone();
    bad["quotes"][0]["verdict"] = "maybe".into();
    assert!(!v.is_valid(&bad));
    let mut bad = report;
    bad["version"] = 2.into();
    assert!(!v.is_valid(&bad));
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let p = dir.path().join(name);
    fs::write(&p, text).unwrap();
    p.display().to_string()
}

const ARTICLE: &str = "« Nous tiendrons ce calendrier sans faute », a déclaré Marie Durand.\n";

fn code(args: &[&str]) -> (Option<i32>, String) {
    let out = attrib_in(Path::new(env!("CARGO_MANIFEST_DIR")), args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn exit_codes() {
    let d = tempfile::tempdir().unwrap();
    let a = write(&d, "a.md", ARTICLE);
    let exact = write(
        &d,
        "exact.txt",
        "Nous tiendrons ce calendrier, sans faute.\n",
    );
    let altered = write(&d, "alt.txt", "Nous tiendrons ce planning sans faute.\n");
    assert_eq!(code(&["verify", &a, "--source", &exact]).0, Some(0));
    assert_eq!(code(&["verify", &a, "--source", &altered]).0, Some(1));
    // Exact in one source is enough.
    assert_eq!(
        code(&["verify", &a, "--source", &altered, "--source", &exact]).0,
        Some(0)
    );
}

#[test]
fn fail_on_chooses_the_failing_verdicts() {
    let d = tempfile::tempdir().unwrap();
    let a = write(&d, "a.md", ARTICLE);
    let altered = write(&d, "alt.txt", "Nous tiendrons ce planning sans faute.\n");
    let other = write(
        &d,
        "other.vtt",
        "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Paul Roux>Nous tiendrons ce calendrier sans faute.\n",
    );
    let run = |extra: &[&str], src: &str| {
        let mut args = vec!["verify", a.as_str(), "--source", src];
        args.extend_from_slice(extra);
        code(&args).0
    };
    assert_eq!(run(&["--fail-on", "not-found"], &altered), Some(0));
    assert_eq!(run(&["--fail-on", "altered"], &altered), Some(1));
    assert_eq!(run(&["--fail-on", "not-found,altered"], &altered), Some(1));
    assert_eq!(run(&[], &other), Some(1));
    assert_eq!(run(&["--fail-on", "altered"], &other), Some(0));
    assert_eq!(
        run(
            &["--fail-on", "altered", "--fail-on", "misattributed"],
            &other
        ),
        Some(1)
    );
    assert_eq!(run(&["--fail-on", "exact"], &other), Some(2));
}

#[test]
fn errors_exit_two_with_file_and_line() {
    let d = tempfile::tempdir().unwrap();
    let a = write(&d, "a.md", ARTICLE);
    let bad = write(
        &d,
        "bad.srt",
        "1\n00:00:01,000 --> 00:00:02,000\nOui.\n\n2\n00:00:03 --> 00:00:04,000\nNon.\n",
    );
    let (c, err) = code(&["verify", &a, "--source", &bad]);
    assert_eq!(c, Some(2));
    assert!(
        err.contains(&format!("{bad}:6: malformed SRT: expected a timing line")),
        "{err}"
    );
    let vtt = write(&d, "bad.vtt", "00:01.000 --> 00:02.000\nOui\n");
    let (c, err) = code(&["verify", &a, "--source", &vtt]);
    assert_eq!(c, Some(2));
    assert!(err.contains(&format!("{vtt}:1: malformed WebVTT")), "{err}");
    let missing = d.path().join("missing.vtt").display().to_string();
    let (c, err) = code(&["verify", &a, "--source", &missing]);
    assert_eq!(c, Some(2));
    assert!(err.contains(&format!("{missing}: cannot read")), "{err}");
    // A transcript exported as UTF-16 (NUL bytes) is refused like a binary article.
    let utf16: String = "Nous tiendrons ce calendrier.\n"
        .chars()
        .flat_map(|c| [c, '\0'])
        .collect();
    let wide = write(&d, "wide.txt", &utf16);
    let (c, err) = code(&["verify", &a, "--source", &wide]);
    assert_eq!(c, Some(2));
    assert!(err.contains(&format!("{wide}: binary content")), "{err}");
    // Sources and the article keep to --max-file-size.
    let long = write(
        &d,
        "long.txt",
        &"Nous tiendrons ce calendrier. ".repeat(40_000),
    );
    let (c, err) = code(&["verify", &a, "--source", &long, "--max-file-size", "1"]);
    assert_eq!(c, Some(2));
    assert!(
        err.contains(&format!("{long}: ")) && err.contains("--max-file-size"),
        "{err}"
    );
    let (c, err) = code(&["verify", &long, "--source", &a, "--max-file-size", "1"]);
    assert_eq!(c, Some(2));
    assert!(err.contains("over the limit"), "{err}");
    assert_ne!(code(&["verify", &a, "--source", &long]).0, Some(2));
    // No source at all is a usage error.
    assert_eq!(code(&["verify", &a]).0, Some(2));
    let (c, _) = code(&["verify", &d.path().display().to_string(), "--source", &bad]);
    assert_eq!(c, Some(2));
}

#[test]
fn garbage_sources_never_panic() {
    let d = tempfile::tempdir().unwrap();
    let a = write(&d, "a.md", ARTICLE);
    for (name, text) in [
        ("g.srt", "\u{feff}"),
        (
            "h.srt",
            "1\n00:00:01,000 --> 00:00:02,000\n<i>&amp; {\\an8}<",
        ),
        ("i.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v>&<v.x>\n"),
        ("j.vtt", "WEBVTT"),
        ("k.html", "<p><b>« »</b></p><script>x</script>"),
        ("l.md", "[…] (…) :\n\nA B :\n"),
    ] {
        let s = write(&d, name, text);
        let (c, err) = code(&["verify", &a, "--source", &s]);
        assert!(matches!(c, Some(1) | Some(2)), "{name}: {c:?} {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}
