//! Which files a run checks: explicit files as given, directories walked recursively
//! for articles (`.md`, `.markdown`, `.txt`, `.html`, `.htm`), honouring `.gitignore`,
//! `.ignore` and `--exclude` globs, and `-` for standard input. The list is sorted so
//! that output is the same from run to run whatever the file system's order.

use std::io::Read;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

/// How many leading bytes are searched for a NUL to tell a binary file (as git does).
const BINARY_PROBE: usize = 8000;

/// Where a file shows itself binary: the first NUL byte among its first bytes. Text in
/// any encoding attrib reads has none; images, archives and UTF-16 exports do.
pub fn binary_offset(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE)])
}

/// Reads the file at `path` for analysis: refused (with the error saying why) when it is
/// a directory, larger than `max_bytes` or binary. The size is asked of the open file
/// and reading stops past the limit, so a file that grows meanwhile is refused too.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, crate::Error> {
    if path.is_dir() {
        return Err(crate::Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let io = |source| crate::Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > max_bytes {
        return Err(crate::Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: max_bytes,
        });
    }
    let bytes = read_limited(file, path, size, max_bytes)?;
    accept(path, bytes, max_bytes)
}

/// Reads a stream (standard input) for analysis, named `name` in errors: refused when
/// it holds more than `max_bytes` (reading stops there) or is binary.
pub fn read_stream(
    reader: impl Read,
    name: &Path,
    max_bytes: u64,
) -> Result<Vec<u8>, crate::Error> {
    let bytes = read_limited(reader, name, 0, max_bytes)?;
    accept(name, bytes, max_bytes)
}

/// Refuses bytes read from `path` by other means (a revision from git) when they are
/// over `max_bytes` or binary, as [`read_file`] would have.
pub fn accept(path: &Path, bytes: Vec<u8>, max_bytes: u64) -> Result<Vec<u8>, crate::Error> {
    let size = bytes.len() as u64;
    if size > max_bytes {
        return Err(crate::Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: max_bytes,
        });
    }
    if let Some(offset) = binary_offset(&bytes) {
        return Err(crate::Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    Ok(bytes)
}

/// At most `max_bytes` of `reader`, or [`crate::Error::StreamTooLarge`] when more follow.
fn read_limited(
    reader: impl Read,
    path: &Path,
    size_hint: u64,
    max_bytes: u64,
) -> Result<Vec<u8>, crate::Error> {
    let mut bytes = Vec::with_capacity(usize::try_from(size_hint).unwrap_or(0));
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| crate::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(crate::Error::StreamTooLarge {
            path: path.to_path_buf(),
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// Extensions of the files a directory walk checks.
pub const ARTICLE_EXTENSIONS: [&str; 5] = ["md", "markdown", "txt", "html", "htm"];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("invalid --exclude glob {glob:?}: {message}")]
    BadGlob { glob: String, message: String },
    #[error("{}: cannot walk: {message}", path.display())]
    Walk { path: PathBuf, message: String },
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// Expands the command-line paths. Explicit files are kept whatever their extension
/// (and reported later if they cannot be read); directories contribute their articles.
pub fn expand(paths: &[PathBuf], exclude: &[String]) -> Result<Vec<Input>, InputError> {
    let mut out = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            out.push(Input::Stdin);
            continue;
        }
        if !path.is_dir() {
            out.push(Input::File(path.clone()));
            continue;
        }
        let mut overrides = OverrideBuilder::new(path);
        for glob in exclude {
            overrides
                .add(&format!("!{glob}"))
                .map_err(|e| InputError::BadGlob {
                    glob: glob.clone(),
                    message: e.to_string(),
                })?;
        }
        let overrides = overrides.build().map_err(|e| InputError::BadGlob {
            glob: exclude.join(", "),
            message: e.to_string(),
        })?;
        let walker = WalkBuilder::new(path)
            .overrides(overrides)
            .require_git(false)
            .sort_by_file_path(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            let entry = entry.map_err(|e| InputError::Walk {
                path: path.clone(),
                message: e.to_string(),
            })?;
            if entry.file_type().is_some_and(|t| t.is_file()) && is_article(entry.path()) {
                out.push(Input::File(entry.into_path()));
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_articles_sorted_and_honours_gitignore_and_excludes() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir_all(root.join("b/drafts")).unwrap();
        for f in [
            "b/z.md",
            "a.txt",
            "b/drafts/x.md",
            "b/skip.md",
            "notes.rs",
            "c.html",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "skip.md\n").unwrap();
        let got = expand(&[root.to_path_buf()], &["**/drafts/**".to_string()]).unwrap();
        let names: Vec<String> = got
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b/z.md", "c.html"]);
    }
}
