//! `statelab`: a native command line over engine-core, for labs, grading and benchmarks.

mod alloc;
mod bench;
mod jsonata_cases;
mod run;
mod test_cases;
mod validate;

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: alloc::Mimalloc = alloc::Mimalloc;

const HELP: &str = "\
statelab — Amazon States Language tools

USAGE:
    statelab <COMMAND> [ARGS]

COMMANDS:
    validate    Check definitions: every problem, with file:line:col (--format json)
    run         Run a state machine once (JSON result, --history, --inspect)
    test        Run case files and compare with their expected results
    bench       Time whole executions of case files
    help        Show this help
    version     Print the version

Run `statelab <COMMAND> --help` for a command's options.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Some("version" | "--version" | "-V") => {
            println!("statelab {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("validate") => validate::main(&args[1..]),
        Some("run") => run::main(&args[1..]),
        Some("test") => test_cases::main(&args[1..]),
        Some("bench") => bench::main(&args[1..]),
        Some(other) => {
            eprintln!("statelab: unknown command '{other}'\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}
