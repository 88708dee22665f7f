//! `anonymous-source`: a claim or quote resting only on a described but unnamed source
//! (« un diplomate européen », « une source proche du dossier »). Anonymity is sometimes
//! justified; the editor checks why it was granted and how the source knows.

use super::{Finding, Rule, Severity};
use crate::analysis::Analysis;
use crate::model::SourceKind;

pub const RULE: Rule = Rule {
    id: "anonymous-source",
    severity: Severity::Info,
    description: "A claim or quote resting only on an anonymous source.",
    check,
};

const MESSAGE: &str = "rests on an anonymous source: check why anonymity was granted and how the source knows, and describe it as precisely as possible";

fn check(analysis: &Analysis) -> Vec<Finding> {
    let mut out: Vec<Finding> = analysis
        .attributions
        .iter()
        .filter(|a| a.source.kind == SourceKind::Anonymous)
        .map(|a| Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: format!("« {} » {MESSAGE}", a.source.name),
            span: a.source.span,
            subject: Some(a.id.clone()),
        })
        .collect();
    for q in &analysis.quotes {
        let Some(s) = q
            .speaker
            .as_ref()
            .filter(|s| s.kind == SourceKind::Anonymous)
        else {
            continue;
        };
        if out.iter().any(|f| f.span == s.span) {
            continue;
        }
        out.push(Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: format!("quote by « {} » {MESSAGE}", s.name),
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
    fn fires_on_unnamed_described_source() {
        assert_eq!(
            fired("Un diplomate européen a affirmé que l'accord serait signé avant l'été."),
            1
        );
        assert_eq!(
            fired("« Rien n'est décidé », a confié un proche du ministre."),
            1
        );
    }

    #[test]
    fn silent_on_named_sources() {
        assert_eq!(
            fired("La ministre Claire Dubois a affirmé que l'accord serait signé avant l'été."),
            0
        );
    }
}
