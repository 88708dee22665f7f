//! Sentence segmentation inside a block, aware of quotations.
//!
//! A period, `!`, `?` or `…` ends a sentence when the next token starts a new one (a
//! capital, a digit, an opening mark, a dash). Periods of abbreviations and initials never
//! reach this stage: the tokenizer keeps them on their word. Nothing inside a quotation
//! ends the article's sentence, except that a quote closing on its own final punctuation
//! (`… fini. » Il part.`) ends it right after the closing mark.

use std::ops::Range;

use crate::source::Span;
use crate::text::token::{Token, TokenKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Token indices in the block's token list.
    pub tokens: Range<usize>,
    pub span: Span,
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn starts_sentence(t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => t.capitalized,
        TokenKind::Number => true,
        TokenKind::Punct(c) => {
            matches!(c, '«' | '“' | '"' | '„' | '‹' | '—' | '–' | '-' | '(' | '[')
        }
    }
}

/// Splits a block's tokens into sentences. `quotes` are the (open, close) byte spans of the
/// top-level quotations, sorted; tokens inside them never end a sentence.
pub fn split(tokens: &[Token], quotes: &[(Span, Span)]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut q = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end_here = false;
        // Only punctuation ends a sentence: where the quotes stand is asked of it alone
        // (they are passed in order, so the walk through them can wait for it).
        if let TokenKind::Punct(c) = tokens[i].kind {
            let at = tokens[i].span.start;
            while q < quotes.len() && quotes[q].1.end <= at {
                q += 1;
            }
            let in_quote = q < quotes.len() && quotes[q].0.start <= at && at < quotes[q].1.end;
            let is_close = in_quote && tokens[i].span == quotes[q].1;
            if !in_quote && is_terminal(c) {
                // Absorb runs like `?!` or `...`.
                while i + 1 < tokens.len() && tokens[i + 1].punct().is_some_and(is_terminal) {
                    i += 1;
                }
                end_here = tokens.get(i + 1).is_none_or(starts_sentence);
            } else if is_close && i > 0 && tokens[i - 1].punct().is_some_and(is_terminal) {
                end_here = tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && n.capitalized);
            }
        }
        if end_here || i + 1 == tokens.len() {
            out.push(Sentence {
                tokens: start..i + 1,
                span: Span::new(tokens[start].span.start, tokens[i].span.end),
            });
            start = i + 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn sentences(text: &str) -> Vec<String> {
        let toks = tokenize(text, 0, &|w, next| {
            w == "M." || (w.len() == 2 && next.starts_with(char::is_uppercase))
        });
        let (quotes, _) = crate::quotes::pair_quotes(
            text,
            &[crate::document::Block {
                kind: crate::document::BlockKind::Paragraph,
                span: Span::new(0, text.len()),
            }],
        );
        let q: Vec<_> = quotes.iter().map(|q| (q.open, q.close)).collect();
        split(&toks, &q)
            .iter()
            .map(|s| text[s.span.start..s.span.end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("M. Dupont et V. Hugo sont là. Ils partent."),
            ["M. Dupont et V. Hugo sont là.", "Ils partent."]
        );
    }

    #[test]
    fn quotes_are_not_split() {
        assert_eq!(
            sentences("« Un. Deux ! » s'écrie-t-il. Puis rien."),
            ["« Un. Deux ! » s'écrie-t-il.", "Puis rien."]
        );
    }

    #[test]
    fn closing_mark_after_final_period_ends_sentence() {
        assert_eq!(
            sentences("Il dit : « C'est fini. » La suite."),
            ["Il dit : « C'est fini. »", "La suite."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sentences("Il a 1.5 point. Bon."),
            ["Il a 1.5 point.", "Bon."]
        );
    }
}
