//! Inputs the fuzz targets (`fuzz/`) found slow or broken, kept as tests: each must give
//! a report, quickly, with sound spans.

use std::path::Path;
use std::time::{Duration, Instant};

use attrib::{Analysis, Format, analyze};

/// The quadratic versions took 20 s to minutes on each input here in a debug build (and
/// 5 to 10 s in release); the linear ones take about 3 s in debug on a loaded machine.
const BOUND: Duration = Duration::from_secs(10);

fn check(name: &str, format: Format, text: &str) -> Analysis {
    let start = Instant::now();
    let a = analyze(Path::new(name), text.as_bytes().to_vec(), format).unwrap();
    let took = start.elapsed();
    assert!(took < BOUND, "{name}: {took:?}");
    let mut last_end = 0;
    for q in &a.quotes {
        assert!(q.span.start >= last_end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        last_end = q.span.end;
    }
    a
}

/// The check target's corpus entry 78e16626 (plain text, one paragraph: lone CRs do not
/// end lines) repeated to 64 KB took 6.6 s in a release build: for marks that do not
/// tell opening from closing (`"`, `‘ ’`, `„ “`), every quote scanned back over all the
/// quotes of its sentence for a cue, and forward over all of them for a postposed incise.
#[test]
fn ascii_marks_in_one_long_paragraph_stay_linear() {
    let unit = "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"0\"\"\"\"\"\"\"\"\"\"\u{1c}\"\"\"\"\"\"\"\"\"\"\"&\"\"\"\"\"\"\r\"\"\"\"\"\u{6}";
    let text = unit.repeat(65_536 / unit.len());
    let a = check("t.txt", Format::PlainText, &text);
    assert!(!a.quotes.is_empty());
}

/// 16,000 `"x"` in one paragraph took 8.7 s in a release build (9 ms now); so did the
/// other conventions whose closing mark is not a stop for the cue scans. The speakers
/// shared within one long sentence were quadratic too.
#[test]
fn many_quotes_in_one_sentence_stay_linear() {
    for unit in ["\"x\" ", "‘x’ ", "„x“ ", "« x » "] {
        let text = format!("{}, a déclaré Jean Dupont.", unit.repeat(20_000));
        let a = check("t.md", Format::Markdown, &text);
        assert_eq!(a.quotes.len(), 20_000, "{unit}");
    }
}

/// The fix keeps ASCII quotes in line with guillemets: a cue never reaches across another
/// quote, whatever its marks.
#[test]
fn ascii_quotes_get_the_speakers_guillemets_get() {
    let ascii = "\"Nous partirons demain\", \"nous reviendrons lundi\" et \"nous tiendrons bon\", \
                 a déclaré Jean Dupont.\n\n\
                 Marie Durand a déclaré : \"Le budget est tenu.\" \"Les travaux avancent.\"\n";
    let guillemets = "« Nous partirons demain », « nous reviendrons lundi » et « nous tiendrons \
                      bon », a déclaré Jean Dupont.\n\n\
                      Marie Durand a déclaré : « Le budget est tenu. » « Les travaux avancent. »\n";
    let speakers = |text: &str| {
        check("t.md", Format::Markdown, text)
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().map(|s| (s.name.clone(), s.via)))
            .collect::<Vec<_>>()
    };
    let (a, g) = (speakers(ascii), speakers(guillemets));
    assert_eq!(a.len(), 5);
    assert!(a.iter().all(Option::is_some), "{a:?}");
    assert_eq!(a, g);
}

/// The check target's corpus entry 6c956e83 (plain text: reporting verbs, `\r\n` and
/// control characters, never a sentence end), repeated to 256 KB, took 8.6 s in a release
/// build: the subject of every reporting verb was looked for back to the start of the
/// one endless sentence. The file is the fuzz input as is (its first byte picks the
/// format in the fuzz target).
#[test]
fn reporting_verbs_in_an_endless_sentence_stay_linear() {
    let input = include_bytes!("fuzz/check-endless-sentence-of-verbs");
    let unit = std::str::from_utf8(&input[1..]).unwrap();
    let text = unit.repeat(262_144 / unit.len());
    check("t.txt", Format::PlainText, &text);
}

/// The verify target's corpus entry cf43393c (an article and a source split as the
/// target splits, at the first `0xFF` byte or the middle), each side repeated to 64 KB:
/// every quote collected a hit for every source position sharing one of its n-grams,
/// quotes × source words, 3 to 5 s and about 2 GB (128 KB: 19 s, 6 GB). A quote's hits
/// now come from its rarest n-grams within a budget.
#[test]
fn verify_with_repeated_quotes_and_source_stays_linear() {
    let input = include_bytes!("fuzz/verify-repeated-article-and-source");
    let (article, source) = match input.iter().position(|&b| b == 0xFF) {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => input.split_at(input.len() / 2),
    };
    // The halves are cut at a byte, as the fuzz target cuts them: keep what is UTF-8.
    let article = String::from_utf8_lossy(article).into_owned().into_bytes();
    let source = String::from_utf8_lossy(source).into_owned().into_bytes();
    let article = article.repeat(65_536 / article.len());
    let source = source.repeat(65_536 / source.len());
    let start = Instant::now();
    let a = analyze(Path::new("a.md"), article, Format::Markdown).unwrap();
    let s = attrib::verify::SourceText::parse(Path::new("t.txt"), source).unwrap();
    let report = attrib::verify::verify("a.md", &a, &[s]);
    assert!(!report.quotes.is_empty());
    assert!(start.elapsed() < BOUND, "{:?}", start.elapsed());
}

/// The new side of the diff target's corpus entry 66e737cc (ASCII quotes among NUL
/// bytes, which `check` refuses as binary but `diff` analyses) repeated to 256 KB: a
/// sentence of thousands of quotes and no word, where each quote scanned its sentence for
/// words (whether it opens its sentence, whether it stands alone). 4.9 s, now 0.5 s.
#[test]
fn quotes_among_nul_bytes_stay_linear() {
    let input = include_bytes!("fuzz/diff-quotes-and-nuls");
    let rest = &input[1..];
    let mut mid = rest.len() / 2;
    while mid < rest.len() && (rest[mid] & 0xC0) == 0x80 {
        mid += 1;
    }
    let unit = std::str::from_utf8(&rest[mid..]).unwrap();
    let text = unit.repeat(262_144 / unit.len());
    check("new.md", Format::Markdown, &text);
}
