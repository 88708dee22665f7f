//! `quote-without-speaker`: words in quotation marks reported as speech, with no one named
//! as having said them. Mentions (titles, names, words as words) need no speaker.

use super::{Finding, Rule, Severity};
use crate::analysis::Analysis;
use crate::model::QuoteKind;

pub const RULE: Rule = Rule {
    id: "quote-without-speaker",
    severity: Severity::Warning,
    description: "A direct or partial quotation whose speaker the article does not name.",
    check,
};

fn check(analysis: &Analysis) -> Vec<Finding> {
    analysis
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Mention && q.speaker.is_none())
        .map(|q| Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: format!(
                "{} quotation has no identified speaker: say who said it (« …, a déclaré X » or « selon X »)",
                if q.kind == QuoteKind::Direct { "direct" } else { "partial" }
            ),
            span: q.span,
            subject: Some(q.id.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze_text;

    fn ids(text: &str) -> Vec<&'static str> {
        analyze_text(text)
            .findings
            .iter()
            .map(|f| f.rule)
            .filter(|r| *r == super::RULE.id)
            .collect()
    }

    #[test]
    fn fires_on_unattributed_direct_quote() {
        assert_eq!(
            ids("Le débat a duré trois heures. « Nous ne céderons rien sur ce point. »"),
            ["quote-without-speaker"]
        );
    }

    #[test]
    fn silent_when_speaker_is_named() {
        assert!(ids("« Nous ne céderons rien sur ce point », a déclaré Marie Durand.").is_empty());
    }

    #[test]
    fn silent_on_mentions() {
        assert!(ids("Le navire, baptisé « Étoile du Nord », a quitté le port.").is_empty());
    }
}
