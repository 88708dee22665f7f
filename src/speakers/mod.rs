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
use crate::text::normalize::{is_space, keep_lone_spaces};

/// How many tokens before a quote a reporting verb may stand and still introduce it.
const INTRODUCER_REACH: usize = 30;

/// Where a quote sits: its opening and closing tokens and their sentences.
struct Place {
    open: At,
    close: At,
    open_sentence: usize,
    close_sentence: usize,
}

struct Found {
    named: Named,
    via: Via,
}

pub fn attribute(a: &Article, spans: &[QuoteSpan]) -> Vec<Quote> {
    let places: Vec<Option<Place>> = spans.iter().map(|q| place(a, q)).collect();
    let mut found: Vec<Option<Found>> = Vec::with_capacity(spans.len());
    let mut said: Vec<Named> = Vec::new();
    let mut words = SentenceWords::default();
    for (q, p) in spans.iter().zip(&places) {
        let f = p
            .as_ref()
            .and_then(|p| direct_cue(a, q, p, &said, &mut words));
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
                id: crate::model::numbered_id('q', n + 1),
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
    })
}

/// The first and last words of the sentence last asked about: quotes come in text order,
/// so a sentence of thousands of quotes is scanned for them once, not once per quote.
#[derive(Default)]
struct SentenceWords {
    sentence: Option<(usize, usize)>,
    /// Index of the first word token (the sentence's end if none).
    first: usize,
    /// One past the index of the last word token (the sentence's start if none).
    last_end: usize,
}

impl SentenceWords {
    fn of(&mut self, a: &Article, block: usize, index: usize) -> Option<(usize, usize)> {
        if self.sentence != Some((block, index)) {
            let tokens = a.sentence(block, index)?.tokens.clone();
            let toks = a.tokens(block);
            let is_word = |&i: &usize| toks[i].is_word();
            self.sentence = Some((block, index));
            self.first = tokens.clone().find(is_word).unwrap_or(tokens.end);
            self.last_end = tokens
                .clone()
                .rev()
                .find(is_word)
                .map_or(tokens.start, |i| i + 1);
        }
        Some((self.first, self.last_end))
    }
}

fn direct_cue(
    a: &Article,
    q: &QuoteSpan,
    p: &Place,
    said: &[Named],
    words: &mut SentenceWords,
) -> Option<Found> {
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
    let opens_sentence = words
        .of(a, p.open.block, p.open_sentence)
        .is_some_and(|(first, _)| first >= p.open.token);
    let before = cues::before_quote(
        a,
        p.open.block,
        p.open.token,
        open_sent.tokens.start,
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
    let next_open = a.next_quote_open(q.close.start);
    for (c, tok) in close_toks
        .iter()
        .enumerate()
        .take(close_sent.tokens.end)
        .skip(p.close.token + 1)
    {
        if tok.punct().is_some_and(|ch| "«“„‹".contains(ch)) || tok.span.start >= next_open {
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
///
/// Quotes are in text order and never overlap, so the quotes after `i` that share its
/// (closing) sentence are those opening in it, a run; those before it, those closing in it,
/// another run. The nearest speaker after is tabled beforehand and the run before is
/// followed as the pass goes: a sentence of thousands of quotes costs a pass, not a pass
/// per quote.
fn share_within_sentence(places: &[Option<Place>], found: &mut [Option<Found>]) {
    let n = found.len();
    let open_key = |j: usize| places[j].as_ref().map(|p| (p.open.block, p.open_sentence));
    let close_key = |j: usize| {
        places[j]
            .as_ref()
            .map(|p| (p.close.block, p.close_sentence))
    };
    // The first quote with a speaker of its own among `j` and the quotes after it that
    // open in the sentence `j` opens in.
    let mut donor_after: Vec<Option<usize>> = vec![None; n];
    for j in (0..n).rev() {
        donor_after[j] = if found[j].is_some() {
            Some(j)
        } else if j + 1 < n && open_key(j).is_some() && open_key(j + 1) == open_key(j) {
            donor_after[j + 1]
        } else {
            None
        };
    }
    // Where the run of quotes closing in the sentence `i` closes in starts, and the last
    // quote before `i` with a speaker, shared ones included.
    let mut close_run_start = 0;
    let mut last_found: Option<usize> = None;
    for i in 0..n {
        let key = close_key(i);
        if i == 0 || key.is_none() || close_key(i - 1) != key {
            close_run_start = i;
        }
        if found[i].is_none()
            && let Some(key) = key
        {
            let after = (i + 1 < n && open_key(i + 1) == Some(key))
                .then(|| donor_after[i + 1])
                .flatten();
            let before = last_found.filter(|&j| close_run_start < i && j >= close_run_start);
            if let Some(j) = after.or(before)
                && let Some(f) = &found[j]
            {
                found[i] = Some(Found {
                    named: f.named.clone(),
                    via: Via::SameSentence,
                });
            }
        }
        if found[i].is_some() {
            last_found = Some(i);
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
    let mut words = SentenceWords::default();
    for i in 0..found.len() {
        if found[i].is_some() {
            continue;
        }
        let Some(p) = &places[i] else { continue };
        if !stands_alone(a, p, &mut words) {
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
            match cues::before_quote(a, pb, end, sent.tokens.start, usize::MAX)? {
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
    match cues::before_quote(a, pb, sent.tokens.end, sent.tokens.start, usize::MAX)? {
        Before::Found(Subject::Phrase(ph), _) => {
            a.resolve(Subject::Phrase(ph), sent.span.end, said)
        }
        _ => None,
    }
}

/// The quote is its sentence: nothing but punctuation outside its marks.
fn stands_alone(a: &Article, p: &Place, words: &mut SentenceWords) -> bool {
    let Some((first, _)) = words.of(a, p.open.block, p.open_sentence) else {
        return false;
    };
    let Some((_, last_end)) = words.of(a, p.close.block, p.close_sentence) else {
        return false;
    };
    first >= p.open.token && last_end <= p.close.token + 1
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
    let text = &prose[q.inner.start..q.inner.end];
    // Nearly every quotation stays in one paragraph: no marks to drop, only spaces.
    if q.continuations.is_empty() {
        return keep_lone_spaces(text);
    }
    over_marks(prose, q).unwrap_or_else(|| quote_text_by_char(prose, q))
}

/// [`quote_text`] of a quote running over paragraphs, a stretch at a time: each stretch
/// between continuation marks is folded as a one-paragraph quote is, without the spaces
/// after a mark, and the stretches are joined by one space, which stands for the mark and
/// the spaces around it. `None` when a mark does not fall on character boundaries (the
/// pairing never makes one), for the character-by-character fold.
fn over_marks(prose: &str, q: &QuoteSpan) -> Option<String> {
    let inner = q.inner;
    let mut marks: Vec<(usize, usize)> = q
        .continuations
        .iter()
        .map(|m| (m.start.max(inner.start), m.end.min(inner.end)))
        .filter(|(start, end)| start < end)
        .collect();
    marks.sort_unstable();
    let mut out = String::with_capacity(inner.end - inner.start);
    // The start of the stretch after the last mark.
    let mut from = inner.start;
    for (start, end) in marks.into_iter().chain([(inner.end, inner.end)]) {
        if start > from {
            let mut stretch = prose.get(from..start)?;
            if from > inner.start {
                stretch = stretch.trim_start_matches(is_space);
            }
            let folded = keep_lone_spaces(stretch);
            if !folded.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&folded);
            }
        }
        from = from.max(end);
    }
    Some(out)
}

/// [`quote_text`] of a quote with continuation marks, a character at a time: each is
/// looked for among the marks.
fn quote_text_by_char(prose: &str, q: &QuoteSpan) -> String {
    let text = &prose[q.inner.start..q.inner.end];
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // The spaces since the last kept character: (first byte, end byte, chars).
    let mut run: Option<(usize, usize, usize)> = None;
    // Characters are copied a run at a time: from `kept` to the current position.
    let mut kept: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let at = q.inner.start + i;
        let continuation = q.continuations.iter().any(|m| m.contains(at));
        if continuation || is_space(c) {
            if let Some(k) = kept.take() {
                out.push_str(&text[k..i]);
            }
            if continuation {
                pending_space = true;
            } else {
                let (start, _, n) = run.unwrap_or((i, i, 0));
                run = Some((start, i + c.len_utf8(), n + 1));
            }
            continue;
        }
        if run.is_some() || pending_space {
            match run {
                Some((start, end, 1)) if !pending_space && &text[start..end] != "\n" => {
                    out.push_str(&text[start..end])
                }
                _ if !out.is_empty() => out.push(' '),
                _ => {}
            }
            run = None;
            pending_space = false;
        }
        kept.get_or_insert(i);
    }
    if let Some(k) = kept {
        out.push_str(&text[k..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceKind;
    use proptest::prelude::*;

    /// The char-by-char [`quote_text`] that the run-copying one replaced: its specification.
    fn quote_text_reference(prose: &str, q: &QuoteSpan) -> String {
        let mut out = String::new();
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

    proptest! {
        #[test]
        fn quote_text_is_the_char_by_char_fold(
            text in "[ab«»é€𝄞 \n\r\u{a0}\u{202f}\u{2009}\u{feff}\u{85}\u{3000}\u{2028}\t]{0,30}",
            marks in proptest::collection::vec((0usize..40, 1usize..3), 0..3),
        ) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let at = |k: usize| bounds[k % bounds.len()];
            let continuations = marks
                .iter()
                .map(|&(s, l)| Span::new(at(s), at(s).max(at(s + l))))
                .collect();
            let q = QuoteSpan {
                family: crate::quotes::marks::Family::Guillemet,
                open: Span::new(0, 0),
                close: Span::new(text.len(), text.len()),
                inner: Span::new(0, text.len()),
                first_block: 0,
                last_block: 0,
                continuations,
            };
            prop_assert_eq!(quote_text(&text, &q), quote_text_reference(&text, &q));
        }
    }

    /// The quadratic scan [`share_within_sentence`] replaced: the specification it keeps.
    fn share_reference(places: &[Option<Place>], found: &mut [Option<Found>]) {
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
            let donor = (i + 1..found.len())
                .take_while(|&j| same(j))
                .find(|&j| found[j].is_some())
                .or_else(|| {
                    (0..i)
                        .rev()
                        .take_while(|&j| same(j))
                        .find(|&j| found[j].is_some())
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

    /// Quotes in text order: each opens in the sentence the previous one closed in or a
    /// later one, and closes in the sentence it opens in or a later one; some have no
    /// place, some a speaker of their own.
    fn quotes() -> impl Strategy<Value = Vec<(bool, u8, u8, bool)>> {
        prop::collection::vec(
            (any::<bool>(), 0..3u8, 0..2u8, prop::bool::weighted(0.3)),
            0..40,
        )
    }

    fn build(spec: &[(bool, u8, u8, bool)]) -> (Vec<Option<Place>>, Vec<Option<Found>>) {
        let mut sentence = 0;
        let mut places = Vec::new();
        let mut found = Vec::new();
        for (n, &(placed, gap, length, speaker)) in spec.iter().enumerate() {
            let open = sentence + usize::from(gap);
            let close = open + usize::from(length);
            sentence = close;
            let at = |s: usize| At {
                block: s / 4,
                token: n,
            };
            places.push(placed.then(|| Place {
                open: at(open),
                close: at(close),
                open_sentence: open % 4,
                close_sentence: close % 4,
            }));
            found.push(speaker.then(|| Found {
                named: Named {
                    name: format!("S{n}"),
                    kind: SourceKind::Person,
                    span: Span::new(n, n + 1),
                },
                via: Via::InciseAfter,
            }));
        }
        (places, found)
    }

    fn donors(found: &[Option<Found>]) -> Vec<Option<(String, Via)>> {
        found
            .iter()
            .map(|f| f.as_ref().map(|f| (f.named.name.clone(), f.via)))
            .collect()
    }

    proptest! {
        #[test]
        fn sharing_is_the_quadratic_scan(spec in quotes()) {
            let (places, mut fast) = build(&spec);
            let (_, mut slow) = build(&spec);
            share_within_sentence(&places, &mut fast);
            share_reference(&places, &mut slow);
            prop_assert_eq!(donors(&fast), donors(&slow));
        }
    }
}
