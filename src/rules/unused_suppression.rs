//! `unused-suppression`: an `attrib-disable…` comment that suppressed nothing, a leftover
//! after the text it excused was fixed or moved. `attrib-enable` comments are never
//! reported. This rule runs after suppression, on what it left unused.

use super::{Finding, Rule, Severity};
use crate::analysis::Analysis;
use crate::suppression::Scope;

pub const RULE: Rule = Rule {
    id: "unused-suppression",
    severity: Severity::Info,
    description: "A suppression comment that suppresses no finding.",
    check,
};

fn check(analysis: &Analysis) -> Vec<Finding> {
    analysis
        .suppressions
        .iter()
        .filter(|d| !d.used && d.scope != Scope::Enable)
        .map(|d| Finding {
            rule: RULE.id,
            severity: RULE.severity,
            message: if d.rules.is_empty() {
                "this suppression comment suppresses nothing: remove it".to_string()
            } else {
                format!(
                    "this suppression of {} suppresses nothing: remove it",
                    d.rules.join(", ")
                )
            },
            span: d.span,
            subject: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze_text;

    fn rules(text: &str) -> Vec<&'static str> {
        analyze_text(text).findings.iter().map(|f| f.rule).collect()
    }

    const QUOTE: &str = "Le débat a duré. « Nous ne céderons rien sur ce point. »";

    #[test]
    fn next_line_suppresses_and_is_used() {
        let text = format!("<!-- attrib-disable-next-line quote-without-speaker -->\n{QUOTE}\n");
        assert!(rules(&text).is_empty(), "{:?}", rules(&text));
    }

    #[test]
    fn same_line_suppresses() {
        let text = format!("{QUOTE} <!-- attrib-disable-line quote-without-speaker -->\n");
        assert!(rules(&text).is_empty(), "{:?}", rules(&text));
    }

    #[test]
    fn region_and_file_suppress() {
        let text = format!(
            "<!-- attrib-disable quote-without-speaker -->\n\n{QUOTE}\n\n<!-- attrib-enable quote-without-speaker -->\n\n{QUOTE}\n"
        );
        assert_eq!(rules(&text), ["quote-without-speaker"]);
        let text = format!("<!-- attrib-disable-file -->\n\n{QUOTE}\n\n{QUOTE}\n");
        assert!(rules(&text).is_empty());
    }

    #[test]
    fn unused_suppression_is_reported() {
        let text = "<!-- attrib-disable-next-line vague-source -->\nLe soleil se lève à l'est.\n";
        assert_eq!(rules(text), ["unused-suppression"]);
    }

    #[test]
    fn other_rules_are_not_suppressed() {
        let text = format!("<!-- attrib-disable-next-line vague-source -->\n{QUOTE}\n");
        assert_eq!(
            rules(&text),
            ["unused-suppression", "quote-without-speaker"]
        );
    }
}
