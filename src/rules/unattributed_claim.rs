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
            message: message(&c.signals),
            span: c.span,
            subject: Some(c.id.clone()),
        })
        .collect()
}

const OPENING: &str = "unattributed claim (";
const ADVICE: &str = "): say who says so (« selon X », « X a indiqué que »)";

/// `unattributed claim (figure, harm): say who says so …`, written into one string of the
/// right size: this rule fires on most claims, and a `format!` of the joined signals cost
/// three allocations each.
fn message(signals: &[Signal]) -> String {
    let names = signals.iter().map(|s| s.as_str());
    let len = OPENING.len() + names.clone().map(|n| n.len() + 2).sum::<usize>() + ADVICE.len();
    let mut out = String::with_capacity(len);
    out.push_str(OPENING);
    for (n, name) in names.enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        out.push_str(name);
    }
    out.push_str(ADVICE);
    out
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
    fn the_message_lists_the_signals() {
        use crate::model::Signal;
        for signals in [
            &[][..],
            &[Signal::Figure],
            &[Signal::Figure, Signal::Harm, Signal::Judgement],
        ] {
            let joined: Vec<&str> = signals.iter().map(|s| s.as_str()).collect();
            assert_eq!(
                super::message(signals),
                format!(
                    "unattributed claim ({}): say who says so (« selon X », « X a indiqué que »)",
                    joined.join(", ")
                )
            );
        }
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
