//! Argument parsing (clap derive) and the `check` command.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use attrib::render::{human, json};
use attrib::report::{FileReport, Report};
use attrib::rules::Severity;
use attrib::{Analysis, Error, Format, analyze};
use clap::{Parser, Subcommand, ValueEnum};

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
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Articles to check (Markdown or plain text); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Colour in human output (also turned off by NO_COLOR).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailLevel::Error)]
    fail_level: FailLevel,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
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
        Command::Check(c) => check(c),
    }
}

fn read(path: &Path) -> Result<(String, Vec<u8>, Format), Error> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        return Ok(("-".to_string(), bytes, Format::Markdown));
    }
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok((path.display().to_string(), bytes, Format::from_path(path)))
}

fn check(args: CheckArgs) -> ExitCode {
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    };
    colored::control::set_override(color);

    let mut input_error = false;
    let mut analyses: Vec<(String, Analysis)> = Vec::new();
    for path in &args.paths {
        let result = read(path)
            .and_then(|(name, bytes, format)| analyze(path, bytes, format).map(|a| (name, a)));
        match result {
            Ok(pair) => analyses.push(pair),
            Err(e) => {
                input_error = true;
                eprintln!("attrib: error: {e}");
            }
        }
    }

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match args.format {
        OutputFormat::Json => {
            let files = analyses
                .iter()
                .map(|(p, a)| FileReport::from_analysis(p.clone(), a))
                .collect();
            json::render(&Report::new(files), &mut out)
        }
        OutputFormat::Human => analyses.iter().enumerate().try_for_each(|(i, (p, a))| {
            if i > 0 {
                writeln!(out)?;
            }
            human::render_file(p, a, &mut out)
        }),
    };
    // A closed pipe (`attrib check … | head`) is not an error: the reader has had enough.
    if let Err(e) = written.and_then(|_| out.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("attrib: error: cannot write the report: {e}");
        return ExitCode::from(2);
    }

    if input_error {
        return ExitCode::from(2);
    }
    let failed = analyses
        .iter()
        .flat_map(|(_, a)| &a.findings)
        .any(|f| args.fail_level.reached_by(f.severity));
    ExitCode::from(u8::from(failed))
}
