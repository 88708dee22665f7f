//! The article as the speaker stage sees it: tokens and sentences of every block, the
//! proper names it mentions, and lookups between byte offsets and tokens.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::document::{BlockKind, Document};
use crate::lexicon::{Lexicon, WordClass};
use crate::model::SourceKind;
use crate::quotes::QuoteSpan;
use crate::sentences::{self, Sentence};
use crate::source::Span;
use crate::text::normalize::squeeze_whitespace;
use crate::text::token::{Token, tokenize};

pub struct BlockText {
    pub tokens: Vec<Token>,
    /// Whether each token starts inside a quotation ([`Article::in_quote`] of its start),
    /// worked out once: every pass asks it of nearly every token.
    pub quoted: Vec<bool>,
    /// Whether each token starts a proper name ([`Article::is_name_start`]), worked out
    /// once for the same reason.
    pub name_start: Vec<bool>,
    pub sentences: Vec<Sentence>,
    pub heading: bool,
}

/// A token position: block index and token index in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct At {
    pub block: usize,
    pub token: usize,
}

/// A proper name met in the text, for pronoun and short-name resolution.
#[derive(Debug, Clone)]
pub struct Mention {
    pub name: String,
    pub kind: SourceKind,
    pub span: Span,
    pub plural: bool,
    /// Followed by its verb: the subject of a clause.
    pub subject: bool,
    /// Grammatical gender when the text shows it (`Mme X`, `la biologiste X`).
    pub feminine: Option<bool>,
    /// Inside a quotation: the quoted speaker's words, never an antecedent of the
    /// article's pronouns.
    pub in_quote: bool,
    /// Roles the article gives this name (`le ministre X`, `X, porte-parole`): folded
    /// source nouns, so that `le ministre` later can refer back to it.
    pub roles: Vec<String>,
}

pub struct Article<'a> {
    pub doc: &'a Document,
    pub lex: &'a Lexicon,
    pub blocks: Vec<BlockText>,
    /// Capitalised words seen inside a sentence (not first): evidence that a capitalised
    /// sentence-initial word is a name too.
    pub proper_words: HashSet<String>,
    pub mentions: Vec<Mention>,
    /// Person mentions of two or more words, indexed by each folded word after the first
    /// (a surname): lets a lone `Dupont` become `Marie Dupont` without a scan.
    pub by_surname: HashMap<String, Vec<usize>>,
    /// (opening mark, closing mark) of every top-level quote, in order.
    pub quote_bounds: Vec<(Span, Span)>,
}

impl<'a> Article<'a> {
    pub fn new(doc: &'a Document, lex: &'a Lexicon, quotes: &[QuoteSpan]) -> Article<'a> {
        let bounds: Vec<(Span, Span)> = quotes.iter().map(|q| (q.open, q.close)).collect();
        let mut blocks = Vec::with_capacity(doc.blocks.len());
        let mut proper_words = HashSet::default();
        for block in &doc.blocks {
            let text = doc.prose(block.span);
            let tokens = tokenize(text, block.span.start, &|w, next| lex.keeps_period(w, next));
            // Only the quotes that reach into this block matter to its sentences.
            let first = bounds.partition_point(|(_, close)| close.end <= block.span.start);
            let last = bounds.partition_point(|(open, _)| open.start < block.span.end);
            let reaching = &bounds[first..last.max(first)];
            let sentences = sentences::split(&tokens, reaching);
            let quoted = quoted_tokens(&tokens, reaching);
            add_proper_words(doc, lex, &tokens, &sentences, &mut proper_words);
            blocks.push(BlockText {
                tokens,
                quoted,
                name_start: Vec::new(),
                sentences,
                heading: block.kind == BlockKind::Heading,
            });
        }
        let mut article = Article {
            doc,
            lex,
            blocks,
            proper_words,
            mentions: Vec::new(),
            by_surname: HashMap::default(),
            quote_bounds: bounds,
        };
        // Names are told from the whole article's capitalised words: once they are known.
        for b in 0..article.blocks.len() {
            article.blocks[b].name_start = article.name_starts(b);
        }
        let (mentions, by_surname) = super::names::collect_mentions(&article);
        article.mentions = mentions;
        article.by_surname = by_surname;
        article
    }

    /// Whether byte `offset` lies inside a quotation.
    pub fn in_quote(&self, offset: usize) -> bool {
        let i = self.first_closing_after(offset);
        self.quote_bounds
            .get(i)
            .is_some_and(|(open, _)| open.start <= offset)
    }

    /// Whether token `k` of block `b` starts inside a quotation.
    pub fn quoted(&self, b: usize, k: usize) -> bool {
        self.blocks[b].quoted[k]
    }

    /// Where the first quotation opening after byte `offset` opens (`usize::MAX`: none).
    /// Searches for a quote's cue stop there, whatever the convention: an ASCII `"`
    /// opens as it closes, so the mark alone cannot tell.
    pub fn next_quote_open(&self, offset: usize) -> usize {
        let i = self
            .quote_bounds
            .partition_point(|(open, _)| open.start <= offset);
        self.quote_bounds
            .get(i)
            .map_or(usize::MAX, |(open, _)| open.start)
    }

    /// Where the closing mark of the last quotation ending before byte `offset` starts.
    pub fn previous_quote_close(&self, offset: usize) -> Option<usize> {
        let i = self.first_closing_after(offset);
        i.checked_sub(1).map(|p| self.quote_bounds[p].1.start)
    }

    /// Index of the first quotation whose closing mark ends after byte `offset`.
    fn first_closing_after(&self, offset: usize) -> usize {
        self.quote_bounds
            .partition_point(|(_, close)| close.end <= offset)
    }

    pub fn tokens(&self, block: usize) -> &[Token] {
        &self.blocks[block].tokens
    }

    pub fn token(&self, at: At) -> &Token {
        &self.blocks[at.block].tokens[at.token]
    }

    /// The token starting exactly at byte `offset`.
    pub fn at_offset(&self, block: usize, offset: usize) -> Option<At> {
        let toks = &self.blocks[block].tokens;
        toks.binary_search_by_key(&offset, |t| t.span.start)
            .ok()
            .map(|token| At { block, token })
    }

    /// Index of the sentence of block `at.block` holding token `at.token`.
    pub fn sentence_of(&self, at: At) -> usize {
        let sents = &self.blocks[at.block].sentences;
        sents
            .partition_point(|s| s.tokens.end <= at.token)
            .min(sents.len().saturating_sub(1))
    }

    pub fn sentence(&self, block: usize, index: usize) -> Option<&Sentence> {
        self.blocks.get(block)?.sentences.get(index)
    }

    /// The text of a token range, as typed in the file (markup blanked, spaces folded).
    ///
    /// Claims, sources and cues all print their text. Tokens hold no whitespace, so the
    /// folding only ever touches the gaps between them, which the token spans point at:
    /// see [`fold_gaps`]. Scanning the whole text for spaces cost more than half of
    /// writing a claim.
    pub fn text_of(&self, block: usize, start: usize, end: usize) -> String {
        let toks = &self.blocks[block].tokens;
        if start >= end || end > toks.len() {
            return String::new();
        }
        fold_gaps(&self.doc.prose, &toks[start..end]).unwrap_or_else(|| {
            let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
            squeeze_whitespace(self.doc.prose(span))
        })
    }

    pub fn span_of(&self, block: usize, start: usize, end: usize) -> Span {
        let toks = &self.blocks[block].tokens;
        Span::new(toks[start].span.start, toks[end - 1].span.end)
    }

    pub fn is(&self, t: &Token, class: WordClass) -> bool {
        t.is_word() && self.lex.is(t.word, class)
    }

    /// Whether `at` is the first word of its sentence (after an opening mark or dash).
    pub fn sentence_initial(&self, at: At) -> bool {
        let s = self.sentence_of(at);
        let Some(sent) = self.sentence(at.block, s) else {
            return true;
        };
        let toks = self.tokens(at.block);
        (sent.tokens.start..at.token).all(|k| toks[k].punct().is_some_and(|c| !c.is_alphanumeric()))
    }
}

/// Adds to `proper` the capitalised words standing inside a sentence: neither its first
/// word nor one right after an opening mark, a colon or a dash, which take a capital too.
/// The word tests come first: nearly every token fails them, and the test of the token
/// before searches a string.
fn add_proper_words(
    doc: &Document,
    lex: &Lexicon,
    tokens: &[Token],
    sentences: &[Sentence],
    proper: &mut HashSet<String>,
) {
    for s in sentences {
        for k in s.tokens.start + 1..s.tokens.end {
            let t = &tokens[k];
            if !t.is_word() || !t.capitalized || lex.is_function_word(t.word) {
                continue;
            }
            if tokens[k - 1]
                .punct()
                .is_some_and(|c| "«“\"‹‘:(—–-".contains(c))
            {
                continue;
            }
            let word = &doc.text[t.span.start..t.span.end];
            if !proper.contains(word) {
                proper.insert(word.to_string());
            }
        }
    }
}

/// The text from the first to the last of `tokens` (spans of `prose`, at least one) as
/// [`squeeze_whitespace`] makes it, built from the gaps between tokens: a gap of spaces
/// becomes one space, a gap without any (a hyphen inside `Jean-Marc`) stays. Nearly every
/// gap is empty or one ASCII space, which stays too and is told from the spans alone.
/// `None` for a gap mixing spaces and other characters (a U+FEFF among spaces), which
/// the caller folds the long way.
fn fold_gaps(prose: &str, tokens: &[Token]) -> Option<String> {
    let (first, last) = (tokens.first()?, tokens.last()?);
    let mut out = String::with_capacity(last.span.end - first.span.start);
    // The start of the stretch not yet copied.
    let mut from = first.span.start;
    for w in tokens.windows(2) {
        let (end, next) = (w[0].span.end, w[1].span.start);
        if end == next || (end + 1 == next && prose.as_bytes()[end] == b' ') {
            continue;
        }
        let gap = prose.get(end..next)?;
        if gap.chars().all(char::is_whitespace) {
            out.push_str(&prose[from..end]);
            out.push(' ');
            from = next;
        } else if gap.chars().any(char::is_whitespace) {
            return None;
        }
    }
    out.push_str(&prose[from..last.span.end]);
    Some(out)
}

/// [`Article::in_quote`] of each token's start, in one walk over the tokens and the
/// quotes (both in text order) that reach into their block.
fn quoted_tokens(tokens: &[Token], quotes: &[(Span, Span)]) -> Vec<bool> {
    let mut q = 0;
    tokens
        .iter()
        .map(|t| {
            let offset = t.span.start;
            while q < quotes.len() && quotes[q].1.end <= offset {
                q += 1;
            }
            quotes.get(q).is_some_and(|(open, _)| open.start <= offset)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;
    use proptest::prelude::*;

    proptest! {
        /// Folding the gaps between tokens is folding the whole text, whenever it answers.
        #[test]
        fn folding_gaps_is_squeezing_whitespace(
            text in "[a\u{e9}A.,'\u{2019}\u{ab}\u{bb}\u{a0}\u{202f}\u{feff}\u{85}\u{2028}\u{2010}1 \n\t-]{0,40}",
        ) {
            let toks = tokenize(&text, 0, &|_, _| false);
            for start in 0..toks.len() {
                for end in start + 1..=toks.len() {
                    let slice = &text[toks[start].span.start..toks[end - 1].span.end];
                    if let Some(folded) = fold_gaps(&text, &toks[start..end]) {
                        prop_assert_eq!(folded, squeeze_whitespace(slice));
                    }
                }
            }
        }
    }
}
