//! The JSONata test-suite case format (`expr`, `data`/`dataset`, `bindings`, `depth`,
//! and one of `result`, `undefinedResult`, `code`), run and checked. Shared by the
//! suite harness and `statelab test`; file access stays with the caller.

use super::{Environment, Expression, Limits};
use crate::json::Value;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

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

/// Where a case file sits in the suite: `groups/<group>/<stem>.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFile<'a> {
    pub group: &'a str,
    pub stem: &'a str,
}

impl<'a> CaseFile<'a> {
    /// Reads the group and stem from the file's path (`/` or `\` separated).
    pub fn of(path: &'a str) -> Self {
        let mut parts = path.rsplit(['/', '\\']);
        let file = parts.next().unwrap_or_default();
        let group = parts.next().unwrap_or_default();
        let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        CaseFile { group, stem }
    }

    /// A case's test name: `group/stem` for a file holding one case, `group/stem[i]` for
    /// the `i`-th case of an array file.
    pub fn case_name(&self, index: Option<usize>) -> String {
        match index {
            Some(i) => format!("{}/{}[{i}]", self.group, self.stem),
            None => format!("{}/{}", self.group, self.stem),
        }
    }
}

/// The cases a case file holds, each with its index when the file is an array; `None`
/// when it is not a JSONata case file.
pub fn file_cases(file: &Value) -> Option<Vec<(Option<usize>, &Value)>> {
    match file {
        Value::Array(items) if !items.is_empty() && items.iter().all(is_case) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, c)| (Some(i), c))
                .collect(),
        ),
        v if is_case(v) => Some(alloc::vec![(None, v)]),
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    #[test]
    fn case_names_follow_the_suite_layout() {
        // The suite's layout: `groups/<topic>/caseNNN.json`, a case or an array of cases.
        for path in [
            "suite/groups/array-constructor/case006.json",
            r"C:\suite\groups\array-constructor\case006.json",
        ] {
            let place = CaseFile::of(path);
            assert_eq!(place.case_name(None), "array-constructor/case006");
            assert_eq!(place.case_name(Some(2)), "array-constructor/case006[2]");
        }
    }

    #[test]
    fn file_cases_index_arrays_and_refuse_other_json() {
        let one = parse_value(r#"{"expr": "1", "result": 1}"#).expect("json");
        assert_eq!(file_cases(&one).map(|c| c.len()), Some(1));
        assert_eq!(file_cases(&one).expect("a case")[0].0, None);
        let two = parse_value(r#"[{"expr": "1"}, {"expr-file": "x.jsonata"}]"#).expect("json");
        let indexes: Vec<_> = file_cases(&two)
            .expect("cases")
            .iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(indexes, [Some(0), Some(1)]);
        for other in [r#"{"StartAt": "A"}"#, "[]", r#"[{"expr": "1"}, {}]"#] {
            assert!(
                file_cases(&parse_value(other).expect("json")).is_none(),
                "{other}"
            );
        }
    }
}
