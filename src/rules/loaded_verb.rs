//! `loaded-verb`: a reporting verb that judges what it reports (« reconnaître »,
//! « avouer » imply guilt, « prétendre » casts doubt, « révéler » presents the claim as
//! fact, « marteler » lends an attitude) where a neutral verb would do. The list, the
//! reason and the neutral alternative are data: `grammar/fr/loaded_verbs.tsv`.

use super::{Finding, Rule, Severity};
use crate::analysis::Analysis;
use crate::lexicon::FR;
use crate::model::CueKind;

pub const RULE: Rule = Rule {
    id: "loaded-verb",
    severity: Severity::Info,
    description: "An attribution verb that judges (avouer, reconnaître, prétendre…) where a neutral one would do.",
    check,
};

fn check(analysis: &Analysis) -> Vec<Finding> {
    analysis
        .attributions
        .iter()
        .filter(|a| a.cue == CueKind::Verb)
        .filter_map(|a| {
            let lemma = a.lemma.as_deref()?;
            let (reason, neutral) = FR.loaded_verbs.get(lemma)?;
            Some(Finding {
                rule: RULE.id,
                severity: RULE.severity,
                message: format!(
                    "« {} » ({lemma}) {reason}; the neutral « {neutral} » reports without judging",
                    a.cue_text
                ),
                span: a.cue_span,
                subject: Some(a.id.clone()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze_text;

    fn messages(text: &str) -> Vec<String> {
        analyze_text(text)
            .findings
            .iter()
            .filter(|f| f.rule == super::RULE.id)
            .map(|f| f.message.clone())
            .collect()
    }

    #[test]
    fn fires_on_judging_verbs_and_names_an_alternative() {
        let m = messages(
            "Le maire Paul Vidal a reconnu que le chantier avait pris six mois de retard.",
        );
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("reconnaître"), "{m:?}");
    }

    #[test]
    fn silent_on_neutral_verbs() {
        assert!(
            messages(
                "Le maire Paul Vidal a indiqué que le chantier avait pris six mois de retard."
            )
            .is_empty()
        );
    }
}
