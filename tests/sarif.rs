//! `--format sarif` validates against the SARIF 2.1.0 JSON schema, as shipped by the
//! `serde-sarif` crate (a dev-dependency, found through `cargo metadata`).

use std::path::PathBuf;
use std::process::Command;

fn sarif_schema() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("cargo metadata JSON");
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .and_then(|p| p["manifest_path"].as_str())
        .expect("serde-sarif is a dev-dependency");
    let schema = PathBuf::from(manifest)
        .with_file_name("src")
        .join("schema.json");
    serde_json::from_str(&std::fs::read_to_string(&schema).expect("schema.json in serde-sarif"))
        .unwrap()
}

/// Replaces every string equal to `from` with `to`; returns how many.
fn repair(v: &mut serde_json::Value, from: &str, to: &str) -> usize {
    match v {
        serde_json::Value::String(s) if s == from => {
            *s = to.to_string();
            1
        }
        serde_json::Value::Array(a) => a.iter_mut().map(|x| repair(x, from, to)).sum(),
        serde_json::Value::Object(o) => o.values_mut().map(|x| repair(x, from, to)).sum(),
        _ => 0,
    }
}

#[test]
fn sarif_output_validates_against_the_2_1_0_schema() {
    let schema = sarif_schema();
    assert!(
        schema["title"]
            .as_str()
            .unwrap_or_default()
            .contains("2.1.0"),
        "{}",
        schema["title"]
    );
    // The published schema's `language` patterns are not valid regexes (an unbalanced
    // `]`), which its own meta-schema rejects; repair those patterns, leave the rest.
    let mut schema = schema;
    let repaired = repair(
        &mut schema,
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    assert!(
        repaired > 0,
        "the schema's language patterns changed: revisit this repair"
    );
    let validator = jsonschema::validator_for(&schema).expect("usable schema");
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/golden/check");
    let out = Command::new(env!("CARGO_BIN_EXE_attrib"))
        .args([
            "check",
            "--isolated",
            "--format",
            "sarif",
            "--fail-level",
            "never",
            golden,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .take(10)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() > 20, "the golden articles give findings");
    for r in results {
        assert!(r["partialFingerprints"]["attribText/v1"].is_string());
        assert!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        );
    }
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "unattributed-claim" && r["help"]["text"].is_string())
    );
}
