//! The JSONata test-suite case format (`expr`, `data`/`dataset`, `bindings`, `depth`,
//! and one of `result`, `undefinedResult`, `code`), run and checked. Shared by the
//! suite harness and `statelab test`; file access stays with the caller.

use super::{Environment, Expression, Limits};
use crate::json::Value;
use alloc::format;
use alloc::string::String;

/// How a case came out.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pass,
    Fail(String),
}

/// True when `case` is a JSONata case (it has `expr` or `expr-file`).
pub fn is_case(case: &Value) -> bool {
    case.get("expr").is_some() || case.get("expr-file").is_some()
}

/// Runs one case. `expr_file` supplies the text of an `expr-file`, `dataset` the named
/// input document; `now_millis` sets the virtual clock.
pub fn run_case(
    case: &Value,
    expr_file: &dyn Fn(&str) -> Option<String>,
    dataset: &dyn Fn(&str) -> Option<Value>,
    now_millis: i64,
) -> Outcome {
    let src = match (
        case.get("expr").and_then(Value::as_str),
        case.get("expr-file").and_then(Value::as_str),
    ) {
        (Some(e), _) => String::from(e),
        (None, Some(f)) => match expr_file(f) {
            Some(t) => t,
            None => return Outcome::Fail(format!("cannot read expr-file {f}")),
        },
        _ => return Outcome::Fail("no expr".into()),
    };
    let input = match (case.get("data"), case.get("dataset")) {
        (Some(d), _) => Some(d.clone()),
        (None, Some(Value::String(name))) => match dataset(name) {
            Some(d) => Some(d),
            None => return Outcome::Fail(format!("unknown dataset {name}")),
        },
        _ => None,
    };
    let mut env = Environment::new();
    env.now_millis = now_millis;
    if let Some(depth) = case.get("depth").and_then(Value::as_i64) {
        env.limits = Limits {
            depth: depth.max(1) as usize,
            ..Limits::default()
        };
    }
    if let Some(b) = case.get("bindings").and_then(Value::as_object) {
        for (k, v) in b.iter() {
            env.bind(k, v.clone());
        }
    }
    let result = Expression::parse(&src).and_then(|e| e.evaluate(input.as_ref(), &mut env));
    let want_code = case
        .get("code")
        .or_else(|| case.get("error").and_then(|e| e.get("code")))
        .and_then(Value::as_str);
    let want_undefined = case.get("undefinedResult").and_then(Value::as_bool) == Some(true);
    match (result, want_code) {
        (Err(e), Some(code)) if e.code == code => Outcome::Pass,
        (Err(e), Some(code)) => Outcome::Fail(format!(
            "expected error {code}, got error {}: {}",
            e.code, e.message
        )),
        (Ok(v), Some(code)) => Outcome::Fail(format!("expected error {code}, got {}", show(&v))),
        (Err(e), None) => Outcome::Fail(format!("unexpected error {}: {}", e.code, e.message)),
        (Ok(None), None) if want_undefined => Outcome::Pass,
        (Ok(got), None) => match case.get("result") {
            Some(want) if got.as_ref() == Some(want) => Outcome::Pass,
            Some(want) => Outcome::Fail(format!("expected {}, got {}", want.to_json(), show(&got))),
            None if want_undefined => {
                Outcome::Fail(format!("expected undefined, got {}", show(&got)))
            }
            None => Outcome::Fail("the case names no expected result".into()),
        },
    }
}

fn show(v: &Option<Value>) -> String {
    v.as_ref()
        .map_or_else(|| String::from("undefined"), Value::to_json)
}
