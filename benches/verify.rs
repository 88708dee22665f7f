//! `attrib verify` on real-sized material: 200 quotes against 20 MB of transcripts.
//!
//! The transcripts are generated here (WebVTT, cues of a dozen words from a vocabulary of
//! a few thousand invented French-looking words, one speaker's voice), and the article quotes
//! 200 passages of them: most verbatim, some with a word changed, some with an elision,
//! some given to another speaker, some absent. Run with `cargo bench --bench verify`.

use std::fmt::Write;
use std::path::Path;

use attrib::analysis::analyze_text;
use attrib::verify::{SourceText, verify};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A small deterministic generator (xorshift), so every run measures the same input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    const SYLLABLES: [&str; 24] = [
        "ba", "ce", "di", "fo", "gu", "la", "mé", "ni", "po", "ré", "sa", "té", "vo", "jou", "ran",
        "tion", "ment", "con", "per", "ver", "gen", "bli", "cra", "zé",
    ];
    (0..4000)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect()
}

fn transcript(rng: &mut Rng, vocab: &[String], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 1024);
    s.push_str("WEBVTT\n\n");
    let mut t = 0u64;
    while s.len() < bytes {
        let (a, b) = (t, t + 3000);
        t = b;
        let _ = writeln!(
            s,
            "{:02}:{:02}:{:02}.{:03} --> {:02}:{:02}:{:02}.{:03}",
            a / 3_600_000,
            a / 60_000 % 60,
            a / 1000 % 60,
            a % 1000,
            b / 3_600_000,
            b / 60_000 % 60,
            b / 1000 % 60,
            b % 1000
        );
        s.push_str("<v Claire Vasseur>");
        for k in 0..12 {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(&vocab[rng.below(vocab.len())]);
        }
        s.push_str(".\n\n");
    }
    s
}

/// The spoken words of a transcript (voices and timings left out), for quoting.
fn spoken(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|l| l.strip_prefix("<v Claire Vasseur>"))
        .flat_map(|l| l.split_whitespace())
        .collect()
}

fn article(rng: &mut Rng, transcripts: &[String], vocab: &[String]) -> String {
    let mut s = String::from("# Compte rendu\n\n");
    let words: Vec<Vec<&str>> = transcripts.iter().map(|t| spoken(t)).collect();
    for i in 0..200 {
        let w = &words[rng.below(words.len())];
        let at = rng.below(w.len() - 30);
        let len = 8 + rng.below(12);
        let mut q: Vec<String> = w[at..at + len]
            .iter()
            .map(|x| x.trim_end_matches('.').to_string())
            .collect();
        match i % 10 {
            7 => q[len / 2] = "remplacé".to_string(),
            8 => {
                q.drain(3..6);
                q.insert(3, "[…]".to_string());
            }
            6 => {
                let _ = writeln!(s, "« {} », a déclaré Marc Olivier.\n", q.join(" "));
                continue;
            }
            9 => {
                q = (0..len)
                    .map(|_| vocab[rng.below(vocab.len())].to_uppercase())
                    .collect()
            }
            _ => {}
        }
        let _ = writeln!(s, "« {} », a déclaré Claire Vasseur.\n", q.join(" "));
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let vocab = vocabulary(&mut rng);
    let transcripts: Vec<String> = (0..10)
        .map(|_| transcript(&mut rng, &vocab, 2 << 20))
        .collect();
    let text = article(&mut rng, &transcripts, &vocab);
    let total: usize = transcripts.iter().map(String::len).sum();
    let load = || -> Vec<SourceText> {
        transcripts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                SourceText::parse(Path::new(&format!("t{i}.vtt")), t.as_bytes().to_vec())
                    .expect("well-formed")
            })
            .collect()
    };
    let analysis = || analyze_text(&text);
    let sources = load();
    let a = analysis();
    let report = verify("a.md", &a, &sources);
    assert_eq!(report.quotes.len(), 200);
    let s = &report.summary;
    assert_eq!(
        (s.exact, s.altered, s.misattributed, s.not_found),
        (140, 20, 20, 20),
        "{s:?}"
    );

    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("200-quotes-20MB-vtt/end-to-end", |b| {
        b.iter(|| verify("a.md", &analysis(), &load()))
    });
    group.bench_function("200-quotes-20MB-vtt/match-only", |b| {
        b.iter(|| verify("a.md", &a, &sources))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
