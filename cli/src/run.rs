//! `statelab run FILE --input JSON|@FILE [--mocks FILE [--test-case NAME]] [--history]
//! [--inspect] [--seed N]`: one execution, printed as one JSON object.

use engine_core::json::{parse_value, write_compact};
use engine_core::run::{Execution, ExecutionOptions, Mocks, StateMachine, Status};
use engine_core::{Map, Value};
use std::io::Write;
use std::process::ExitCode;

pub const HELP: &str = "\
statelab run FILE --input JSON|@FILE [--mocks FILE [--test-case NAME]] [--history] [--inspect] [--seed N]

Runs the state machine in FILE once on the virtual clock and prints one JSON object:
status, output or error/cause, transitions, virtualDurationSeconds, and with --history
the history events, with --inspect the per-state inspection records.
--mocks takes the case format ({\"State\": [{\"Return\": ..}]}) or a Step Functions Local
MockConfigFile (then --test-case names the test case).
FILE may also be a case file ({\"definition\": .., \"input\": .., \"mocks\": ..}, as `statelab test`
reads); its input and mocks apply unless --input or --mocks is given.
";

/// Reads `JSON` or `@FILE`.
pub fn read_json_arg(arg: &str) -> Result<Value, String> {
    let text = match arg.strip_prefix('@') {
        Some(path) => {
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?
        }
        None => arg.to_string(),
    };
    parse_value(&text).map_err(|e| format!("invalid JSON: {e:?}"))
}

/// Reads a JSON file.
pub fn read_json_file(path: &str) -> Result<Value, String> {
    read_json_arg(&format!("@{path}"))
}

/// The result object `run` prints, without the history and inspection lists.
pub fn result_value(exec: &Execution) -> Value {
    let mut m = Map::default();
    m.insert("status".into(), Value::from(exec.status().as_str()));
    if exec.status() == Status::Succeeded {
        m.insert(
            "output".into(),
            exec.output().cloned().unwrap_or(Value::Null),
        );
    } else if let Some(f) = exec.failure() {
        if let Some(e) = &f.error {
            m.insert("error".into(), Value::from(e.as_str()));
        }
        if let Some(c) = &f.cause {
            m.insert("cause".into(), Value::from(c.as_str()));
        }
    }
    m.insert("transitions".into(), Value::from(exec.transitions() as i64));
    let ms = exec.virtual_elapsed_ms();
    let secs = if ms % 1000 == 0 {
        Value::from(ms / 1000)
    } else {
        Value::from(ms as f64 / 1000.0)
    };
    m.insert("virtualDurationSeconds".into(), secs);
    Value::from(m)
}

/// Writes the result object, then `history` and `inspection` one item at a time: a
/// long history is never held as one JSON value (peak memory stays near the execution's).
fn write_result(out: &mut impl Write, exec: &Execution, history: bool, inspect: bool) -> std::io::Result<()> {
    let head = write_compact(&result_value(exec));
    out.write_all(head.strip_suffix('}').unwrap_or(&head).as_bytes())?;
    if history {
        write_list(out, "history", exec.history().iter().map(|e| e.to_value()))?;
    }
    if inspect {
        write_list(out, "inspection", exec.inspections().iter().map(|i| i.to_value()))?;
    }
    out.write_all(b"}\n")?;
    out.flush()
}

fn write_list(out: &mut impl Write, key: &str, items: impl Iterator<Item = Value>) -> std::io::Result<()> {
    write!(out, ",\"{key}\":[")?;
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(write_compact(&item).as_bytes())?;
    }
    out.write_all(b"]")
}

pub fn main(args: &[String]) -> ExitCode {
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("statelab run: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut file = None;
    let mut input = None;
    let mut mocks_file = None;
    let mut test_case = None;
    let (mut history, mut inspect, mut seed) = (false, false, 0u64);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--help" | "-h" => {
                print!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            "--input" => input = Some(read_json_arg(&value("--input")?)?),
            "--mocks" => mocks_file = Some(value("--mocks")?),
            "--test-case" => test_case = Some(value("--test-case")?),
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed takes an integer")?
            }
            "--history" => history = true,
            "--inspect" => inspect = true,
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => file = Some(other.to_string()),
        }
    }
    let file = file.ok_or("missing the definition FILE")?;
    let mut definition = read_json_file(&file)?;
    let mut case_mocks = None;
    if definition.get("States").is_none() {
        if let Some(d) = definition.get("definition").cloned() {
            input = input.or_else(|| definition.get("input").cloned());
            case_mocks = definition.get("mocks").cloned();
            definition = d;
        }
    }
    let input = input.unwrap_or_else(Value::object);
    let machine = StateMachine::compile(&definition)
        .map_err(|e| format!("invalid definition at '{}': {}", e.pointer, e.message))?;
    let mocks = match mocks_file {
        None => case_mocks.map_or_else(|| Ok(Mocks::none()), |m| Mocks::from_case(&m))?,
        Some(path) => {
            let v = read_json_file(&path)?;
            if v.get("StateMachines").is_some() {
                let case = test_case.ok_or("a MockConfigFile needs --test-case NAME")?;
                Mocks::from_mock_config(&v, None, &case)?
            } else {
                Mocks::from_case(&v)?
            }
        }
    };
    let options = ExecutionOptions {
        mocks,
        seed,
        inspect,
        ..ExecutionOptions::default()
    };
    let mut exec = Execution::new(&machine, input, options);
    exec.run();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_result(&mut out, &exec, history, inspect).map_err(|e| format!("cannot write the result: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
