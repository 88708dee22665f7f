//! Speakers: who said each quotation.
//!
//! For each quote, the constructions are tried from the most to the least explicit: an
//! incise inside the quote, an incise or marker right after it, an introducer before it in
//! the same sentence, the subject of a clause ending in a colon. Then quotes of one
//! sentence share a speaker (`« a », puis « b », dit-il`), and a quote standing alone as a
//! sentence continues the speaker of the sentence before. Pronouns resolve to the last
//! person named before the quote; they are never output.

pub mod article;
pub mod cues;
pub mod names;
pub mod stream;

use article::{Article, At};
use cues::Before;
use names::{Named, Subject};

use crate::model::{Quote, QuoteKind, Speaker, Via};
use crate::quotes::QuoteSpan;
use crate::quotes::kind::{self, Setting};
use crate::source::Span;
use crate::text::normalize::is_space;

/// How many tokens before a quote a reporting verb may stand and still introduce it.
const INTRODUCER_REACH: usize = 30;

/// Where a quote sits: its opening and closing tokens and their sentences.
struct Place {
    open: At,
    close: At,
    open_sentence: usize,
    close_sentence: usize,
    /// The closing mark of the quote before, when in the opening mark's block: the scan
    /// for a cue before this quote stops there, as it stops at a `»`. Without it, marks
    /// that do not tell closing from opening (`"`, `‘ ’`, `„ “`) let every quote of a long
    /// sentence scan back over all the quotes before it: quadratic time (64 KB of `"x" `
    /// in one paragraph took 9 s).
    prev_close: Option<usize>,
    /// The opening mark of the quote after, when in the closing mark's block: the scan for
    /// a postposed incise stops there, as it stops at a `«` (same reason).
    next_open: Option<usize>,
}

struct Found {
    named: Named,
    via: Via,
}

pub fn attribute(a: &Article, spans: &[QuoteSpan]) -> Vec<Quote> {
    let mut places: Vec<Option<Place>> = spans.iter().map(|q| place(a, q)).collect();
    for i in 1..places.len() {
        let (before, after) = places.split_at_mut(i);
        if let (Some(prev), Some(next)) = (&mut before[i - 1], &mut after[0])
            && prev.close.block == next.open.block
        {
            next.prev_close = Some(prev.close.token);
            prev.next_open = Some(next.open.token);
        }
    }
    let mut found: Vec<Option<Found>> = Vec::with_capacity(spans.len());
    let mut said: Vec<Named> = Vec::new();
    for (q, p) in spans.iter().zip(&places) {
        let f = p.as_ref().and_then(|p| direct_cue(a, q, p, &said));
        if let Some(f) = &f {
            said.push(f.named.clone());
        }
        found.push(f);
    }
    share_within_sentence(&places, &mut found);
    continue_previous_sentence(a, spans, &places, &mut found, &said);

    spans
        .iter()
        .zip(places.iter().zip(found))
        .enumerate()
        .map(|(n, (q, (p, f)))| {
            let said_after = f.as_ref().is_some_and(|f| {
                matches!(f.via, Via::InciseAfter | Via::Signature | Via::InciseInside)
            });
            let setting = p
                .as_ref()
                .map(|p| setting_of(a, q, p, f.is_some(), said_after))
                .unwrap_or_default();
            let inner = a.doc.prose(q.inner);
            let kind = kind::classify(inner, setting);
            let speaker = f.filter(|_| kind != QuoteKind::Mention).map(|f| Speaker {
                name: f.named.name,
                kind: f.named.kind,
                span: f.named.span,
                via: f.via,
            });
            Quote {
                id: format!("q{}", n + 1),
                text: quote_text(&a.doc.prose, q),
                kind,
                span: Span::new(q.open.start, q.close.end),
                speaker,
            }
        })
        .collect()
}

fn place(a: &Article, q: &QuoteSpan) -> Option<Place> {
    let open = a.at_offset(q.first_block, q.open.start)?;
    let close = a.at_offset(q.last_block, q.close.start)?;
    Some(Place {
        open,
        close,
        open_sentence: a.sentence_of(open),
        close_sentence: a.sentence_of(close),
        prev_close: None,
        next_open: None,
    })
}

fn direct_cue(a: &Article, q: &QuoteSpan, p: &Place, said: &[Named]) -> Option<Found> {
    let resolve = |subject: Subject, via: Via| {
        a.resolve(subject, q.open.start, said)
            .or_else(|| match subject {
                // A pronoun with no named antecedent: the subject of the sentence before,
                // if a reporting verb gives one (`La députée a réagi. « … », a-t-elle dit`).
                Subject::Pronoun { .. } => previous_subject(a, p, said),
                Subject::Phrase(_) => None,
            })
            .map(|named| Found { named, via })
    };
    // Inside the quote (only within one block).
    if p.open.block == p.close.block
        && let Some((s, via)) = cues::inside_quote(a, p.open.block, p.open.token + 1, p.close.token)
        && let Some(f) = resolve(s, via)
    {
        return Some(f);
    }
    let open_sent = a.sentence(p.open.block, p.open_sentence)?;
    let close_sent = a.sentence(p.close.block, p.close_sentence)?;
    // A quote inside a sentence that introduces it (`X, qui a affirmé « … », annonce Y`)
    // belongs to its introducer; an incise after the quote speaks for quotes that open
    // their sentence.
    let opens_sentence = a.tokens(p.open.block)[open_sent.tokens.start..p.open.token]
        .iter()
        .all(|t| !t.is_word());
    let before = cues::before_quote(
        a,
        p.open.block,
        p.open.token,
        open_sent.tokens.start,
        p.prev_close,
        INTRODUCER_REACH,
    );
    if !opens_sentence
        && let Some(Before::Found(s, via)) = before
        && let Some(f) = resolve(s, via)
    {
        return Some(f);
    }
    // After the closing mark, to the end of its sentence.
    if let Some((s, via)) =
        cues::after_quote(a, p.close.block, p.close.token + 1, close_sent.tokens.end)
        && let Some(f) = resolve(s, via)
    {
        return Some(f);
    }
    // A postposed incise further on: `« … », y compris X, commente Y.`
    let close_toks = a.tokens(p.close.block);
    for (c, tok) in close_toks
        .iter()
        .enumerate()
        .take(close_sent.tokens.end.min(p.next_open.unwrap_or(usize::MAX)))
        .skip(p.close.token + 1)
    {
        if tok.punct().is_some_and(|ch| "«“„‹".contains(ch)) {
            break;
        }
        if tok.is_punct(',')
            && let Some((s, via)) = cues::after_quote(a, p.close.block, c, close_sent.tokens.end)
            && let Some(f) = resolve(s, via)
        {
            return Some(f);
        }
    }
    // Before the opening mark, in its sentence.
    match before {
        Some(Before::Found(s, via)) => {
            if let Some(f) = resolve(s, via) {
                return Some(f);
            }
        }
        Some(Before::SubjectAfter) => {
            let toks = a.tokens(p.close.block);
            let mut i = p.close.token + 1;
            if toks.get(i).is_some_and(|t| t.is_punct(',')) {
                i += 1;
            }
            if let Some(s) = a.forward_subject(p.close.block, i, close_sent.tokens.end)
                && let Some(f) = resolve(s, Via::Introducer)
            {
                return Some(f);
            }
        }
        None => {}
    }
    // A colon or `que` with no reporting verb: the clause's subject.
    let toks = a.tokens(p.open.block);
    if p.open.token > open_sent.tokens.start
        && (toks[p.open.token - 1].is_punct(':')
            || a.lex
                .syntax
                .words
                .complementizers
                .has(&toks[p.open.token - 1]))
        && let Some(s) =
            a.clause_head_subject(p.open.block, open_sent.tokens.start, p.open.token - 1)
    {
        return resolve(s, Via::ClauseSubject);
    }
    None
}

/// Quotes of one sentence without a cue of their own take the speaker of another quote of
/// that sentence (the nearest following one first: `« a » et « b », dit-il`).
fn share_within_sentence(places: &[Option<Place>], found: &mut [Option<Found>]) {
    // The last search each way: the sentence key, where it started, what it found.
    // Consecutive quotes of one sentence would otherwise each walk over all the others
    // (quadratic: thousands of `"x"` in one paragraph). A search forward from `from` that
    // stopped at `stop` holds for any later start up to `stop`: the quotes between are
    // not yet visited, so unchanged. A search back over the quotes below `below` holds
    // for them later: they are final.
    let mut ahead: Option<((usize, usize), usize, Option<usize>)> = None;
    let mut behind: Option<((usize, usize), usize, Option<usize>)> = None;
    for i in 0..found.len() {
        if found[i].is_some() {
            continue;
        }
        let Some(pi) = &places[i] else { continue };
        let key = (pi.close.block, pi.close_sentence);
        let same = |j: usize| {
            places[j].as_ref().is_some_and(|pj| {
                (pj.open.block, pj.open_sentence) == key
                    || (pj.close.block, pj.close_sentence) == key
            })
        };
        let forward = match ahead {
            Some((k, stop, donor)) if k == key && i < stop => donor,
            _ => {
                let mut j = i + 1;
                while j < found.len() && same(j) && found[j].is_none() {
                    j += 1;
                }
                let donor = (j < found.len() && same(j)).then_some(j);
                ahead = Some((key, j, donor));
                donor
            }
        };
        let donor = forward.or_else(|| {
            let floor = match behind {
                Some((k, below, _)) if k == key => below,
                _ => 0,
            };
            let mut j = i;
            let mut donor = None;
            let mut stopped = false;
            while j > floor {
                j -= 1;
                if !same(j) {
                    stopped = true;
                    break;
                }
                if found[j].is_some() {
                    donor = Some(j);
                    stopped = true;
                    break;
                }
            }
            if !stopped && floor > 0 {
                donor = behind.and_then(|b| b.2);
            }
            behind = Some((key, i, donor));
            donor
        });
        if let Some(j) = donor
            && let Some(f) = &found[j]
        {
            found[i] = Some(Found {
                named: f.named.clone(),
                via: Via::SameSentence,
            });
        }
    }
}

/// A quote that is a sentence by itself continues the speaker of the sentence before: the
/// speaker of a quote there, or the subject of a reporting verb there.
fn continue_previous_sentence(
    a: &Article,
    spans: &[QuoteSpan],
    places: &[Option<Place>],
    found: &mut [Option<Found>],
    said: &[Named],
) {
    for i in 0..found.len() {
        if found[i].is_some() {
            continue;
        }
        let Some(p) = &places[i] else { continue };
        if !stands_alone(a, p) {
            continue;
        }
        let Some((pb, ps)) = previous_sentence(a, p.open.block, p.open_sentence) else {
            continue;
        };
        let from_quote = (0..i).rev().take(8).find_map(|j| {
            let pj = places[j].as_ref()?;
            let in_prev = (pj.close.block, pj.close_sentence) == (pb, ps)
                || (pj.open.block, pj.open_sentence) == (pb, ps);
            if in_prev {
                found[j].as_ref().map(|f| f.named.clone())
            } else {
                None
            }
        });
        let named = from_quote.or_else(|| {
            let sent = a.sentence(pb, ps)?;
            let end = sent.tokens.end;
            // The whole sentence before may introduce the quote (`X publie … une étude.
            // « … »`), and so may a clause ending in a colon (`elle revient sur … :`).
            if end > sent.tokens.start && a.tokens(pb)[end - 1].is_punct(':') {
                let s = a.clause_head_subject(pb, sent.tokens.start, end - 1)?;
                return a.resolve(s, spans[i].open.start, said);
            }
            match cues::before_quote(a, pb, end, sent.tokens.start, None, usize::MAX)? {
                Before::Found(s, _) => a.resolve(s, spans[i].open.start, said),
                Before::SubjectAfter => None,
            }
        });
        if let Some(named) = named {
            found[i] = Some(Found {
                named,
                via: Via::PreviousSentence,
            });
        }
    }
}

/// The subject of the reporting verb ending the sentence before the quote's, if any.
fn previous_subject(a: &Article, p: &Place, said: &[Named]) -> Option<Named> {
    let (pb, ps) = previous_sentence(a, p.open.block, p.open_sentence)?;
    let sent = a.sentence(pb, ps)?;
    match cues::before_quote(a, pb, sent.tokens.end, sent.tokens.start, None, usize::MAX)? {
        Before::Found(Subject::Phrase(ph), _) => {
            a.resolve(Subject::Phrase(ph), sent.span.end, said)
        }
        _ => None,
    }
}

/// The quote is its sentence: nothing but punctuation outside its marks.
fn stands_alone(a: &Article, p: &Place) -> bool {
    let Some(open_sent) = a.sentence(p.open.block, p.open_sentence) else {
        return false;
    };
    let Some(close_sent) = a.sentence(p.close.block, p.close_sentence) else {
        return false;
    };
    let before = &a.tokens(p.open.block)[open_sent.tokens.start..p.open.token];
    let after = &a.tokens(p.close.block)[p.close.token + 1..close_sent.tokens.end];
    before.iter().chain(after).all(|t| !t.is_word())
}

fn previous_sentence(a: &Article, block: usize, sentence: usize) -> Option<(usize, usize)> {
    if sentence > 0 {
        return Some((block, sentence - 1));
    }
    let pb = block.checked_sub(1)?;
    let n = a.blocks[pb].sentences.len();
    (n > 0 && !a.blocks[pb].heading).then(|| (pb, n - 1))
}

fn setting_of(
    a: &Article,
    q: &QuoteSpan,
    p: &Place,
    has_speaker: bool,
    said_after: bool,
) -> Setting {
    let open_toks = a.tokens(p.open.block);
    let close_toks = a.tokens(p.close.block);
    let after_colon = p.open.token > 0 && open_toks[p.open.token - 1].is_punct(':');
    // A reporting verb ending right before the mark (`a dit « … »`, `jugeant « … »`).
    let verb_before = (1..=4).any(|len| {
        p.open.token >= len
            && cues::verb_at(a, open_toks, p.open.token - len).is_some_and(|(l, f)| {
                l == len && !matches!(f.kind, crate::lexicon::verbs::FormKind::PastParticiple)
            })
    });
    // `la loi dite « … »` names; `il a dit « … »` reports: a naming word counts only when
    // no reporting verb ends there.
    let naming_cue_before = a
        .lex
        .mention_cues
        .match_ending_at(open_toks, p.open.token)
        .is_some()
        && !verb_before;
    let after_que = p.open.token > 0
        && a.lex
            .syntax
            .words
            .complementizers
            .has(&open_toks[p.open.token - 1]);
    let sentence_end = a
        .sentence(p.close.block, p.close_sentence)
        .map_or(close_toks.len(), |s| s.tokens.end);
    let mut i = p.close.token + 1;
    while i < sentence_end && close_toks[i].is_punct(',') {
        i += 1;
    }
    let sentence_continues = i < sentence_end
        && close_toks[i].is_word()
        && cues::after_quote(a, p.close.block, p.close.token + 1, sentence_end).is_none();
    let _ = q;
    Setting {
        after_colon,
        after_que,
        after_reporting_verb: verb_before,
        naming_cue_before,
        sentence_continues,
        has_speaker,
        said_after,
    }
}

/// The inner text: continuation marks dropped, line breaks and markup gaps folded to one
/// space, other spaces (including no-break ones) kept as typed.
fn quote_text(prose: &str, q: &QuoteSpan) -> String {
    let mut out = String::with_capacity(q.inner.len());
    let mut pending_space = false;
    let mut run = String::new();
    for (i, c) in prose[q.inner.start..q.inner.end].char_indices() {
        let at = q.inner.start + i;
        if q.continuations.iter().any(|m| m.contains(at)) {
            pending_space = true;
            continue;
        }
        if is_space(c) {
            run.push(c);
            continue;
        }
        if !run.is_empty() || pending_space {
            if run.chars().count() == 1 && !run.contains('\n') && !pending_space {
                out.push_str(&run);
            } else if !out.is_empty() {
                out.push(' ');
            }
            run.clear();
            pending_space = false;
        }
        out.push(c);
    }
    out
}
