//! Throughput of `attrib check` in MB/s, on articles of the golden suite (written for the
//! project) repeated to realistic and to large sizes.
//!
//! Run with `cargo bench`; criterion prints MB/s for each size.

use std::fs;
use std::path::Path;

use attrib::analysis::analyze_document;
use attrib::document::{Document, Format};
use attrib::lexicon::FR;
use attrib::report::FileReport;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The allocator of the `attrib` binary, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// All golden inputs, concatenated: a few dozen short articles in every quoting style.
fn sample() -> String {
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

fn throughput(c: &mut Criterion) {
    let sample = sample();
    let mut group = c.benchmark_group("check");
    for (label, bytes) in [
        ("article-4KB", 4 << 10),
        ("archive-1MB", 1 << 20),
        ("archive-5MB", 5 << 20),
    ] {
        let text = sized(&sample, bytes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if bytes > 1 << 20 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, text| {
            b.iter(|| {
                let doc = Document::parse(
                    Path::new("bench.md"),
                    text.as_bytes().to_vec(),
                    Format::Markdown,
                )
                .expect("UTF-8");
                let analysis = analyze_document(doc, &FR);
                FileReport::from_analysis("bench.md".into(), &analysis)
            })
        });
    }
    group.finish();
}

/// `attrib diff` on two 5 MB revisions (every tenth paragraph reworded): both analyses and
/// the alignment, the two revisions analysed in parallel as the CLI does.
fn diff_revisions(c: &mut Criterion) {
    let old = sized(&sample(), 5 << 20);
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
    let analyze = |text: &str| {
        let doc = Document::parse(
            Path::new("bench.md"),
            text.as_bytes().to_vec(),
            Format::Markdown,
        )
        .expect("UTF-8");
        analyze_document(doc, &FR)
    };
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
