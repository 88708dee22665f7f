//! Errors the library reports. Each names the file, so the command line can print it as is.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: is a directory, not a file", path.display())]
    IsDirectory { path: PathBuf },
    #[error("{}: {size} bytes, over the limit of {limit} bytes (--max-file-size)", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// Standard input or a pipe, whose size is known only once read: reading stops at
    /// the limit.
    #[error("{}: over the limit of {limit} bytes (--max-file-size)", path.display())]
    StreamTooLarge { path: PathBuf, limit: u64 },
    /// A NUL byte near the start: an image, an archive, a compiled file or a UTF-16 export,
    /// not UTF-8 text.
    #[error("{}: binary content (a NUL byte at byte {offset}), not UTF-8 text", path.display())]
    Binary { path: PathBuf, offset: usize },
    #[error("{}:{line}: invalid UTF-8 at byte {offset}", path.display())]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
    },
}

pub type Result<T> = std::result::Result<T, Error>;
