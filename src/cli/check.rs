//! `attrib check` and `attrib baseline write`.
//!
//! The inputs are read and analysed in parallel a window at a time; each analysis is
//! rendered in input order as soon as its turn comes, then dropped. A run over an archive
//! therefore holds a few files' analyses at once, never the archive's: memory is bounded
//! by the largest files, not by the corpus.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use attrib::analysis::analyze_with;
use attrib::baseline::Baseline;
use attrib::config::{Config, ConfigError};
use attrib::inputs::{self, Input};
use attrib::lexicon::{FR, Lexicon};
use attrib::render::human::Statistics;
use attrib::render::json::JsonStream;
use attrib::render::sarif::Sarif;
use attrib::render::{concise, github, human, json};
use attrib::report::FileReport;
use attrib::{Analysis, Error};
use clap::ValueEnum;

use super::ordered::for_each_ordered;
use super::{FailLevel, ReportArgs, emit, read, set_color};

/// Which articles to read, and with which configuration.
#[derive(clap::Args)]
pub(super) struct InputArgs {
    /// Articles or directories to check (Markdown, plain text); `-` reads standard input.
    /// Directories are walked for .md, .markdown, .txt, .html and .htm files, honouring
    /// .gitignore.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Glob of paths to leave out when walking directories (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Name to report for standard input (also decides its format by extension).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Use this configuration file for every input instead of the nearest attrib.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore all configuration files.
    #[arg(long)]
    isolated: bool,
    #[command(flatten)]
    limit: super::SizeLimit,
    /// Check this many files at once (threads); default: one per core.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

#[derive(clap::Args)]
pub(super) struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    #[command(flatten)]
    report: ReportArgs,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailLevel::Error)]
    fail_level: FailLevel,
    /// Exit 0 even when findings reach the fail level (input errors still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Print findings only: no quote list, sources or summaries.
    #[arg(short, long)]
    quiet: bool,
    /// Print how many findings each rule gave instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Report only findings not recorded in this baseline (see `attrib baseline write`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

/// A configuration and the lexicon it implies, shared by the files it governs.
struct Settings {
    config: Config,
    lexicon: Option<Lexicon>,
}

impl Settings {
    fn new(config: Config) -> Settings {
        let lexicon = config.has_vocabulary().then(|| config.lexicon(&FR));
        Settings { config, lexicon }
    }
}

/// Finds, loads and caches the configuration governing each input.
struct Configs {
    fixed: Option<Arc<Settings>>,
    by_path: HashMap<PathBuf, Arc<Settings>>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    default: Arc<Settings>,
}

impl Configs {
    fn new(args: &InputArgs) -> Result<Configs, ConfigError> {
        let fixed = match (&args.config, args.isolated) {
            (Some(path), _) => Some(Arc::new(Settings::new(Config::load(path)?))),
            (None, true) => Some(Arc::new(Settings::new(Config::default()))),
            (None, false) => None,
        };
        Ok(Configs {
            fixed,
            by_path: HashMap::new(),
            by_dir: HashMap::new(),
            default: Arc::new(Settings::new(Config::default())),
        })
    }

    /// The settings for files in `dir`.
    fn for_dir(&mut self, dir: &Path) -> Result<Arc<Settings>, ConfigError> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let found = match self.by_dir.get(dir) {
            Some(found) => found.clone(),
            None => {
                let found = Config::find(dir);
                self.by_dir.insert(dir.to_path_buf(), found.clone());
                found
            }
        };
        let Some(path) = found else {
            return Ok(self.default.clone());
        };
        if let Some(s) = self.by_path.get(&path) {
            return Ok(s.clone());
        }
        let settings = Arc::new(Settings::new(Config::load(&path)?));
        self.by_path.insert(path, settings.clone());
        Ok(settings)
    }
}

/// The directory whose configuration governs `input`, absolute; `cwd` is asked once per
/// run by the caller (a system call per file otherwise).
fn dir_of(input: &Input, cwd: &Path) -> PathBuf {
    match input {
        Input::Stdin => cwd.to_path_buf(),
        Input::File(p) => {
            let parent = p
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or(cwd.to_path_buf(), Path::to_path_buf);
            if parent.is_absolute() {
                parent
            } else {
                cwd.join(parent)
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum OutputFormat {
    /// rustc-style findings, the quote list, sources and a summary.
    Human,
    /// One line a finding: `path:line:col: severity rule message`.
    Concise,
    /// The versioned JSON report (schema/report.schema.json).
    Json,
    /// One file's JSON report a line.
    Jsonl,
    /// GitHub Actions annotations (`::warning file=…::…`).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and CI dashboards.
    Sarif,
}

/// How many inputs each thread has in flight: enough to keep every core busy when files
/// differ in size, few enough that memory stays bounded by the largest files.
const WINDOW_PER_THREAD: usize = 4;

/// The inputs of a run, each with the settings governing it.
pub(super) struct Jobs<'a> {
    args: &'a InputArgs,
    jobs: Vec<(Input, Arc<Settings>)>,
}

impl<'a> Jobs<'a> {
    /// Expands the inputs and finds their configurations. `Err` is a usage or
    /// configuration error, already printed (exit 2).
    pub(super) fn prepare(args: &'a InputArgs) -> Result<Jobs<'a>, ()> {
        let fail = |e: &dyn std::fmt::Display| eprintln!("attrib: error: {e}");
        if let Some(n) = args.jobs {
            // The global pool is built once per process, here, before any parallel work.
            rayon::ThreadPoolBuilder::new()
                .num_threads(usize::from(n))
                .build_global()
                .map_err(|e| fail(&e))?;
        }
        let mut configs = Configs::new(args).map_err(|e| fail(&e))?;
        // Directories are walked with the excludes of the configuration governing them.
        let mut exclude = args.exclude.clone();
        for path in args.paths.iter().filter(|p| p.is_dir()) {
            let dir = if path.is_absolute() {
                path.clone()
            } else {
                std::env::current_dir().unwrap_or_default().join(path)
            };
            let settings = configs.for_dir(&dir).map_err(|e| fail(&e))?;
            exclude.extend(settings.config.exclude.iter().cloned());
        }
        let inputs = inputs::expand(&args.paths, &exclude).map_err(|e| fail(&e))?;
        let mut jobs = Vec::with_capacity(inputs.len());
        let cwd = std::env::current_dir().unwrap_or_default();
        for input in inputs {
            let settings = configs
                .for_dir(&dir_of(&input, &cwd))
                .map_err(|e| fail(&e))?;
            jobs.push((input, settings));
        }
        Ok(Jobs { args, jobs })
    }

    /// Reads and analyses the inputs in parallel and hands each analysis to `each` in
    /// input order, on this thread, as soon as it and those before it are done (see
    /// [`for_each_ordered`]: no thread waits for a batch). Input errors are printed as their
    /// turn comes; the result says whether there was one (exit 2). An error from `each` (a
    /// failed write) ends the run.
    ///
    /// `prepare` runs on the worker threads right after each analysis (rendering a file's
    /// report there keeps the writer from being the one serial step); its result comes
    /// to `each` with the analysis.
    pub(super) fn for_each<T: Send>(
        &self,
        prepare: impl Fn(&str, &Analysis) -> T + Sync,
        mut each: impl FnMut(String, Analysis, T) -> io::Result<()>,
    ) -> io::Result<bool> {
        let stdin_name = self.args.stdin_filename.as_deref();
        let max_bytes = self.args.limit.bytes();
        // `-j` sizes rayon's global pool; the threads that analyse files are as many.
        let threads = rayon::current_num_threads().max(1);
        let window = threads * WINDOW_PER_THREAD;
        let mut input_error = false;
        let analyze = |(input, settings): &(Input, Arc<Settings>)| {
            let (name, path, bytes, format) = read(input, stdin_name, max_bytes)?;
            let lex = settings.lexicon.as_ref().unwrap_or(&FR);
            let mut analysis = analyze_with(&path, bytes, format, lex)?;
            settings.config.apply(&mut analysis.findings);
            let prepared = prepare(&name, &analysis);
            Ok((name, analysis, prepared))
        };
        for_each_ordered(
            &self.jobs,
            threads,
            window,
            analyze,
            |i, r: Result<_, Error>| {
                match r {
                    Ok((name, analysis, prepared)) => each(name, analysis, prepared)?,
                    // A binary file met while walking a directory is skipped; named, it is an
                    // error.
                    Err(e @ Error::Binary { .. }) if matches!(&self.jobs[i].0, Input::File(p) if !self.args.paths.contains(p)) =>
                    {
                        eprintln!("attrib: note: skipped {e}");
                    }
                    Err(e) => {
                        input_error = true;
                        eprintln!("attrib: error: {e}");
                    }
                }
                Ok::<(), io::Error>(())
            },
        )?;
        Ok(input_error)
    }
}

pub(super) fn baseline_write(file: &Path, input: &InputArgs) -> ExitCode {
    let Ok(jobs) = Jobs::prepare(input) else {
        return ExitCode::from(2);
    };
    let mut baseline = Baseline::default();
    let Ok(input_error) = jobs.for_each(
        |_, _| (),
        |path, a, ()| {
            baseline.record(&path, &a);
            Ok(())
        },
    ) else {
        return ExitCode::from(2);
    };
    let baseline = baseline.finish();
    let text = match serde_json::to_string_pretty(&baseline) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("attrib: error: cannot encode the baseline: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(file, text) {
        eprintln!("attrib: error: {}: cannot write: {e}", file.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "attrib: wrote {} findings to {}",
        baseline.entries.len(),
        file.display()
    );
    ExitCode::from(if input_error { 2 } else { 0 })
}

pub(super) fn check(args: CheckArgs) -> ExitCode {
    set_color(args.report.color, args.report.output.as_deref());
    let Ok(jobs) = Jobs::prepare(&args.input) else {
        return ExitCode::from(2);
    };
    let baseline: Option<Baseline> = match &args.baseline {
        None => None,
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("attrib: error: {}: not a baseline: {e}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    let mut filter = baseline.as_ref().map(Baseline::filter_files);
    let mut failed = false;
    let mut input_error = false;
    let written = emit(args.report.output.as_deref(), |out| {
        let mut report = ReportWriter::begin(&args, out)?;
        // A baseline removes findings first, file by file in order: then the writer
        // renders; otherwise each file's report is rendered on the worker threads.
        let early = args.baseline.is_none();
        input_error = jobs.for_each(
            |path, a| {
                early
                    .then(|| ReportWriter::render(&args, path, a))
                    .flatten()
            },
            |path, mut a, rendered| {
                if let Some(filter) = &mut filter {
                    filter.apply(&path, &mut a);
                }
                failed |= a
                    .findings
                    .iter()
                    .any(|f| args.fail_level.reached_by(f.severity));
                match rendered {
                    Some(bytes) => report.rendered(&bytes?, out),
                    None => report.file(&path, &a, out),
                }
            },
        )?;
        report.end(out)
    });
    if let Some(filter) = filter {
        let stale = filter.stale();
        if !stale.is_empty() {
            eprintln!(
                "attrib: {} stale baseline entries (fixed or moved; rewrite the baseline):",
                stale.len()
            );
            for e in &stale {
                eprintln!("  {} {} {}", e.path, e.rule, e.fingerprint);
            }
        }
    }
    if written.is_err() || input_error {
        return ExitCode::from(2);
    }
    ExitCode::from(u8::from(failed && !args.exit_zero))
}

/// Writes the report of a run file by file, in the chosen format.
struct ReportWriter<'a> {
    args: &'a CheckArgs,
    files: usize,
    whole: Whole,
}

/// What a format keeps across files: most keep nothing.
enum Whole {
    PerFile,
    Statistics(Statistics),
    Json(JsonStream),
    Sarif(Sarif),
}

impl<'a> ReportWriter<'a> {
    fn begin(args: &'a CheckArgs, out: &mut dyn Write) -> io::Result<ReportWriter<'a>> {
        let whole = match args.format {
            _ if Self::statistics(args) => Whole::Statistics(Statistics::default()),
            OutputFormat::Json => Whole::Json(JsonStream::begin(out)?),
            OutputFormat::Sarif => Whole::Sarif(Sarif::default()),
            _ => Whole::PerFile,
        };
        Ok(ReportWriter {
            args,
            files: 0,
            whole,
        })
    }

    /// `--statistics` counts instead of reporting (it has no meaning for the JSON formats).
    fn statistics(args: &CheckArgs) -> bool {
        args.statistics && matches!(args.format, OutputFormat::Human | OutputFormat::Concise)
    }

    /// One file's report as bytes, for the formats that write each file on its own
    /// (`None` for the others: statistics and SARIF gather the whole run).
    fn render(args: &CheckArgs, path: &str, a: &Analysis) -> Option<io::Result<Vec<u8>>> {
        if Self::statistics(args) {
            return None;
        }
        let mut buf = Vec::new();
        let written = match args.format {
            OutputFormat::Sarif => return None,
            OutputFormat::Json => json::render_file(&FileReport::borrowed(path, a), &mut buf),
            OutputFormat::Jsonl => json::render_line_into(&FileReport::borrowed(path, a), &mut buf),
            OutputFormat::Concise => concise::render_file(path, a, &mut buf),
            OutputFormat::Github => github::render_file(path, a, &mut buf),
            OutputFormat::Human => human::render_file(path, a, &mut buf, args.quiet),
        };
        Some(written.map(|()| buf))
    }

    /// Writes a file's report made by [`ReportWriter::render`], with what separates it
    /// from the file before.
    fn rendered(&mut self, bytes: &[u8], out: &mut dyn Write) -> io::Result<()> {
        self.files += 1;
        match &mut self.whole {
            Whole::Json(s) => s.rendered(bytes, out),
            _ => {
                if self.files > 1 && self.args.format == OutputFormat::Human && !self.args.quiet {
                    writeln!(out)?;
                }
                out.write_all(bytes)
            }
        }
    }

    /// Takes one file's analysis in the writer's thread: gathered for statistics and SARIF,
    /// rendered and written for the other formats.
    fn file(&mut self, path: &str, a: &Analysis, out: &mut dyn Write) -> io::Result<()> {
        match &mut self.whole {
            Whole::Statistics(s) => s.add(a),
            Whole::Sarif(s) => s.add(path, a),
            Whole::Json(_) | Whole::PerFile => {
                if let Some(bytes) = Self::render(self.args, path, a) {
                    return self.rendered(&bytes?, out);
                }
            }
        }
        Ok(())
    }

    fn end(self, out: &mut dyn Write) -> io::Result<()> {
        match self.whole {
            Whole::Statistics(s) => s.render(out),
            Whole::Json(s) => s.end(out),
            Whole::Sarif(s) => s.render(out),
            Whole::PerFile => Ok(()),
        }
    }
}
