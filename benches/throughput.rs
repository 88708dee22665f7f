//! Throughput of `attrib check --format json` on one thread, in MB/s, on generated
//! articles (`benches/corpus/`: the project's own templates and vocabulary, seeded):
//!
//! - `check/article-4KB`: one article of about 4 KB;
//! - `check/archive-1MB`: about 1 MB of articles of 2–12 KB (Markdown, some plain text and
//!   HTML, a few CRLF), each checked end to end as the CLI does for a file: parse,
//!   analysis, rules, its report and the JSON rendering into a buffer;
//! - `check/file-5MB`: one 5 MB Markdown file (articles one after another);
//! - `stages/…`: the 1 MB archive analysed only, then also reported (spans located),
//!   to tell the analysis from the report and its JSON rendering;
//!
//! and `attrib diff` on two 5 MB revisions of the golden inputs repeated. Run with `cargo bench --bench throughput`;
//! criterion prints MB/s for each.

use std::fs;
use std::hint::black_box;
use std::path::Path;

use attrib::analysis::{analyze_document, analyze_text};
use attrib::document::{Document, Format};
use attrib::lexicon::FR;
use attrib::render::json;
use attrib::report::FileReport;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

// The generator's tests run with the example (`cargo test --example gencorpus`).
#[allow(dead_code, unused_imports)]
#[path = "corpus/gen.rs"]
mod corpus;

/// The allocator of the `attrib` binary, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: u64 = 1;

/// `attrib check --format json FILE` for one file, into `out`: the whole per-file path of
/// the CLI (reading aside), down to its report borrowing the analysis and written into a
/// buffer of its own, then into the document.
fn check_to_json(name: &str, text: &str, out: &mut Vec<u8>) {
    let path = Path::new(name);
    let doc =
        Document::parse(path, text.as_bytes().to_vec(), Format::from_path(path)).expect("UTF-8");
    let analysis = analyze_document(doc, &FR);
    let mut file = Vec::new();
    json::render_file(&FileReport::borrowed(name, &analysis), &mut file).expect("render to memory");
    out.clear();
    let mut document = json::JsonStream::begin(out).expect("render to memory");
    document.rendered(&file, out).expect("render to memory");
    document.end(out).expect("render to memory");
}

fn throughput(c: &mut Criterion) {
    let mut generator = corpus::Generator::new(SEED);
    let article = generator.article_of_size(4 << 10, corpus::Kind::Markdown);
    let archive = generator.corpus(1 << 20);
    let file = generator.long_markdown(5 << 20);
    let mut out = Vec::with_capacity(1 << 20);

    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(article.text.len() as u64));
    group.bench_function(BenchmarkId::from_parameter("article-4KB"), |b| {
        b.iter(|| check_to_json(&article.name, &article.text, &mut out))
    });

    let archive_bytes: usize = archive.iter().map(|a| a.text.len()).sum();
    group.throughput(Throughput::Bytes(archive_bytes as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::from_parameter("archive-1MB"), |b| {
        b.iter(|| {
            for a in &archive {
                check_to_json(&a.name, &a.text, &mut out);
            }
        })
    });

    group.throughput(Throughput::Bytes(file.len() as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::from_parameter("file-5MB"), |b| {
        b.iter(|| check_to_json("archive.md", &file, &mut out))
    });
    group.finish();

    // Where the time of `check/archive-1MB` goes: the analysis alone, then with the
    // report (spans located), the rest being the JSON rendering.
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(archive_bytes as u64));
    group.sample_size(20);
    let analyze = |a: &corpus::Article| {
        let path = Path::new(&a.name);
        let doc = Document::parse(path, a.text.as_bytes().to_vec(), Format::from_path(path))
            .expect("UTF-8");
        analyze_document(doc, &FR)
    };
    group.bench_function("archive-1MB-analysis", |b| {
        b.iter(|| {
            for a in &archive {
                black_box(analyze(a));
            }
        })
    });
    group.bench_function("archive-1MB-analysis-report", |b| {
        b.iter(|| {
            for a in &archive {
                black_box(FileReport::from_analysis(a.name.clone(), &analyze(a)));
            }
        })
    });
    group.finish();
}

/// All golden inputs, concatenated: a few dozen short articles in every quoting style.
fn golden_sample() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("golden/check");
    let mut dirs: Vec<_> = fs::read_dir(root)
        .expect("golden/check")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    dirs.sort();
    let mut out = String::new();
    for d in dirs {
        for name in ["input.md", "input.txt"] {
            if let Ok(t) = fs::read_to_string(d.join(name)) {
                out.push_str(t.trim_start_matches('\u{feff}'));
                out.push_str("\n\n");
            }
        }
    }
    out
}

/// About `bytes` of articles: whole paragraphs of the sample, repeated as needed.
fn sized(sample: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 4096);
    'fill: loop {
        for para in sample.split("\n\n") {
            if s.len() >= bytes {
                break 'fill;
            }
            s.push_str(para);
            s.push_str("\n\n");
        }
    }
    s
}

/// `attrib diff` on two 5 MB revisions (every tenth paragraph reworded): both analyses and
/// the alignment, the two revisions analysed in parallel as the CLI does. The revisions
/// are the golden inputs repeated, as since the benchmark was written, so its figures stay
/// comparable.
fn diff_revisions(c: &mut Criterion) {
    let old = sized(&golden_sample(), 5 << 20);
    let new: String = old
        .split("\n\n")
        .enumerate()
        .map(|(i, p)| {
            if i % 10 == 3 {
                p.replacen("e", "é", 1)
            } else {
                p.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let analyze = analyze_text;
    let mut group = c.benchmark_group("diff");
    group.throughput(Throughput::Bytes((old.len() + new.len()) as u64));
    group.sample_size(10);
    group.bench_function("revisions-5MB", |b| {
        b.iter(|| {
            let (o, n) = rayon::join(|| analyze(&old), || analyze(&new));
            attrib::diff::diff("old.md", &o, "new.md", &n)
        })
    });
    group.finish();
}

criterion_group!(benches, throughput, diff_revisions);
criterion_main!(benches);
