//! `--format sarif`: SARIF 2.1.0, the format GitHub code scanning and most CI dashboards
//! read. One run; the driver lists every rule with its help text and default level; each
//! result has a physical location (columns in Unicode code points) and a partial
//! fingerprint from the flagged text, so results track across edits like the baseline.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::baseline::fingerprint;
use crate::rules::{RULES, Severity};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: forward slashes, reserved characters escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// The results of a run, gathered file by file (findings only, not whole analyses), then
/// written as one SARIF document.
#[derive(Default)]
pub struct Sarif {
    results: Vec<Value>,
}

impl Sarif {
    pub fn add(&mut self, path: &str, a: &Analysis) {
        let doc = &a.document;
        for f in &a.findings {
            let loc = doc.lines.locate(&doc.text, f.span);
            let index = RULES.iter().position(|r| r.id == f.rule).unwrap_or(0);
            self.results.push(json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(path)},
                        "region": {
                            "startLine": loc.line,
                            "startColumn": loc.column,
                            "endLine": loc.end_line,
                            "endColumn": loc.end_column,
                            "snippet": {"text": &doc.text[f.span.start..f.span.end]},
                        }
                    }
                }],
                "partialFingerprints": {"attribText/v1": fingerprint(a, f)},
            }));
        }
    }

    pub fn render(self, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<Value> = RULES
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "shortDescription": {"text": r.description},
                    "fullDescription": {"text": r.description},
                    "help": {"text": format!("{} See the attrib README, section Rules.", r.description)},
                    "defaultConfiguration": {"level": level(r.severity)},
                })
            })
            .collect();
        let sarif = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "attrib", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }]
        });
        super::json::write_pretty(&sarif, out, 0)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_escaped_references() {
        assert_eq!(
            uri("dossiers/été 2026.md"),
            "dossiers/%C3%A9t%C3%A9%202026.md"
        );
        assert_eq!(uri("a\\b.md"), "a/b.md");
    }
}
