//! The `verify` command: reads the article and its sources, prints the report, and maps
//! the verdicts to an exit code.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use attrib::analyze;
use attrib::inputs::Input;
use attrib::verify::{self, SourceText, Verdict};
use clap::ValueEnum;
use rayon::prelude::*;

use super::ReportArgs;

#[derive(clap::Args)]
pub struct VerifyArgs {
    /// The article whose quotes to check (Markdown, plain text or HTML).
    article: PathBuf,
    /// A source the quotes come from: .srt, .vtt, .md, .txt, .html (repeatable).
    #[arg(long = "source", value_name = "FILE", required = true)]
    sources: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Human)]
    format: VerifyFormat,
    #[command(flatten)]
    report: ReportArgs,
    /// Verdicts that make the exit code 1 (repeatable or comma-separated); default all.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICT")]
    fail_on: Vec<FailOn>,
    #[command(flatten)]
    limit: super::SizeLimit,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum VerifyFormat {
    /// A line per quote: verdict, where it was found, and a coloured word diff.
    Human,
    /// The versioned JSON report (schema/verify.schema.json).
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Altered,
    NotFound,
    Misattributed,
}

impl FailOn {
    fn verdict(self) -> Verdict {
        match self {
            FailOn::Altered => Verdict::Altered,
            FailOn::NotFound => Verdict::NotFound,
            FailOn::Misattributed => Verdict::Misattributed,
        }
    }
}

pub fn run(args: VerifyArgs) -> ExitCode {
    super::set_color(args.report.color, args.report.output.as_deref());
    let (article, sources) = rayon::join(
        || {
            let input = Input::File(args.article.clone());
            let (_, path, bytes, format) = super::read(&input, None, args.limit.bytes())?;
            analyze(&path, bytes, format)
        },
        || {
            args.sources
                .par_iter()
                .map(|p| SourceText::load(p, args.limit.bytes()))
                .collect::<Vec<_>>()
        },
    );
    let mut failed = false;
    let article = article
        .map_err(|e| {
            failed = true;
            eprintln!("attrib: error: {e}");
        })
        .ok();
    let mut loaded = Vec::with_capacity(sources.len());
    for s in sources {
        match s {
            Ok(s) => loaded.push(s),
            Err(e) => {
                failed = true;
                eprintln!("attrib: error: {e}");
            }
        }
    }
    let Some(article) = article.filter(|_| !failed) else {
        return ExitCode::from(2);
    };
    let report = verify::verify(&display(&args.article), &article, &loaded);

    let written = super::emit(args.report.output.as_deref(), |out| match args.format {
        VerifyFormat::Human => verify::render::human(&report, out),
        VerifyFormat::Json => verify::render::json(&report, out),
    });
    if written.is_err() {
        return ExitCode::from(2);
    }
    let fail_on: Vec<Verdict> = if args.fail_on.is_empty() {
        vec![Verdict::Altered, Verdict::NotFound, Verdict::Misattributed]
    } else {
        args.fail_on.iter().map(|f| f.verdict()).collect()
    };
    let failed = report.quotes.iter().any(|q| fail_on.contains(&q.verdict));
    ExitCode::from(u8::from(failed))
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
