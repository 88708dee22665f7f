//! `unattributed-claim`: a check-worthy sentence (a figure, an accusation, a decision, a
//! finding, a forecast, a judgement) that no source covers. A sentence in the hearsay
//! conditional is reported by `hearsay-without-source` instead, not twice.

use super::{Finding, Rule, Severity};
use crate::analysis::Analysis;
use crate::model::Signal;

pub const RULE: Rule = Rule {
    id: "unattributed-claim",
    severity: Severity::Warning,
    description: "A check-worthy claim that no source in its sentence or paragraph covers.",
    check,
};

fn check(analysis: &Analysis) -> Vec<Finding> {
    analysis
        .claims
        .iter()
        .filter(|c| c.attribution.is_none() && !c.signals.contains(&Signal::Hearsay))
        .map(|c| Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: format!(
                "unattributed claim ({}): say who says so (« selon X », « X a indiqué que »)",
                c.signals
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
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
    fn fires_on_a_figure_nobody_vouches_for() {
        assert_eq!(
            fired("L'incendie a détruit 320 hectares de forêt et fait trois blessés."),
            1
        );
    }

    #[test]
    fn silent_when_a_source_covers_it() {
        assert_eq!(
            fired("Selon les pompiers, l'incendie a détruit 320 hectares de forêt."),
            0
        );
        assert_eq!(
            fired("La préfecture a indiqué que l'incendie avait détruit 320 hectares."),
            0
        );
    }

    #[test]
    fn silent_on_plain_background_and_datelines() {
        assert_eq!(
            fired("12 mars 2026, Lyon. - La ville se trouve au bord du Rhône."),
            0
        );
    }
}
