//! `hearsay-without-source`: the journalistic conditional (`il aurait rencontré`, `le
//! crash serait dû à`) relays unconfirmed information; without a source in scope the
//! reader cannot tell who says so. Not the conditional of a `si` clause, nor the modals
//! `devrait`/`pourrait` (forecasts), nor a future in the past after a reporting verb
//! (that sentence has its source).

use super::{Finding, Rule, Severity};
use crate::analysis::Analysis;
use crate::model::Signal;

pub const RULE: Rule = Rule {
    id: "hearsay-without-source",
    severity: Severity::Warning,
    description: "The journalistic conditional (« aurait », « serait ») with no source in scope.",
    check,
};

fn check(analysis: &Analysis) -> Vec<Finding> {
    analysis
        .claims
        .iter()
        .filter(|c| c.attribution.is_none() && c.signals.contains(&Signal::Hearsay))
        .map(|c| Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: "hearsay conditional with no source: name who reports it (« selon X, il aurait … ») or confirm it".to_string(),
            span: c.span,
            subject: Some(c.id.clone()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze_text;

    fn fired(text: &str) -> usize {
        analyze_text(text)
            .findings
            .iter()
            .filter(|f| f.rule == super::RULE.id)
            .count()
    }

    #[test]
    fn fires_on_unsourced_conditional() {
        assert_eq!(
            fired("Le directeur aurait rencontré les repreneurs en secret la semaine dernière."),
            1
        );
    }

    #[test]
    fn silent_when_sourced_or_hypothetical_or_modal() {
        assert_eq!(
            fired("Selon Le Parisien, le directeur aurait rencontré les repreneurs en secret."),
            0
        );
        assert_eq!(
            fired("Si le vote échouait, le directeur démissionnerait dans la semaine."),
            0
        );
        assert_eq!(
            fired("La croissance devrait atteindre deux points l'an prochain dans la région."),
            0
        );
    }

    #[test]
    fn a_sourced_paragraph_covers_the_next_conditional() {
        let text = "Selon Le Parisien, le directeur a rencontré les repreneurs. Il leur aurait promis une réponse rapide.";
        assert_eq!(fired(text), 0);
    }
}
