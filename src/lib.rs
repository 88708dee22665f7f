//! # attrib
//!
//! A checker for source attribution and quotations in news articles (French first).
//!
//! The pipeline, one module per stage:
//! [`document`] (bytes to prose blocks) → [`quotes`] (marks paired into quotations) →
//! [`sentences`] → [`speakers`] (who said each quote) → [`rules`] (findings) →
//! [`report`] (the JSON contract) → [`render`] (human and JSON output).
//! Language data lives in `grammar/` and is compiled in by [`lexicon`].

pub mod analysis;
pub mod attribution;
pub mod baseline;
pub mod claims;
pub mod config;
pub mod diff;
pub mod document;
pub mod error;
pub mod inputs;
pub mod lexicon;
pub mod model;
pub mod quotes;
pub mod render;
pub mod report;
pub mod rules;
pub mod sentences;
pub mod source;
pub mod speakers;
pub mod suppression;
pub mod text;
pub mod verify;

pub use analysis::{Analysis, analyze, analyze_text};
pub use document::Format;
pub use error::{Error, Result};
