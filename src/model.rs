//! The nouns every stage shares: quotations, speakers and the kinds of sources.

use serde::{Deserialize, Serialize};

use crate::source::Span;

/// The id of the `n`th quote, attribution or claim: a letter and the number (`q1`,
/// `a12`, `c305`). Written with `itoa`: through `format!` and its formatting machinery,
/// the ids of an article's claims cost a tenth of detecting them.
pub fn numbered_id(prefix: char, n: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    let mut id = String::with_capacity(prefix.len_utf8() + digits.len());
    id.push(prefix);
    id.push_str(digits);
    id
}

/// What kind of source stands behind words (see `shared/corpus/ANNOTATION.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A named person.
    Person,
    /// Companies, parties, unions, governments, institutions, courts, police.
    Organization,
    /// A newspaper, agency or broadcaster speaking through its own reporting.
    Media,
    /// A report, study, communiqué, law or poll quoted as such.
    Document,
    /// A described but unnamed source (« un diplomate européen »).
    Anonymous,
    /// No identifiable source at all (« des observateurs », « certains »).
    Vague,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Media => "media",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Vague => "vague",
        }
    }
}

/// Direct speech, a fragment woven into the article's sentence, or marks that report no
/// speech at all (titles, names, words as words, scare quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Mention,
}

/// How a speaker was linked to a quote: which construction of reported speech matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// `« … », a déclaré X` / `« … », a-t-il déclaré`.
    InciseAfter,
    /// `« Nous restons, a-t-il dit, déterminés »`.
    InciseInside,
    /// `X a déclaré : « … »`, `X estime que « … »`.
    Introducer,
    /// `selon X, « … »`, `pour X, « … »`, `d'après X`.
    Marker,
    /// `« … » — X, titre`.
    Signature,
    /// Another quote of the same sentence has the speaker (`« a » et « b », dit-il`).
    SameSentence,
    /// A quote with no cue, continuing the speaker of the sentence before.
    PreviousSentence,
    /// A colon introducer with no reporting verb: the clause's subject speaks.
    ClauseSubject,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The most specific name the article gives (a pronoun is resolved, never output).
    pub name: String,
    pub kind: SourceKind,
    /// Where that name stands in the article.
    #[serde(skip)]
    pub span: Span,
    pub via: Via,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub id: String,
    /// The words between the outer marks, padding spaces and continuation marks removed.
    pub text: String,
    pub kind: QuoteKind,
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    pub speaker: Option<Speaker>,
}

/// How an attribution names its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueKind {
    /// A reporting verb with its subject (`X a déclaré que`, `affirme X`).
    Verb,
    /// A marker before the source (`selon X`, `d'après X`, `de source X`).
    Marker,
    /// A quotation whose speaker is known carries the sentence.
    Quote,
}

/// Why a sentence's attribution reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The cue is in the sentence.
    Sentence,
    /// The sentence continues an attributed one of its paragraph (hearsay conditional,
    /// the announced content in the future).
    Continued,
    /// `C'est X qui a révélé …` covers the sentence before.
    Cleft,
}

/// A source named in the text and the stretch of text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub id: String,
    pub cue: CueKind,
    /// The cue's words as typed (`a déclaré`, `selon`).
    pub cue_text: String,
    pub cue_span: Span,
    /// The reporting verb's lemma, for verb cues.
    pub lemma: Option<String>,
    pub source: crate::speakers::names::Named,
    /// The sentences covered: the first one, then continued ones (and a cleft's previous one).
    pub content: Span,
}

/// Why a sentence is check-worthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    /// Figures, statistics, quantities.
    Figure,
    /// Deaths, violence, damage.
    Harm,
    /// Wrongdoing, legal exposure.
    Accusation,
    /// Private decisions and intentions.
    Intention,
    /// Findings of studies or investigations.
    Finding,
    /// Forecasts and expectations.
    Prediction,
    /// Opinions stated as facts, superlatives.
    Judgement,
    /// The journalistic conditional (`il aurait rencontré`): relayed, unconfirmed.
    Hearsay,
}

impl Signal {
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Figure => "figure",
            Signal::Harm => "harm",
            Signal::Accusation => "accusation",
            Signal::Intention => "intention",
            Signal::Finding => "finding",
            Signal::Prediction => "prediction",
            Signal::Judgement => "judgement",
            Signal::Hearsay => "hearsay",
        }
    }
}

/// A check-worthy sentence of the body and what covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub id: String,
    pub text: String,
    pub span: Span,
    /// The attribution covering the sentence, by index in the article's attributions.
    pub attribution: Option<usize>,
    pub scope: Option<Scope>,
    pub signals: Vec<Signal>,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn numbered_ids_are_the_formatted_ones(n in any::<usize>(), prefix in prop::sample::select(vec!['q', 'a', 'c', 'é'])) {
            prop_assert_eq!(super::numbered_id(prefix, n), format!("{prefix}{n}"));
        }
    }
}
