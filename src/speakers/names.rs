//! Noun phrases that name a source: proper-name runs, descriptions, pronouns, and what
//! kind of source each is.
//!
//! There is no statistical tagger here: a proper name is a run of capitalised words
//! (with particles such as `de`, `van`, `del`), a description is a determiner-led phrase
//! whose head noun is looked up in `grammar/fr/source_nouns.tsv`, and the kind follows
//! from that head, from the name's own words (given names, media, metonyms) and from
//! titles (`M.`, `Mme`).

use rustc_hash::FxHashMap as HashMap;

use super::article::{Article, At, Mention};
use crate::lexicon::syntax::WordSet;
use crate::lexicon::{Lexicon, WordClass};
use crate::model::SourceKind;
use crate::source::Span;
use crate::text::token::{Token, TokenKind};

/// A noun phrase found in a sentence: tokens `[start, end)` of `block`, and a proper
/// name set off after it by a comma (`le porte-parole, Dmitri Peskov`), if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    pub apposed_name: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Phrase(Phrase),
    /// A subject pronoun (`il`, `elle`, `ils`, `eux`…) to resolve to a name said before.
    Pronoun {
        at: At,
        plural: bool,
    },
}

/// A resolved speaker: the name to print, its kind and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub kind: SourceKind,
    pub span: Span,
}

/// How many paragraphs back a pronoun's antecedent is looked for.
const ANTECEDENT_BLOCKS: usize = 8;

/// And at most this many earlier speakers.
const ANTECEDENT_SPEAKERS: usize = 40;

/// And at most this many mentions back (one endless paragraph must stay linear too).
const ANTECEDENT_MENTIONS: usize = 200;

/// How many tokens before its verb a subject clause may start (asides included): far
/// more than any sentence of prose needs.
const SUBJECT_REACH: usize = 200;

/// Whether a token has two letters or more, all capitals (`ONU`, `CNRS`). One pass that
/// stops at the first small letter: a name (`Dupont`) is answered on its second.
fn is_all_caps(t: &Token, text: &str) -> bool {
    let mut letters = 0;
    for c in text[t.span.start..t.span.end].chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Length and kind of the media or metonym name starting at token `i`, if any. Asked of
/// every word by [`Article::name_starts`]: always inlined, as a miss is two array lookups
/// and a call would cost as much again.
#[inline(always)]
fn known_name(lex: &Lexicon, toks: &[Token], i: usize) -> Option<(usize, SourceKind)> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    // Every capitalised content word of the name is capitalised in the text too
    // (determiners may be either: `le Monde`).
    let same_case = |len: usize, caps: &Vec<bool>| {
        toks[i..i + len]
            .iter()
            .zip(caps)
            .all(|(t, &cap)| !cap || t.capitalized || lex.is_function_word(t.word))
            && toks[i..i + len].iter().any(|t| t.capitalized)
    };
    if let Some((len, caps)) = lex.media.match_at(toks, i)
        && same_case(len, caps)
    {
        return Some((len, SourceKind::Media));
    }
    if let Some((len, caps)) = lex.metonyms.match_at(toks, i)
        && same_case(len, caps)
    {
        return Some((len, SourceKind::Organization));
    }
    None
}

impl Article<'_> {
    /// Whether a token is a subject pronoun standing for a speaker, and if so whether it
    /// is plural.
    pub fn pronoun(&self, t: &Token) -> Option<bool> {
        self.lex.syntax.pronoun(t).map(|p| p.plural)
    }

    /// Length of the media or metonym name starting at token `i`, if any.
    fn known_name_at(&self, b: usize, i: usize) -> Option<(usize, SourceKind)> {
        known_name(self.lex, self.tokens(b), i)
    }

    /// Whether token `i` of block `b` starts a proper name (not just a sentence), as
    /// [`Article::name_starts`] worked it out.
    pub fn is_name_start(&self, b: usize, i: usize) -> bool {
        self.blocks[b].name_start.get(i).copied().unwrap_or(false)
    }

    /// Whether each token of block `b` starts a proper name. Worked out once, in one walk
    /// over the block's sentences that tells which tokens open theirs as it goes: the
    /// mention pass asks it of every token, and the phrase and cue grammars ask it again
    /// of the same tokens, each time with a lexicon lookup or two before the first cheap
    /// test could fail.
    pub(super) fn name_starts(&self, b: usize) -> Vec<bool> {
        let block = &self.blocks[b];
        let toks = &block.tokens[..];
        let mut out = vec![false; toks.len()];
        // Sentences cover the block's tokens, in order.
        for s in &block.sentences {
            // Nothing but punctuation so far (`« Dupont`, `— Le`): still the first word.
            let mut initial = true;
            for i in s.tokens.clone() {
                let t = &toks[i];
                if t.is_word() {
                    out[i] = self.starts_name(toks, i, initial);
                }
                initial &= t.punct().is_some_and(|c| !c.is_alphanumeric());
            }
        }
        out
    }

    /// Whether the word `toks[i]` starts a proper name (not just a sentence); `initial`
    /// when it is the first word of its sentence. A lower-case word, most of them, is
    /// answered right after the media and metonym lookups: only such a name (`le Monde`)
    /// starts with one.
    #[inline]
    fn starts_name(&self, toks: &[Token], i: usize, initial: bool) -> bool {
        let t = &toks[i];
        if known_name(self.lex, toks, i).is_some() {
            return true;
        }
        if !t.capitalized || t.hyphen_joined {
            return false;
        }
        // `le Premier ministre`, `la Garde des Sceaux`: a role written with a capital.
        if self
            .lex
            .source_nouns
            .match_at(toks, i)
            .is_some_and(|(len, kind)| len >= 2 && *kind == SourceKind::Person)
        {
            return false;
        }
        let surface = &self.doc.text[t.span.start..t.span.end];
        if self.lex.is_function_word(t.word) || self.lex.fronted.match_at(toks, i).is_some() {
            // `Le`, `Selon`, `Il`: capitalised only because they open a sentence.
            return false;
        }
        if !initial {
            return true;
        }
        self.lex.given_names.contains_key(surface)
            || self.proper_words.contains(surface)
            || is_all_caps(t, &self.doc.text)
            || toks
                .get(i + 1)
                .is_some_and(|n| n.is_word() && n.capitalized && !self.lex.is_function_word(n.word))
    }

    /// End (exclusive) of the proper-name run starting at `i`.
    pub fn name_run(&self, b: usize, i: usize) -> usize {
        let toks = self.tokens(b);
        if let Some((len, _)) = self.known_name_at(b, i) {
            return i + len;
        }
        let mut e = i + 1;
        while e < toks.len() {
            let t = &toks[e];
            let next_cap = toks
                .get(e + 1)
                .is_some_and(|n| n.is_word() && n.capitalized);
            if t.is_word() && (t.capitalized || t.hyphen_joined) {
                e += 1;
            } else if (t.is_word() && self.lex.name_particles.contains(t.norm.as_str())
                || t.is_punct('&'))
                && next_cap
            {
                e += 2;
            } else if t.kind == TokenKind::Number
                && t.norm.len() <= 2
                && !toks
                    .get(e + 1)
                    .is_some_and(|n| n.is_word() && !n.capitalized && n.norm.len() <= 2)
            {
                e += 1;
            } else {
                break;
            }
        }
        e.min(toks.len())
    }

    /// The kind of the proper name `[s, e)`, from its words and what stands before it.
    pub fn classify_name(&self, b: usize, s: usize, e: usize) -> SourceKind {
        let toks = self.tokens(b);
        if let Some((len, kind)) = self.known_name_at(b, s)
            && s + len == e
        {
            return kind;
        }
        let first = &toks[s];
        let surface = &self.doc.text[first.span.start..first.span.end];
        if s > 0 && self.is(&toks[s - 1], WordClass::Title) {
            return SourceKind::Person;
        }
        if let Some(kind) = self.head_noun_before(b, s) {
            return kind;
        }
        let given = self.lex.given_names.contains_key(surface);
        // French person names take no article and are rarely the object of a place
        // preposition: `le Vendée Globe`, `aux Sables-d'Olonne` are not people.
        if s > 0
            && !given
            && toks[s - 1].is_word()
            && !toks[s - 1].capitalized
            && self.lex.syntax.words.non_person_before.has(&toks[s - 1])
        {
            return SourceKind::Organization;
        }
        if !given
            && toks[s..e].iter().any(|t| {
                t.kind == TokenKind::Number
                    || t.norm.chars().any(|c| c.is_ascii_digit())
                    || is_all_caps(t, &self.doc.text)
            })
        {
            return SourceKind::Organization;
        }
        // A capitalised source noun inside the name gives its kind (`Le Quotidien de
        // Brest` is a medium, `Parti populaire` an organisation).
        let noun_kind = toks[s..e].iter().filter(|t| t.capitalized).find_map(|t| {
            match self.lex.source_nouns.get_word(t.word) {
                Some(SourceKind::Media) => Some(SourceKind::Media),
                Some(SourceKind::Organization | SourceKind::Document) => {
                    Some(SourceKind::Organization)
                }
                _ => None,
            }
        });
        if let Some(kind) = noun_kind {
            return kind;
        }
        if given || (surface.ends_with('.') && surface.chars().count() == 2) {
            return SourceKind::Person;
        }
        if e - s == 1 && is_all_caps(first, &self.doc.text) {
            return SourceKind::Organization;
        }
        let words = toks[s..e].iter().filter(|t| t.is_word()).count();
        if words >= 2 {
            SourceKind::Person
        } else {
            SourceKind::Organization
        }
    }

    /// The class of a source noun right before a name (`le quotidien X`, `la ministre X`).
    fn head_noun_before(&self, b: usize, s: usize) -> Option<SourceKind> {
        let toks = self.tokens(b);
        for len in 1..=3 {
            if len > s {
                break;
            }
            if let Some((l, kind)) = self.lex.source_nouns.match_at(toks, s - len)
                && l == len
            {
                return Some(*kind);
            }
        }
        None
    }

    /// Noun phrase starting at `i` (after adverbials and `à l'AFP`-like complements),
    /// bounded by `limit`.
    pub fn forward_subject(&self, b: usize, mut i: usize, limit: usize) -> Option<Subject> {
        let toks = self.tokens(b);
        let limit = limit.min(toks.len());
        i = self.skip_adverbials(b, i, limit);
        let t = toks.get(i).filter(|_| i < limit)?;
        if let Some(plural) = self.pronoun(t) {
            return Some(Subject::Pronoun {
                at: At { block: b, token: i },
                plural,
            });
        }
        let end = self.phrase_end(b, i, limit);
        if end == i
            || !toks[i..end]
                .iter()
                .any(|t| t.is_word() && !self.is(t, WordClass::Determiner))
        {
            return None;
        }
        let apposed_name = self.apposed_name(b, end, limit);
        Some(Subject::Phrase(Phrase {
            block: b,
            start: i,
            end,
            apposed_name,
        }))
    }

    /// A name set off by commas right after a phrase ending at `end`.
    fn apposed_name(&self, b: usize, end: usize, limit: usize) -> Option<(usize, usize)> {
        let toks = self.tokens(b);
        if !toks.get(end).is_some_and(|t| t.is_punct(',')) {
            return None;
        }
        let mut s = end + 1;
        while s < limit && self.is(&toks[s], WordClass::Title) {
            s += 1;
        }
        if s >= limit || !self.is_name_start(b, s) {
            return None;
        }
        let e = self.name_run(b, s);
        let closes = e >= limit || toks[e].punct().is_some_and(|c| ",.;:)!?«»“”\"".contains(c));
        closes.then_some((end + 1, e.min(limit)))
    }

    /// Skips adverbs and complements between a verb and its inverted subject:
    /// `a expliqué à l'AFP X`, `conclut tout simplement X`, `a déclaré dimanche X`.
    pub fn skip_adverbials(&self, b: usize, mut i: usize, limit: usize) -> usize {
        let toks = self.tokens(b);
        loop {
            if i >= limit {
                return i;
            }
            if let Some((len, _)) = self.lex.fronted.match_at(toks, i) {
                i += len;
                continue;
            }
            let t = &toks[i];
            if t.is_word()
                && !t.capitalized
                && self.lex.syntax.words.is_adverb(&t.norm)
                && !self.lex.is_function_word(t.word)
                && self.lex.source_nouns.match_at(toks, i).is_none()
            {
                i += 1;
                continue;
            }
            if self.lex.syntax.words.medium_prepositions.has(t) {
                // `à l'AFP`, `au Figaro`, `sur BFM TV`: skip the medium when a subject follows.
                let mut j = i + 1;
                while j < limit && self.is(&toks[j], WordClass::Determiner) {
                    j += 1;
                }
                let mut after = if j < limit && self.is_name_start(b, j) {
                    self.name_run(b, j)
                } else if j < limit && toks[j].is_word() {
                    j + 1
                } else {
                    return i;
                };
                // `à l'agence RIA Novosti X`: the medium's name after its noun.
                if let Some((len, SourceKind::Media)) = self.known_name_at(b, after)
                    && after + len < limit
                {
                    after += len;
                }
                if after < limit && toks[after].is_word() {
                    i = after;
                    continue;
                }
                return i;
            }
            return i;
        }
    }

    /// End of a noun phrase starting at `i`: stops at punctuation, relative pronouns,
    /// conjunctions, prepositions other than `de`, and reporting verbs.
    pub fn phrase_end(&self, b: usize, i: usize, limit: usize) -> usize {
        let toks = self.tokens(b);
        let mut e = i;
        while e < limit && e - i < 16 {
            let t = &toks[e];
            if !t.is_word() && t.kind != TokenKind::Number && !t.is_punct('&') {
                if t.is_punct('.')
                    && e + 1 < limit
                    && toks[e + 1].is_word()
                    && toks[e + 1].capitalized
                    && e > i
                    && toks[e - 1].capitalized
                {
                    // `V. Sapounov` tokenized the period apart: keep going.
                    e += 1;
                    continue;
                }
                break;
            }
            if e > i && t.is_word() {
                if self.is_name_start(b, e) {
                    e = self.name_run(b, e);
                    continue;
                }
                let is_de = self.lex.syntax.words.genitives.has(t);
                if !is_de
                    && (self.is(t, WordClass::Relative)
                        || (!t.capitalized && self.lex.syntax.words.is_auxiliary(t.word))
                        || self.is(t, WordClass::Conjunction)
                        || self.is(t, WordClass::Preposition)
                        || (!self.is(t, WordClass::Determiner)
                            && super::cues::verb_at(self, toks, e).is_some()))
                {
                    break;
                }
            }
            if e == i && self.is_name_start(b, e) {
                e = self.name_run(b, e);
                continue;
            }
            e += 1;
        }
        e
    }

    /// The subject of a verb starting at token `verb`, looking back to `lo` (the start of
    /// the sentence): `X a déclaré`, `X, titre, a déclaré`, `X, qui a déclaré`,
    /// `Le gouvernement, impuissant, a dénoncé`, `Très ému, il confie`.
    pub fn backward_subject(&self, b: usize, verb: usize, lo: usize) -> Option<Subject> {
        // At most `SUBJECT_REACH` tokens back: in a "sentence" that never ends (64 KB of
        // text without a period), each reporting verb scanned back to its start, which
        // made the analysis quadratic (found by fuzzing). No subject stands that far.
        let lo = lo.max(verb.saturating_sub(SUBJECT_REACH));
        let toks = self.tokens(b);
        let mut j = verb;
        while j > lo
            && toks[j - 1].is_word()
            && !toks[j - 1].capitalized
            && (self.is(&toks[j - 1], WordClass::Clitic)
                || self.lex.syntax.words.negation.has(&toks[j - 1]))
        {
            j -= 1;
        }
        // A parenthesis or a pair of dashes right before the verb is an aside:
        // `Didier Pelletan (divers gauche) a réagi`, `le ministre – qui, … – a répété`.
        while j > lo
            && let Some(g) = self.group_start(b, j - 1, lo)
        {
            j = g;
        }
        // The clause: back to a hard boundary, stepping over asides.
        let mut start = j;
        let mut commas: Vec<usize> = Vec::new();
        while start > lo {
            if let Some(g) = self.group_start(b, start - 1, lo) {
                start = g;
                continue;
            }
            let t = &toks[start - 1];
            let hard = match t.kind {
                TokenKind::Punct(c) => ";:()«»“”\"‹›[]—–".contains(c),
                TokenKind::Word => !t.capitalized && self.lex.syntax.words.clause_boundaries.has(t),
                TokenKind::Number => false,
            };
            if hard {
                break;
            }
            if t.is_punct(',') {
                commas.push(start - 1);
            }
            start -= 1;
        }
        // Chunks separated by commas (outside asides), nearest first.
        let mut chunks: Vec<(usize, usize)> = Vec::new();
        let mut e = j;
        for &k in &commas {
            chunks.push((k + 1, e));
            e = k;
        }
        chunks.push((start, e));
        // `X, qui a déclaré` / `X qui a déclaré`: the antecedent speaks.
        if let Some(&(s, e)) = chunks.first()
            && let Some(q) = (s..e).find(|&k| self.lex.syntax.words.subject_relatives.has(&toks[k]))
        {
            if q > s {
                return self.chunk_subject(b, s, q, None, true);
            }
            let rest = &chunks[1..];
            for (n, &(cs, ce)) in rest.iter().enumerate() {
                let before = rest.get(n + 1).copied();
                if let Some(sub) = self.chunk_subject(b, cs, ce, before, true) {
                    return Some(sub);
                }
            }
            return None;
        }
        for (n, &(s, e)) in chunks.iter().enumerate() {
            if let Some(sub) = self.chunk_subject(b, s, e, chunks.get(n + 1).copied(), false) {
                return Some(sub);
            }
        }
        None
    }

    /// The subject noun phrase at the end of chunk `[s, e)`, or `None` when the chunk is an
    /// adverbial, an adjective or an apposition without determiner. A description whose
    /// previous chunk is a bare proper name is an apposition to it: the name wins.
    /// Whether a phrase can name a source: a proper name, or a description whose head is
    /// a source noun or a vague or anonymous phrasing (`le ministre`, `une habitante`,
    /// `des observateurs`), as opposed to any noun phrase (`un tirage`).
    pub fn is_source_like(&self, p: Phrase) -> bool {
        let toks = self.tokens(p.block);
        if p.apposed_name.is_some() || self.known_name_at(p.block, p.start).is_some() {
            return true;
        }
        if self.lex.vague.match_at(toks, p.start).is_some()
            || self.lex.anonymous.match_at(toks, p.start).is_some()
        {
            return true;
        }
        let mut k = p.start;
        while k < p.end
            && (self.is(&toks[k], WordClass::Determiner)
                || self.is(&toks[k], WordClass::Title)
                || self.lex.syntax.words.anaphoric_modifiers.has(&toks[k]))
        {
            k += 1;
        }
        if k >= p.end {
            return false;
        }
        if self.is_name_start(p.block, k) || toks[k].capitalized {
            return true;
        }
        // The head noun, possibly after an adjective (`un ancien guide`).
        (k..p.end.min(k + 3)).any(|h| self.lex.source_nouns.match_at(toks, h).is_some())
    }

    /// A plural-led subject (`les`, `des`, `certains`…) heading the sentence of `at`, or
    /// else the sentence before it in the paragraph.
    fn plural_head(&self, at: At) -> Option<Phrase> {
        let w = &self.lex.syntax.words;
        let plural = |p: &Phrase| {
            let t = &self.tokens(p.block)[p.start];
            w.plural_determiners.has(t) || w.vague_quantifiers.has(t)
        };
        if let Some(Subject::Phrase(p)) = self.sentence_head_subject(at)
            && plural(&p)
        {
            return Some(p);
        }
        let s = self.sentence_of(at);
        let prev = self.sentence(at.block, s.checked_sub(1)?)?;
        match self.sentence_head_subject(At {
            block: at.block,
            token: prev.tokens.end - 1,
        }) {
            Some(Subject::Phrase(p)) if plural(&p) => Some(p),
            _ => None,
        }
    }

    /// The subject heading the sentence before the one holding `at`, in the same
    /// paragraph: the fallback antecedent of a pronoun no name resolves.
    pub fn previous_head(&self, at: At) -> Option<Phrase> {
        let s = self.sentence_of(at);
        let prev = self.sentence(at.block, s.checked_sub(1)?)?;
        match self.sentence_head_subject(At {
            block: at.block,
            token: prev.tokens.end - 1,
        }) {
            Some(Subject::Phrase(p)) => Some(p),
            _ => None,
        }
    }

    /// The subject heading the sentence that holds `at`: its first noun phrase that is not
    /// an adverbial (`Certains festivaliers ont préféré …` -> `Certains festivaliers`).
    pub fn sentence_head_subject(&self, at: At) -> Option<Subject> {
        let sent = self.sentence(at.block, self.sentence_of(at))?;
        let toks = self.tokens(at.block);
        let mut s = sent.tokens.start;
        while s < at.token {
            let e = (s..at.token)
                .find(|&k| toks[k].is_punct(','))
                .unwrap_or(at.token);
            let t = &toks[s];
            let adverbial = self.lex.fronted.match_at(toks, s).is_some()
                || self.is(t, WordClass::Preposition) && !self.is(t, WordClass::Determiner);
            if !adverbial && (self.is(t, WordClass::Determiner) || self.is_name_start(at.block, s))
            {
                return self.forward_subject(at.block, s, e);
            }
            s = e + 1;
        }
        None
    }

    /// If token `close` ends an aside (`)` or the second of two dashes), where the aside
    /// starts; asides longer than a few dozen tokens are not looked for.
    pub fn group_start(&self, b: usize, close: usize, lo: usize) -> Option<usize> {
        let toks = self.tokens(b);
        let c = toks.get(close)?.punct()?;
        let opener = match c {
            ')' => '(',
            ']' => '[',
            '–' | '—' => c,
            _ => return None,
        };
        let from = close.saturating_sub(40).max(lo);
        (from..close).rev().find(|&k| toks[k].is_punct(opener))
    }

    /// With `shortest` (the antecedent of a relative `qui`), the phrase is the nearest one:
    /// `des représailles de l'organisation, qui affirme` -> `l'organisation`.
    fn chunk_subject(
        &self,
        b: usize,
        s: usize,
        e: usize,
        before: Option<(usize, usize)>,
        shortest: bool,
    ) -> Option<Subject> {
        let toks = self.tokens(b);
        if s >= e
            || self.lex.fronted.is_entry(&toks[s..e])
            || self.is(&toks[s], WordClass::Relative)
        {
            // An adverbial, or a relative clause set off by commas: never the subject.
            return None;
        }
        let mut start = self.phrase_start(b, s, e, shortest)?;
        let led = |t: &Token| {
            self.is(t, WordClass::Determiner)
                || self.is(t, WordClass::Title)
                || self.pronoun(t).is_some()
        };
        if !led(&toks[start])
            && !self.is_name_start(b, start)
            && (led(&toks[s]) || self.is_name_start(b, s))
            && !shortest
        {
            // `Un conducteur en formation`: a complement the walk back stopped at; the
            // chunk is the phrase.
            start = s;
        }
        if let Some(plural) = self.pronoun(&toks[start]).filter(|_| start + 1 == e) {
            return Some(Subject::Pronoun {
                at: At {
                    block: b,
                    token: start,
                },
                plural,
            });
        }
        let t = &toks[start];
        let det_led = self.is(t, WordClass::Determiner) || self.is(t, WordClass::Title);
        let name_led = self.is_name_start(b, start);
        if !det_led && !name_led {
            return None;
        }
        let phrase = Phrase {
            block: b,
            start,
            end: e,
            apposed_name: None,
        };
        if det_led
            && let Some((ps, pe)) = before
            && let Some(ns) = (ps..pe).find(|&k| toks[k].is_word())
            && self.is_name_start(b, ns)
            && self.name_run(b, ns) == pe
        {
            return Some(Subject::Phrase(Phrase {
                apposed_name: Some((ns, pe)),
                ..phrase
            }));
        }
        Some(Subject::Phrase(phrase))
    }

    /// Walks back from `e` to where the noun phrase ending there starts.
    fn phrase_start(&self, b: usize, s: usize, e: usize, shortest: bool) -> Option<usize> {
        let toks = self.tokens(b);
        let mut k = e;
        // `La mission de la CEG (CEG)`: the aside closing the phrase belongs to it.
        while k > s
            && let Some(g) = self.group_start(b, k - 1, s)
        {
            k = g;
        }
        let e = k;
        while k > s {
            let t = &toks[k - 1];
            if self.pronoun(t).is_some() && k == e {
                return Some(k - 1);
            }
            if !t.is_word() && t.kind != TokenKind::Number && !t.is_punct('&') && !t.is_punct('.') {
                break;
            }
            if t.is_word()
                && !t.capitalized
                && (self.is(t, WordClass::Relative) || self.is(t, WordClass::Conjunction))
            {
                break;
            }
            if t.is_word()
                && self.is(t, WordClass::Preposition)
                && !self.lex.syntax.words.genitives.has(t)
            {
                break;
            }
            if self.is(t, WordClass::Determiner) || self.is(t, WordClass::Title) {
                let at_start = k - 1 == s;
                let genitive = self.lex.syntax.words.genitives.has(t);
                let particle = k >= 2
                    && toks[k - 2].capitalized
                    && toks.get(k).is_some_and(|n| n.capitalized)
                    && self.lex.name_particles.contains(t.norm.as_str());
                if (genitive && !at_start) || particle {
                    k -= 1;
                    continue;
                }
                let prev = (k >= 2 && k - 1 > s).then(|| &toks[k - 2]);
                let inside = !shortest
                    && prev
                        .is_some_and(|p| self.lex.syntax.words.phrase_internal_prepositions.has(p));
                let names_follow = toks.get(k).is_some_and(|n| n.capitalized)
                    && prev.is_some_and(|p| {
                        p.is_word()
                            && !p.capitalized
                            && !self.is(p, WordClass::Preposition)
                            && !self.is(p, WordClass::Determiner)
                            && self.lex.verbs.match_at(toks, k - 2).is_none()
                    });
                k -= 1;
                if !inside && !names_follow {
                    return Some(k);
                }
                continue;
            }
            // A finite reporting verb ends the phrase; a participle may be a noun
            // (`un communiqué`) and does not.
            if k < e
                && t.is_word()
                && !t.capitalized
                && self.lex.verbs.match_at(toks, k - 1).is_some_and(|(_, f)| {
                    !matches!(
                        f.kind,
                        crate::lexicon::verbs::FormKind::PastParticiple
                            | crate::lexicon::verbs::FormKind::PresentParticiple
                    )
                })
            {
                break;
            }
            k -= 1;
        }
        (k < e).then_some(k)
    }

    /// Name, kind and span of a subject, resolving pronouns and short names against what
    /// the article said before `before`.
    pub fn resolve(&self, subject: Subject, before: usize, speakers: &[Named]) -> Option<Named> {
        match subject {
            Subject::Pronoun { at, plural } => {
                let feminine = self.lex.syntax.pronoun(self.token(at)).map(|p| p.feminine);
                // `Certains festivaliers ont préféré X, qui était selon eux …`: a plural
                // pronoun first looks at its own sentence's plural subject, then at the
                // sentence before (`Des analystes … Ils estiment que …`).
                if plural && let Some(head) = self.plural_head(at) {
                    return Some(self.describe(head));
                }
                self.antecedent_gendered(
                    self.token(at).span.start.min(before),
                    plural,
                    feminine,
                    speakers,
                )
            }
            Subject::Phrase(p) => {
                let named = self.describe(p);
                if let Some(role) = self.anaphoric_role(p)
                    && let Some(m) = self.with_role(&role, named.span.start.min(before))
                {
                    return Some(Named {
                        name: m.name.clone(),
                        kind: SourceKind::Person,
                        span: m.span,
                    });
                }
                Some(named)
            }
        }
    }

    /// A bare definite role (`l'expert`, `le ministre`, `la même chercheuse`): the role,
    /// which refers back to a person the article gave that role. With an adjective or a
    /// complement (`le président américain`, `le président de la République`) the
    /// description stands on its own.
    fn anaphoric_role(&self, p: Phrase) -> Option<String> {
        let toks = self.tokens(p.block);
        let w = &self.lex.syntax.words;
        if p.apposed_name.is_some() || !w.definite_singular.has(&toks[p.start]) {
            return None;
        }
        let mut k = p.start + 1;
        if toks.get(k).is_some_and(|t| w.anaphoric_modifiers.has(t)) {
            k += 1;
        }
        let (len, kind) = self.lex.source_nouns.match_at(toks, k)?;
        (*kind == SourceKind::Person && k + len == p.end).then(|| role_key(&toks[k..k + len]))
    }

    /// The roles given to the name `[s, e)`: a role noun right before it, or set off by
    /// commas after it (`X, porte-parole de Y`) or before it (`le porte-parole, X`).
    fn roles_of(&self, b: usize, s: usize, e: usize) -> Vec<String> {
        let toks = self.tokens(b);
        let w = &self.lex.syntax.words;
        let person_role = |k: usize| match self.lex.source_nouns.match_at(toks, k) {
            Some((len, SourceKind::Person)) => Some(role_key(&toks[k..k + len])),
            _ => None,
        };
        let mut roles = Vec::new();
        for len in 1..=3 {
            if let Some(k) = s.checked_sub(len)
                && self
                    .lex
                    .source_nouns
                    .match_at(toks, k)
                    .is_some_and(|(l, kind)| l == len && *kind == SourceKind::Person)
            {
                roles.push(role_key(&toks[k..s]));
                break;
            }
        }
        if toks.get(e).is_some_and(|t| t.is_punct(',')) {
            let mut k = e + 1;
            while k < toks.len() && self.is(&toks[k], WordClass::Determiner) {
                k += 1;
            }
            roles.extend(person_role(k));
        }
        if s > 0 && toks[s - 1].is_punct(',') {
            // Back to the start of the chunk before the comma.
            let mut k = s - 1;
            while k > 0
                && !toks[k - 1].punct().is_some_and(|c| ",;:.!?«»".contains(c))
                && !w.clause_boundaries.has(&toks[k - 1])
            {
                k -= 1;
            }
            while k < s - 1
                && (self.is(&toks[k], WordClass::Determiner)
                    || self.lex.fronted.match_at(toks, k).is_some())
            {
                k += 1;
            }
            roles.extend(person_role(k));
        }
        roles
    }

    /// The most recent person before `before` whom the article gave `role`.
    fn with_role(&self, role: &str, before: usize) -> Option<&Mention> {
        let upto = self.mentions.partition_point(|m| m.span.end <= before);
        self.mentions[..upto]
            .iter()
            .rev()
            .take(ANTECEDENT_MENTIONS * 4)
            .find(|m| {
                m.kind == SourceKind::Person && !m.in_quote && m.roles.iter().any(|r| r == role)
            })
    }

    fn antecedent_gendered(
        &self,
        before: usize,
        plural: bool,
        feminine: Option<bool>,
        speakers: &[Named],
    ) -> Option<Named> {
        // A mention of the other gender is no antecedent (`lui` is not `la biologiste X`);
        // nor is a name inside a quotation (the quoted speaker's words).
        let agrees = |f: Option<bool>| feminine.is_none() || f.is_none() || f == feminine;
        let named = |m: &Mention| Named {
            name: m.name.clone(),
            kind: m.kind,
            span: m.span,
        };
        // Only mentions of the last few paragraphs are candidates: antecedents are near,
        // and the search stays linear on long articles.
        let block = self.block_of(before);
        let upto = self.mentions.partition_point(|m| m.span.end <= before);
        let window_start = self.mentions[..upto]
            .partition_point(|m| self.block_of(m.span.start) + ANTECEDENT_BLOCKS < block)
            .max(upto.saturating_sub(ANTECEDENT_MENTIONS));
        let recent = &self.mentions[window_start..upto];
        if plural {
            return recent
                .iter()
                .rev()
                .filter(|m| !m.in_quote && agrees(m.feminine))
                .find(|m| m.plural || m.kind == SourceKind::Organization)
                .map(named);
        }
        // Sentence by sentence, most recent first. In the pronoun's own sentence only a
        // clause subject can be the antecedent (`Surpris par le président X, il déclara`);
        // in an earlier one, its subject, else the speaker of its quote, else any person
        // it names.
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        enum Rank {
            Other,
            Speaker,
            Subject,
        }
        let own = self.sentence_key(before);
        let mut best: Option<((usize, usize), Rank, usize, Named)> = None;
        let mut consider = |key: (usize, usize), rank: Rank, start: usize, n: Named| {
            if key == own && rank != Rank::Subject {
                return;
            }
            let better = match &best {
                None => true,
                Some((k, r, s, _)) => (key, rank, start) > (*k, *r, *s),
            };
            if better {
                best = Some((key, rank, start, n));
            }
        };
        for m in recent.iter().filter(|m| {
            !m.in_quote && m.kind == SourceKind::Person && !m.plural && agrees(m.feminine)
        }) {
            let rank = if m.subject {
                Rank::Subject
            } else {
                Rank::Other
            };
            consider(
                self.sentence_key(m.span.start),
                rank,
                m.span.start,
                named(m),
            );
        }
        for s in speakers
            .iter()
            .rev()
            .filter(|s| s.span.end <= before)
            .take(ANTECEDENT_SPEAKERS)
            .take_while(|s| self.block_of(s.span.start) + ANTECEDENT_BLOCKS >= block)
        {
            if s.span.end > before {
                continue;
            }
            let gender = self
                .mentions
                .get(
                    self.mentions
                        .partition_point(|m| m.span.start < s.span.start),
                )
                .filter(|m| m.span == s.span)
                .and_then(|m| m.feminine);
            if agrees(gender) {
                consider(
                    self.sentence_key(s.span.start),
                    Rank::Speaker,
                    s.span.start,
                    s.clone(),
                );
            }
        }
        best.map(|(_, _, _, n)| n)
    }

    /// (block, sentence) of a byte offset: sentences order the article.
    fn sentence_key(&self, offset: usize) -> (usize, usize) {
        let block = self.block_of(offset);
        let token = self
            .tokens(block)
            .partition_point(|t| t.span.start < offset)
            .min(self.tokens(block).len().saturating_sub(1));
        (block, self.sentence_of(At { block, token }))
    }

    /// Index of the block holding byte `offset` (the last block starting at or before it).
    pub fn block_of(&self, offset: usize) -> usize {
        self.doc
            .blocks
            .partition_point(|b| b.span.start <= offset)
            .saturating_sub(1)
    }

    /// The gender shown before a name: a title (`Mme`, `M.`) or the determiner of a role
    /// noun (`la biologiste X`, `le chercheur X`).
    fn gender_before(&self, b: usize, s: usize) -> Option<bool> {
        let toks = self.tokens(b);
        let w = &self.lex.syntax.words;
        let shown = |t: &Token, feminine: &WordSet, masculine: &WordSet| {
            if feminine.has(t) {
                Some(true)
            } else if masculine.has(t) {
                Some(false)
            } else {
                None
            }
        };
        let title = s
            .checked_sub(1)
            .and_then(|i| shown(&toks[i], &w.feminine_titles, &w.masculine_titles));
        if title.is_some() {
            return title;
        }
        for len in 1..=3 {
            let Some(noun) = s.checked_sub(len) else {
                break;
            };
            if self
                .lex
                .source_nouns
                .match_at(toks, noun)
                .is_some_and(|(l, _)| l == len)
            {
                return noun.checked_sub(1).and_then(|i| {
                    shown(&toks[i], &w.feminine_determiners, &w.masculine_determiners)
                });
            }
        }
        None
    }

    /// Whether the name run ending at `e` is followed by its verb (`X a déclaré`, `X l'a
    /// dit`): the name is a clause subject, the most likely antecedent of a later pronoun.
    fn is_subject(&self, b: usize, e: usize) -> bool {
        let toks = self.tokens(b);
        let mut k = e;
        // Step over an aside (`Mathis Perrot (Team Altidor) a gagné`) and a comma-bounded
        // apposition or relative (`Robert Anglade, maire de X, a reçu`).
        if toks.get(k).is_some_and(|t| t.is_punct('(')) {
            k = (k..toks.len().min(k + 15))
                .find(|&i| toks[i].is_punct(')'))
                .map_or(k, |i| i + 1);
        }
        let verb_at = |k: usize| {
            let mut k = k;
            while k < toks.len()
                && toks[k].is_word()
                && !toks[k].capitalized
                && (self.is(&toks[k], WordClass::Clitic)
                    || self.lex.syntax.words.negation.has(&toks[k]))
            {
                k += 1;
            }
            toks.get(k).is_some_and(|t| {
                t.is_word()
                    && !t.capitalized
                    && (self.lex.syntax.words.is_auxiliary(t.word)
                        || self.lex.verbs.match_at(toks, k).is_some()
                        || !self.lex.is_function_word(t.word))
            })
        };
        if toks.get(k).is_some_and(|t| t.is_punct(',')) {
            // `Le maire, Robert Anglade, a reçu`: the name closes an apposition.
            if verb_at(k + 1) {
                return true;
            }
            match (k + 1..toks.len().min(k + 16))
                .find(|&i| toks[i].punct().is_some_and(|c| ",.;:".contains(c)))
            {
                Some(i) if toks[i].is_punct(',') => k = i + 1,
                _ => return false,
            }
        }
        while k < toks.len()
            && toks[k].is_word()
            && !toks[k].capitalized
            && (self.is(&toks[k], WordClass::Clitic)
                || self.lex.syntax.words.negation.has(&toks[k]))
        {
            k += 1;
        }
        // Followed by an auxiliary, a reporting verb, or any lower-case word that is no
        // closed-class word (most likely its verb: `Hugo Barthe étudie`).
        toks.get(k).is_some_and(|t| {
            t.is_word()
                && !t.capitalized
                && (self.lex.syntax.words.is_auxiliary(t.word)
                    || self.lex.verbs.match_at(toks, k).is_some()
                    || !self.lex.is_function_word(t.word))
        })
    }

    /// Name and kind of a noun phrase: its proper name when it has one (`le quotidien
    /// El Punt Avui` is El Punt Avui), otherwise the description as written.
    pub fn describe(&self, p: Phrase) -> Named {
        let toks = self.tokens(p.block);
        if let Some((s, e)) = p.apposed_name {
            return self.named_run(p.block, s, e);
        }
        // A medium or metonym whose name starts with its article (`Le Parisien`).
        if let Some((len, kind)) = self.known_name_at(p.block, p.start)
            && p.start + len <= p.end
        {
            return Named {
                name: self.text_of(p.block, p.start, p.start + len),
                kind,
                span: self.span_of(p.block, p.start, p.start + len),
            };
        }
        // Leading determiners, titles and source nouns, then a name: the name is the source.
        let mut k = p.start;
        while k < p.end
            && (self.is(&toks[k], WordClass::Determiner) || self.is(&toks[k], WordClass::Title))
        {
            k += 1;
        }
        if k < p.end && self.is_name_start(p.block, k) {
            let e = self.name_run(p.block, k).min(p.end);
            // `L'Association des leaders du Mali`, `la Commission européenne`: an
            // institution's name is the whole phrase, not its capitalised first noun.
            // The capitalised noun's class is the kind: `Le Quotidien de Brest` is a
            // medium, `la Commission européenne` an institution.
            if e == k + 1
                && e < p.end
                && let Some(
                    kind @ (SourceKind::Organization | SourceKind::Media | SourceKind::Document),
                ) = self.lex.source_nouns.get_word(toks[k].word).copied()
            {
                let kind = if kind == SourceKind::Document {
                    SourceKind::Organization
                } else {
                    kind
                };
                return Named {
                    name: self.text_of(p.block, p.start, p.end),
                    kind,
                    span: self.span_of(p.block, p.start, p.end),
                };
            }
            let mut named = self.named_run(p.block, k, e);
            // An institution or medium named after its noun keeps its article (`Le
            // Quotidien de Brest`); a person's name does not take one.
            if named.kind != SourceKind::Person
                && k > p.start
                && self.is(&toks[k - 1], WordClass::Determiner)
                && toks[k - 1].capitalized
            {
                named.name = self.text_of(p.block, k - 1, e);
                named.span = self.span_of(p.block, k - 1, e);
            }
            if k > p.start && self.is(&toks[k - 1], WordClass::Title) {
                named.kind = SourceKind::Person;
            }
            return named;
        }
        let mut noun_end = k;
        if let Some((len, _)) = self.lex.source_nouns.match_at(toks, k) {
            noun_end = k + len;
        } else if k < p.end {
            noun_end = k + 1;
        }
        // A medium's own name after its head noun, determiner and all: `le quotidien
        // L'Écho lorrain` is L'Écho lorrain.
        if let Some((_, SourceKind::Media)) = self.lex.source_nouns.match_at(toks, k) {
            let mut n = noun_end;
            if n < p.end && self.is(&toks[n], WordClass::Determiner) && toks[n].capitalized {
                n += 1;
            }
            if n < p.end
                && toks[n].capitalized
                && (n == noun_end || self.is_name_start(p.block, n) || toks[n].is_word())
            {
                let start = if n > noun_end { noun_end } else { n };
                return Named {
                    name: self.text_of(p.block, start, p.end),
                    kind: SourceKind::Media,
                    span: self.span_of(p.block, start, p.end),
                };
            }
        }
        // Adjectives may sit between the head and the name (`le président américain X`).
        let mut n = noun_end;
        while n < p.end
            && toks[n].is_word()
            && !toks[n].capitalized
            && !self.is(&toks[n], WordClass::Preposition)
            && !self.is(&toks[n], WordClass::Determiner)
        {
            n += 1;
        }
        if n < p.end && n - noun_end <= 2 && self.is_name_start(p.block, n) {
            let e = self.name_run(p.block, n).min(p.end);
            if e == p.end || toks[e].is_punct(',') {
                let mut named = self.named_run(p.block, n, e);
                if let Some((_, kind)) = self.lex.source_nouns.match_at(toks, k) {
                    named.kind = *kind;
                }
                return named;
            }
        }
        let name = self.text_of(p.block, p.start, p.end);
        let span = self.span_of(p.block, p.start, p.end);
        Named {
            kind: self.description_kind(p),
            name,
            span,
        }
    }

    fn description_kind(&self, p: Phrase) -> SourceKind {
        let toks = self.tokens(p.block);
        let words = &toks[p.start..p.end];
        if self.lex.vague.match_at(toks, p.start).is_some() {
            return SourceKind::Vague;
        }
        let first = &words[0];
        let mut k = p.start;
        while k < p.end && self.is(&toks[k], WordClass::Determiner) {
            k += 1;
        }
        let head = self
            .lex
            .source_nouns
            .match_at(toks, k)
            .map(|(_, kind)| *kind);
        let w = &self.lex.syntax.words;
        // Asked only of a person or headless description, the two-word phrase joined
        // without `format!`: most sources are described, and most have a second word.
        let plural_vague = || {
            w.vague_quantifiers.has(first)
                || words.get(1).is_some_and(|second| {
                    let mut phrase =
                        String::with_capacity(first.norm.len() + 1 + second.norm.len());
                    phrase.push_str(&first.norm);
                    phrase.push(' ');
                    phrase.push_str(&second.norm);
                    w.vague_quantifier_phrases.contains(&phrase)
                })
        };
        match head {
            Some(SourceKind::Person) | None if plural_vague() => SourceKind::Vague,
            Some(SourceKind::Person) | None => SourceKind::Anonymous,
            Some(kind) => kind,
        }
    }

    /// A proper-name run as a speaker; a lone surname becomes the full name said before.
    fn named_run(&self, b: usize, s: usize, e: usize) -> Named {
        let span = self.span_of(b, s, e);
        let name = self.text_of(b, s, e);
        let kind = self.classify_name(b, s, e);
        if e - s == 1 {
            let surname = &self.tokens(b)[s].norm;
            if let Some(list) = self.by_surname.get(surname.as_str()) {
                let at = list.partition_point(|&m| self.mentions[m].span.end <= span.start);
                let m = if at > 0 {
                    list[at - 1]
                } else {
                    list[at.min(list.len() - 1)]
                };
                return Named {
                    name: self.mentions[m].name.clone(),
                    kind: SourceKind::Person,
                    span,
                };
            }
        }
        Named { name, kind, span }
    }
}

/// The key of a role noun: its folded words.
fn role_key(words: &[Token]) -> String {
    words
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every proper name of the article, in order, for later pronoun resolution, and the
/// surname index of the person names.
pub fn collect_mentions(a: &Article) -> (Vec<Mention>, HashMap<String, Vec<usize>>) {
    let mut out: Vec<Mention> = Vec::new();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    for (b, block) in a.blocks.iter().enumerate() {
        let toks = &block.tokens;
        let mut i = 0;
        // The next name start, from the table `Article::name_starts` made.
        while let Some(next) = block
            .name_start
            .get(i..)
            .and_then(|s| s.iter().position(|&s| s))
        {
            i += next;
            let e = a.name_run(b, i).max(i + 1);
            let mut kind = a.classify_name(b, i, e);
            let span = a.span_of(b, i, e);
            let mut name = a.text_of(b, i, e);
            let plural = i > 0 && a.lex.syntax.words.plural_determiners.has(&toks[i - 1]);
            if e - i == 1
                && kind != SourceKind::Media
                && let Some(&m) = by_surname.get(toks[i].norm.as_str()).and_then(|v| v.last())
            {
                name = out[m].name.clone();
                kind = SourceKind::Person;
            }
            let subject = a.is_subject(b, e);
            let first = &a.doc.text[toks[i].span.start..toks[i].span.end];
            let feminine = a
                .gender_before(b, i)
                .or_else(|| a.lex.given_names.get(first).copied().flatten());
            let roles = a.roles_of(b, i, e);
            let in_quote = a.quoted(b, i);
            if kind == SourceKind::Person && e - i >= 2 {
                for t in toks[i + 1..e]
                    .iter()
                    .filter(|t| t.is_word() && t.capitalized)
                {
                    by_surname
                        .entry(t.norm.to_string())
                        .or_default()
                        .push(out.len());
                }
            }
            out.push(Mention {
                name,
                kind,
                span,
                plural,
                subject,
                feminine,
                roles,
                in_quote,
            });
            i = e;
        }
    }
    (out, by_surname)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::document::{Document, Format};
    use crate::lexicon::FR;
    use proptest::prelude::*;

    /// The question [`Article::name_starts`] answers once per token, as it was asked of
    /// each token on demand: its specification.
    fn name_start_reference(a: &Article, b: usize, i: usize) -> bool {
        let toks = a.tokens(b);
        let Some(t) = toks.get(i) else { return false };
        if a.known_name_at(b, i).is_some() {
            return true;
        }
        if !t.is_word() || !t.capitalized || t.hyphen_joined {
            return false;
        }
        if a.lex
            .source_nouns
            .match_at(toks, i)
            .is_some_and(|(len, kind)| len >= 2 && *kind == SourceKind::Person)
        {
            return false;
        }
        let surface = &a.doc.text[t.span.start..t.span.end];
        if a.lex.is_function_word(t.word) || a.lex.fronted.match_at(toks, i).is_some() {
            return false;
        }
        if !a.sentence_initial(At { block: b, token: i }) {
            return true;
        }
        a.lex.given_names.contains_key(surface)
            || a.proper_words.contains(surface)
            || is_all_caps(t, &a.doc.text)
            || toks
                .get(i + 1)
                .is_some_and(|n| n.is_word() && n.capitalized && !a.lex.is_function_word(n.word))
    }

    /// Every token of `text` (Markdown) gets the reference's answer.
    fn check_name_starts(text: &str) -> Result<(), TestCaseError> {
        let doc = Document::parse(
            Path::new("t.md"),
            text.as_bytes().to_vec(),
            Format::Markdown,
        )
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (spans, _) = crate::quotes::pair_quotes(&doc.prose, &doc.blocks);
        let a = Article::new(&doc, &FR, &spans);
        for (b, block) in a.blocks.iter().enumerate() {
            prop_assert_eq!(block.name_start.len(), block.tokens.len());
            for i in 0..=block.tokens.len() {
                prop_assert_eq!(
                    a.is_name_start(b, i),
                    name_start_reference(&a, b, i),
                    "token {} of block {}",
                    i,
                    b
                );
            }
        }
        Ok(())
    }

    const WORDS: &[&str] = &[
        "Le Monde",
        "le Monde",
        "l'AFP",
        "AFP",
        "Bercy",
        "Dupont",
        "Marie",
        "Jean-Marc",
        "M.",
        "Mme",
        "Selon",
        "selon",
        "Le",
        "le",
        "Premier ministre",
        "ministre",
        "De son côté",
        "Il",
        "il",
        "a",
        "déclaré",
        "PARIS",
        "France",
        "ONU",
        "3",
        ".",
        ",",
        ":",
        "«",
        "»",
        "—",
        "(",
        ")",
        "?",
        "\n\n",
    ];

    proptest! {
        #[test]
        fn name_starts_are_the_per_token_question(
            words in prop::collection::vec(prop::sample::select(WORDS), 0..40),
        ) {
            check_name_starts(&words.join(" "))?;
        }
    }

    proptest! {
        /// The one-pass [`is_all_caps`] is the two-pass test it replaced.
        #[test]
        fn all_caps_is_the_two_pass_test(word in "[aAéÉßΣσ1'.]{1,6}") {
            let t = crate::text::token::Token {
                span: Span::new(0, word.len()),
                kind: crate::text::token::TokenKind::Word,
                norm: word.as_str().into(),
                capitalized: false,
                hyphen_joined: false,
                word: crate::text::vocabulary::Word::UNKNOWN,
            };
            let two_pass = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            prop_assert_eq!(is_all_caps(&t, &word), two_pass);
        }
    }

    #[test]
    fn name_starts_are_the_per_token_question_on_the_corpora() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("eval/fr-dev"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        for case in std::fs::read_dir(root.join("golden/check")).unwrap() {
            files.push(case.unwrap().path().join("input.md"));
        }
        let mut checked = 0;
        for f in files.iter().filter(|f| f.is_file()) {
            let text = std::fs::read_to_string(f).unwrap();
            if let Err(e) = check_name_starts(&text) {
                panic!("{}: {e}", f.display());
            }
            checked += 1;
        }
        assert!(checked > 50, "{checked} files");
    }
}
