//! Claims: the check-worthy sentences of the body and the source covering each.
//!
//! Every attributed sentence is a claim with its source; an unattributed sentence is a
//! claim when it has at least one signal (see [`signals`]). Headings, datelines and
//! sentences of fewer than `min_words` words (`grammar/fr/syntax.toml`) are never claims;
//! nor is a question.

pub mod signals;

use crate::attribution::Sourcing;
use crate::model::{Claim, Quote, QuoteKind};
use crate::source::Span;
use crate::speakers::article::Article;
use crate::text::token::Token;

/// Where a sentence starts once its dateline is skipped: a leading dash left by a dateline
/// sentence (`5 juin 2012. - Un avion …`), or a dateline glued to the sentence
/// (`PARIS, 3 mars (AFP) - Le …`): capitalised place words, a date, an agency in
/// parentheses, then a dash.
pub fn dateline_end(a: &Article, b: usize, range: std::ops::Range<usize>) -> usize {
    let toks = a.tokens(b);
    let dash = |k: usize| {
        toks[k]
            .punct()
            .is_some_and(|c| matches!(c, '-' | '–' | '—'))
    };
    let mut k = range.start;
    while k < range.end && dash(k) {
        k += 1;
    }
    if k > range.start {
        return k;
    }
    // A glued dateline is short and made of names, numbers, months and punctuation.
    let limit = range.end.min(range.start + 14);
    let mut i = range.start;
    while i < limit {
        let t = &toks[i];
        if dash(i) {
            return if i > range.start { i + 1 } else { range.start };
        }
        let dateline_word = t.kind == crate::text::token::TokenKind::Number
            || t.punct().is_some_and(|c| ",.()".contains(c))
            || (t.is_word()
                && (t.capitalized || t.hyphen_joined || a.lex.syntax.claims.months.has(t)));
        if !dateline_word {
            return range.start;
        }
        i += 1;
    }
    range.start
}

pub fn detect(a: &Article, sourcing: &Sourcing, quotes: &[Quote]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, s) in sourcing.sentences.iter().enumerate() {
        let toks = a.tokens(s.block);
        let start = s.after_dateline;
        if start >= s.tokens.end {
            continue;
        }
        let covered = sourcing.covered[i];
        // An unattributed sentence is a claim only for its signals, which are looked for
        // last: not in a question, a short sentence, or one that is only a quotation (the
        // speaker's words, already reported).
        if covered.is_none()
            && (toks[s.tokens.end - 1].is_punct('?')
                || words_outside_quotes(a, s.block, start..s.tokens.end)
                    < a.lex.syntax.claims.min_words
                || only_quote(toks, start..s.tokens.end, quotes))
        {
            continue;
        }
        let signals = signals::signals(a, s.block, start..s.tokens.end);
        if covered.is_none() && signals.is_empty() {
            continue;
        }
        let span = Span::new(toks[start].span.start, s.span.end);
        out.push(Claim {
            id: crate::model::numbered_id('c', out.len() + 1),
            text: a.text_of(s.block, start, s.tokens.end),
            span,
            attribution: covered.map(|(n, _)| n),
            scope: covered.map(|(_, scope)| scope),
            signals,
        });
    }
    out
}

/// How many words of tokens `range` of block `b` stand outside quotations.
fn words_outside_quotes(a: &Article, b: usize, range: std::ops::Range<usize>) -> usize {
    let toks = &a.tokens(b)[range.clone()];
    let quoted = &a.blocks[b].quoted[range];
    toks.iter()
        .zip(quoted)
        .filter(|(t, q)| t.is_word() && !**q)
        .count()
}

/// Whether tokens `range` are all inside one quotation (not a mention). Quotes are in
/// text order: only the last one opening at or before the first token can hold them all.
fn only_quote(toks: &[Token], range: std::ops::Range<usize>, quotes: &[Quote]) -> bool {
    let first = toks[range.start].span.start;
    let at = quotes.partition_point(|q| q.span.start <= first);
    at > 0 && {
        let q = &quotes[at - 1];
        q.kind != QuoteKind::Mention && q.span.end >= toks[range.end - 1].span.start
    }
}
