//! The JSON report is a public contract: every report attrib prints must validate against
//! `schema/report.schema.json`, and the schema must reject what the contract forbids.

use std::fs;
use std::path::Path;
use std::process::Command;

fn validator() -> jsonschema::Validator {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("schema/report.schema.json")).unwrap())
            .unwrap();
    jsonschema::validator_for(&schema).expect("the schema itself is valid")
}

fn assert_valid(v: &jsonschema::Validator, report: &serde_json::Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

#[test]
fn golden_reports_validate() {
    let v = validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden/check");
    let mut n = 0;
    for entry in fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path().join("expected.json");
        if let Ok(text) = fs::read_to_string(&path) {
            assert_valid(
                &v,
                &serde_json::from_str(&text).unwrap(),
                &path.display().to_string(),
            );
            n += 1;
        }
    }
    assert!(n > 10, "only {n} golden reports");
}

#[test]
fn live_report_of_the_example_validates() {
    let out = Command::new(env!("CARGO_BIN_EXE_attrib"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json", "examples/article.md"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!report["files"][0]["quotes"].as_array().unwrap().is_empty());
    assert_valid(&validator(), &report, "examples/article.md");
}

#[test]
fn schema_rejects_contract_violations() {
    let v = validator();
    let good: serde_json::Value = serde_json::json!({
        "version": 1, "tool": {"name": "attrib", "version": "0"},
        "files": [{"path": "a.md", "language": "fr", "quotes": [], "attributions": [], "claims": [], "findings": [],
                   "summary": {"quotes": 0, "quotes_with_speaker": 0,
                               "claims": {"total": 0, "attributed": 0, "anonymous": 0, "vague": 0, "unattributed": 0},
                               "findings": {"error": 0, "warning": 0, "info": 0}}}]
    });
    assert!(v.is_valid(&good));
    let mut bad = good.clone();
    bad["version"] = 2.into();
    assert!(!v.is_valid(&bad));
    let mut bad = good.clone();
    bad["files"][0]["quotes"] = serde_json::json!([{"id": "q1", "text": "x", "kind": "quote", "span": {}, "speaker": null}]);
    assert!(!v.is_valid(&bad));
}

#[test]
fn live_diff_report_validates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("schema/diff.schema.json")).unwrap())
            .unwrap();
    let v = jsonschema::validator_for(&schema).expect("the diff schema is valid");
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("old.md"), "« Nous restons déterminés face à la crise », a déclaré Marie Durand.\n\nSelon la préfecture, l'incendie a détruit 300 hectares.\n").unwrap();
    fs::write(d.path().join("new.md"), "« Nous restons résolus face à la crise », a déclaré Paul Roux.\n\nL'incendie a détruit 300 hectares.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_attrib"))
        .current_dir(d.path())
        .args(["diff", "--format", "json", "old.md", "new.md"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report["files"][0]["changes"].as_array().unwrap().len() >= 3);
    assert_valid(&v, &report, "attrib diff");
}
