//! Why a sentence is check-worthy: figures, harm, accusations, intentions, findings,
//! forecasts, judgements (from `grammar/fr/claim_signals.tsv`, digits found by the
//! tokenizer), and the journalistic conditional.
//!
//! Words inside quotations are the quoted speaker's and give no signal to the article's
//! sentence.

use std::ops::Range;

use crate::model::Signal;
use crate::speakers::article::Article;
use crate::text::token::{Token, TokenKind};

/// The signals of tokens `range` of block `b`, sorted, without repeats.
pub fn signals(a: &Article, b: usize, range: Range<usize>) -> Vec<Signal> {
    let toks = a.tokens(b);
    let quoted = &a.blocks[b].quoted;
    let rules = &a.lex.syntax.claims;
    let mut out = Vec::new();
    let mut k = range.start;
    while k < range.end {
        if quoted[k] {
            k += 1;
            continue;
        }
        if is_figure(a, b, k) {
            out.push(Signal::Figure);
        }
        if let Some((len, signal)) = a.lex.claim_signals.match_at(toks, k) {
            out.push(*signal);
            k += len;
            continue;
        }
        k += 1;
    }
    if has_hearsay(a, b, range.clone()) {
        out.push(Signal::Hearsay);
    }
    // A forecast is a modal conditional (`devrait`, `pourrait`) or a lexicon phrase; the
    // plain future of a scheduled event (`aura lieu mardi`) is not check-worthy by itself.
    if toks[range.clone()]
        .iter()
        .zip(&quoted[range])
        .any(|(t, &q)| !q && rules.conditional_modals.has(t))
    {
        out.push(Signal::Prediction);
    }
    out.sort();
    out.dedup();
    out
}

/// A count or measure: a number that is no date, ordinal (`2e`), score (`6-1`) or clock
/// time (`15 h`), and is large or followed by a unit (`5 %`, `3 milliards`); or a
/// spelled-out count before a noun (`trois réacteurs`).
fn is_figure(a: &Article, b: usize, k: usize) -> bool {
    let toks = a.tokens(b);
    let rules = &a.lex.syntax.claims;
    let t = &toks[k];
    let next = toks.get(k + 1);
    if t.kind == TokenKind::Word {
        return rules.number_words.has(t)
            && next
                .is_some_and(|n| n.is_word() && !n.capitalized && !a.lex.is_function_word(n.word));
    }
    if t.kind != TokenKind::Number || is_date(a, b, k) {
        return false;
    }
    let glued = |n: &crate::text::token::Token| n.span.start == t.span.end;
    let ordinal = next.is_some_and(|n| glued(n) && rules.ordinal_suffixes.has(n));
    let score_or_time =
        next.is_some_and(|n| n.is_punct('-') || n.is_punct(':') || rules.hour_marks.has(n));
    if ordinal || score_or_time || (k > 0 && toks[k - 1].is_punct('°')) {
        return false;
    }
    let value: u64 = t
        .norm
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    let decimal = t.norm.contains([',', '.']);
    let unit = next.is_some_and(|n| {
        rules.units.has(n)
            || n.is_punct('%')
            || n.kind == TokenKind::Number
            || a.lex
                .claim_signals
                .match_at(toks, k + 1)
                .is_some_and(|(_, s)| *s == Signal::Figure)
    });
    value >= rules.min_figure || decimal || unit
}

/// A year (four digits) or a day before a month name dates an event; it is no figure.
fn is_date(a: &Article, b: usize, k: usize) -> bool {
    let toks = a.tokens(b);
    let t = &toks[k];
    let year = t.norm.len() == 4
        && t.norm.chars().all(|c| c.is_ascii_digit())
        && matches!(&t.norm[..2], "19" | "20");
    let day = toks
        .get(k + 1)
        .is_some_and(|n| a.lex.syntax.claims.months.has(n));
    year || day
}

/// A verb in the conditional that is not a modal, in a sentence with no hypothetical:
/// the information is relayed, not established (`le crash serait dû à …`).
pub fn has_hearsay(a: &Article, b: usize, range: Range<usize>) -> bool {
    let toks = a.tokens(b);
    let rules = &a.lex.syntax.claims;
    // Most sentences have no verb in the conditional: say so before the costlier scans.
    // The suffix before the length: most words fail it, and it needs no char count.
    let conditional = |t: &Token| {
        t.is_word()
            && !t.capitalized
            && t.ends_with_any(&rules.conditional_suffixes)
            && t.norm.chars().count() > 5
            && !rules.conditional_modals.has(t)
    };
    if !toks[range.clone()].iter().any(conditional) {
        return false;
    }
    let outside = |k: usize| !a.quoted(b, k);
    let hypothetical = range
        .clone()
        .any(|k| outside(k) && rules.hypothetical_markers.0.match_at(toks, k).is_some());
    if hypothetical {
        return false;
    }
    // `X a affirmé que l'accord serait signé`: a conditional after a reporting verb and
    // `que` is a future in the past, reported speech, not hearsay.
    let reported_from = range.clone().find(|&k| {
        a.lex.syntax.words.complementizers.has(&toks[k])
            && (k.saturating_sub(4).max(range.start)..k)
                .any(|v| a.lex.verbs.match_at(toks, v).is_some())
    });
    range
        .into_iter()
        .filter(|&k| reported_from.is_none_or(|r| k < r))
        .any(|k| outside(k) && conditional(&toks[k]))
}

/// A verb in the future tense (`sera`, `rapportera`): a forecast.
pub fn has_future(a: &Article, b: usize, range: Range<usize>) -> bool {
    let toks = a.tokens(b);
    let rules = &a.lex.syntax.claims;
    range.into_iter().any(|k| {
        let t = &toks[k];
        !a.quoted(b, k)
            && t.is_word()
            && !t.capitalized
            && !a.lex.is_function_word(t.word)
            && t.ends_with_any(&rules.future_suffixes)
            && t.norm.chars().count() >= 6
            || (t.is_word()
                && (rules.future_forms.has(t) || rules.conditional_modals.has(t))
                && !a.quoted(b, k))
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze_text;
    use crate::model::Signal;

    fn has_figure(text: &str) -> bool {
        analyze_text(text)
            .claims
            .iter()
            .any(|c| c.signals.contains(&Signal::Figure))
    }

    #[test]
    fn an_ordinal_is_no_figure() {
        assert!(!has_figure("Elle a terminé la course 45e."));
        assert!(!has_figure("Il a terminé la course 12ème."));
        assert!(has_figure("Elle a terminé la course 45 fois."));
    }

    #[test]
    fn a_clock_time_is_no_figure() {
        assert!(!has_figure("La séance a repris à 15 h."));
        assert!(has_figure("La séance a réuni 15 élus."));
    }
}
