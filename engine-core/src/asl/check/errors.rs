//! `Retry` and `Catch`: their fields, the retry numbers, `ErrorEquals` (with `States.ALL`
//! alone and last), and catcher targets (checked with the flow).

use super::state::wrong_language;
use super::{codes, paths, templates, values, Checker};
use crate::asl::fields::{lookup, CATCHER_FIELDS, RETRIER_FIELDS};
use crate::asl::view::{At, Field, Json, QueryLanguage, State};
use alloc::format;
use alloc::string::String;

/// Largest `MaxDelaySeconds` AWS accepts (one year).
const MAX_DELAY_SECONDS: f64 = 31_622_400.0;

/// The error names Step Functions predefines.
pub const PREDEFINED_ERRORS: &[&str] = &[
    "States.ALL",
    "States.DataLimitExceeded",
    "States.ExceedToleratedFailureThreshold",
    "States.HeartbeatTimeout",
    "States.Http.Socket",
    "States.IntrinsicFailure",
    "States.ItemReaderFailed",
    "States.NoChoiceMatched",
    "States.ParameterPathFailure",
    "States.Permissions",
    "States.QueryEvaluationError",
    "States.ResultPathMatchFailure",
    "States.ResultWriterFailed",
    "States.Runtime",
    "States.TaskFailed",
    "States.Timeout",
    "States.BranchFailed",
];

/// Check a state's `Retry` and `Catch`.
pub fn check(c: &mut Checker, s: &State) {
    for key in ["Retry", "Catch"] {
        if let Some(f) = s.field(key) {
            if !f.value.is_array() {
                values::wrong_type(c, s.field_pointer(key), f.value, "an array");
            }
        }
    }
    let retriers = s.retriers();
    let n = retriers.len();
    for (i, r) in retriers.iter().enumerate() {
        if !r.json.is_object() {
            values::wrong_type(c, r.pointer.clone(), r.json, "an object");
            continue;
        }
        fields(
            c,
            r.json,
            &r.pointer,
            RETRIER_FIELDS,
            "a retrier",
            s.query_language,
        );
        error_equals(c, r.json, &r.pointer, i + 1 == n);
        retry_numbers(c, r.json, &r.pointer);
    }
    let catchers = s.catchers();
    let n = catchers.len();
    for (i, k) in catchers.iter().enumerate() {
        if !k.json.is_object() {
            values::wrong_type(c, k.pointer.clone(), k.json, "an object");
            continue;
        }
        fields(
            c,
            k.json,
            &k.pointer,
            CATCHER_FIELDS,
            "a catcher",
            s.query_language,
        );
        error_equals(c, k.json, &k.pointer, i + 1 == n);
        match k.json.get("Next") {
            None => c.error(
                codes::MISSING_FIELD,
                k.pointer.clone(),
                k.json.span(),
                "Missing required field 'Next'".into(),
            ),
            Some(f) => values::string(c, k.at("Next"), f),
        }
        for f in k.json.fields() {
            let p = k.at(f.key);
            match f.key {
                "ResultPath" if s.query_language == QueryLanguage::JsonPath => {
                    paths::result_path(c, p, f)
                }
                "Assign" => templates::assign(c, p, f, s.query_language),
                _ => {}
            }
        }
    }
}

fn fields(
    c: &mut Checker,
    json: Json,
    pointer: &str,
    table: &[(&str, crate::asl::fields::Lang)],
    what: &str,
    ql: QueryLanguage,
) {
    values::duplicate_keys(c, json, pointer);
    for f in json.fields() {
        let p = At::new(pointer, f.key);
        match lookup(table, f.key) {
            None => c.error(
                codes::UNKNOWN_FIELD,
                p.pointer(),
                f.key_span,
                format!("Field '{}' is not supported in {what}", f.key),
            ),
            Some(lang) if !lang.allows(ql) => wrong_language(c, p.pointer(), f.key_span, f.key, ql),
            Some(_) => {}
        }
        if f.key == "Comment" {
            values::string(c, At::new(pointer, f.key), f);
        }
    }
}

/// `ErrorEquals`: a non-empty array of strings; `States.ALL` alone, and only in the last element.
fn error_equals(c: &mut Checker, json: Json, pointer: &str, is_last: bool) {
    let p = || crate::asl::view::child_pointer(pointer, "ErrorEquals");
    let Some(f) = json.get("ErrorEquals") else {
        c.error(
            codes::MISSING_FIELD,
            String::from(pointer),
            json.span(),
            "Missing required field 'ErrorEquals'".into(),
        );
        return;
    };
    if !f.value.is_array() {
        return values::wrong_type(c, p(), f.value, "an array of strings");
    }
    if f.value.is_empty() {
        c.error(
            codes::INVALID_VALUE,
            p(),
            f.value.span(),
            "'ErrorEquals' must name at least one error".into(),
        );
    }
    let mut has_all = false;
    for (i, item) in f.value.items().enumerate() {
        let Some(name) = item.as_str() else {
            values::wrong_type(c, format!("{}/{i}", p()), item, "a string");
            continue;
        };
        if name == "States.ALL" {
            has_all = true;
        } else if name.starts_with("States.") && !PREDEFINED_ERRORS.contains(&name) {
            c.warning(
                codes::UNKNOWN_STATES_ERROR,
                format!("{}/{i}", p()),
                item.span(),
                format!("'{name}' is not a predefined error; names starting with 'States.' are reserved"),
            );
        }
    }
    if has_all && f.value.len() > 1 {
        c.error(
            codes::STATES_ALL_NOT_ALONE,
            p(),
            f.value.span(),
            "'States.ALL' must appear alone in 'ErrorEquals'".into(),
        );
    }
    if has_all && !is_last {
        c.error(
            codes::STATES_ALL_NOT_LAST,
            p(),
            f.value.span(),
            "A retrier or catcher on 'States.ALL' must be the last one".into(),
        );
    }
}

fn retry_numbers(c: &mut Checker, json: Json, pointer: &str) {
    let p = |k| At::new(pointer, k);
    let field = |k: &str| -> Option<Field> { json.get(k) };
    if let Some(f) = field("IntervalSeconds") {
        values::integer_in(c, p("IntervalSeconds"), f, 1.0, values::MAX_SECONDS, None);
    }
    if let Some(f) = field("MaxAttempts") {
        values::integer_in(c, p("MaxAttempts"), f, 0.0, values::MAX_SECONDS, None);
    }
    if let Some(f) = field("BackoffRate") {
        values::number_in(c, p("BackoffRate"), f, 1.0, f64::MAX, None);
    }
    if let Some(f) = field("MaxDelaySeconds") {
        values::integer_in(c, p("MaxDelaySeconds"), f, 1.0, MAX_DELAY_SECONDS, None);
    }
    if let Some(f) = field("JitterStrategy") {
        values::one_of(c, p("JitterStrategy"), f, &["FULL", "NONE"]);
    }
}
