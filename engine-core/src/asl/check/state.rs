//! One state: `Type`, which fields it may carry under its query language, `Next`/`End`,
//! and the checks of each type. Returns the machines nested in it.

use super::{choice, codes, errors, jsonata, map, paths, templates, values, Checker};
use crate::asl::fields::state_field;
use crate::asl::view::{Machine, QueryLanguage, State, StateType};
use alloc::format;
use alloc::vec::Vec;

/// Check `s` (a state of `m`) and return its branches or processor.
pub fn check<'d>(c: &mut Checker<'d>, m: &Machine<'d>, s: &State<'d>) -> Vec<Machine<'d>> {
    if !s.json.is_object() {
        values::wrong_type(c, s.pointer.clone(), s.json, "an object");
        return Vec::new();
    }
    values::duplicate_keys(c, s.json, &s.pointer);
    let Some(t) = state_type(c, s) else {
        return Vec::new();
    };
    query_language(c, m, s);
    allowed_fields(c, s, t);
    if t.transitions() {
        transition(c, s);
    }
    if let Some(f) = s.field("Comment") {
        values::string(c, s.at("Comment"), f);
    }
    data_flow(c, s, t);
    if t.handles_errors() {
        errors::check(c, s);
    }
    if s.query_language == QueryLanguage::Jsonata {
        jsonata::check(c, s);
    }
    match t {
        StateType::Task => task(c, s),
        StateType::Pass => pass(c, s),
        StateType::Choice => choice::check(c, s),
        StateType::Wait => wait(c, s),
        StateType::Fail => fail(c, s),
        StateType::Parallel => return parallel(c, m, s),
        StateType::Map => return map::check(c, m, s).into_iter().collect(),
        StateType::Succeed => {}
    }
    Vec::new()
}

fn state_type(c: &mut Checker, s: &State) -> Option<StateType> {
    let Some(f) = s.field("Type") else {
        c.error(
            codes::MISSING_FIELD,
            s.pointer.clone(),
            s.name_span,
            "Missing required field 'Type'".into(),
        );
        return None;
    };
    let Some(name) = f.value.as_str() else {
        values::wrong_type(c, s.field_pointer("Type"), f.value, "a string");
        return None;
    };
    let t = StateType::from_name(name);
    if t.is_none() {
        c.error(
            codes::INVALID_STATE_TYPE,
            s.field_pointer("Type"),
            f.value.span(),
            format!("'{name}' is not a state type (Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map)"),
        );
    }
    t
}

fn query_language(c: &mut Checker, m: &Machine, s: &State) {
    let Some(f) = s.field("QueryLanguage") else {
        return;
    };
    match f.value.as_str().and_then(QueryLanguage::from_name) {
        None => values::bad_query_language(c, s.at("QueryLanguage"), f.value),
        Some(QueryLanguage::JsonPath) if m.query_language == QueryLanguage::Jsonata => c.error(
            codes::INVALID_QUERY_LANGUAGE,
            s.field_pointer("QueryLanguage"),
            f.value.span(),
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine"
                .into(),
        ),
        Some(_) => {}
    }
}

fn allowed_fields(c: &mut Checker, s: &State, t: StateType) {
    for f in s.json.fields() {
        match state_field(t, f.key) {
            None => c.error(
                codes::UNKNOWN_FIELD,
                s.field_pointer(f.key),
                f.key_span,
                format!("Field '{}' is not supported by {} states", f.key, t.name()),
            ),
            Some(lang) if !lang.allows(s.query_language) => wrong_language(
                c,
                s.field_pointer(f.key),
                f.key_span,
                f.key,
                s.query_language,
            ),
            Some(_) => {}
        }
    }
}

/// AWS's message for a field of the other query language.
pub fn wrong_language(
    c: &mut Checker,
    pointer: alloc::string::String,
    span: crate::json::tree::Span,
    key: &str,
    ql: QueryLanguage,
) {
    let other = match ql {
        QueryLanguage::JsonPath => QueryLanguage::Jsonata,
        QueryLanguage::Jsonata => QueryLanguage::JsonPath,
    };
    c.error(
        codes::FIELD_NOT_IN_QUERY_LANGUAGE,
        pointer,
        span,
        format!(
            "QueryLanguage is set to '{}', but field '{key}' is only supported for the '{}' QueryLanguage",
            ql.name(),
            other.name()
        ),
    );
}

fn transition(c: &mut Checker, s: &State) {
    let next = s.field("Next");
    let end = s.field("End");
    if let Some(f) = next {
        values::string(c, s.at("Next"), f);
    }
    if let Some(f) = end {
        if f.value.as_bool().is_none() {
            values::wrong_type(c, s.field_pointer("End"), f.value, "a boolean");
        }
    }
    match (next.is_some(), s.is_end()) {
        (true, true) => c.error(
            codes::NEXT_AND_END,
            s.pointer.clone(),
            s.name_span,
            format!(
                "State '{}' has both 'Next' and 'End': it must have exactly one",
                s.name
            ),
        ),
        (false, false) => c.error(
            codes::MISSING_NEXT_OR_END,
            s.pointer.clone(),
            s.name_span,
            format!("State '{}' needs either 'Next' or 'End: true'", s.name),
        ),
        _ => {}
    }
}

/// InputPath, OutputPath, ResultPath, Parameters, ResultSelector, Assign and the JSONata
/// fields, where the state takes them.
fn data_flow(c: &mut Checker, s: &State, t: StateType) {
    let jsonpath = s.query_language == QueryLanguage::JsonPath;
    for f in s.json.fields() {
        let lang = state_field(t, f.key);
        if !lang.is_some_and(|l| l.allows(s.query_language)) {
            continue;
        }
        let p = s.at(f.key);
        match f.key {
            "InputPath" | "OutputPath" => paths::path_or_null(c, p, f),
            "ResultPath" => paths::result_path(c, p, f),
            "Parameters" | "ResultSelector" | "ItemSelector" if jsonpath => {
                templates::payload(c, p, f.value)
            }
            "Assign" => templates::assign(c, p, f, s.query_language),
            _ => {}
        }
    }
}

fn task(c: &mut Checker, s: &State) {
    match s.field("Resource") {
        None => c.error(
            codes::MISSING_FIELD,
            s.pointer.clone(),
            s.name_span,
            "Missing required field 'Resource'".into(),
        ),
        Some(f) => match f.value.as_str() {
            None => values::wrong_type(c, s.field_pointer("Resource"), f.value, "a string"),
            Some(r) if r.contains("${") => c.warning(
                codes::SUBSTITUTION_PLACEHOLDER,
                s.field_pointer("Resource"),
                f.value.span(),
                format!("'Resource' is the placeholder '{r}': deploy with the ARN it stands for"),
            ),
            Some(r) if !r.starts_with("arn:") => c.error(
                codes::INVALID_RESOURCE,
                s.field_pointer("Resource"),
                f.value.span(),
                format!("'Resource' must be an ARN (arn:partition:service:…); found '{r}'"),
            ),
            Some(_) => {}
        },
    }
    let timeout = seconds_pair(c, s, "TimeoutSeconds", 1.0);
    let heartbeat = seconds_pair(c, s, "HeartbeatSeconds", 1.0);
    if let (Some(t), Some(h)) = (timeout, heartbeat) {
        if h >= t {
            let f = s
                .field("HeartbeatSeconds")
                .map_or(s.name_span, |f| f.value.span());
            c.error(
                codes::HEARTBEAT_NOT_BELOW_TIMEOUT,
                s.field_pointer("HeartbeatSeconds"),
                f,
                format!("'HeartbeatSeconds' ({h}) must be smaller than 'TimeoutSeconds' ({t})"),
            );
        }
    }
    if let Some(f) = s.field("Credentials") {
        if !f.value.is_object() {
            values::wrong_type(c, s.field_pointer("Credentials"), f.value, "an object");
        }
    }
}

/// `key` (an integer ≥ `min`) or `keyPath` (a reference path), not both. Returns the literal.
pub fn seconds_pair(c: &mut Checker, s: &State, key: &str, min: f64) -> Option<f64> {
    let path_key = format!("{key}Path");
    let value = s.field(key);
    let path = s.field(&path_key);
    if let (Some(_), Some(p)) = (value, path) {
        exclusive(c, s, key, &path_key, p.key_span);
    }
    if let Some(p) = path.filter(|_| s.query_language == QueryLanguage::JsonPath) {
        paths::reference_path(c, s.at(&path_key), p);
    }
    let f = value?;
    values::integer_in(
        c,
        s.at(key),
        f,
        min,
        values::MAX_SECONDS,
        Some(s.query_language),
    )
}

/// Report two fields that exclude each other, at the second one.
pub fn exclusive(c: &mut Checker, s: &State, a: &str, b: &str, span: crate::json::tree::Span) {
    c.error(
        codes::MUTUALLY_EXCLUSIVE_FIELDS,
        s.field_pointer(b),
        span,
        format!("'{a}' and '{b}' can not be used together"),
    );
}

fn pass(c: &mut Checker, s: &State) {
    if let Some(f) = s.field("Result") {
        templates::static_result(c, s.at("Result"), f.value);
    }
}

const WAIT_FIELDS: [&str; 4] = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"];

fn wait(c: &mut Checker, s: &State) {
    let present = WAIT_FIELDS.iter().filter(|k| s.field(k).is_some()).count();
    if present != 1 {
        c.error(
            codes::WAIT_DURATION,
            s.pointer.clone(),
            s.name_span,
            format!(
                "A Wait state needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'; found {present}"
            ),
        );
    }
    let ql = s.query_language;
    if let Some(f) = s.field("Seconds") {
        values::integer_in(c, s.at("Seconds"), f, 0.0, values::MAX_SECONDS, Some(ql));
    }
    if let Some(f) = s.field("Timestamp") {
        paths::timestamp(c, s.at("Timestamp"), f, ql);
    }
    if ql == QueryLanguage::JsonPath {
        for key in ["SecondsPath", "TimestampPath"] {
            if let Some(f) = s.field(key) {
                paths::reference_path(c, s.at(key), f);
            }
        }
    }
}

fn fail(c: &mut Checker, s: &State) {
    for key in ["Error", "Cause"] {
        let path_key = format!("{key}Path");
        if let (Some(_), Some(p)) = (s.field(key), s.field(&path_key)) {
            exclusive(c, s, key, &path_key, p.key_span);
        }
        if let Some(f) = s.field(key) {
            values::string(c, s.at(key), f);
        }
        if let Some(f) = s
            .field(&path_key)
            .filter(|_| s.query_language == QueryLanguage::JsonPath)
        {
            paths::path_or_intrinsic(c, s.at(&path_key), f);
        }
    }
}

fn parallel<'d>(c: &mut Checker<'d>, m: &Machine<'d>, s: &State<'d>) -> Vec<Machine<'d>> {
    let Some(f) = s.field("Branches") else {
        c.error(
            codes::MISSING_FIELD,
            s.pointer.clone(),
            s.name_span,
            "Missing required field 'Branches'".into(),
        );
        return Vec::new();
    };
    let p = s.field_pointer("Branches");
    if !f.value.is_array() {
        values::wrong_type(c, p, f.value, "an array");
        return Vec::new();
    }
    if f.value.is_empty() {
        c.error(
            codes::INVALID_VALUE,
            p.clone(),
            f.value.span(),
            "'Branches' must contain at least one branch".into(),
        );
    }
    for (i, b) in f.value.items().enumerate() {
        if !b.is_object() {
            values::wrong_type(c, alloc::format!("{p}/{i}"), b, "an object");
        }
    }
    s.branches(m)
}
