//! Words and punctuation with their byte offsets, and the normal form used for lookups.

pub mod normalize;
pub mod token;
pub mod vocabulary;
