//! Noun phrases that name a source: proper-name runs, descriptions, pronouns, and what
//! kind of source each is.
//!
//! There is no statistical tagger here: a proper name is a run of capitalised words
//! (with particles such as `de`, `van`, `del`), a description is a determiner-led phrase
//! whose head noun is looked up in `grammar/fr/source_nouns.tsv`, and the kind follows
//! from that head, from the name's own words (given names, media, metonyms) and from
//! titles (`M.`, `Mme`).

use super::article::{Article, At, Mention};
use crate::lexicon::WordClass;
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
    Pronoun { at: At, plural: bool },
}

/// A resolved speaker: the name to print, its kind and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub kind: SourceKind,
    pub span: Span,
}

const SUBJECT_PRONOUNS: [(&str, bool); 6] = [
    ("il", false),
    ("elle", false),
    ("ils", true),
    ("elles", true),
    ("lui", false),
    ("eux", true),
];

pub fn pronoun(t: &Token) -> Option<bool> {
    if !t.is_word() {
        return None;
    }
    SUBJECT_PRONOUNS
        .iter()
        .find(|(p, _)| *p == t.norm)
        .map(|&(_, plural)| plural)
}

fn is_all_caps(t: &Token, text: &str) -> bool {
    let s = &text[t.span.start..t.span.end];
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

impl Article<'_> {
    /// Length of the media or metonym name starting at token `i`, if any.
    fn known_name_at(&self, b: usize, i: usize) -> Option<(usize, SourceKind)> {
        let toks = self.tokens(b);
        let t = toks.get(i)?;
        if !t.is_word() {
            return None;
        }
        let capital_inside = |len: usize| toks[i..i + len].iter().any(|t| t.capitalized);
        if let Some((len, _)) = self.lex.media.match_at(toks, i)
            && capital_inside(len)
        {
            return Some((len, SourceKind::Media));
        }
        if let Some((len, _)) = self.lex.metonyms.match_at(toks, i)
            && capital_inside(len)
        {
            return Some((len, SourceKind::Organization));
        }
        None
    }

    /// Whether a capitalised word at `i` starts a proper name (not just a sentence).
    pub fn is_name_start(&self, b: usize, i: usize) -> bool {
        let toks = self.tokens(b);
        let Some(t) = toks.get(i) else { return false };
        if self.known_name_at(b, i).is_some() {
            return true;
        }
        if !t.is_word() || !t.capitalized || t.hyphen_joined {
            return false;
        }
        let surface = &self.doc.text[t.span.start..t.span.end];
        if self.lex.function_words.contains_key(&t.norm) || self.lex.fronted.match_at(toks, i).is_some() {
            // `Le`, `Selon`, `Il`: capitalised only because they open a sentence.
            return false;
        }
        if !self.sentence_initial(At { block: b, token: i }) {
            return true;
        }
        self.lex.given_names.contains(surface)
            || self.proper_words.contains(surface)
            || is_all_caps(t, &self.doc.text)
            || toks.get(i + 1).is_some_and(|n| n.is_word() && n.capitalized && !self.lex.function_words.contains_key(&n.norm))
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
            let next_cap = toks.get(e + 1).is_some_and(|n| n.is_word() && n.capitalized);
            if t.is_word() && (t.capitalized || t.hyphen_joined) {
                e += 1;
            } else if t.is_word() && self.lex.name_particles.contains(&t.norm) && next_cap {
                e += 2;
            } else if t.is_punct('&') && next_cap {
                e += 2;
            } else if t.kind == TokenKind::Number && t.norm.len() <= 2 && !toks.get(e + 1).is_some_and(|n| n.is_word() && !n.capitalized && n.norm.len() <= 2) {
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
        if toks[s..e].iter().any(|t| {
            t.capitalized && matches!(self.lex.source_nouns.get_words(std::slice::from_ref(&t.norm)), Some(SourceKind::Organization | SourceKind::Media | SourceKind::Document))
        }) {
            return SourceKind::Organization;
        }
        if self.lex.given_names.contains(surface) || (surface.ends_with('.') && surface.chars().count() == 2) {
            return SourceKind::Person;
        }
        if e - s == 1 && is_all_caps(first, &self.doc.text) {
            return SourceKind::Organization;
        }
        let words = toks[s..e].iter().filter(|t| t.is_word()).count();
        if words >= 2 { SourceKind::Person } else { SourceKind::Organization }
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
        if let Some(plural) = pronoun(t) {
            return Some(Subject::Pronoun { at: At { block: b, token: i }, plural });
        }
        let end = self.phrase_end(b, i, limit);
        if end == i || !toks[i..end].iter().any(|t| t.is_word() && !self.is(t, WordClass::Determiner)) {
            return None;
        }
        let apposed_name = self.apposed_name(b, end, limit);
        Some(Subject::Phrase(Phrase { block: b, start: i, end, apposed_name }))
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
            if t.is_word() && !t.capitalized && t.norm.ends_with("ment") && !self.lex.function_words.contains_key(&t.norm) && self.lex.source_nouns.match_at(toks, i).is_none() {
                i += 1;
                continue;
            }
            if t.is_word() && matches!(t.norm.as_str(), "à" | "au" | "aux" | "sur" | "devant") {
                // `à l'AFP`, `au Figaro`, `sur BFM TV`: skip the medium when a subject follows.
                let mut j = i + 1;
                while j < limit && self.is(&toks[j], WordClass::Determiner) {
                    j += 1;
                }
                let after = if j < limit && self.is_name_start(b, j) {
                    self.name_run(b, j)
                } else if j < limit && toks[j].is_word() {
                    j + 1
                } else {
                    return i;
                };
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
                if t.is_punct('.') && e + 1 < limit && toks[e + 1].is_word() && toks[e + 1].capitalized && e > i && toks[e - 1].capitalized {
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
                let is_de = matches!(t.norm.as_str(), "de" | "d'" | "du" | "des");
                if !is_de
                    && (self.is(t, WordClass::Relative)
                        || self.is(t, WordClass::Conjunction)
                        || self.is(t, WordClass::Preposition)
                        || (!self.is(t, WordClass::Determiner) && self.lex.verbs.match_at(toks, e).is_some()))
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
        let toks = self.tokens(b);
        let mut j = verb;
        while j > lo && toks[j - 1].is_word() && !toks[j - 1].capitalized && (self.is(&toks[j - 1], WordClass::Clitic) || matches!(toks[j - 1].norm.as_str(), "ne" | "n'")) {
            j -= 1;
        }
        // The clause: back to a hard boundary.
        let mut start = j;
        while start > lo {
            let t = &toks[start - 1];
            let hard = match t.kind {
                TokenKind::Punct(c) => ";:()«»“”\"‹›[]—–".contains(c),
                TokenKind::Word => !t.capitalized && matches!(t.norm.as_str(), "que" | "qu'" | "car" | "mais" | "donc" | "si" | "lorsque" | "quand" | "puisque" | "parce"),
                TokenKind::Number => false,
            };
            if hard {
                break;
            }
            start -= 1;
        }
        // Chunks separated by commas, nearest first.
        let mut chunks: Vec<(usize, usize)> = Vec::new();
        let mut e = j;
        for k in (start..j).rev() {
            if toks[k].is_punct(',') {
                chunks.push((k + 1, e));
                e = k;
            }
        }
        chunks.push((start, e));
        // `X, qui a déclaré` / `X qui a déclaré`: the antecedent speaks.
        if let Some(&(s, e)) = chunks.first()
            && let Some(q) = (s..e).find(|&k| toks[k].is_word() && toks[k].norm == "qui")
        {
            if q > s {
                return self.chunk_subject(b, s, q, None);
            }
            let rest = &chunks[1..];
            for (n, &(cs, ce)) in rest.iter().enumerate() {
                let before = rest.get(n + 1).copied();
                if let Some(sub) = self.chunk_subject(b, cs, ce, before) {
                    return Some(sub);
                }
            }
            return None;
        }
        for (n, &(s, e)) in chunks.iter().enumerate() {
            if let Some(sub) = self.chunk_subject(b, s, e, chunks.get(n + 1).copied()) {
                return Some(sub);
            }
        }
        None
    }

    /// The subject noun phrase at the end of chunk `[s, e)`, or `None` when the chunk is an
    /// adverbial, an adjective or an apposition without determiner. A description whose
    /// previous chunk is a bare proper name is an apposition to it: the name wins.
    fn chunk_subject(&self, b: usize, s: usize, e: usize, before: Option<(usize, usize)>) -> Option<Subject> {
        let toks = self.tokens(b);
        if s >= e || self.lex.fronted.is_entry(&toks[s..e]) {
            return None;
        }
        let start = self.phrase_start(b, s, e)?;
        if let Some(plural) = pronoun(&toks[start]).filter(|_| start + 1 == e) {
            return Some(Subject::Pronoun { at: At { block: b, token: start }, plural });
        }
        let t = &toks[start];
        let det_led = self.is(t, WordClass::Determiner) || self.is(t, WordClass::Title);
        let name_led = self.is_name_start(b, start);
        if !det_led && !name_led {
            return None;
        }
        let phrase = Phrase { block: b, start, end: e, apposed_name: None };
        if det_led
            && let Some((ps, pe)) = before
            && let Some(ns) = (ps..pe).find(|&k| toks[k].is_word())
            && self.is_name_start(b, ns)
            && self.name_run(b, ns) == pe
        {
            return Some(Subject::Phrase(Phrase { apposed_name: Some((ns, pe)), ..phrase }));
        }
        Some(Subject::Phrase(phrase))
    }

    /// Walks back from `e` to where the noun phrase ending there starts.
    fn phrase_start(&self, b: usize, s: usize, e: usize) -> Option<usize> {
        let toks = self.tokens(b);
        let mut k = e;
        while k > s {
            let t = &toks[k - 1];
            if pronoun(t).is_some() && k == e {
                return Some(k - 1);
            }
            if !t.is_word() && t.kind != TokenKind::Number && !t.is_punct('&') && !t.is_punct('.') {
                break;
            }
            if t.is_word() && !t.capitalized && (self.is(t, WordClass::Relative) || self.is(t, WordClass::Conjunction)) {
                break;
            }
            if t.is_word() && self.is(t, WordClass::Preposition) && !matches!(t.norm.as_str(), "de" | "d'" | "du" | "des") {
                break;
            }
            if self.is(t, WordClass::Determiner) || self.is(t, WordClass::Title) {
                let prev = (k >= 2 && k - 1 > s).then(|| &toks[k - 2]);
                let inside = prev.is_some_and(|p| matches!(p.norm.as_str(), "de" | "d'" | "du" | "des" | "à" | "au" | "aux" | "en" | "par" | "pour" | "sur"));
                let names_follow = toks.get(k).is_some_and(|n| n.capitalized) && prev.is_some_and(|p| p.is_word() && !p.capitalized && !self.is(p, WordClass::Preposition) && !self.is(p, WordClass::Determiner) && self.lex.verbs.match_at(toks, k - 2).is_none());
                k -= 1;
                if !inside && !names_follow {
                    return Some(k);
                }
                continue;
            }
            if k < e && t.is_word() && !t.capitalized && self.lex.verbs.match_at(toks, k - 1).is_some() {
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
            Subject::Pronoun { at, plural } => self.antecedent(self.token(at).span.start.min(before), plural, speakers),
            Subject::Phrase(p) => Some(self.describe(p)),
        }
    }

    fn antecedent(&self, before: usize, plural: bool, speakers: &[Named]) -> Option<Named> {
        let mention = self
            .mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= before)
            .find(|m| if plural { m.plural || m.kind == SourceKind::Organization } else { m.kind == SourceKind::Person && !m.plural });
        let speaker = speakers.iter().rev().find(|s| s.span.end <= before && !plural);
        match (mention, speaker) {
            (Some(m), _) => Some(Named { name: m.name.clone(), kind: m.kind, span: m.span }),
            (None, Some(s)) => Some(s.clone()),
            (None, None) => None,
        }
    }

    /// Name and kind of a noun phrase: its proper name when it has one (`le quotidien
    /// El Punt Avui` is El Punt Avui), otherwise the description as written.
    pub fn describe(&self, p: Phrase) -> Named {
        let toks = self.tokens(p.block);
        if let Some((s, e)) = p.apposed_name {
            return self.named_run(p.block, s, e);
        }
        // Leading determiners, titles and source nouns, then a name: the name is the source.
        let mut k = p.start;
        while k < p.end && (self.is(&toks[k], WordClass::Determiner) || self.is(&toks[k], WordClass::Title)) {
            k += 1;
        }
        if k < p.end && self.is_name_start(p.block, k) {
            let e = self.name_run(p.block, k).min(p.end);
            let mut named = self.named_run(p.block, k, e);
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
        // Adjectives may sit between the head and the name (`le président américain X`).
        let mut n = noun_end;
        while n < p.end && toks[n].is_word() && !toks[n].capitalized && !self.is(&toks[n], WordClass::Preposition) && !self.is(&toks[n], WordClass::Determiner) {
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
        Named { kind: self.description_kind(p), name, span }
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
        let head = self.lex.source_nouns.match_at(toks, k).map(|(_, kind)| *kind);
        let plural_vague = matches!(first.norm.as_str(), "des" | "certains" | "certaines" | "plusieurs" | "quelques" | "nombre" | "beaucoup")
            || (first.norm == "de" && words.get(1).is_some_and(|w| matches!(w.norm.as_str(), "nombreux" | "nombreuses")));
        match head {
            Some(SourceKind::Person) | None if plural_vague => SourceKind::Vague,
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
            if let Some(m) = self.mentions.iter().filter(|m| m.span.end <= span.start && m.kind == SourceKind::Person).rev().find(|m| {
                m.name.split([' ', '-']).skip(1).any(|w| crate::text::normalize::fold(w) == *surname)
            }) {
                return Named { name: m.name.clone(), kind: SourceKind::Person, span };
            }
        }
        Named { name, kind, span }
    }
}

/// Every proper name of the article, in order, for later pronoun resolution.
pub fn collect_mentions(a: &Article) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for (b, block) in a.blocks.iter().enumerate() {
        let toks = &block.tokens;
        let mut i = 0;
        while i < toks.len() {
            if a.is_name_start(b, i) {
                let e = a.name_run(b, i).max(i + 1);
                let mut kind = a.classify_name(b, i, e);
                let span = a.span_of(b, i, e);
                let mut name = a.text_of(b, i, e);
                let plural = i > 0 && matches!(toks[i - 1].norm.as_str(), "les" | "des");
                if e - i == 1 && kind != SourceKind::Media {
                    let surname = toks[i].norm.clone();
                    if let Some(m) = out.iter().rev().find(|m| m.kind == SourceKind::Person && m.name.split([' ', '-']).skip(1).any(|w| crate::text::normalize::fold(w) == surname)) {
                        name = m.name.clone();
                        kind = SourceKind::Person;
                    }
                }
                out.push(Mention { name, kind, span, plural });
                i = e;
            } else {
                i += 1;
            }
        }
    }
    out
}
