//! `statelab bench CASE... [--runs N] [--warmup W]`: times whole executions in-process and
//! prints one JSON line per case with the keys the oracle's `--bench` prints.

use crate::test_cases::Case;
use engine_core::json::write_compact;
use engine_core::run::{Execution, StateMachine};
use engine_core::{Map, Number, Value};
use std::process::ExitCode;
use std::time::Instant;

pub const HELP: &str = "\
statelab bench CASE... [--runs N] [--warmup W]

Runs each case file W times untimed, then N times timed (default N=20, W=3), and prints
per case one JSON line: runs, median_ms, min_ms, p90_ms, exec_per_s, transitions_per_exec,
transitions_per_s, retries_per_exec, status.
";

pub fn main(args: &[String]) -> ExitCode {
    let (mut runs, mut warmup, mut files) = (20usize, 3usize, Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--runs" => {
                runs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(runs)
                    .max(1)
            }
            "--warmup" => warmup = it.next().and_then(|v| v.parse().ok()).unwrap_or(warmup),
            f => files.push(f.to_string()),
        }
    }
    let mut code = ExitCode::SUCCESS;
    for f in files {
        match bench_one(&f, runs, warmup) {
            Ok(line) => println!("{line}"),
            Err(e) => {
                eprintln!("statelab bench: {f}: {e}");
                code = ExitCode::from(2);
            }
        }
    }
    code
}

fn bench_one(path: &str, runs: usize, warmup: usize) -> Result<String, String> {
    let case = Case::load(std::path::Path::new(path))?;
    let machine = StateMachine::compile(&case.definition)
        .map_err(|e| format!("invalid definition at '{}': {}", e.pointer, e.message))?;
    // Like the oracle's runner, set-up (parsing the mocks) stays outside the timings.
    let options = case.options();
    let once = || {
        let mut exec = Execution::new(&machine, case.input.clone(), options.clone());
        exec.run();
        exec
    };
    let first = once();
    for _ in 0..warmup {
        once();
    }
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let e = once();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        drop(e);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let median = if runs % 2 == 1 {
        times[runs / 2]
    } else {
        (times[runs / 2 - 1] + times[runs / 2]) / 2.0
    };
    let p90 = times[((runs as f64 * 0.9).ceil() as usize)
        .saturating_sub(1)
        .min(runs - 1)];
    let transitions = first.transitions() as f64;
    let mut m = Map::default();
    let num = |x: f64| Value::Number(Number::Float((x * 1000.0).round() / 1000.0));
    m.insert("runs".into(), Value::from(runs as i64));
    m.insert("median_ms".into(), num(median));
    m.insert("min_ms".into(), num(times[0]));
    m.insert("p90_ms".into(), num(p90));
    m.insert("exec_per_s".into(), num(1000.0 / median));
    m.insert(
        "transitions_per_exec".into(),
        Value::from(transitions as i64),
    );
    m.insert(
        "transitions_per_s".into(),
        num(transitions * 1000.0 / median),
    );
    m.insert(
        "retries_per_exec".into(),
        Value::from(first.retries() as i64),
    );
    m.insert("status".into(), Value::from(first.status().as_str()));
    Ok(write_compact(&Value::from(m)))
}
