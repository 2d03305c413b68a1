//! Shared helpers for the conformance harnesses: finding ../shared, loading case files,
//! and comparing JSON the way the corpus README asks (key order ignored, number forms
//! kept, recorder placeholders matching any text).
#![allow(dead_code)]

pub mod chain;

use engine_core::json::{parse_value, write_compact};
use engine_core::{Map, Value};
use std::path::PathBuf;

/// The shared folder: `STATELAB_SHARED`, else the first ancestor of this crate that has
/// a `shared/` directory beside it.
pub fn shared_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("STATELAB_SHARED") {
        return PathBuf::from(dir);
    }
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        let candidate = dir.join("shared");
        if candidate.join("conformance").is_dir() {
            return candidate;
        }
        if !dir.pop() {
            eprintln!(
                "conformance corpus not found: set STATELAB_SHARED or place the shared/ folder beside the repository"
            );
            std::process::exit(1);
        }
    }
}

/// A JSON value on its way to a test thread. The engine's default build shares `Value`s
/// through `Rc` (see engine_core::shared), so they are not `Send`; a trial carries the
/// value's text instead and parses it on the thread that runs it.
pub struct Portable(String);

impl Portable {
    pub fn of(value: &Value) -> Self {
        Portable(write_compact(value))
    }

    pub fn value(&self) -> Value {
        parse_value(&self.0).expect("a value written by write_compact parses back")
    }
}

/// A recorded case on its way to a test thread (see `Portable`).
pub struct PortableCase {
    file: String,
    value: Portable,
}

impl PortableCase {
    pub fn case(&self) -> Case {
        Case { file: self.file.clone(), value: self.value.value() }
    }
}

/// A recorded case, parsed.
pub struct Case {
    pub file: String,
    pub value: Value,
}

impl Case {
    pub fn portable(&self) -> PortableCase {
        PortableCase { file: self.file.clone(), value: Portable::of(&self.value) }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.value.get(key)
    }

    pub fn category(&self) -> &str {
        self.get("category").and_then(Value::as_str).unwrap_or("")
    }

    pub fn has_feature(&self, f: &str) -> bool {
        self.get("features")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(f)))
    }

    pub fn definition(&self) -> &Value {
        self.get("definition").unwrap_or(&Value::Null)
    }

    pub fn input(&self) -> Value {
        self.get("input").cloned().unwrap_or_else(Value::object)
    }
}

/// Every case file of the localstack corpus (category from the file), then the oracle's
/// spec-shaped cases and its known-difference probes (whose expected blocks are AWS's
/// behaviour), categorised `oracle_cases` / `oracle_known_differences`.
pub fn load_cases() -> Vec<Case> {
    let shared = shared_dir();
    let mut cases = load_dir(&shared.join("conformance/localstack/cases"), None);
    cases.extend(load_dir(&shared.join("oracle/cases"), Some("oracle_cases")));
    cases.extend(load_dir(
        &shared.join("oracle/known_differences"),
        Some("oracle_known_differences"),
    ));
    cases
}

fn load_dir(dir: &std::path::Path, category: Option<&str>) -> Vec<Case> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable case");
            let mut value = parse_value(&text).expect("case is JSON");
            if let (Some(cat), Some(map)) = (category, value.as_object_mut()) {
                map.insert("category".into(), Value::from(cat));
            }
            Case {
                file: p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                value,
            }
        })
        .collect()
}

/// Whether `actual` text matches `expected` text in which recorder placeholders
/// (`<uuid:1>`, `<json-input:1>`, `<ArnPart_0idx>`, …) stand for any text.
pub fn text_matches(expected: &str, actual: &str) -> bool {
    let mut parts = Vec::new();
    let mut rest = expected;
    while let Some(start) = rest.find('<') {
        match rest[start..].find('>') {
            Some(end) => {
                parts.push(&rest[..start]);
                rest = &rest[start + end + 1..];
            }
            None => break,
        }
    }
    parts.push(rest);
    if parts.len() == 1 {
        return expected == actual;
    }
    let mut pos = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !actual.starts_with(part) {
                return false;
            }
            pos = part.len();
        } else if i == parts.len() - 1 {
            return actual.len() >= pos + part.len() && actual[pos..].ends_with(part);
        } else {
            match actual[pos..].find(part) {
                Some(k) => pos += k + part.len(),
                None => return false,
            }
        }
    }
    true
}

/// JSON equality as the corpus compares: key order ignored, integers and floats
/// distinguished (`1` is not `1.0`), placeholders in expected strings match any text.
pub fn json_matches(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::String(e), Value::String(a)) => text_matches(e, a),
        (Value::Number(e), Value::Number(a)) => e.is_int() == a.is_int() && e == a,
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a.iter()).all(|(x, y)| json_matches(x, y))
        }
        (Value::Object(e), Value::Object(a)) => {
            e.len() == a.len()
                && e.iter()
                    .all(|(k, v)| a.get(k).is_some_and(|w| json_matches(v, w)))
        }
        _ => expected == actual,
    }
}

/// The part of a recorded cause after AWS's "An error occurred while executing the state
/// 'X' (entered at the event id #N). " prefix, which the interpreter adds.
pub fn strip_state_prefix(cause: &str) -> &str {
    if cause.starts_with("An error occurred while executing the state") {
        if let Some(i) = cause.find("). ") {
            return &cause[i + 3..];
        }
    }
    cause
}

/// A context object with the recorder's placeholders where run-specific values go.
pub fn placeholder_context(input: &Value, state_name: &str) -> Value {
    let text = format!(
        r#"{{"Execution": {{"Id": "arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>",
             "Name": "<ExecArnPart_0idx>", "RoleArn": "arn:<partition>:iam::111111111111:role/<ArnPart_0idx>",
             "StartTime": "date", "RedriveCount": 0}},
           "StateMachine": {{"Id": "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>", "Name": "<ArnPart_0idx>"}},
           "State": {{"EnteredTime": "date", "Name": "{state_name}"}}}}"#
    );
    let mut ctx = parse_value(&text).expect("context template is JSON");
    if let Some(exec) = ctx
        .as_object_mut()
        .and_then(|m| m.get_mut("Execution"))
        .and_then(Value::as_object_mut)
    {
        exec.insert("Input".into(), input.clone());
    }
    ctx
}

/// An empty variable map.
pub fn no_variables() -> Map {
    Map::default()
}
