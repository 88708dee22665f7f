//! Claims: the check-worthy sentences of the body and the source covering each.
//!
//! Every attributed sentence is a claim with its source; an unattributed sentence is a
//! claim when it has at least one signal (see [`signals`]). Headings, datelines and
//! sentences of fewer than `min_words` words (`grammar/fr/syntax.toml`) are never claims;
//! nor is a question.

pub mod signals;

use crate::attribution::Sourcing;
use crate::model::{Claim, QuoteKind};
use crate::source::Span;
use crate::speakers::article::Article;

pub fn detect(a: &Article, sourcing: &Sourcing, quotes: &[crate::model::Quote]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, s) in sourcing.sentences.iter().enumerate() {
        let toks = a.tokens(s.block);
        // A leading dash is what remains of a dateline (`5 juin 2012. - Un avion …`).
        let mut start = s.tokens.start;
        while start < s.tokens.end
            && toks[start]
                .punct()
                .is_some_and(|c| matches!(c, '-' | '–' | '—'))
        {
            start += 1;
        }
        if start >= s.tokens.end {
            continue;
        }
        let words = toks[start..s.tokens.end]
            .iter()
            .filter(|t| t.is_word() && !a.in_quote(t.span.start))
            .count();
        let question = toks[s.tokens.end - 1].is_punct('?');
        // A sentence that is only a quotation is the speaker's words, already reported.
        let only_quote = quotes.iter().any(|q| {
            q.kind != QuoteKind::Mention
                && q.span.start <= toks[start].span.start
                && q.span.end >= toks[s.tokens.end - 1].span.start
        });
        let covered = sourcing.covered[i];
        if covered.is_none() && (words < a.lex.syntax.claims.min_words || question) {
            continue;
        }
        let signals = signals::signals(a, s.block, start..s.tokens.end);
        if covered.is_none() && (signals.is_empty() || only_quote) {
            continue;
        }
        let span = Span::new(toks[start].span.start, s.span.end);
        out.push(Claim {
            id: format!("c{}", out.len() + 1),
            text: a.text_of(s.block, start, s.tokens.end),
            span,
            attribution: covered.map(|(n, _)| n),
            scope: covered.map(|(_, scope)| scope),
            signals,
        });
    }
    out
}
