//! `vague-source`: « des observateurs », « selon certains », « des études montrent »:
//! words that sound like a source but name none. Treated as no source at all by editors
//! (Wikipedia's weasel words, « contenu évasif »).

use super::{Finding, Rule, Severity};
use crate::analysis::Analysis;
use crate::model::SourceKind;

pub const RULE: Rule = Rule {
    id: "vague-source",
    severity: Severity::Warning,
    description: "A vague source (« des observateurs », « selon certains ») with no reference.",
    check,
};

fn check(analysis: &Analysis) -> Vec<Finding> {
    let mut out: Vec<Finding> = analysis
        .attributions
        .iter()
        .filter(|a| a.source.kind == SourceKind::Vague)
        .map(|a| Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: format!(
                "« {} » names no one: say who, or cite the study or survey",
                a.source.name
            ),
            span: a.source.span,
            subject: Some(a.id.clone()),
        })
        .collect();
    for q in &analysis.quotes {
        let Some(s) = q.speaker.as_ref().filter(|s| s.kind == SourceKind::Vague) else {
            continue;
        };
        if out.iter().any(|f| f.span == s.span) {
            continue;
        }
        out.push(Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: format!("quote by « {} », which names no one", s.name),
            span: q.span,
            subject: Some(q.id.clone()),
        });
    }
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
    fn fires_on_weasel_sources() {
        assert_eq!(
            fired("Selon certains observateurs, la réforme coûtera deux milliards d'euros."),
            1
        );
        assert_eq!(
            fired("Des experts estiment que la réforme coûtera deux milliards d'euros."),
            1
        );
    }

    #[test]
    fn fires_on_vague_phrasings_without_a_verb_cue() {
        assert_eq!(
            fired("Des études montrent que le café réduit de 20 % le risque de cancer."),
            1
        );
        assert_eq!(
            fired("On dit que le maire prépare sa démission depuis des mois."),
            1
        );
    }

    #[test]
    fn silent_on_a_vague_word_that_is_no_subject() {
        assert_eq!(
            fired(
                "Le ministre a reçu les experts du comité mardi pour 40 millions d'euros d'aides."
            ),
            0
        );
    }

    #[test]
    fn silent_on_identified_sources() {
        assert_eq!(
            fired("Selon la Cour des comptes, la réforme coûtera deux milliards d'euros."),
            0
        );
    }
}
