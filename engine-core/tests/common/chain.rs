//! A tiny runner for the state chains this layer can decide alone: Pass, Fail, Succeed
//! and Choice states in JSONPath mode (InputPath → Parameters/Result → ResultPath →
//! OutputPath, Fail Error/Cause paths and intrinsics, Choice rules in order then
//! Default). It exists to check the path, template, intrinsic and Choice code against
//! AWS's recordings; the interpreter itself runs every case (cli/tests/conformance.rs), so a
//! case skipped here is still checked there.

use super::*;
use engine_core::choice::ChoiceRule;
use engine_core::intrinsic::{is_intrinsic, Intrinsic};
use engine_core::path::{CompiledPath, CompiledResultPath, Scope, Template};
use engine_core::rng::Rng;
use engine_core::{Failure, Value};
use libtest_mimic::Failed;

/// Why a case cannot be decided by this runner, if it cannot.
pub fn skip_reason(case: &Case) -> Option<&'static str> {
    let def = case.definition();
    if def.get("QueryLanguage").is_some() || case.has_feature("jsonata") {
        return Some("JSONata");
    }
    if case.has_feature("variables") {
        return Some("variables");
    }
    if case.category() == "express"
        || case
            .get("expected")
            .is_some_and(|e| e.to_json().contains("\"RoleArn\""))
    {
        return Some("compares the whole context object, which the interpreter builds");
    }
    let states = def.get("States")?.as_object()?;
    for state in states.values() {
        let ty = state.get("Type").and_then(Value::as_str).unwrap_or("");
        if !matches!(ty, "Pass" | "Fail" | "Succeed" | "Choice") {
            return Some("has states this chain runner does not run; the interpreter's conformance run covers it");
        }
        if state.get("QueryLanguage").is_some() || state.get("Assign").is_some() {
            return Some("JSONata");
        }
    }
    None
}

enum Outcome {
    Succeeded(Value),
    Failed(Failure),
}

/// Run a case and compare with what AWS recorded (and, when a history was recorded,
/// the sequence of states entered).
pub fn run_case(case: &Case) -> Result<(), Failed> {
    let def = case.definition();
    let input = case.input();
    let mut entered = Vec::new();
    let extra_context = case.get("context").cloned();
    let outcome = run_chain(def, &input, extra_context.as_ref(), &mut entered)
        .map_err(|e| Failed::from(format!("definition rejected: {e}")))?;
    if let Some(history) = case.get("expected_history").and_then(Value::as_array) {
        let recorded: Vec<&str> = history
            .iter()
            .filter(|e| {
                e.get("type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.ends_with("StateEntered"))
            })
            .filter_map(|e| e.get("details")?.get("name")?.as_str())
            .collect();
        if recorded != entered {
            return Err(format!(
                "states entered differ\n  expected: {recorded:?}\n  actual:   {entered:?}"
            )
            .into());
        }
    }
    let expected = case.get("expected").ok_or("no expected block")?;
    let status = expected.get("status").and_then(Value::as_str).unwrap_or("");
    match (status, outcome) {
        ("SUCCEEDED", Outcome::Succeeded(out)) => {
            let want = expected.get("output").cloned().unwrap_or(Value::Null);
            if random_placeholder_ok(case, &want, &out) || json_matches(&want, &out) {
                Ok(())
            } else {
                Err(format!(
                    "output differs\n  expected: {}\n  actual:   {}",
                    want.to_json(),
                    out.to_json()
                )
                .into())
            }
        }
        ("FAILED", Outcome::Failed(f)) => {
            let want_error = expected.get("error").and_then(Value::as_str);
            let want_cause = expected
                .get("cause")
                .and_then(Value::as_str)
                .map(strip_state_prefix);
            if want_error != f.error.as_deref() {
                return Err(
                    format!("error differs: expected {want_error:?}, got {:?}", f.error).into(),
                );
            }
            if f.error_name() == "States.NoChoiceMatched" {
                return Ok(());
            }
            match (want_cause, f.cause.as_deref()) {
                (None, None) => Ok(()),
                (Some(w), Some(a)) if text_matches(w, a) => Ok(()),
                (w, a) => {
                    Err(format!("cause differs\n  expected: {w:?}\n  actual:   {a:?}").into())
                }
            }
        }
        (_, Outcome::Succeeded(out)) => {
            Err(format!("expected {status}, succeeded with {}", out.to_json()).into())
        }
        (_, Outcome::Failed(f)) => Err(format!("expected {status}, failed with {f:?}").into()),
    }
}

/// Random intrinsics are recorded as placeholders: check the shape instead.
fn random_placeholder_ok(case: &Case, want: &Value, out: &Value) -> bool {
    let (Some(w), Some(a)) = (want.get("FunctionResult"), out.get("FunctionResult")) else {
        return false;
    };
    match w.as_str() {
        Some("RandomNumberGenerated") if case.has_feature("intrinsic:States.MathRandom") => {
            a.as_i64().is_some()
        }
        Some("generated-uuid") if case.has_feature("intrinsic:States.UUID") => a
            .as_str()
            .is_some_and(|s| s.len() == 36 && s.as_bytes()[14] == b'4'),
        _ => false,
    }
}

fn path_field(state: &Value, key: &str) -> Result<Option<Option<CompiledPath>>, String> {
    match state.get(key) {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(s)) => CompiledPath::compile(s)
            .map(|p| Some(Some(p)))
            .map_err(|e| e.to_string()),
        Some(_) => Err(format!("{key} must be a string or null")),
    }
}

fn run_chain(
    def: &Value,
    input: &Value,
    extra: Option<&Value>,
    entered: &mut Vec<String>,
) -> Result<Outcome, String> {
    let states = def
        .get("States")
        .and_then(Value::as_object)
        .ok_or("no States")?;
    let mut name = def
        .get("StartAt")
        .and_then(Value::as_str)
        .ok_or("no StartAt")?
        .to_string();
    let mut data = input.clone();
    let vars = no_variables();
    let mut rng = Rng::seeded(7);
    for _ in 0..100 {
        let state = states.get(name.as_str()).ok_or("unknown state")?;
        entered.push(name.clone());
        let mut ctx = placeholder_context(input, &name);
        if let Some(extra) = extra {
            deep_merge(&mut ctx, extra);
        }
        let ty = state.get("Type").and_then(Value::as_str).unwrap_or("");
        // InputPath
        let effective = match path_field(state, "InputPath")? {
            None => data.clone(),
            Some(None) => Value::object(),
            Some(Some(p)) => match p.select(&Scope {
                input: &data,
                context: &ctx,
                variables: &vars,
            }) {
                Ok(v) => v,
                Err(f) => return Ok(Outcome::Failed(f)),
            },
        };
        let scope = Scope {
            input: &effective,
            context: &ctx,
            variables: &vars,
        };
        match ty {
            "Choice" => {
                let mut target = None;
                for rule in state
                    .get("Choices")
                    .and_then(Value::as_array)
                    .ok_or("no Choices")?
                {
                    let rule = ChoiceRule::compile(rule)?;
                    match rule.matches(&scope) {
                        Ok(true) => {
                            target = rule.next().map(str::to_string);
                            break;
                        }
                        Ok(false) => {}
                        Err(f) => return Ok(Outcome::Failed(f)),
                    }
                }
                let target = target.or_else(|| {
                    state
                        .get("Default")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                });
                match target {
                    Some(t) => {
                        data = match output_path(state, &effective, &ctx)? {
                            Ok(v) => v,
                            Err(f) => return Ok(Outcome::Failed(f)),
                        };
                        name = t;
                        continue;
                    }
                    None => {
                        // The cause is the interpreter's to word; only the name is checked here.
                        return Ok(Outcome::Failed(Failure::error_only(
                            "States.NoChoiceMatched",
                        )));
                    }
                }
            }
            "Fail" => return Ok(Outcome::Failed(fail_state(state, &scope, &mut rng)?)),
            "Succeed" => {
                return Ok(match output_path(state, &effective, &ctx)? {
                    Ok(v) => Outcome::Succeeded(v),
                    Err(f) => Outcome::Failed(f),
                })
            }
            _ => {}
        }
        // Parameters, else Result, else the effective input.
        let result = if let Some(t) = state.get("Parameters") {
            match Template::compile(t)
                .map_err(|e| e.to_string())?
                .apply(&scope, &mut rng)
            {
                Ok(v) => v,
                Err(f) => return Ok(Outcome::Failed(f)),
            }
        } else if let Some(r) = state.get("Result") {
            r.clone()
        } else {
            effective.clone()
        };
        // ResultPath (merged into the raw input).
        let merged = match state.get("ResultPath") {
            Some(Value::Null) => data.clone(),
            Some(Value::String(s)) => {
                match CompiledResultPath::compile(s)
                    .map_err(|e| e.to_string())?
                    .apply(data.clone(), result)
                {
                    Ok(v) => v,
                    Err(f) => return Ok(Outcome::Failed(f)),
                }
            }
            None => result,
            Some(_) => return Err("ResultPath must be a string or null".into()),
        };
        data = match output_path(state, &merged, &ctx)? {
            Ok(v) => v,
            Err(f) => return Ok(Outcome::Failed(f)),
        };
        if state.get("End").and_then(Value::as_bool) == Some(true) {
            return Ok(Outcome::Succeeded(data));
        }
        name = state
            .get("Next")
            .and_then(Value::as_str)
            .ok_or("no Next")?
            .to_string();
    }
    Err("too many transitions".into())
}

fn output_path(state: &Value, v: &Value, ctx: &Value) -> Result<Result<Value, Failure>, String> {
    let vars = no_variables();
    Ok(match path_field(state, "OutputPath")? {
        None => Ok(v.clone()),
        Some(None) => Ok(Value::object()),
        Some(Some(p)) => p.select(&Scope {
            input: v,
            context: ctx,
            variables: &vars,
        }),
    })
}

/// A Fail state's error and cause: literal, a path, or an intrinsic (`*Path` fields).
fn fail_state(state: &Value, scope: &Scope, rng: &mut Rng) -> Result<Failure, String> {
    let mut out = Failure {
        error: None,
        cause: None,
    };
    for (literal, path, slot) in [
        ("Error", "ErrorPath", &mut out.error),
        ("Cause", "CausePath", &mut out.cause),
    ] {
        if let Some(s) = state.get(literal).and_then(Value::as_str) {
            *slot = Some(s.to_string());
        } else if let Some(text) = state.get(path).and_then(Value::as_str) {
            let value = if is_intrinsic(text) {
                Intrinsic::compile(text)
                    .map_err(|e| e.to_string())?
                    .evaluate_for_field(scope, rng, path)
            } else {
                CompiledPath::compile(text)
                    .map_err(|e| e.to_string())?
                    .select_for_field(scope, path)
            };
            match value {
                Ok(Value::String(s)) => *slot = Some(s),
                Ok(other) => *slot = Some(other.to_json()),
                Err(f) => return Ok(f),
            }
        }
    }
    Ok(out)
}

/// Merge `extra` into `base`, object by object (a case's `context` over the stand-ins).
fn deep_merge(base: &mut Value, extra: &Value) {
    match (base, extra) {
        (Value::Object(b), Value::Object(e)) => {
            let b = engine_core::shared::Shared::make_mut(b);
            for (k, v) in e.iter() {
                match b.get_mut(k) {
                    Some(slot) => deep_merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (slot, v) => *slot = v.clone(),
    }
}
