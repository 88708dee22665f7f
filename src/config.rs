//! Configuration: `attrib.toml` or `.attrib.toml`, the nearest one walking up from each
//! checked file (or given with `--config`).
//!
//! ```toml
//! language = "fr"
//! exclude = ["archives/**"]
//!
//! [rules]
//! unattributed-claim = "error"   # error | warning | info | off
//! loaded-verb = "off"
//!
//! [vocabulary]
//! reporting_verbs = ["a tweeté", "tweete"]      # forms, like « a déclaré »
//! anonymous = ["un cadre de la rédaction"]
//! vague = ["des sources bien informées"]
//! media = ["La Gazette du Val"]                # the newsroom's own titles
//! ```
//!
//! A bad file is an error naming the file, the line and the key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::lexicon::Lexicon;
use crate::lexicon::verbs::{FormKind, VerbForm};
use crate::rules::{RULES, Severity};

pub const FILE_NAMES: [&str; 2] = ["attrib.toml", ".attrib.toml"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(default)]
    pub reporting_verbs: Vec<String>,
    #[serde(default)]
    pub anonymous: Vec<String>,
    #[serde(default)]
    pub vague: Vec<String>,
    #[serde(default)]
    pub media: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<toml::Spanned<String>>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, Level>,
    #[serde(default)]
    vocabulary: Vocabulary,
}

/// A configuration file, read and checked.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from (none for the defaults).
    pub path: Option<PathBuf>,
    pub exclude: Vec<String>,
    /// Severity overrides by rule id; `None` turns the rule off.
    pub rules: BTreeMap<String, Option<Severity>>,
    pub vocabulary: Vocabulary,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

impl Config {
    /// Reads and checks one configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let invalid = |offset: usize, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: line_of(text, offset),
            message,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            invalid(offset, e.message().to_string())
        })?;
        if let Some(lang) = &raw.language
            && lang.get_ref() != "fr"
        {
            return Err(invalid(
                lang.span().start,
                format!(
                    "language: {:?} is not supported (supported: \"fr\")",
                    lang.get_ref()
                ),
            ));
        }
        let mut rules = BTreeMap::new();
        for (key, level) in raw.rules {
            if !RULES.iter().any(|r| r.id == key.get_ref()) {
                return Err(invalid(
                    key.span().start,
                    format!(
                        "rules.{}: no such rule (run `attrib check --help` and see the README for the list)",
                        key.get_ref()
                    ),
                ));
            }
            let severity = match level {
                Level::Error => Some(Severity::Error),
                Level::Warning => Some(Severity::Warning),
                Level::Info => Some(Severity::Info),
                Level::Off => None,
            };
            rules.insert(key.into_inner(), severity);
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            exclude: raw.exclude,
            rules,
            vocabulary: raw.vocabulary,
        })
    }

    /// The nearest configuration file in `dir` or its ancestors.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
            .find(|p| p.is_file())
    }

    /// The built-in lexicon extended with this configuration's house vocabulary.
    pub fn lexicon(&self, base: &Lexicon) -> Lexicon {
        let mut lex = base.clone();
        let v = &self.vocabulary;
        for form in &v.reporting_verbs {
            lex.verbs.insert(
                form,
                VerbForm {
                    lemma: form.as_str().into(),
                    category: "NEU".into(),
                    kind: FormKind::Finite,
                },
            );
        }
        for phrase in &v.anonymous {
            lex.anonymous.insert(phrase, ());
        }
        for phrase in &v.vague {
            lex.vague.insert(phrase, ());
        }
        for name in &v.media {
            lex.media.insert(name, crate::lexicon::capitals(name));
        }
        lex
    }

    pub fn has_vocabulary(&self) -> bool {
        let v = &self.vocabulary;
        !(v.reporting_verbs.is_empty()
            && v.anonymous.is_empty()
            && v.vague.is_empty()
            && v.media.is_empty())
    }

    /// Applies the rule levels: findings of rules turned off are dropped, the others take
    /// their configured severity.
    pub fn apply(&self, findings: &mut Vec<crate::rules::Finding>) {
        if self.rules.is_empty() {
            return;
        }
        findings.retain_mut(|f| match self.rules.get(f.rule) {
            Some(Some(severity)) => {
                f.severity = *severity;
                true
            }
            Some(None) => false,
            None => true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rules_and_vocabulary() {
        let c = Config::parse(Path::new("a.toml"), "exclude = [\"x/**\"]\n[rules]\nloaded-verb = \"off\"\nunattributed-claim = \"error\"\n[vocabulary]\nmedia = [\"La Gazette du Val\"]\n").unwrap();
        assert_eq!(c.rules.get("loaded-verb"), Some(&None));
        assert_eq!(
            c.rules.get("unattributed-claim"),
            Some(&Some(Severity::Error))
        );
        assert_eq!(c.exclude, ["x/**"]);
        assert!(c.has_vocabulary());
    }

    #[test]
    fn errors_name_file_line_and_key() {
        let e = Config::parse(
            Path::new("attrib.toml"),
            "[rules]\n\nno-such-rule = \"off\"\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string().split(": no such rule").next().unwrap(),
            "attrib.toml:3: rules.no-such-rule"
        );
        let e = Config::parse(
            Path::new("attrib.toml"),
            "[rules]\nloaded-verb = \"loud\"\n",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("attrib.toml:2: "), "{e}");
        let e = Config::parse(Path::new("attrib.toml"), "colour = 1\n").unwrap_err();
        assert!(
            e.to_string().starts_with("attrib.toml:1: ") && e.to_string().contains("colour"),
            "{e}"
        );
        let e = Config::parse(Path::new("attrib.toml"), "language = \"de\"\n").unwrap_err();
        assert!(e.to_string().starts_with("attrib.toml:1: language"), "{e}");
    }
}
