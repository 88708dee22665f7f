//! `unbalanced-quote`: an opening mark never closed in its paragraph (and not continued in
//! the next), or a closing mark with nothing to close. Such marks are never paired across
//! the article: the error points at the mark itself.

use super::{Finding, Rule, Severity};
use crate::analysis::Analysis;
use crate::quotes::MarkProblem;

pub const RULE: Rule = Rule {
    id: "unbalanced-quote",
    severity: Severity::Error,
    description: "A quotation mark that opens without closing, or closes without opening.",
    check,
};

fn check(analysis: &Analysis) -> Vec<Finding> {
    analysis
        .unbalanced
        .iter()
        .map(|u| Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: match u.problem {
                MarkProblem::Unclosed => {
                    format!("opening {} is never closed in its paragraph", u.mark)
                }
                MarkProblem::Unopened => {
                    format!("closing {} has no opening mark before it", u.mark)
                }
            },
            span: u.span,
            subject: None,
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
    fn fires_on_unclosed_and_stray_marks() {
        assert_eq!(
            messages("Il a dit « oui.\n\nEt puis » non."),
            [
                "opening « is never closed in its paragraph",
                "closing » has no opening mark before it"
            ]
        );
    }

    #[test]
    fn silent_on_balanced_and_continued_quotes() {
        assert!(messages("Il a dit : « Un.\n\n« Deux. »").is_empty());
        assert!(messages("L’État dit « oui » et “non”.").is_empty());
    }
}
