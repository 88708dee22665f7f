//! Property tests: any text, however broken its quotation marks, gives a report; spans
//! always lie on character boundaries inside the text, quotes never overlap, and every
//! line/column agrees with its byte offsets; reports round-trip through JSON and are the
//! same from run to run; diff and verify hold their basic promises.
//!
//! Case counts: `PROPTEST_CASES` (default 600 for the cheap properties; the costlier ones
//! run a fraction of it). `PROPTEST_CASES=100000 cargo test --release --test properties`
//! for a long run.

use std::path::Path;

use attrib::Format;
use attrib::analysis::Analysis;
use attrib::report::{FileReport, Report};
use attrib::source::Location;
use attrib::verify::{self, SourceText, Verdict};
use attrib::{analyze, analyze_text};
use proptest::prelude::*;

fn cases(divisor: u32) -> u32 {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600u32);
    (n / divisor).max(4)
}

const PIECES: &[&str] = &[
    "«",
    "»",
    "“",
    "”",
    "„",
    "‹",
    "›",
    "‘",
    "’",
    "\"",
    "\u{a0}",
    "\u{202f}",
    "\r\n",
    "\n\n",
    "\r",
    "é",
    ", a-t-il déclaré",
    " selon M. Dupont, ",
    " a déclaré : ",
    ". ",
    " qui ",
    " comme le précise ",
    " en affirmant que ",
    " et estimé que ",
    "Estimant que ",
    " — Jean-Marc Dupont, maire",
    " Mme Claire Martin ",
    " le porte-parole du ministère, Paul Roux, ",
    " l’expert ",
    " selon lui ",
    " Pour la CGT, ",
    " V. Hugo ",
    " a pour sa part ajouté ",
    " dit-il ",
    " baptisé ",
    " : ",
    " que ",
    " Le Monde ",
    " s'est-elle félicitée ",
    "# ",
    "`",
    "- ",
    " aurait coûté 3 millions d'euros",
    " des observateurs ",
    " un diplomate européen ",
    "<!-- attrib-disable-next-line -->\n",
    " C'est la préfecture qui a révélé ",
];

/// Extra pieces for HTML articles: tags, character references, scripts and comments.
const HTML_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<h1>",
    "</h1>",
    "<b>",
    "</b>",
    "<br>",
    "&laquo;",
    "&raquo;",
    "&nbsp;",
    "&#171;",
    "&#x2014;",
    "&amp;",
    "&",
    "<script>var s = \"«\";</script>",
    "<style>p{}</style>",
    "<!-- x « -->",
    "<",
    ">",
    "<div class=\"a\">",
    "</div>",
];

fn article_with(extra: &'static [&'static str]) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        2 => prop::sample::select(if extra.is_empty() { PIECES } else { extra })
            .prop_map(str::to_string),
        2 => "[a-zA-Zéà ]{0,12}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    (any::<bool>(), prop::collection::vec(piece, 0..80)).prop_map(|(bom, v)| {
        let body = v.concat();
        if bom { format!("\u{feff}{body}") } else { body }
    })
}

fn article() -> impl Strategy<Value = String> {
    article_with(&[])
}

/// A format and an article written for it.
fn document() -> impl Strategy<Value = (Format, String)> {
    prop_oneof![
        article().prop_map(|t| (Format::Markdown, t)),
        article().prop_map(|t| (Format::PlainText, t)),
        article_with(HTML_PIECES).prop_map(|t| (Format::Html, t)),
    ]
}

fn name_of(format: Format) -> &'static str {
    match format {
        Format::Markdown => "a.md",
        Format::PlainText => "a.txt",
        Format::Html => "a.html",
    }
}

fn analyze_as(format: Format, text: &str) -> Analysis {
    analyze(Path::new(name_of(format)), text.as_bytes().to_vec(), format)
        .expect("a &str is valid UTF-8")
}

/// 1-based line and character column of a byte offset, computed from the text alone by
/// the convention of `source::LineIndex`: lines end at `\n` (so a CRLF's `\r` is the last
/// character of its line, and a lone `\r` is an ordinary character), columns count
/// characters, and a leading BOM takes no column.
fn expected_line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = 1 + before.matches('\n').count();
    let mut start = before.rfind('\n').map_or(0, |i| i + 1);
    if start == 0 && text.starts_with('\u{feff}') && offset >= 3 {
        start = 3;
    }
    (line, text[start..offset].chars().count() + 1)
}

/// Every position a file report carries, named for messages.
fn locations(r: &FileReport) -> Vec<(String, Location)> {
    let mut out = Vec::new();
    for q in &r.quotes {
        out.push((format!("{} span", q.id), q.span));
        if let Some(s) = &q.speaker {
            out.push((format!("{} speaker", q.id), s.span));
        }
    }
    for a in &r.attributions {
        out.push((format!("{} cue", a.id), a.cue.span));
        out.push((format!("{} source", a.id), a.source.span));
        out.push((format!("{} content", a.id), a.content));
    }
    for c in &r.claims {
        out.push((format!("{} span", c.id), c.span));
        if let Some(s) = &c.source {
            out.push((format!("{} source", c.id), s.span));
        }
    }
    for f in &r.findings {
        out.push((format!("{} finding", f.rule), f.span));
    }
    out
}

fn check_spans(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for q in &a.quotes {
        prop_assert!(q.span.start < q.span.end && q.span.end <= text.len());
        prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        prop_assert!(q.span.start >= last_end, "quotes overlap");
        last_end = q.span.end;
        if let Some(s) = &q.speaker {
            prop_assert!(s.span.end <= text.len() && text.is_char_boundary(s.span.start));
            prop_assert!(text.is_char_boundary(s.span.end));
            prop_assert!(
                !["il", "elle", "ils", "elles", "lui", "eux"]
                    .contains(&s.name.to_lowercase().as_str())
            );
        }
    }
    for f in &a.findings {
        prop_assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start));
        prop_assert!(text.is_char_boundary(f.span.end));
    }
    Ok(())
}

const WORDS: &[&str] = &[
    "nous",
    "tiendrons",
    "le",
    "calendrier",
    "les",
    "pontons",
    "seront",
    "remplacés",
    "avant",
    "l'été",
    "prochain",
    "et",
    "resterons",
    "très",
    "attentifs",
    "à",
    "la",
    "saison",
    "touristique",
    "capitainerie",
    "ouverte",
    "toute",
    "année",
    "plaisanciers",
    "paieront",
    "pas",
    "un",
    "centime",
    "de",
    "plus",
    "port",
    "quais",
    "travaux",
    "mars",
    "juin",
];

/// A transcript: cues of a few words each, and a run of consecutive words taken from it.
fn transcript() -> impl Strategy<Value = (Vec<Vec<&'static str>>, usize, usize)> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(WORDS), 4..12),
        1..8,
    )
    .prop_flat_map(|cues| {
        let n: usize = cues.iter().map(Vec::len).sum();
        (Just(cues), 0..=n - 4)
    })
    .prop_flat_map(|(cues, start)| {
        let n: usize = cues.iter().map(Vec::len).sum();
        (Just(cues), Just(start), (start + 4)..=n.min(start + 20))
    })
}

fn srt(cues: &[Vec<&str>]) -> String {
    cues.iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "{}\r\n00:00:{:02},000 --> 00:00:{:02},500\r\n{}\r\n\r\n",
                i + 1,
                i * 2,
                i * 2 + 1,
                c.join(" ")
            )
        })
        .collect()
}

fn vtt(cues: &[Vec<&str>]) -> String {
    let mut out = "WEBVTT\n\n".to_string();
    for (i, c) in cues.iter().enumerate() {
        // Cue text over two lines, the second with a no-break space.
        let (a, b) = c.split_at(c.len() / 2);
        out.push_str(&format!(
            "00:00:{:02}.000 --> 00:00:{:02}.500\n{}\n{}\n\n",
            i * 2,
            i * 2 + 1,
            a.join(" "),
            b.join("\u{a0}")
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(1),
        ..ProptestConfig::default()
    })]

    #[test]
    fn never_panics_and_spans_are_sound(text in article()) {
        let a = analyze_text(&text);
        check_spans(&text, &a)?;
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

proptest! {
    // Costlier properties (HTML, two analyses, diff, verify): a third of the cases.
    #![proptest_config(ProptestConfig {
        cases: cases(3),
        ..ProptestConfig::default()
    })]

    #[test]
    fn spans_are_sound_in_every_format((format, text) in document()) {
        let a = analyze_as(format, &text);
        check_spans(&text, &a)?;
    }

    #[test]
    fn line_and_column_agree_with_byte_offsets((format, text) in document()) {
        let a = analyze_as(format, &text);
        let report = FileReport::from_analysis("p".into(), &a);
        for (what, loc) in locations(&report) {
            prop_assert!(loc.start <= loc.end && loc.end <= text.len(), "{what}: {loc:?}");
            prop_assert!(
                text.is_char_boundary(loc.start) && text.is_char_boundary(loc.end),
                "{what}: {loc:?} not on char boundaries"
            );
            prop_assert_eq!(
                (loc.line, loc.column),
                expected_line_col(&text, loc.start),
                "{} start {:?}", what, loc
            );
            prop_assert_eq!(
                (loc.end_line, loc.end_column),
                expected_line_col(&text, loc.end),
                "{} end {:?}", what, loc
            );
        }
    }

    #[test]
    fn json_report_round_trips((format, text) in document()) {
        let a = analyze_as(format, &text);
        let report = Report::new(vec![FileReport::from_analysis(name_of(format).into(), &a)]);
        let mut json = Vec::new();
        attrib::render::json::render(&report, &mut json).unwrap();
        let back: Report = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(&back, &report);
        let mut again = Vec::new();
        attrib::render::json::render(&back, &mut again).unwrap();
        prop_assert_eq!(again, json);

        let mut line = Vec::new();
        attrib::render::json::render_line(&report.files[0], &mut line).unwrap();
        let back: FileReport = serde_json::from_slice(&line).unwrap();
        prop_assert_eq!(&back, &report.files[0]);
    }

    /// `check`'s JSON writer writes the report's types directly: its bytes are serde_json's
    /// for the derived `Serialize`, pretty at any depth and compact.
    #[test]
    fn json_writer_writes_serde_jsons_bytes((format, text) in document(), level in 0..24usize) {
        let a = analyze_as(format, &text);
        let file = FileReport::borrowed(name_of(format), &a);
        let mut ours = Vec::new();
        attrib::render::json::write_file_pretty(&file, &mut ours, level).unwrap();
        let mut reference = Vec::new();
        attrib::render::json::write_pretty(&file, &mut reference, level).unwrap();
        prop_assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(reference).unwrap());

        let mut ours = Vec::new();
        attrib::render::json::render_line_into(&file, &mut ours).unwrap();
        let mut reference = serde_json::to_vec(&file).unwrap();
        reference.push(b'\n');
        prop_assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(reference).unwrap());
    }

    #[test]
    fn diff_of_a_text_with_itself_is_empty((format, text) in document()) {
        let a = analyze_as(format, &text);
        let b = analyze_as(format, &text);
        let d = attrib::diff::diff("a", &a, "a", &b);
        prop_assert!(d.changes.is_empty(), "{:?}", d.changes);
    }

    #[test]
    fn diff_of_two_articles_never_panics(old in article(), new in article()) {
        let (o, n) = (analyze_text(&old), analyze_text(&new));
        let report = attrib::diff::DiffReport::new(vec![attrib::diff::diff("a", &o, "a", &n)]);
        let mut out = Vec::new();
        attrib::diff::render::human(&report, &mut out).unwrap();
        attrib::diff::render::json(&report, &mut out).unwrap();
        attrib::diff::render::markdown(&report, &mut out).unwrap();
    }

    #[test]
    fn a_quote_taken_verbatim_from_a_transcript_is_exact(
        (cues, start, end) in transcript(),
        kind in 0..3usize,
    ) {
        let all: Vec<&str> = cues.iter().flatten().copied().collect();
        let quoted = all[start..end].join(" ");
        let article = format!("Jean Dupont a déclaré : « {quoted}. »\n");
        let (name, body) = match kind {
            0 => ("t.srt", srt(&cues)),
            1 => ("t.vtt", vtt(&cues)),
            _ => ("t.txt", cues.iter().map(|c| c.join(" ")).collect::<Vec<_>>().join("\n\n")),
        };
        let source = SourceText::parse(Path::new(name), body.into_bytes()).unwrap();
        let a = analyze_text(&article);
        let report = verify::verify("a.md", &a, &[source]);
        prop_assert_eq!(report.quotes.len(), 1, "{}", article);
        prop_assert_eq!(report.quotes[0].verdict, Verdict::Exact, "{:?}", report.quotes[0]);
    }
}

proptest! {
    // Each case runs the binary twice.
    #![proptest_config(ProptestConfig {
        cases: cases(60),
        ..ProptestConfig::default()
    })]

    #[test]
    fn cli_json_is_identical_from_run_to_run(docs in prop::collection::vec(document(), 2..7)) {
        let dir = tempfile::tempdir().unwrap();
        for (i, (format, text)) in docs.iter().enumerate() {
            let ext = name_of(*format).rsplit('.').next().unwrap();
            // A NUL byte would make the file binary, skipped by the directory walk.
            let text = text.replace('\0', " ");
            std::fs::write(dir.path().join(format!("f{i}.{ext}")), text).unwrap();
        }
        let run = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_attrib"))
                .args(["check", "--isolated", "--format", "json", "--fail-level", "never"])
                .arg(dir.path())
                .output()
                .unwrap()
        };
        let (first, second) = (run(), run());
        prop_assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
        prop_assert_eq!(&first.stdout, &second.stdout);
        let report: Report = serde_json::from_slice(&first.stdout).unwrap();
        prop_assert_eq!(report.files.len(), docs.len());
    }
}

#[test]
fn thousands_of_unmatched_marks_stay_linear() {
    // 200k opening marks in one paragraph, then as many stray closing marks.
    let text = format!("{}{}", "« ".repeat(200_000), " »x".repeat(200_000));
    let a = analyze_text(&text);
    assert!(!a.findings.is_empty());
}

#[test]
fn expected_positions_follow_the_documented_convention() {
    // CRLF: the `\r` ends its line's columns; a lone `\r` is a character; BOM no column.
    let text = "\u{feff}a\r\nb\rc «\u{a0}é»";
    assert_eq!(expected_line_col(text, 3), (1, 1));
    assert_eq!(expected_line_col(text, text.find('b').unwrap()), (2, 1));
    assert_eq!(expected_line_col(text, text.find('c').unwrap()), (2, 3));
    assert_eq!(expected_line_col(text, text.find('é').unwrap()), (2, 7));
}
