//! Writes a corpus of generated French news articles for benchmarks and scaling runs.
//!
//! ```sh
//! cargo run --release --example gencorpus -- --mb 50 --seed 1 OUT_DIR
//! ```
//!
//! Articles of 2–12 KB (mostly Markdown, some `.txt` and `.html`, a few with CRLF), 500 to
//! a subdirectory, from the templates of `benches/corpus/vocabulary.toml`; the same seed
//! always writes the same files. Prints the number of files and bytes written.

use std::path::PathBuf;
use std::process::ExitCode;

#[allow(dead_code)]
#[path = "../benches/corpus/gen.rs"]
mod corpus;

const USAGE: &str = "usage: gencorpus [--mb N] [--seed N] OUT_DIR";

fn main() -> ExitCode {
    let mut mb: f64 = 50.0;
    let mut seed: u64 = 1;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = |v: Option<String>| v.ok_or_else(|| format!("{arg} needs a value"));
        let parsed = match arg.as_str() {
            "--mb" => value(args.next()).and_then(|v| {
                v.parse()
                    .map(|n| mb = n)
                    .map_err(|e| format!("--mb {v}: {e}"))
            }),
            "--seed" => value(args.next()).and_then(|v| {
                v.parse()
                    .map(|n| seed = n)
                    .map_err(|e| format!("--seed {v}: {e}"))
            }),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if out.is_none() && !arg.starts_with('-') => {
                out = Some(PathBuf::from(&arg));
                Ok(())
            }
            _ => Err(format!("unexpected argument {arg}")),
        };
        if let Err(e) = parsed {
            eprintln!("gencorpus: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!("gencorpus: no output directory\n{USAGE}");
        return ExitCode::from(2);
    };
    let bytes = (mb * (1 << 20) as f64) as usize;
    let mut generator = corpus::Generator::new(seed);
    let (mut files, mut written) = (0usize, 0usize);
    while written < bytes {
        let article = generator.article();
        let dir = out.join(format!("{:03}", files / 500));
        if files % 500 == 0
            && let Err(e) = std::fs::create_dir_all(&dir)
        {
            eprintln!("gencorpus: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
        let path = dir.join(&article.name);
        if let Err(e) = std::fs::write(&path, &article.text) {
            eprintln!("gencorpus: {}: {e}", path.display());
            return ExitCode::from(2);
        }
        files += 1;
        written += article.text.len();
    }
    println!("{files} files, {written} bytes in {}", out.display());
    ExitCode::SUCCESS
}
