//! The JSON writer of `check` (`render::json::render_file`, `render_line_into`) writes the
//! report's types directly, not through serde; their `#[derive(Serialize)]` stays the
//! reference. Here its bytes are compared with serde_json's, pretty at several depths and
//! compact, over every article of the golden cases and of `eval/fr-dev`; the articles are
//! checked to give every optional field both ways and every list both empty and not, so
//! that a field the writer forgot, or a serde attribute it does not mirror, shows.
//! `tests/properties.rs` makes the same comparison on generated documents.

use std::fs;
use std::path::{Path, PathBuf};

use attrib::report::FileReport;
use attrib::{Format, analyze};

/// Article files under `dir` (relative to the crate), recursively, sorted.
fn articles_in(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path
                .extension()
                .is_some_and(|e| ["md", "txt", "html"].iter().any(|x| e == *x))
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    out.sort();
    out
}

/// `file` as serde_json writes it through the derive: pretty `level` levels deep, and on
/// one line.
fn by_serde(file: &FileReport, level: usize) -> (Vec<u8>, Vec<u8>) {
    let mut pretty = Vec::new();
    attrib::render::json::write_pretty(file, &mut pretty, level).unwrap();
    let mut line = serde_json::to_vec(file).unwrap();
    line.push(b'\n');
    (pretty, line)
}

/// Compares the writer with serde_json on `file`, at the depths of a report on its own,
/// in the `--format json` document, and deeper than the writer's indentation in one piece.
fn assert_same_bytes(file: &FileReport, what: &str) {
    for level in [0, 1, 2, 3, 17, 40] {
        let (pretty, line) = by_serde(file, level);
        let mut ours = Vec::new();
        attrib::render::json::write_file_pretty(file, &mut ours, level).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&pretty),
            "{what}, pretty at level {level}"
        );
        let mut ours = Vec::new();
        attrib::render::json::render_line_into(file, &mut ours).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&line),
            "{what}, compact"
        );
    }
    let mut ours = Vec::new();
    attrib::render::json::write_file_pretty(file, &mut ours, 0).unwrap();
    assert_eq!(
        ours,
        serde_json::to_vec_pretty(file).unwrap(),
        "{what}, as serde_json's own pretty printer"
    );
}

/// Which shapes of the report the articles gave: each must have been seen for the
/// comparison to cover every field.
#[derive(Default, Debug)]
struct Seen {
    speaker: [bool; 2],
    lemma: [bool; 2],
    claim_source: [bool; 2],
    subject: [bool; 2],
    quotes: [bool; 2],
    attributions: [bool; 2],
    claims: [bool; 2],
    findings: [bool; 2],
    signals: [bool; 2],
}

impl Seen {
    fn note(&mut self, f: &FileReport) {
        let mark = |seen: &mut [bool; 2], present: bool| seen[usize::from(present)] = true;
        mark(&mut self.quotes, !f.quotes.is_empty());
        mark(&mut self.attributions, !f.attributions.is_empty());
        mark(&mut self.claims, !f.claims.is_empty());
        mark(&mut self.findings, !f.findings.is_empty());
        for q in &f.quotes {
            mark(&mut self.speaker, q.speaker.is_some());
        }
        for a in &f.attributions {
            mark(&mut self.lemma, a.cue.lemma.is_some());
        }
        for c in &f.claims {
            mark(&mut self.claim_source, c.source.is_some());
            mark(&mut self.signals, !c.signals.is_empty());
        }
        for x in &f.findings {
            mark(&mut self.subject, x.subject.is_some());
        }
    }

    fn all(&self) -> bool {
        [
            self.speaker,
            self.lemma,
            self.claim_source,
            self.subject,
            self.quotes,
            self.attributions,
            self.claims,
            self.findings,
            self.signals,
        ]
        .iter()
        .all(|s| s[0] && s[1])
    }
}

#[test]
fn the_writer_writes_serde_jsons_bytes_for_every_article() {
    let mut seen = Seen::default();
    let mut checked = 0;
    for dir in ["golden", "eval/fr-dev"] {
        for path in articles_in(dir) {
            let bytes = fs::read(&path).unwrap();
            let Ok(a) = analyze(&path, bytes, Format::from_path(&path)) else {
                continue;
            };
            let name = path.display().to_string();
            let borrowed = FileReport::borrowed(&name, &a);
            seen.note(&borrowed);
            assert_same_bytes(&borrowed, &name);
            assert_same_bytes(&FileReport::from_analysis(name.clone(), &a), &name);
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} articles");
    assert!(
        seen.all(),
        "the articles leave a shape of the report untried: {seen:?}"
    );
}

#[test]
fn the_writer_escapes_strings_as_serde_json_does() {
    // Every character JSON escapes, and some it does not, in the texts and the path.
    let text = "« Il a dit \"non\" \\ \u{1}\u{1f}\u{7f}\t\r\n », a déclaré \u{2028}Jean Dupont.\n\nSelon la police, il aurait 3\u{a0}ans.";
    let a = attrib::analyze_text(text);
    let report = FileReport::from_analysis("dir\\\"a\"\n.md".into(), &a);
    assert!(!report.quotes.is_empty());
    assert_same_bytes(&report, "escapes");
}
