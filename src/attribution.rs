//! Attributions: which named source stands behind each sentence of the body.
//!
//! A sentence is attributed by a cue of its own: a reporting verb governing reported
//! content (`X a déclaré que`, `X a annoncé la découverte`, `affirme X`), a marker
//! (`selon X`, `d'après X`, `de source X`, `cité par X`), or a quotation whose speaker is
//! known. Scoping rules, in order:
//!
//! 1. a cue covers its own sentence;
//! 2. a sentence with no cue continues the attribution of the sentence before it in the
//!    same paragraph when it carries the journalistic conditional (`Il aurait aussi …`),
//!    or when that attribution announces, promises or forecasts (categories in
//!    `grammar/fr/syntax.toml`) and the sentence is in the future or the conditional;
//! 3. a cleft (`C'est X qui a révélé …`) also covers the sentence before it.
//!
//! Quoted words never attribute: a verb inside a quote belongs to the quoted speaker.

use std::ops::Range;

use crate::claims::signals::{has_future, has_hearsay};
use crate::model::{Attribution, CueKind, Quote, QuoteKind, Scope};
use crate::source::Span;
use crate::speakers::article::Article;
use crate::speakers::cues::{self, Before};
use crate::speakers::names::{Named, Subject};

/// One sentence of the body, in article order.
#[derive(Debug, Clone)]
pub struct BodySentence {
    pub block: usize,
    pub tokens: Range<usize>,
    /// Where the sentence starts once a dateline is skipped ([`crate::claims::dateline_end`]):
    /// its cues are looked for from there, and its claim starts there.
    pub after_dateline: usize,
    pub span: Span,
}

/// The attributions of an article and, for each body sentence, the one covering it.
#[derive(Debug, Default)]
pub struct Sourcing {
    pub attributions: Vec<Attribution>,
    pub sentences: Vec<BodySentence>,
    pub covered: Vec<Option<(usize, Scope)>>,
}

struct OwnCue {
    start: usize,
    end: usize,
    kind: CueKind,
    lemma: Option<String>,
    source: Named,
}

pub fn attribute(a: &Article, quotes: &[Quote]) -> Sourcing {
    let said: Vec<Named> = quotes
        .iter()
        .filter_map(|q| {
            q.speaker.as_ref().map(|s| Named {
                name: s.name.clone(),
                kind: s.kind,
                span: s.span,
            })
        })
        .collect();
    let mut out = Sourcing::default();
    for (b, block) in a.blocks.iter().enumerate() {
        if block.heading {
            continue;
        }
        let first_in_block = out.sentences.len();
        for sent in &block.sentences {
            let i = out.sentences.len();
            let after_dateline = crate::claims::dateline_end(a, b, sent.tokens.clone());
            out.sentences.push(BodySentence {
                block: b,
                tokens: sent.tokens.clone(),
                after_dateline,
                span: sent.span,
            });
            out.covered.push(None);
            // A sentence that opens with a quotation is its speaker's (`« … », y compris
            // X, commente Y`); otherwise the sentence's own cue comes first.
            let opens_with_quote = a.tokens(b)[sent.tokens.clone()]
                .iter()
                .find(|t| t.is_word() || t.punct().is_some_and(|c| "«“\"„".contains(c)))
                .is_some_and(|t| !t.is_word());
            let cue_range = after_dateline..sent.tokens.end;
            let own = if opens_with_quote {
                quote_cue(a, sent.span, quotes).or_else(|| own_cue(a, b, cue_range, &said))
            } else {
                own_cue(a, b, cue_range, &said).or_else(|| quote_cue(a, sent.span, quotes))
            }
            .or_else(|| vague_cue(a, b, sent.tokens.clone()));
            let prev = (i > first_in_block).then(|| i - 1);
            if let Some(cue) = own {
                let n = out.attributions.len();
                let toks = a.tokens(b);
                out.attributions.push(Attribution {
                    id: crate::model::numbered_id('a', n + 1),
                    cue: cue.kind,
                    cue_text: a.text_of(b, cue.start, cue.end),
                    cue_span: Span::new(toks[cue.start].span.start, toks[cue.end - 1].span.end),
                    lemma: cue.lemma,
                    source: cue.source,
                    content: sent.span,
                });
                out.covered[i] = Some((n, Scope::Sentence));
                // `C'est X qui a révélé …` covers the sentence before.
                if let Some(p) = prev
                    && out.covered[p].is_none()
                    && a.lex
                        .syntax
                        .attribution
                        .cleft_openers
                        .0
                        .match_at(toks, sent.tokens.start)
                        .is_some()
                {
                    out.covered[p] = Some((n, Scope::Cleft));
                    let att = &mut out.attributions[n];
                    att.content = att.content.cover(out.sentences[p].span);
                }
                continue;
            }
            let Some((n, _)) = prev.and_then(|p| out.covered[p]) else {
                continue;
            };
            let continues = has_hearsay(a, b, sent.tokens.clone())
                || (continuing(a, &out.attributions[n]) && has_future(a, b, sent.tokens.clone()));
            if continues {
                out.covered[i] = Some((n, Scope::Continued));
                let att = &mut out.attributions[n];
                att.content = att.content.cover(sent.span);
            }
        }
    }
    out
}

/// Whether an attribution announces, promises or forecasts, so that what follows in the
/// future tense is still its content.
fn continuing(a: &Article, att: &Attribution) -> bool {
    // `Selon X, le film sortira … Le tournage pourrait …`: a marker's source goes on too.
    if att.cue == CueKind::Marker {
        return true;
    }
    let Some(lemma) = &att.lemma else {
        return false;
    };
    let cats = &a.lex.syntax.attribution.continuing_categories;
    a.lex
        .verb_category(lemma)
        .is_some_and(|c| cats.iter().any(|k| k == c))
}

/// The first cue of the sentence `range` (its dateline skipped), outside quotations, that
/// names a source.
fn own_cue(a: &Article, b: usize, range: Range<usize>, said: &[Named]) -> Option<OwnCue> {
    let toks = a.tokens(b);
    for k in range.clone() {
        if a.quoted(b, k) || !cues::may_start_cue(a, toks, k) {
            continue;
        }
        let Some(cue) = cues::cue_at(a, b, k, range.end, range.start, true) else {
            continue;
        };
        let Some(Before::Found(subject, via)) = cue.found else {
            continue;
        };
        // `se trouve`, `s'annonce`: a reflexive use of a non-reflexive reporting verb is
        // another verb (`trouver` is no `se trouver`).
        if let Some(form) = cue.verb
            && cue.start > range.start
            && a.lex.syntax.words.reflexives.has(&toks[cue.start - 1])
            && !a
                .lex
                .syntax
                .verb_forms
                .reflexive_prefixes
                .iter()
                .any(|p| form.lemma.starts_with(p.as_str()))
        {
            continue;
        }
        // `…, qui affirme que`: a relative clause's speaker does not vouch for the main
        // clause.
        // A cleft (`C'est X qui a révélé`) is no relative clause of the main one.
        let cleft = a
            .lex
            .syntax
            .attribution
            .cleft_openers
            .0
            .match_at(toks, range.start)
            .is_some();
        if !cleft
            && cue.start > range.start
            && a.lex
                .syntax
                .words
                .subject_relatives
                .has(&toks[cue.start - 1])
        {
            continue;
        }
        // A marker must name something that can be a source: `pour la première fois`,
        // `selon les juridictions` are adverbials.
        if via == crate::model::Via::Marker
            && let Subject::Phrase(p) = subject
            && !a.is_source_like(p)
            && !a.is(&toks[p.start], crate::lexicon::WordClass::Determiner)
        {
            continue;
        }
        // Borrowed from the lexicon until the cue is kept.
        let (kind, lemma, category) = match cue.verb {
            Some(form) => (CueKind::Verb, Some(&*form.lemma), Some(&*form.category)),
            None => (CueKind::Marker, None, None),
        };
        if let Some(cat) = category
            && !a
                .lex
                .syntax
                .attribution
                .object_categories
                .iter()
                .any(|c| c == cat)
            && !governs_content(a, b, cue.end, range.end)
        {
            continue;
        }
        if let Subject::Phrase(p) = subject
            && a.quoted(b, p.start)
        {
            continue;
        }
        // A pronoun no person resolves may stand for the institution heading the sentence
        // before (`L'armée s'est octroyé … Elle a promis de …`).
        let fallback = || match subject {
            Subject::Pronoun { at, plural: false } => a.previous_head(at).map(|p| a.describe(p)),
            _ => None,
        };
        let Some(source) = a
            .resolve(subject, toks[k].span.start, said)
            .or_else(fallback)
        else {
            continue;
        };
        return Some(OwnCue {
            start: cue.start,
            end: cue.end,
            kind,
            lemma: lemma.map(str::to_string),
            source,
        });
    }
    None
}

/// Whether reported content follows a verb: `que`, a colon, a quotation, or `de` + verb.
fn governs_content(a: &Article, b: usize, from: usize, end: usize) -> bool {
    let toks = a.tokens(b);
    let w = &a.lex.syntax.words;
    (from..end.min(from + 8)).any(|k| {
        let t = &toks[k];
        w.complementizers.has(t)
            || t.punct().is_some_and(|c| ":«“\"".contains(c))
            || (k == from && is_infinitive(a, t))
            || (k == from
                && a.lex.syntax.attribution.infinitive_markers.has(t)
                && toks.get(k + 1).is_some_and(|n| is_infinitive(a, n)))
    })
}

/// An infinitive (`estime avoir perdu`, `a promis de partir`): its ending, or a
/// reporting verb's lemma.
fn is_infinitive(a: &Article, t: &crate::text::token::Token) -> bool {
    t.is_word()
        && !t.capitalized
        && !a.lex.is_function_word(t.word)
        && (t.ends_with_any(&a.lex.syntax.attribution.infinitive_suffixes)
            || a.lex.verb_categories.contains_key(t.norm.as_str()))
}

/// A vague phrasing with no other cue (`des études montrent que`, `on dit que`, `il
/// paraît que`): the sentence rests on no one in particular, which `vague-source` reports.
fn vague_cue(a: &Article, b: usize, range: Range<usize>) -> Option<OwnCue> {
    let toks = a.tokens(b);
    // Only where a clause's subject stands (`Des études montrent`, `…, on dit que`): `a
    // reçu les experts` names no source.
    let clause_start = |k: usize| {
        k == range.start
            || toks[k - 1].punct().is_some_and(|c| ",;:".contains(c))
            || a.lex.syntax.words.complementizers.has(&toks[k - 1])
            || a.lex
                .fronted
                .match_ending_at(toks, k)
                .is_some_and(|(len, _)| k - len == range.start)
    };
    // The lexicon lookup first: it fails on almost every word, the other tests cost more.
    range.clone().find_map(|k| {
        let (len, _) = a.lex.vague.match_at(toks, k)?;
        if a.quoted(b, k) || !clause_start(k) {
            return None;
        }
        let end = (k + len).min(range.end);
        let span = Span::new(toks[k].span.start, toks[end - 1].span.end);
        Some(OwnCue {
            start: k,
            end,
            kind: CueKind::Marker,
            lemma: None,
            source: Named {
                name: a.text_of(b, k, end),
                kind: crate::model::SourceKind::Vague,
                span,
            },
        })
    })
}

/// A quotation with a known speaker in the sentence attributes it.
fn quote_cue(a: &Article, span: Span, quotes: &[Quote]) -> Option<OwnCue> {
    // Quotes are in text order: those opening inside the sentence are a contiguous run.
    let from = quotes.partition_point(|q| q.span.start < span.start);
    let q = quotes[from..]
        .iter()
        .take_while(|q| span.contains(q.span.start))
        .find(|q| q.kind != QuoteKind::Mention && q.speaker.is_some())?;
    let s = q.speaker.as_ref()?;
    let b = a.block_of(q.span.start);
    let open = a.at_offset(b, q.span.start)?;
    Some(OwnCue {
        start: open.token,
        end: open.token + 1,
        kind: CueKind::Quote,
        lemma: None,
        source: Named {
            name: s.name.clone(),
            kind: s.kind,
            span: s.span,
        },
    })
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze_text;

    fn lemmas(text: &str) -> Vec<String> {
        analyze_text(text)
            .attributions
            .iter()
            .filter_map(|a| a.lemma.clone())
            .collect()
    }

    #[test]
    fn an_infinitive_after_the_verb_is_reported_content() {
        // `se féliciter` attributes only what it governs: `de` + an infinitive (known by
        // its ending), not a plain complement.
        assert_eq!(
            lemmas("Paul Martin se félicite d'avoir réduit la dette de 300 millions d'euros."),
            ["se féliciter"]
        );
        assert!(
            lemmas("Paul Martin se félicite de la baisse de la dette de 300 millions d'euros.")
                .is_empty()
        );
    }
}
