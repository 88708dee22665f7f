//! Quotations: finding the marks, pairing them, and deciding what each quote is.

pub mod kind;
pub mod marks;
pub mod pairing;

pub use pairing::{MarkProblem, QuoteSpan, Unbalanced, pair_quotes};
