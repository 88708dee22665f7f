//! Renderers: turn a report into bytes for people (`human`, `concise`) or programs
//! (`json`, `jsonl`, `github` annotations).

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
