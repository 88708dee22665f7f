//! Property tests: any text, however broken its quotation marks, gives a report; spans
//! always lie on character boundaries inside the text, and quotes never overlap.

use attrib::analyze_text;
use attrib::report::FileReport;
use proptest::prelude::*;

fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("«".to_string()),
        Just("»".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("„".to_string()),
        Just("‹".to_string()),
        Just("›".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just(", a-t-il déclaré".to_string()),
        Just(" selon M. Dupont, ".to_string()),
        Just(" a déclaré : ".to_string()),
        Just(". ".to_string()),
        Just(" qui ".to_string()),
        Just(" comme le précise ".to_string()),
        Just(" en affirmant que ".to_string()),
        Just(" et estimé que ".to_string()),
        Just("Estimant que ".to_string()),
        Just(" — Jean-Marc Dupont, maire".to_string()),
        Just(" Mme Claire Martin ".to_string()),
        Just(" le porte-parole du ministère, Paul Roux, ".to_string()),
        Just(" l’expert ".to_string()),
        Just(" selon lui ".to_string()),
        Just(" Pour la CGT, ".to_string()),
        Just(" V. Hugo ".to_string()),
        Just(" a pour sa part ajouté ".to_string()),
        Just(" dit-il ".to_string()),
        Just(" baptisé ".to_string()),
        Just(" : ".to_string()),
        Just(" que ".to_string()),
        Just(" Le Monde ".to_string()),
        Just(" s'est-elle félicitée ".to_string()),
        Just("# ".to_string()),
        Just("`".to_string()),
        Just("- ".to_string()),
        "[a-zA-Zéà ]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    // 600 cases by default; `PROPTEST_CASES=100000 cargo test --release --test properties`
    // for a long run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(600),
        ..ProptestConfig::default()
    })]

    #[test]
    fn never_panics_and_spans_are_sound(text in article()) {
        let a = analyze_text(&text);
        let mut last_end = 0;
        for q in &a.quotes {
            prop_assert!(q.span.start < q.span.end && q.span.end <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            prop_assert!(q.span.start >= last_end, "quotes overlap");
            last_end = q.span.end;
            if let Some(s) = &q.speaker {
                prop_assert!(s.span.end <= text.len() && text.is_char_boundary(s.span.start));
                prop_assert!(!["il", "elle", "ils", "elles", "lui", "eux"].contains(&s.name.to_lowercase().as_str()));
            }
        }
        for f in &a.findings {
            prop_assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start));
        }
        let report = FileReport::from_analysis("p".into(), &a);
        for q in &report.quotes {
            prop_assert!(q.span.line >= 1 && q.span.column >= 1);
            prop_assert!((q.span.end_line, q.span.end_column) >= (q.span.line, q.span.column));
        }
    }

    #[test]
    fn analysis_is_deterministic(text in article()) {
        let a = FileReport::from_analysis("p".into(), &analyze_text(&text));
        let b = FileReport::from_analysis("p".into(), &analyze_text(&text));
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}

#[test]
fn thousands_of_unmatched_marks_stay_linear() {
    // 200k opening marks in one paragraph, then as many stray closing marks.
    let text = format!("{}{}", "« ".repeat(200_000), " »x".repeat(200_000));
    let a = analyze_text(&text);
    assert!(!a.findings.is_empty());
}
