//! The pipeline for one article: document -> quotes -> sentences and speakers -> rules.

use std::path::Path;

use crate::document::{Document, Format};
use crate::error::Result;
use crate::lexicon::{FR, Lexicon};
use crate::model::{Attribution, Claim, Quote};
use crate::quotes::{Unbalanced, pair_quotes};
use crate::rules::{self, Finding};
use crate::speakers::{self, article::Article};
use crate::{attribution, claims};

/// Everything attrib found in one article.
#[derive(Debug)]
pub struct Analysis {
    pub document: Document,
    pub quotes: Vec<Quote>,
    pub attributions: Vec<Attribution>,
    pub claims: Vec<Claim>,
    pub unbalanced: Vec<Unbalanced>,
    /// Inline suppression comments, marked used once applied.
    pub suppressions: Vec<crate::suppression::Directive>,
    pub findings: Vec<Finding>,
}

/// Reads `bytes` as an article of the given format and analyses it.
pub fn analyze(path: &Path, bytes: Vec<u8>, format: Format) -> Result<Analysis> {
    analyze_with(path, bytes, format, &FR)
}

/// Like [`analyze`], with another lexicon (the built-in one extended by a configuration's
/// house vocabulary).
pub fn analyze_with(
    path: &Path,
    bytes: Vec<u8>,
    format: Format,
    lex: &Lexicon,
) -> Result<Analysis> {
    let document = Document::parse(path, bytes, format)?;
    Ok(analyze_document(document, lex))
}

pub fn analyze_document(document: Document, lex: &Lexicon) -> Analysis {
    let (spans, unbalanced) = pair_quotes(&document.prose, &document.blocks);
    let (quotes, attributions, claims) = {
        let article = Article::new(&document, lex, &spans);
        let quotes = speakers::attribute(&article, &spans);
        let sourcing = attribution::attribute(&article, &quotes);
        let claims = claims::detect(&article, &sourcing, &quotes);
        (quotes, sourcing.attributions, claims)
    };
    let mut analysis = Analysis {
        document,
        quotes,
        attributions,
        claims,
        unbalanced,
        suppressions: Vec::new(),
        findings: Vec::new(),
    };
    analysis.suppressions = crate::suppression::directives(&analysis.document);
    analysis.findings = rules::check(&mut analysis);
    analysis
}

/// Analyses Markdown text (for tests and embedding).
pub fn analyze_text(text: &str) -> Analysis {
    match analyze(
        Path::new("<text>"),
        text.as_bytes().to_vec(),
        Format::Markdown,
    ) {
        Ok(a) => a,
        Err(_) => unreachable!("a &str is valid UTF-8"),
    }
}
