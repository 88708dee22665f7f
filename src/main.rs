//! The `attrib` command line: parses arguments, reads files, prints reports, and maps the
//! outcome to an exit code (0 clean, 1 findings at the fail level, 2 usage or input error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
