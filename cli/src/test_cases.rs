//! `statelab test PATH...`: runs case files (the conformance corpus format and the
//! examples format with `definition_file`), recursing into folders, and compares as the
//! corpus README says: placeholders match any text (the recorder's literal stand-ins
//! `snf_role_arn`/`sfn_role_arn`, `start-time`/`entered-time`, `RandomNumberGenerated`
//! and `generated-uuid` match a value of the kind they replaced), causes that are JSON
//! compare parsed,
//! histories compare by event-type sequence (as a multiset where the recorder normalised
//! Parallel events).

use engine_core::json::{parse_value, write_compact};
use engine_core::run::{Execution, ExecutionOptions, ExecutionType, Mocks, StateMachine, Status};
use engine_core::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const HELP: &str = "\
statelab test PATH... [--skip-list FILE] [--quiet]

Runs every case file under PATH (folders are walked), compares status, output, error,
cause and the history's event types, prints each failure with a diff, counts per category,
and ends with `N passed, N failed` (exit 1 on any failure). JSON files that are not case
files (no `definition` or `definition_file`, no `expr`: datasets, mock configurations)
are counted apart and ignored. A skip list has one entry per
line: a case file name (or `feature:NAME`), then `#` and the reason. JSONata test-suite
files (cases with `expr`) run through the JSONata engine and compare the result or the
error code; their skip entries name `group/caseNNN` (engine-core/tests/jsonata_skips.txt).
";

/// A loaded case file.
pub struct Case {
    pub name: String,
    pub category: String,
    pub definition: Value,
    pub input: Value,
    pub mocks: Value,
    pub raw: Value,
}

impl Case {
    /// Loads a case; `definition_file` is resolved beside it.
    pub fn load(path: &Path) -> Result<Case, String> {
        Case::load_if_case(path)?.ok_or_else(|| "no definition or definition_file".into())
    }

    /// Loads a case, or `None` when the file is JSON but not a case file (it has neither
    /// `definition` nor `definition_file`: a JSONata dataset, a mock configuration, …).
    pub fn load_if_case(path: &Path) -> Result<Option<Case>, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
        let raw = parse_value(&text).map_err(|e| format!("invalid JSON: {e:?}"))?;
        let definition = match (
            raw.get("definition"),
            raw.get("definition_file").and_then(Value::as_str),
        ) {
            (Some(d), _) => d.clone(),
            (None, Some(f)) => {
                let p = path.parent().unwrap_or(Path::new(".")).join(f);
                let t = std::fs::read_to_string(&p)
                    .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                parse_value(&t).map_err(|e| format!("invalid JSON in {}: {e:?}", p.display()))?
            }
            _ => return Ok(None),
        };
        Ok(Some(Case {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            category: raw
                .get("category")
                .and_then(Value::as_str)
                .unwrap_or("examples")
                .to_string(),
            input: raw.get("input").cloned().unwrap_or_else(Value::object),
            mocks: raw.get("mocks").cloned().unwrap_or(Value::Null),
            definition,
            raw,
        }))
    }

    /// Execution options for this case (mocks, a fixed seed and name).
    pub fn options(&self) -> ExecutionOptions {
        let mocks = if self.mocks.is_null() {
            Mocks::none()
        } else {
            Mocks::from_case(&self.mocks).unwrap_or_default()
        };
        // The corpus recorded its executions in account 111111111111; an Express case
        // recorded from StartSyncExecution's response ran synchronously.
        let express = self.raw.get("execution_type").and_then(Value::as_str) == Some("EXPRESS");
        let sync = self
            .raw
            .get("provenance")
            .and_then(|p| p.get("recorded_content_key"))
            .and_then(Value::as_str)
            == Some("start_execution_sync_response");
        let execution_type = match (express, sync) {
            (false, _) => ExecutionType::Standard,
            (true, false) => ExecutionType::ExpressAsync,
            (true, true) => ExecutionType::ExpressSync,
        };
        ExecutionOptions {
            mocks,
            account_id: String::from("111111111111"),
            execution_type,
            ..ExecutionOptions::default()
        }
    }
}

struct Skips {
    files: Vec<(String, String)>,
    features: Vec<(String, String)>,
}

impl Skips {
    fn load(path: Option<&str>) -> Result<Skips, String> {
        let mut s = Skips {
            files: Vec::new(),
            features: Vec::new(),
        };
        let Some(path) = path else { return Ok(s) };
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read skip list {path}: {e}"))?;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (entry, reason) = line
                .split_once('#')
                .ok_or_else(|| format!("skip entry without a reason: {line}"))?;
            let (entry, reason) = (entry.trim().to_string(), reason.trim().to_string());
            match entry.strip_prefix("feature:") {
                Some(f) => s.features.push((f.to_string(), reason)),
                None => s.files.push((entry, reason)),
            }
        }
        Ok(s)
    }

    fn reason_for_name(&self, name: &str) -> Option<&str> {
        self.files.iter().find(|(f, _)| name.starts_with(f.as_str())).map(|(_, r)| r.as_str())
    }

    fn reason(&self, case: &Case) -> Option<&str> {
        if let Some((_, r)) = self
            .files
            .iter()
            .find(|(f, _)| case.name.starts_with(f.as_str()))
        {
            return Some(r);
        }
        let features = case.raw.get("features").and_then(Value::as_array);
        self.features
            .iter()
            .find(|(f, _)| features.is_some_and(|l| l.iter().any(|x| x.as_str() == Some(f))))
            .map(|(_, r)| r.as_str())
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "json")
        && !path.to_string_lossy().ends_with(".asl.json")
    {
        out.push(path.to_path_buf());
    }
}

pub fn main(args: &[String]) -> ExitCode {
    let (mut paths, mut skip_list, mut quiet) = (Vec::new(), None, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--skip-list" => skip_list = it.next().cloned(),
            "--quiet" => quiet = true,
            p => paths.push(PathBuf::from(p)),
        }
    }
    let skips = match Skips::load(skip_list.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("statelab test: {e}");
            return ExitCode::from(2);
        }
    };
    let mut files = Vec::new();
    for p in &paths {
        collect(p, &mut files);
    }
    let (mut passed, mut failed, mut skipped, mut not_cases) = (0, 0, 0, 0);
    let mut per_cat: BTreeMap<String, (u32, u32, u32)> = BTreeMap::new();
    for f in &files {
        // JSONata suite cases (`expr`) run through the JSONata engine.
        if let Some(ran) = crate::jsonata_cases::run_file(f, &|name| skips.reason_for_name(name).is_none()) {
            for (r, was_run) in ran {
                let entry = per_cat.entry(format!("jsonata/{}", r.group)).or_default();
                if !was_run {
                    if !quiet {
                        println!("SKIP {}: {}", r.name, skips.reason_for_name(&r.name).unwrap_or(""));
                    }
                    skipped += 1;
                    entry.2 += 1;
                } else if let engine_core::jsonata::conformance::Outcome::Fail(why) = r.outcome {
                    println!("FAIL {} [jsonata]: {why}", r.name);
                    failed += 1;
                    entry.1 += 1;
                } else {
                    passed += 1;
                    entry.0 += 1;
                }
            }
            continue;
        }
        let case = match Case::load_if_case(f) {
            Ok(Some(c)) => c,
            Ok(None) => {
                not_cases += 1;
                continue;
            }
            Err(e) => {
                println!("FAIL {}: {e}", f.display());
                failed += 1;
                continue;
            }
        };
        if case.raw.get("expected").is_none() {
            continue;
        }
        let entry = per_cat.entry(case.category.clone()).or_default();
        if let Some(reason) = skips.reason(&case) {
            if !quiet {
                println!("SKIP {} [{}]: {reason}", case.name, case.category);
            }
            skipped += 1;
            entry.2 += 1;
            continue;
        }
        match check(&case) {
            Ok(()) => {
                passed += 1;
                entry.0 += 1;
            }
            Err(diff) => {
                println!("FAIL {} [{}]:\n{diff}", case.name, case.category);
                failed += 1;
                entry.1 += 1;
            }
        }
    }
    println!("\nper category (passed / failed / skipped):");
    for (cat, (p, f, s)) in &per_cat {
        println!("  {cat}: {p} / {f} / {s}");
    }
    if not_cases > 0 {
        println!("{not_cases} other JSON file(s) ignored (not case files)");
    }
    println!("{skipped} skipped");
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs one case and compares it; `Err` holds a readable diff.
pub fn check(case: &Case) -> Result<(), String> {
    let machine = StateMachine::compile(&case.definition)
        .map_err(|e| format!("  invalid definition at '{}': {}", e.pointer, e.message))?;
    let mut exec = Execution::new(&machine, case.input.clone(), case.options());
    exec.run();
    let expected = case.raw.get("expected").cloned().unwrap_or(Value::Null);
    let loose = case.raw.get("has_placeholders") == Some(&Value::Bool(true));
    let mut diffs = Vec::new();
    let want_status = expected.get("status").and_then(Value::as_str).unwrap_or("");
    if want_status != exec.status().as_str() {
        diffs.push(format!(
            "  status: expected {want_status}, got {}",
            exec.status().as_str()
        ));
        if let Some(f) = exec.failure() {
            diffs.push(format!("  got error {:?} cause {:?}", f.error, f.cause));
        }
    } else if exec.status() == Status::Succeeded {
        let got = exec.output().cloned().unwrap_or(Value::Null);
        let want = expected.get("output").cloned().unwrap_or(Value::Null);
        if !matches(&want, &got, loose) {
            diffs.push(format!(
                "  output:\n    expected {}\n    got      {}",
                write_compact(&want),
                write_compact(&got)
            ));
        }
    } else if exec.status() == Status::Failed {
        let f = exec.failure().cloned().unwrap_or(engine_core::Failure {
            error: None,
            cause: None,
        });
        if let Some(want) = expected.get("error") {
            let got = f.error.clone().map_or(Value::Null, Value::from);
            if !matches(want, &got, loose) {
                diffs.push(format!(
                    "  error: expected {}, got {}",
                    write_compact(want),
                    write_compact(&got)
                ));
            }
        }
        if let Some(want) = expected.get("cause") {
            let got = f.cause.clone().map_or(Value::Null, Value::from);
            if !cause_matches(want, &got, loose) {
                diffs.push(format!(
                    "  cause:\n    expected {}\n    got      {}",
                    write_compact(want),
                    write_compact(&got)
                ));
            }
        }
    }
    if let Some(want) = case.raw.get("expected_history").and_then(Value::as_array) {
        let normalized = case.raw.get("history_normalized") == Some(&Value::Bool(true));
        let mut want_types: Vec<&str> = want
            .iter()
            .filter_map(|e| e.get("type").and_then(Value::as_str))
            .collect();
        let history = exec.history();
        let mut got_types: Vec<&str> = history.iter().map(|e| e.event_type).collect();
        if normalized {
            // The recorder dropped ParallelStateSucceeded/ParallelStateFailed while sorting
            // Parallel events (the recorded ids skip the dropped event's id).
            for closing in ["ParallelStateSucceeded", "ParallelStateFailed"] {
                if !want_types.contains(&closing) {
                    got_types.retain(|t| *t != closing);
                }
            }
            want_types.sort_unstable();
            got_types.sort_unstable();
        }
        if want_types != got_types {
            diffs.push(format!(
                "  history types{}:\n{}",
                if normalized { " (as multisets)" } else { "" },
                seq_diff(&want_types, &got_types)
            ));
        }
    }
    if let Some(secs) = case
        .raw
        .get("expected_virtual_duration_seconds")
        .and_then(Value::as_f64)
    {
        let got = exec.virtual_elapsed_ms() as f64 / 1000.0;
        if (got - secs).abs() > 1e-9 {
            diffs.push(format!(
                "  virtual duration: expected {secs} s, got {got} s"
            ));
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(diffs.join("\n"))
    }
}

fn seq_diff(want: &[&str], got: &[&str]) -> String {
    let first = want
        .iter()
        .zip(got)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(got.len()));
    let from = first.saturating_sub(2);
    let show = |l: &[&str]| {
        l.iter()
            .skip(from)
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "    first difference at event #{} (expected {} events, got {})\n    expected … {}\n    got      … {}",
        first + 1,
        want.len(),
        got.len(),
        show(want),
        show(got)
    )
}

/// A cause compares as parsed JSON when both sides are JSON objects/arrays.
fn cause_matches(want: &Value, got: &Value, loose: bool) -> bool {
    if matches(want, got, loose) {
        return true;
    }
    match (
        want.as_str().and_then(|s| parse_value(s).ok()),
        got.as_str().and_then(|s| parse_value(s).ok()),
    ) {
        (Some(w), Some(g)) if matches!(w, Value::Object(_) | Value::Array(_)) => {
            matches(&w, &g, loose)
        }
        _ => false,
    }
}

/// JSON equality (key order ignored); with `loose`, recorder placeholders match any text.
pub fn matches(want: &Value, got: &Value, loose: bool) -> bool {
    match (want, got) {
        (Value::String(w), _) if loose && recorder_literal(w, got).is_some() => {
            recorder_literal(w, got) == Some(true)
        }
        (Value::String(w), _) if loose && has_placeholder(w) => match got {
            Value::String(g) => pattern_matches(w, g),
            other => pattern_matches(w, &write_compact(other)),
        },
        (Value::Object(w), Value::Object(g)) => {
            w.len() == g.len()
                && w.iter()
                    .all(|(k, v)| g.get(k).is_some_and(|x| matches(v, x, loose)))
        }
        (Value::Array(w), Value::Array(g)) => {
            w.len() == g.len() && w.iter().zip(g.iter()).all(|(a, b)| matches(a, b, loose))
        }
        _ => want == got,
    }
}

fn has_placeholder(s: &str) -> bool {
    s == "date" || (s.contains('<') && s.contains('>'))
}

/// Literal stand-ins the recorder wrote for run-specific values, like its `<...>`
/// placeholders; each matches a value of the kind it replaced: the execution role's ARN,
/// the context timestamps, a random number, a UUID. `None` when `pattern` is not one.
fn recorder_literal(pattern: &str, got: &Value) -> Option<bool> {
    let text = got.as_str();
    Some(match pattern {
        "snf_role_arn" | "sfn_role_arn" => {
            text.is_some_and(|t| t.starts_with("arn:aws:iam::") && t.contains(":role/"))
        }
        "start-time" | "entered-time" => text
            .and_then(engine_core::run::clock::parse_timestamp)
            .is_some(),
        "RandomNumberGenerated" => got.as_i64().is_some(),
        "generated-uuid" => text.is_some_and(is_uuid),
        _ => return None,
    })
}

fn is_uuid(t: &str) -> bool {
    let parts: Vec<&str> = t.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `<...>` placeholders (and a whole-string `date`) match any run of text.
fn pattern_matches(pattern: &str, text: &str) -> bool {
    if pattern == "date" {
        return true;
    }
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('<') {
        match rest[open..].find('>') {
            Some(close) => {
                parts.push(&rest[..open]);
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    parts.push(rest);
    let mut pos = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !text.starts_with(part) {
                return false;
            }
            pos = part.len();
        } else if i == parts.len() - 1 {
            return text.len() >= pos + part.len() && text[pos..].ends_with(part);
        } else {
            match text[pos..].find(part) {
                Some(at) => pos += at + part.len(),
                None => return false,
            }
        }
    }
    pos == text.len()
}
