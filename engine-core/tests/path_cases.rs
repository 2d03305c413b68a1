//! Data-driven path cases (tests/cases/paths.json): each entry is one named test with
//! its source (AWS guide, ASL specification, or a recorded AWS execution).

mod common;

use common::text_matches;
use engine_core::json::parse_value;
use engine_core::path::{CompiledPath, Scope};
use engine_core::{Map, Value};
use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let text = include_str!("cases/paths.json");
    let cases = parse_value(text).expect("paths.json is JSON");
    let trials = cases
        .as_array()
        .expect("an array of cases")
        .iter()
        .map(|case| {
            let name = case.get("name").and_then(Value::as_str).unwrap_or("unnamed").to_string();
            let case = common::Portable::of(case);
            Trial::test(name, move || run(&case.value()))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn run(case: &Value) -> Result<(), Failed> {
    let input = case.get("input").cloned().unwrap_or(Value::Null);
    let text = case.get("path").and_then(Value::as_str).ok_or("no path")?;
    let path = CompiledPath::compile(text).map_err(|e| format!("compile: {e}"))?;
    let ctx = Value::object();
    let vars = Map::default();
    let scope = Scope { input: &input, context: &ctx, variables: &vars };
    if case.get("absent").is_some() {
        return match path.try_select(&scope) {
            None => Ok(()),
            Some(v) => Err(format!("expected nothing, got {}", v.to_json()).into()),
        };
    }
    let field = case.get("field").and_then(Value::as_str);
    let got = match field {
        Some(f) => path.select_for_field(&scope, f),
        None => path.select(&scope),
    };
    match (case.get("select"), case.get("cause").and_then(Value::as_str), got) {
        (Some(want), _, Ok(v)) if *want == v => Ok(()),
        (_, Some(want), Err(f)) if f.error_name() == "States.Runtime" && text_matches(want, f.cause.as_deref().unwrap_or("")) => Ok(()),
        (_, _, got) => Err(format!("unexpected result {got:?}").into()),
    }
}
