//! Argument parsing (clap derive) and the `check` command.

mod check;
mod ordered;
mod verify;

use check::{CheckArgs, InputArgs};

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use attrib::inputs::Input;
use attrib::rules::Severity;
use attrib::{Error, Format};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

#[derive(Parser)]
#[command(
    name = "attrib",
    version,
    about = "Checks quotations and source attribution in news articles."
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report every quotation, its speaker, and attribution problems.
    Check(CheckArgs),
    /// Compare the quotes and sourcing of two revisions of an article.
    Diff(DiffArgs),
    /// Hold each quote of an article against its sources (transcripts, releases, reports).
    Verify(verify::VerifyArgs),
    /// Record the current findings, so that `check --baseline` reports only new ones.
    Baseline {
        #[command(subcommand)]
        action: BaselineAction,
    },
}

#[derive(Subcommand)]
enum BaselineAction {
    /// Write the findings of PATH... to FILE.
    Write {
        /// The baseline file to write (JSON).
        file: PathBuf,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(clap::Args)]
struct DiffArgs {
    /// With --git: the articles (or directories) to compare; default all changed articles.
    /// Without: the old and the new revision, two files.
    paths: Vec<PathBuf>,
    /// Compare revisions through git: `REV` (against the working tree) or `REV1..REV2`.
    #[arg(long, value_name = "REV")]
    git: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    #[command(flatten)]
    report: ReportArgs,
    /// Lowest severity of a new finding that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailLevel::Error)]
    fail_level: FailLevel,
    /// Do not fail because a quote's words changed.
    #[arg(long)]
    allow_altered_quotes: bool,
    #[command(flatten)]
    limit: SizeLimit,
}

/// Where a report goes and whether it is coloured: the same for check, diff and verify.
#[derive(clap::Args)]
struct ReportArgs {
    /// Write the report to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Colour in human output (also turned off by NO_COLOR).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    /// Changes with a coloured inline word diff.
    Human,
    /// The versioned JSON diff report (schema/diff.schema.json).
    Json,
    /// A Markdown table to post as a pull request comment.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailLevel {
    Error,
    Warning,
    Info,
    Never,
}

impl FailLevel {
    fn reached_by(self, s: Severity) -> bool {
        match self {
            FailLevel::Error => s >= Severity::Error,
            FailLevel::Warning => s >= Severity::Warning,
            FailLevel::Info => true,
            FailLevel::Never => false,
        }
    }
}

pub fn run() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match args.command {
        Command::Check(c) => check::check(c),
        Command::Diff(d) => run_diff(d),
        Command::Verify(v) => verify::run(v),
        Command::Baseline {
            action: BaselineAction::Write { file, input },
        } => check::baseline_write(&file, &input),
    }
}

/// Reads one input: its display name, its bytes and its format.
/// Turns colour on or off for the `colored` crate: `auto` colours a terminal only, never a
/// file (`-o`), and honours `NO_COLOR`.
fn set_color(choice: ColorChoice, output: Option<&Path>) {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            output.is_none()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && io::stdout().is_terminal()
        }
    };
    colored::control::set_override(color);
}

/// Writes a report to `output` (standard output when `None`), buffered. Failures are
/// printed; `Err` means exit code 2. A closed pipe (`attrib check … | head`) is not an
/// error: the reader has had enough.
fn emit(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ()> {
    let sink: Box<dyn Write> = match output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("attrib: error: {}: cannot write: {e}", path.display());
                return Err(());
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    let mut out = io::BufWriter::new(sink);
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("attrib: error: cannot write the report: {e}");
            Err(())
        }
        _ => Ok(()),
    }
}

fn read(
    input: &Input,
    stdin_name: Option<&str>,
    max_bytes: u64,
) -> Result<(String, PathBuf, Vec<u8>, Format), Error> {
    match input {
        Input::Stdin => {
            let name = stdin_name.unwrap_or("-").to_string();
            let bytes = attrib::inputs::read_stream(io::stdin(), Path::new(&name), max_bytes)?;
            let format = if stdin_name.is_some() {
                Format::from_path(Path::new(&name))
            } else {
                Format::Markdown
            };
            Ok((name.clone(), PathBuf::from(name), bytes, format))
        }
        Input::File(path) => Ok((
            path.display().to_string(),
            path.clone(),
            attrib::inputs::read_file(path, max_bytes)?,
            Format::from_path(path),
        )),
    }
}

/// `--max-file-size`: the same limit for check, diff and verify.
#[derive(clap::Args)]
struct SizeLimit {
    /// Refuse input files larger than this many megabytes (an error, exit code 2; check
    /// still checks the other files).
    #[arg(long, value_name = "MB", default_value_t = 100)]
    max_file_size: u64,
}

impl SizeLimit {
    fn bytes(&self) -> u64 {
        self.max_file_size.saturating_mul(1 << 20)
    }
}

/// One article's two revisions: display path and bytes (empty for a side that does not
/// exist: a file added or deleted in the range).
struct Revisions {
    path: String,
    old: Vec<u8>,
    new: Vec<u8>,
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

/// The articles changed between `rev` (`A` or `A..B`) and the working tree or `B`.
fn git_revisions(rev: &str, paths: &[PathBuf], max_bytes: u64) -> Result<Vec<Revisions>, String> {
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    let top = PathBuf::from(
        String::from_utf8_lossy(&git(&cwd, &["rev-parse", "--show-toplevel"])?).trim(),
    );
    let (from, to) = match rev.split_once("..") {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (rev.to_string(), None),
    };
    let mut args: Vec<String> = vec![
        "diff".into(),
        "--name-status".into(),
        "--no-renames".into(),
        "-z".into(),
        from.clone(),
    ];
    args.extend(to.clone());
    args.push("--".into());
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let listing = git(&cwd, &args.iter().map(String::as_str).collect::<Vec<_>>())?;
    let fields: Vec<String> = listing
        .split(|&b| b == 0)
        .filter(|f| !f.is_empty())
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    let mut out = Vec::new();
    for pair in fields.chunks(2) {
        let [status, path] = pair else { continue };
        if !attrib::inputs::ARTICLE_EXTENSIONS
            .iter()
            .any(|e| path.to_ascii_lowercase().ends_with(&format!(".{e}")))
        {
            continue;
        }
        let added = status.starts_with('A');
        let deleted = status.starts_with('D');
        let old = if added {
            Vec::new()
        } else {
            git(&top, &["show", &format!("{from}:{path}")])?
        };
        let new = if deleted {
            Vec::new()
        } else {
            match &to {
                Some(b) => git(&top, &["show", &format!("{b}:{path}")])?,
                None => std::fs::read(top.join(path))
                    .map_err(|e| format!("{path}: cannot read: {e}"))?,
            }
        };
        // Refused as the same files on disk would be: too large, or binary.
        let accept = |side: &str, bytes| {
            attrib::inputs::accept(Path::new(&format!("{path} ({side})")), bytes, max_bytes)
                .map_err(|e| e.to_string())
        };
        out.push(Revisions {
            path: path.clone(),
            old: accept(&from, old)?,
            new: accept(to.as_deref().unwrap_or("working tree"), new)?,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn run_diff(args: DiffArgs) -> ExitCode {
    set_color(args.report.color, args.report.output.as_deref());
    let revisions: Vec<(String, String, Vec<u8>, Vec<u8>)> = match &args.git {
        Some(rev) => match git_revisions(rev, &args.paths, args.limit.bytes()) {
            Ok(r) => r
                .into_iter()
                .map(|r| (r.path.clone(), r.path, r.old, r.new))
                .collect(),
            Err(e) => {
                eprintln!("attrib: error: {e}");
                return ExitCode::from(2);
            }
        },
        None => {
            let [old, new] = args.paths.as_slice() else {
                eprintln!("attrib: error: diff takes two files (OLD NEW), or --git REV [PATH...]");
                return ExitCode::from(2);
            };
            // The reader `check` uses: a directory or a binary file is an input error too.
            let load = |p: &PathBuf| {
                read(&Input::File(p.clone()), None, args.limit.bytes())
                    .map(|(_, _, bytes, _)| bytes)
                    .map_err(|e| e.to_string())
            };
            match (load(old), load(new)) {
                (Ok(o), Ok(n)) => {
                    vec![(old.display().to_string(), new.display().to_string(), o, n)]
                }
                (Err(e), _) | (_, Err(e)) => {
                    eprintln!("attrib: error: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let results: Vec<Result<attrib::diff::FileDiff, Error>> = revisions
        .into_par_iter()
        .map(|(old_path, new_path, old, new)| {
            let format_of = |p: &str| Format::from_path(Path::new(p));
            let (o, n) = rayon::join(
                || attrib::analyze(Path::new(&old_path), old, format_of(&old_path)),
                || attrib::analyze(Path::new(&new_path), new, format_of(&new_path)),
            );
            Ok(attrib::diff::diff(&old_path, &o?, &new_path, &n?))
        })
        .collect();
    let mut files = Vec::new();
    let mut input_error = false;
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(e) => {
                input_error = true;
                eprintln!("attrib: error: {e}");
            }
        }
    }
    let report = attrib::diff::DiffReport::new(files);
    let written = emit(args.report.output.as_deref(), |out| match args.format {
        DiffFormat::Human => attrib::diff::render::human(&report, out),
        DiffFormat::Json => attrib::diff::render::json(&report, out),
        DiffFormat::Markdown => attrib::diff::render::markdown(&report, out),
    });
    if written.is_err() {
        return ExitCode::from(2);
    }
    if input_error {
        return ExitCode::from(2);
    }
    use attrib::diff::ChangeKind;
    let failed = report
        .files
        .iter()
        .flat_map(|f| &f.changes)
        .any(|c| match c.kind {
            ChangeKind::FindingNew => c.severity.is_some_and(|s| args.fail_level.reached_by(s)),
            ChangeKind::QuoteAltered => !args.allow_altered_quotes,
            _ => false,
        });
    ExitCode::from(u8::from(failed))
}
