//! Data-driven interpreter cases: every `tests/run_cases/*.json` is one named test.
//!
//! A case holds `source` (where the expected values come from: the ASL spec or the AWS
//! developer guide), `definition`, `input`, optional `mocks` (the case format) and
//! `limits` (`max_history_events`, `max_payload_bytes`, `max_units`), and what must come out:
//! `expected` (`status`, `output` or `error`/`cause`) or `expected_definition_error`
//! (`{pointer}`: the definition must be rejected there), and optionally
//! `expected_history_types`, `expected_virtual_duration_seconds`,
//! `expected_event_count` and `expected_written_objects` (`[{bucket, key, body}]`, the
//! body compared as parsed JSON when it parses). In expected strings `<any>` matches any
//! text (for generated ids such as Map Run ARNs).

use engine_core::json::{parse_value, write_compact};
use engine_core::run::{Execution, ExecutionOptions, Limits, Mocks, StateMachine};
use engine_core::Value;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/run_cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).expect("tests/run_cases exists").flatten().map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let trials = files
        .into_iter()
        .map(|path| {
            let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Trial::test(name, move || run_case(&path))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn field<'v>(case: &'v Value, key: &str) -> Option<&'v Value> {
    case.get(key)
}

fn run_case(path: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let case = parse_value(&text).map_err(|e| format!("invalid JSON: {e:?}"))?;
    if field(&case, "source").and_then(Value::as_str).is_none_or(str::is_empty) {
        return Err("every case names its source".into());
    }
    let definition = field(&case, "definition").ok_or("no definition")?;
    if let Some(want) = field(&case, "expected_definition_error") {
        let want = want.get("pointer").and_then(Value::as_str).unwrap_or("");
        return match StateMachine::compile(definition) {
            Ok(_) => Err(format!("expected the definition to be rejected at '{want}'").into()),
            Err(e) if e.pointer == want => Ok(()),
            Err(e) => Err(format!("rejected at '{}' ({}), expected at '{want}'", e.pointer, e.message).into()),
        };
    }
    let machine = StateMachine::compile(definition).map_err(|e| format!("invalid definition at '{}': {}", e.pointer, e.message))?;
    let mocks = match field(&case, "mocks") {
        Some(m) => Mocks::from_case(m)?,
        None => Mocks::none(),
    };
    let mut limits = Limits::default();
    if let Some(l) = field(&case, "limits") {
        if let Some(n) = l.get("max_history_events").and_then(Value::as_i64) {
            limits.max_history_events = n as u32;
        }
        if let Some(n) = l.get("max_payload_bytes").and_then(Value::as_i64) {
            limits.max_payload_bytes = n as usize;
        }
        if let Some(n) = l.get("max_units").and_then(Value::as_i64) {
            limits.max_units = n as u64;
        }
    }
    let input = field(&case, "input").cloned().unwrap_or_else(Value::object);
    let options = ExecutionOptions { mocks, limits, record_history: true, ..ExecutionOptions::default() };
    let mut exec = Execution::new(&machine, input, options);
    exec.run();
    let mut diffs = Vec::new();
    let expected = field(&case, "expected").ok_or("no expected")?;
    let want_status = expected.get("status").and_then(Value::as_str).unwrap_or("");
    if want_status != exec.status().as_str() {
        diffs.push(format!("status: expected {want_status}, got {} ({:?})", exec.status().as_str(), exec.failure()));
    }
    if let Some(want) = expected.get("output") {
        let got = exec.output().cloned().unwrap_or(Value::Null);
        if !matches(want, &got) {
            diffs.push(format!("output:\n  expected {}\n  got      {}", write_compact(want), write_compact(&got)));
        }
    }
    for (key, got) in [("error", exec.failure().and_then(|f| f.error.clone())), ("cause", exec.failure().and_then(|f| f.cause.clone()))] {
        if let Some(want) = expected.get(key) {
            let got = got.map_or(Value::Null, Value::from);
            if !matches(want, &got) {
                diffs.push(format!("{key}: expected {}, got {}", write_compact(want), write_compact(&got)));
            }
        }
    }
    if let Some(want) = field(&case, "expected_history_types").and_then(Value::as_array) {
        let want: Vec<&str> = want.iter().filter_map(Value::as_str).collect();
        let history = exec.history();
        let got: Vec<&str> = history.iter().map(|e| e.event_type).collect();
        if want != got {
            diffs.push(format!("history types:\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    if let Some(want) = field(&case, "expected_event_count").and_then(Value::as_i64) {
        if i64::from(exec.event_count()) != want {
            diffs.push(format!("event count: expected {want}, got {}", exec.event_count()));
        }
    }
    if let Some(secs) = field(&case, "expected_virtual_duration_seconds").and_then(Value::as_f64) {
        let got = exec.virtual_elapsed_ms() as f64 / 1000.0;
        if (got - secs).abs() > 1e-9 {
            diffs.push(format!("virtual duration: expected {secs} s, got {got} s"));
        }
    }
    if let Some(want) = field(&case, "expected_written_objects").and_then(Value::as_array) {
        let got = exec.written_objects();
        if want.len() != got.len() {
            diffs.push(format!("written objects: expected {}, got {}: {got:?}", want.len(), got.len()));
        }
        for (w, g) in want.iter().zip(got) {
            let key_ok = w.get("key").is_some_and(|k| matches(k, &Value::from(g.key.as_str()))) && w.get("bucket").and_then(Value::as_str) == Some(g.bucket.as_str());
            let body_ok = match (w.get("body"), parse_value(&g.body)) {
                (Some(Value::String(s)), _) => matches(&Value::from(s.as_str()), &Value::from(g.body.as_str())),
                (Some(v), Ok(parsed)) => matches(v, &parsed),
                _ => false,
            };
            if !key_ok || !body_ok {
                diffs.push(format!("written object:\n  expected {}\n  got      {} {} {}", write_compact(w), g.bucket, g.key, g.body));
            }
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(diffs.join("\n").into())
    }
}

/// JSON equality (key order ignored, numbers by value) where `<any>` in an expected string matches any text.
fn matches(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::String(w), Value::String(g)) if w.contains("<any>") => wildcard(w, g),
        (Value::Object(w), Value::Object(g)) => w.len() == g.len() && w.iter().all(|(k, v)| g.get(k).is_some_and(|x| matches(v, x))),
        (Value::Array(w), Value::Array(g)) => w.len() == g.len() && w.iter().zip(g.iter()).all(|(a, b)| matches(a, b)),
        _ => want == got,
    }
}

fn wildcard(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split("<any>").collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}
