//! Renderers: turn a report into bytes for people (`human`) or programs (`json`).

pub mod human;
pub mod json;
