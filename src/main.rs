//! The `attrib` command line: parses arguments, reads files, prints reports, and maps the
//! outcome to an exit code (0 clean, 1 findings at the fail level, 2 usage or input error).

mod cli;

use std::process::ExitCode;

/// The analysis makes many small, short-lived allocations (tokens, names, snippets), which
/// mimalloc serves markedly faster than the system allocator, above all across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
