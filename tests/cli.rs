//! End-to-end tests of the `attrib` binary: exit codes, input errors, formats, colour.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn attrib(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attrib"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("attrib runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

const GOOD: &str = "« Nous partirons demain », a déclaré Marie Durand.\n";
const NO_SPEAKER: &str = "La réunion a duré. « Nous ne céderons rien sur ce point. »\n";
const UNBALANCED: &str = "Il a dit « oui sans fin.\n";

#[test]
fn clean_article_exits_zero() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", GOOD.as_bytes());
    let out = attrib(&["check", &p], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Marie Durand"));
}

#[test]
fn fail_level_decides_exit_code() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", NO_SPEAKER.as_bytes());
    assert_eq!(attrib(&["check", &p], None).status.code(), Some(0));
    assert_eq!(
        attrib(&["check", "--fail-level", "warning", &p], None)
            .status
            .code(),
        Some(1)
    );
    let u = write(&d, "u.md", UNBALANCED.as_bytes());
    assert_eq!(attrib(&["check", &u], None).status.code(), Some(1));
    assert_eq!(
        attrib(&["check", "--fail-level", "never", &u], None)
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn input_errors_exit_two_and_other_files_are_still_checked() {
    let d = tempfile::tempdir().unwrap();
    let good = write(&d, "good.md", GOOD.as_bytes());
    let bad = write(&d, "bad.md", b"ok\n\xC3\x28 here");
    let missing = d.path().join("missing.md").display().to_string();
    let dir = d.path().display().to_string();
    let out = attrib(
        &["check", "--format", "json", &bad, &missing, &dir, &good],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{bad}:2: invalid UTF-8 at byte 3")),
        "{err}"
    );
    assert!(err.contains(&format!("{missing}: cannot read")), "{err}");
    assert!(err.contains(&format!("{dir}: is a directory")), "{err}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"].as_array().unwrap().len(), 1);
    assert_eq!(
        report["files"][0]["quotes"][0]["speaker"]["name"],
        "Marie Durand"
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let out = attrib(&["check", "--format", "json", "-"], Some(GOOD.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files"][0]["path"], "-");
    assert_eq!(report["version"], 1);
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(attrib(&["check"], None).status.code(), Some(2));
    assert_eq!(
        attrib(&["check", "--format", "xml", "x.md"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(attrib(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn colour_follows_flag_and_no_color() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", NO_SPEAKER.as_bytes());
    let always = attrib(&["check", "--color", "always", &p], None);
    assert!(String::from_utf8_lossy(&always.stdout).contains('\u{1b}'));
    let never = attrib(&["check", "--color", "never", &p], None);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\u{1b}'));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_attrib"));
    let out = cmd
        .args(["check", &p])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn human_report_points_at_line_and_column() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        &d,
        "a.md",
        "Titre\r\n\r\nÉté. « Rien ne va plus ici. »\r\n".as_bytes(),
    );
    let out = attrib(&["check", "--color", "never", &p], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("{p}:3:6")), "{text}");
    assert!(text.contains("warning[quote-without-speaker]"), "{text}");
}

#[test]
fn same_input_same_output() {
    let d = tempfile::tempdir().unwrap();
    let p = write(&d, "a.md", NO_SPEAKER.as_bytes());
    let a = attrib(&["check", "--format", "json", &p], None).stdout;
    let b = attrib(&["check", "--format", "json", &p], None).stdout;
    assert_eq!(a, b);
}
