//! The golden-file harness shared by the check, diff and verify golden tests: case
//! discovery, blessing (`GOLDEN_BLESS=1`, refused when `CI` is set), `GOLDEN_FILTER`, and
//! comparison with a unified diff of every mismatch.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// The case directories under `dir` (relative to the crate), sorted; none if it is absent.
pub fn cases_in(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    if !root.is_dir() {
        return Vec::new();
    }
    let mut out: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// The directory name of a case.
pub fn name_of(case: &Path) -> String {
    case.file_name().unwrap().to_string_lossy().to_string()
}

/// One golden run: collects mismatches so that every one is shown, not just the first.
pub struct Golden {
    pub bless: bool,
    filter: String,
    pub checked: usize,
    failures: Vec<String>,
}

impl Golden {
    pub fn from_env() -> Golden {
        let bless = std::env::var_os("GOLDEN_BLESS").is_some();
        assert!(
            !(bless && std::env::var_os("CI").is_some()),
            "GOLDEN_BLESS is refused in CI"
        );
        Golden {
            bless,
            filter: std::env::var("GOLDEN_FILTER").unwrap_or_default(),
            checked: 0,
            failures: Vec::new(),
        }
    }

    /// Whether `GOLDEN_FILTER` selects the case named `name`.
    pub fn selects(&self, name: &str) -> bool {
        name.contains(&self.filter)
    }

    pub fn filtered(&self) -> bool {
        !self.filter.is_empty()
    }

    /// Compares `actual` with `case/file` (line endings folded), or writes it when blessing.
    pub fn compare(&mut self, case: &Path, file: &str, actual: &str) {
        let path = case.join(file);
        if self.bless {
            fs::write(&path, actual).unwrap();
            return;
        }
        let expected = fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{}: missing {file}; bless it", case.display()));
        self.checked += 1;
        if expected.replace("\r\n", "\n") != actual {
            let diff = similar::TextDiff::from_lines(&expected, actual)
                .unified_diff()
                .header("expected", "actual")
                .to_string();
            self.failures
                .push(format!("{}/{file}:\n{diff}", name_of(case)));
        }
    }

    /// Fails with every mismatch collected; `what` names the suite in the message.
    pub fn finish(self, what: &str) {
        assert!(
            self.failures.is_empty(),
            "{} {what} mismatches:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}
