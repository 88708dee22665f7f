//! The constructions of French reported speech that link a quote to its speaker.
//!
//! Forward patterns (after a closing mark, inside a quote) are nom parsers over tokens;
//! the introducer before a quote is found by scanning back from the opening mark to the
//! nearest reporting verb or marker of the same sentence.

use nom::{IResult, Input, Parser, combinator::opt, error::ErrorKind};

use super::article::{Article, At};
use super::names::Subject;
use super::stream::Toks;
use crate::lexicon::verbs::{FormKind, VerbForm};
use crate::lexicon::{MarkerPosition, WordClass};
use crate::model::Via;
use crate::text::token::Token;

type Res<'a, O> = IResult<Toks<'a>, O>;

fn fail<O>(input: Toks<'_>) -> Res<'_, O> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        ErrorKind::Verify,
    )))
}

/// One punctuation token.
fn punct<'a>(c: char) -> impl Fn(Toks<'a>) -> Res<'a, &'a Token> {
    move |input: Toks<'a>| match input.first() {
        Some(t) if t.is_punct(c) => Ok((input.take_from(1), t)),
        _ => fail(input),
    }
}

/// A dash introducing a signature (`— Jean Dupont, maire`).
fn dash(input: Toks<'_>) -> Res<'_, &Token> {
    match input.first() {
        Some(t) if t.punct().is_some_and(|c| matches!(c, '—' | '–' | '-')) => {
            Ok((input.take_from(1), t))
        }
        _ => fail(input),
    }
}

/// A reporting-verb form: where it starts (token index) and what form it is.
#[derive(Debug, Clone)]
pub struct VerbHit<'a> {
    pub start: usize,
    pub end: usize,
    pub form: &'a VerbForm,
}

fn verb<'a>(a: &'a Article<'a>) -> impl Fn(Toks<'a>) -> Res<'a, VerbHit<'a>> {
    move |input: Toks<'a>| match verb_at(a, input.all, input.start) {
        Some((len, form)) if len <= input.input_len() => Ok((
            input.take_from(len),
            VerbHit {
                start: input.start,
                end: input.start + len,
                form,
            },
        )),
        _ => fail(input),
    }
}

/// A reporting-verb form starting at token `k`; never the second half of a hyphenated
/// word (`soi-disant` is no form of `dire`).
pub fn verb_at<'a>(a: &'a Article, toks: &[Token], k: usize) -> Option<(usize, &'a VerbForm)> {
    if toks.get(k)?.hyphen_joined {
        return None;
    }
    let hit = a.lex.verbs.match_at(toks, k)?;
    if k > 0 && !a.lex.syntax.words.is_auxiliary(toks[k].word) && after_determiner(a, toks, k) {
        return None;
    }
    Some(hit)
}

/// Whether token `k` follows a determiner, which makes it a noun (`la note`, `un
/// communiqué`). `le`/`la`/`les`/`l'` are also object pronouns: after a subject (`il le
/// dit`, `X l'affirme`) or in `comme le précise`, the word is still a verb.
fn after_determiner(a: &Article, toks: &[Token], k: usize) -> bool {
    let prev = &toks[k - 1];
    if !a.is(prev, WordClass::Determiner) {
        return false;
    }
    if !a.is(prev, WordClass::Clitic) {
        return true;
    }
    let Some(before) = k.checked_sub(2).map(|i| &toks[i]) else {
        return true;
    };
    let verb_context = before.is_word()
        && (before.capitalized && !a.lex.is_function_word(before.word)
            || a.is(before, WordClass::Pronoun)
            || a.is(before, WordClass::Relative)
            || a.lex.syntax.words.inversion_triggers.has(before)
            || a.lex.syntax.words.negation.has(before));
    !verb_context
}

/// A marker that may follow a quote (`« … », selon X`).
fn marker<'a>(a: &'a Article<'a>) -> impl Fn(Toks<'a>) -> Res<'a, usize> {
    move |input: Toks<'a>| match a.lex.markers.match_at(input.all, input.start) {
        Some((len, m)) if m.position == MarkerPosition::Any && len <= input.input_len() => {
            Ok((input.take_from(len), len))
        }
        _ => fail(input),
    }
}

/// The subject pronoun inside an inverted form (`a-t-il dit` -> `il`).
fn incise_pronoun(a: &Article, b: usize, hit: &VerbHit) -> Option<Subject> {
    let toks = a.tokens(b);
    (hit.start..hit.end).find_map(|k| {
        a.pronoun(&toks[k]).map(|plural| Subject::Pronoun {
            at: At { block: b, token: k },
            plural,
        })
    })
}

/// `« … », a déclaré X` · `« … », a-t-il déclaré` · `« … », selon X` · `« … » — X`.
/// `i` is the token after the closing mark, `limit` the end of the sentence.
pub fn after_quote(a: &Article, b: usize, i: usize, limit: usize) -> Option<(Subject, Via)> {
    let toks = a.tokens(b);
    let input = Toks::new(toks, i, limit);
    if let Ok((rest, (_, hit))) = (opt(punct(',')), verb(a)).parse(input) {
        return match hit.form.kind {
            FormKind::Incise => incise_pronoun(a, b, &hit).map(|s| (s, Via::InciseAfter)),
            FormKind::Finite | FormKind::Conditional | FormKind::ConditionalPast => a
                .forward_subject(b, rest.start, limit)
                .map(|s| (s, Via::InciseAfter)),
            FormKind::PastParticiple | FormKind::PresentParticiple => None,
        };
    }
    if let Ok((rest, _)) = (punct(','), marker(a)).parse(input) {
        return a
            .forward_subject(b, rest.start, limit)
            .map(|s| (s, Via::Marker));
    }
    if let Ok((rest, _)) = (opt(punct(',')), dash).parse(input) {
        return a
            .forward_subject(b, rest.start, limit)
            .map(|s| (s, Via::Signature));
    }
    None
}

/// `« Nous restons, a-t-il dit, déterminés »`: an incise between commas inside a quote.
pub fn inside_quote(a: &Article, b: usize, from: usize, to: usize) -> Option<(Subject, Via)> {
    let toks = a.tokens(b);
    for k in from..to {
        if !toks[k].is_punct(',') {
            continue;
        }
        let input = Toks::new(toks, k + 1, to);
        let Ok((rest, hit)) = verb(a)(input) else {
            continue;
        };
        let subject = match hit.form.kind {
            FormKind::Incise => incise_pronoun(a, b, &hit),
            FormKind::Finite => match a.forward_subject(b, rest.start, to) {
                Some(Subject::Phrase(p)) if a.is_source_like(p) => Some(Subject::Phrase(p)),
                _ => None,
            },
            _ => None,
        };
        let Some(subject) = subject else { continue };
        let end = match subject {
            Subject::Pronoun { at, .. } => at.token.max(hit.end - 1) + 1,
            Subject::Phrase(p) => p.apposed_name.map_or(p.end, |(_, e)| e),
        };
        // The incise closes with a comma or a period a few words on (`, a-t-elle lancé
        // en se tournant vers le prévenu, …`).
        if (end..to.min(end + 20)).any(|i| toks[i].punct().is_some_and(|c| ",.".contains(c))) {
            return Some((subject, Via::InciseInside));
        }
    }
    None
}

/// What the nearest cue before a quote says about its speaker.
#[derive(Debug, Clone, Copy)]
pub enum Before {
    Found(Subject, Via),
    /// `Estimant que « … », il …`: the subject comes after the quote.
    SubjectAfter,
}

/// A reporting cue found at one position: its tokens, the verb form if it is a verb, and
/// what it says of the speaker (`None`: a cue whose subject could not be found).
pub struct Cue<'a> {
    pub start: usize,
    pub end: usize,
    pub verb: Option<&'a VerbForm>,
    pub found: Option<Before>,
}

/// Scans back from token `open` to `lo` for the nearest reporting verb or marker (verbs at
/// most `reach` tokens back, as a verb far from a quote is seldom its introducer):
/// `X a déclaré : « … »`, `X estime que « … »`, `selon X, « … »`, `Pour X : « … »`.
pub fn before_quote(a: &Article, b: usize, open: usize, lo: usize, reach: usize) -> Option<Before> {
    let toks = a.tokens(b);
    // Never back across another quotation: its closing mark ends the search.
    // (`open` may also be the end of the block.)
    let at = toks
        .get(open)
        .map_or_else(|| toks.last().map_or(0, |t| t.span.end), |t| t.span.start);
    let previous = a.previous_quote_close(at);
    let mut k = open;
    while k > lo {
        k -= 1;
        if toks[k].punct().is_some_and(|c| "»”›;".contains(c))
            || previous == Some(toks[k].span.start)
        {
            return None;
        }
        if may_start_cue(a, toks, k)
            && let Some(cue) = cue_at(a, b, k, open, lo, open - k <= reach)
        {
            return cue.found;
        }
    }
    None
}

/// Whether a cue may start at token `k`: a marker or a reporting-verb form does, which
/// [`cue_at`] needs before anything else. Scans that try every token ask this first, so
/// that the call and its setup are left out on nearly every token; always inlined, or it
/// would be a call itself.
#[inline(always)]
pub fn may_start_cue(a: &Article, toks: &[Token], k: usize) -> bool {
    a.lex.markers.match_at(toks, k).is_some() || a.lex.verbs.match_at(toks, k).is_some()
}

/// The reporting cue starting at token `k`, if any: a marker (`selon X`) or a reporting
/// verb with its subject. `limit` bounds what follows (a quote's opening mark, a sentence
/// end), `lo` what precedes; `verbs` is false when only markers may count here.
pub fn cue_at<'a>(
    a: &'a Article,
    b: usize,
    k: usize,
    limit: usize,
    lo: usize,
    verbs: bool,
) -> Option<Cue<'a>> {
    let toks = a.tokens(b);
    if let Some((len, m)) = a.lex.markers.match_at(toks, k)
        && k + len <= limit
        && a.lex.marker_guards.match_at(toks, k).is_none()
        // `X, cité par Le Monde`: the medium only relays; X's own verb names the source.
        && !m.relay
    {
        // `de source policière`: the marker's noun and its complement are the source.
        if m.own_noun {
            let end = (k + len..limit)
                .find(|&i| !toks[i].is_word() || a.is(&toks[i], WordClass::Determiner))
                .unwrap_or(limit);
            if end > k + len {
                let phrase = super::names::Phrase {
                    block: b,
                    start: k + len - 1,
                    end,
                    apposed_name: None,
                };
                return Some(Cue {
                    start: k,
                    end: k + len,
                    verb: None,
                    found: Some(Before::Found(Subject::Phrase(phrase), Via::Marker)),
                });
            }
        }
        let fronted_ok = m.position == MarkerPosition::Any
            || k == lo
            || toks[k - 1].punct().is_some_and(|c| ",;:".contains(c))
            || a.sentence_initial(At { block: b, token: k });
        let next = toks.get(k + len);
        let np_follows = next.is_some_and(|n| {
            a.is(n, WordClass::Determiner)
                || a.is(n, WordClass::Title)
                || a.pronoun(n).is_some()
                || a.is_name_start(b, k + len)
                || a.lex.source_nouns.match_at(toks, k + len).is_some()
                // `de l'avis du toxicologue X`: a role noun the lexicon lacks, then a name.
                || (k + len..limit.min(k + len + 4)).any(|i| a.is_name_start(b, i))
        });
        if fronted_ok
            && np_follows
            && let Some(s) =
                marker_subject(a, b, k + len, limit, m.position == MarkerPosition::Fronted)
        {
            return Some(Cue {
                start: k,
                end: k + len,
                verb: None,
                found: Some(Before::Found(s, Via::Marker)),
            });
        }
    }
    if !verbs {
        return None;
    }
    let (len, form) = verb_at(a, toks, k)?;
    if k + len > limit {
        return None;
    }
    let hit = VerbHit {
        start: k,
        end: k + len,
        form,
    };
    let cue = |found: Option<Before>| {
        Some(Cue {
            start: k,
            end: k + len,
            verb: Some(form),
            found,
        })
    };
    let introduced = |s: Option<Subject>| s.map(|s| Before::Found(s, Via::Introducer));
    match form.kind {
        FormKind::Incise => {
            let s = incise_pronoun(a, b, &hit)?;
            cue(Some(Before::Found(s, Via::Introducer)))
        }
        FormKind::Finite | FormKind::Conditional | FormKind::ConditionalPast => {
            cue(introduced(finite_subject(a, b, k, k + len, limit, lo)))
        }
        FormKind::PastParticiple => {
            // `a pour sa part ajouté`: a compound past split by adverbs. With `être`, only a
            // pronominal verb is active (`s'est félicité`); `sont mis en examen` is a
            // passive, whose subject is no speaker.
            let w = &a.lex.syntax.words;
            let aux = (k.saturating_sub(5).max(lo)..k)
                .rev()
                .find(|&m| toks[m].is_word() && w.is_auxiliary(toks[m].word));
            if let Some(aux) = aux {
                let reflexive = aux > lo && w.reflexives.has(&toks[aux - 1]);
                let passive = (aux + 1..k).any(|m| w.passive_participles.has(&toks[m]));
                if !passive && (reflexive || !w.auxiliaries_etre.has(&toks[aux])) {
                    let aux = if reflexive { aux - 1 } else { aux };
                    return Some(Cue {
                        start: aux,
                        end: k + len,
                        verb: Some(form),
                        found: introduced(finite_subject(a, b, aux, k + 1, limit, lo)),
                    });
                }
                return None;
            }
            if k > lo && w.coordinators.has(&toks[k - 1]) {
                return cue(introduced(earlier_verb_subject(a, b, k - 1, lo)));
            }
            None
        }
        FormKind::PresentParticiple => {
            if a.sentence_initial(At { block: b, token: k }) {
                return cue(Some(Before::SubjectAfter));
            }
            if k > lo && a.lex.syntax.words.gerund_markers.has(&toks[k - 1]) {
                return cue(introduced(earlier_verb_subject(a, b, k - 1, lo)));
            }
            // `un communiqué affirmant que`: the document's author is the clause subject.
            let subject = a.backward_subject(b, k, lo);
            if let Some(Subject::Phrase(p)) = subject
                && a.describe(p).kind == crate::model::SourceKind::Document
                && let Some(author) = earlier_verb_subject(a, b, p.start, lo)
            {
                return cue(Some(Before::Found(author, Via::Introducer)));
            }
            cue(introduced(subject))
        }
    }
}

/// The source named after a marker, up to the colon or the quote: the first comma-chunk,
/// or the proper name set off right after it (`selon le ministre, Jean Dupont, « … »`).
/// A fronted marker (`Pour X, …`) must be closed by a comma or colon.
fn marker_subject(
    a: &Article,
    b: usize,
    start: usize,
    open: usize,
    fronted: bool,
) -> Option<Subject> {
    let toks = a.tokens(b);
    let end = (start..open)
        .find(|&k| toks[k].punct().is_some_and(|c| ":;«»“”\".!?…".contains(c)))
        .unwrap_or(open);
    let commas: Vec<usize> = (start..end).filter(|&k| toks[k].is_punct(',')).collect();
    let first_end = commas.first().copied().unwrap_or(end);
    if fronted && first_end == open {
        return None;
    }
    if first_end - start > 12 || first_end == start {
        return a.forward_subject(b, start, open);
    }
    if let Some(plural) = a.pronoun(&toks[start]).filter(|_| first_end == start + 1) {
        return Some(Subject::Pronoun {
            at: At {
                block: b,
                token: start,
            },
            plural,
        });
    }
    let mut apposed_name = None;
    if let Some(&c) = commas.first() {
        let next_end = commas.get(1).copied().unwrap_or(end);
        let mut n = c + 1;
        while n < next_end
            && (a.is(&toks[n], WordClass::Title) || a.is(&toks[n], WordClass::Determiner))
        {
            n += 1;
        }
        if n < next_end && a.is_name_start(b, n) && a.name_run(b, n) == next_end {
            apposed_name = Some((n, next_end));
        }
    }
    Some(Subject::Phrase(super::names::Phrase {
        block: b,
        start,
        end: first_end,
        apposed_name,
    }))
}

/// The subject of a finite verb `[start, end)`: before it, or after it when inverted
/// (`comme le précise X : « … »`).
fn finite_subject(
    a: &Article,
    b: usize,
    start: usize,
    end: usize,
    open: usize,
    lo: usize,
) -> Option<Subject> {
    let toks = a.tokens(b);
    // `dit` is also a participle: in `X a dit`, the subject is before the auxiliary.
    let mut start = start;
    while start > lo
        && (a.lex.syntax.words.is_auxiliary(toks[start - 1].word)
            || a.lex.syntax.words.reflexives.has(&toks[start - 1]))
        && toks[start - 1].is_word()
    {
        start -= 1;
    }

    let mut j = start;
    while j > lo && a.is(&toks[j - 1], WordClass::Clitic) {
        j -= 1;
    }
    if j > lo && a.lex.syntax.words.inversion_triggers.has(&toks[j - 1]) {
        return marker_subject(a, b, end, open, false);
    }
    // `…le 1er mars, a annoncé jeudi la ministre`: after a comma, a reporting verb
    // followed by a source is a postposed incise without quotes; its subject follows.
    if j > lo
        && toks[j - 1].is_punct(',')
        && let Some(Subject::Phrase(p)) = a.forward_subject(b, end, open)
        && a.is_source_like(p)
    {
        return Some(Subject::Phrase(p));
    }
    a.backward_subject(b, start, lo)
}

/// For a verb coordinated with an earlier one (`X a condamné … et estimé que`, `X …, en
/// affirmant que`), the subject of the earlier verb.
fn earlier_verb_subject(a: &Article, b: usize, from: usize, lo: usize) -> Option<Subject> {
    let toks = a.tokens(b);
    let mut k = from;
    while k > lo {
        k -= 1;
        if toks[k].is_word() && a.lex.syntax.words.is_auxiliary(toks[k].word) {
            return a.backward_subject(b, k, lo);
        }
        if let Some((_, form)) = a.lex.verbs.match_at(toks, k)
            && matches!(form.kind, FormKind::Finite | FormKind::Conditional)
        {
            return finite_subject(a, b, k, k + 1, from, lo);
        }
    }
    a.clause_head_subject(b, lo, from)
}

impl Article<'_> {
    /// The subject at the head of the last clause of `[lo, end)` that has one: what a
    /// colon introduces when no reporting verb does (`X s'en prit au juge : « … »`).
    pub fn clause_head_subject(&self, b: usize, lo: usize, end: usize) -> Option<Subject> {
        let toks = self.tokens(b);
        let mut starts: Vec<usize> = vec![lo];
        starts.extend(
            (lo..end)
                .filter(|&k| toks[k].punct().is_some_and(|c| ",;".contains(c)))
                .map(|k| k + 1),
        );
        for &s in starts.iter().rev() {
            let mut i = s;
            while i < end
                && toks[i].is_word()
                && (self.is(&toks[i], WordClass::Conjunction)
                    || self.lex.syntax.words.clause_openers.has(&toks[i]))
            {
                i += 1;
            }
            if let Some((len, _)) = self.lex.fronted.match_at(toks, i) {
                i += len;
            }
            let Some(t) = toks.get(i).filter(|_| i < end) else {
                continue;
            };
            if let Some(plural) = self.pronoun(t) {
                return Some(Subject::Pronoun {
                    at: At { block: b, token: i },
                    plural,
                });
            }
            if self.is_name_start(b, i) {
                // `Jeannine Roubaud fait ses comptes : « … »`: the name heads the clause.
                let e = self.name_run(b, i).min(end);
                return Some(Subject::Phrase(super::names::Phrase {
                    block: b,
                    start: i,
                    end: e,
                    apposed_name: None,
                }));
            }
            if self.is(t, WordClass::Determiner) && !self.is(t, WordClass::Preposition) {
                let e = self.phrase_end(b, i, end);
                let verb_follows = (e > i && self.lex.verbs.match_at(toks, e).is_some())
                    || toks
                        .get(e)
                        .is_some_and(|n| n.is_word() && !self.is(n, WordClass::Preposition));
                if verb_follows && let Some(Subject::Phrase(p)) = self.forward_subject(b, i, end) {
                    return Some(Subject::Phrase(p));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::document::{Document, Format};
    use crate::lexicon::FR;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "selon",
        "Selon",
        "de source",
        "policière",
        "d'après",
        "pour",
        "Pour",
        "cité par",
        "a déclaré",
        "a-t-il dit",
        "affirme",
        "estimant",
        "a pour sa part ajouté",
        "s'est",
        "félicité",
        "et",
        "en",
        "le",
        "la",
        "ministre",
        "Marie Dupont",
        "Le Monde",
        "il",
        "que",
        "qui",
        ",",
        ":",
        ".",
        "«",
        "»",
        "\n\n",
    ];

    proptest! {
        /// [`cue_at`] finds nothing where [`may_start_cue`] says no cue starts, whatever
        /// the bounds: the scans may skip those tokens.
        #[test]
        fn no_cue_where_none_may_start(
            words in prop::collection::vec(prop::sample::select(WORDS), 0..30),
        ) {
            let text = words.join(" ");
            let doc = Document::parse(Path::new("t.md"), text.into_bytes(), Format::Markdown)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let (spans, _) = crate::quotes::pair_quotes(&doc.prose, &doc.blocks);
            let a = Article::new(&doc, &FR, &spans);
            for (b, block) in a.blocks.iter().enumerate() {
                let n = block.tokens.len();
                for k in 0..n {
                    if !may_start_cue(&a, &block.tokens, k) {
                        for lo in [0, k] {
                            prop_assert!(cue_at(&a, b, k, n, lo, true).is_none(), "token {}", k);
                        }
                    }
                }
            }
        }
    }
}
