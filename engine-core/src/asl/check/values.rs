//! Value checks shared by the passes: JSON types, numeric ranges, enumerations,
//! duplicate keys, and `ProcessorConfig`.

use super::{article, codes, Checker};
use crate::asl::fields::PROCESSOR_CONFIG_FIELDS;
use crate::asl::view::{child_pointer, At, Field, Json, Machine, QueryLanguage};
use alloc::format;
use alloc::string::String;

/// Largest number of seconds AWS accepts in timeouts, heartbeats, waits and retries.
pub const MAX_SECONDS: f64 = 99_999_999.0;

/// True for a string that is one JSONata expression: `{%` … `%}` with nothing outside.
pub fn is_jsonata_expression(s: &str) -> bool {
    s.len() >= 4 && s.starts_with("{%") && s.ends_with("%}")
}

/// Report a value of the wrong JSON type.
pub fn wrong_type(c: &mut Checker, pointer: String, value: Json, expected: &str) {
    let message = format!(
        "Expected {expected} but found {}",
        article(value.type_name())
    );
    c.error(codes::INVALID_TYPE, pointer, value.span(), message);
}

/// An integer field in `min..=max`; in a JSONata state a `{% %}` string stands for it.
/// Returns the literal value when there is a valid one.
pub fn integer_in(
    c: &mut Checker,
    at: At,
    f: Field,
    min: f64,
    max: f64,
    ql: Option<QueryLanguage>,
) -> Option<f64> {
    numeric(c, at, f, (min, max), true, ql)
}

/// A number field in `min..=max` (`max` may be `f64::MAX`: no upper bound).
pub fn number_in(
    c: &mut Checker,
    at: At,
    f: Field,
    min: f64,
    max: f64,
    ql: Option<QueryLanguage>,
) -> Option<f64> {
    numeric(c, at, f, (min, max), false, ql)
}

fn numeric(
    c: &mut Checker,
    at: At,
    f: Field,
    (min, max): (f64, f64),
    integer: bool,
    ql: Option<QueryLanguage>,
) -> Option<f64> {
    if expression_allowed(f.value, ql) {
        return None;
    }
    let kind = if integer { "an integer" } else { "a number" };
    let Some(n) = f.value.as_f64() else {
        let expected = if ql == Some(QueryLanguage::Jsonata) {
            format!("{kind} or a JSONata expression")
        } else {
            kind.into()
        };
        wrong_type(c, at.pointer(), f.value, &expected);
        return None;
    };
    if integer && f.value.as_integer().is_none() {
        c.error(
            codes::INVALID_TYPE,
            at.pointer(),
            f.value.span(),
            format!("'{}' must be an integer", f.key),
        );
        return None;
    }
    if n < min || n > max {
        let range = if max == f64::MAX {
            format!("at least {min}")
        } else {
            format!("between {min} and {max}")
        };
        c.error(
            codes::VALUE_OUT_OF_RANGE,
            at.pointer(),
            f.value.span(),
            format!("'{}' must be {range}", f.key),
        );
        return None;
    }
    Some(n)
}

fn expression_allowed(value: Json, ql: Option<QueryLanguage>) -> bool {
    ql == Some(QueryLanguage::Jsonata) && value.as_str().is_some_and(is_jsonata_expression)
}

/// A string field whose value is one of `allowed`.
pub fn one_of(c: &mut Checker, at: At, f: Field, allowed: &[&str]) {
    match f.value.as_str() {
        None => wrong_type(c, at.pointer(), f.value, "a string"),
        Some(s) if !allowed.contains(&s) => c.error(
            codes::INVALID_VALUE,
            at.pointer(),
            f.value.span(),
            format!(
                "'{}' must be one of {}; found '{s}'",
                f.key,
                allowed.join(", ")
            ),
        ),
        Some(_) => {}
    }
}

/// A string field.
pub fn string(c: &mut Checker, at: At, f: Field) {
    if f.value.as_str().is_none() {
        wrong_type(c, at.pointer(), f.value, "a string");
    }
}

/// A `QueryLanguage` value that is neither `JSONPath` nor `JSONata`.
pub fn bad_query_language(c: &mut Checker, at: At, value: Json) {
    match value.as_str() {
        None => wrong_type(c, at.pointer(), value, "a string"),
        Some(s) => c.error(
            codes::INVALID_QUERY_LANGUAGE,
            at.pointer(),
            value.span(),
            format!("QueryLanguage must be 'JSONPath' or 'JSONata'; found '{s}'"),
        ),
    }
}

/// Warn about keys written twice in one object (`pointer` is the object's).
pub fn duplicate_keys(c: &mut Checker, object: Json, pointer: &str) {
    let members = object.members();
    for (i, m) in members.iter().enumerate().skip(1) {
        if members[..i].iter().any(|earlier| earlier.key == m.key) {
            c.warning(
                codes::DUPLICATE_KEY,
                child_pointer(pointer, &m.key),
                m.key_span,
                format!(
                    "Key '{}' appears more than once; the last one is used",
                    m.key
                ),
            );
        }
    }
}

/// A Map processor's `ProcessorConfig`: `Mode` INLINE|DISTRIBUTED, `ExecutionType` STANDARD|EXPRESS.
pub fn processor_config(c: &mut Checker, m: &Machine) {
    let Some(f) = m.json.get("ProcessorConfig") else {
        return;
    };
    let pointer = m.field_pointer("ProcessorConfig");
    if !f.value.is_object() {
        return wrong_type(c, pointer, f.value, "an object");
    }
    for field in f.value.fields() {
        let at = At::new(&pointer, field.key);
        match field.key {
            "Mode" => one_of(c, at, field, &["INLINE", "DISTRIBUTED"]),
            "ExecutionType" => one_of(c, at, field, &["STANDARD", "EXPRESS"]),
            k if !PROCESSOR_CONFIG_FIELDS.contains(&k) => {
                c.error(
                    codes::UNKNOWN_FIELD,
                    at.pointer(),
                    field.key_span,
                    format!("Field '{k}' is not supported in ProcessorConfig"),
                );
            }
            _ => {}
        }
    }
    let distributed = f.value.get("Mode").and_then(|m| m.value.as_str()) == Some("DISTRIBUTED");
    if distributed && f.value.get("ExecutionType").is_none() {
        c.error(
            codes::MISSING_FIELD,
            pointer,
            f.value.span(),
            "Missing required field 'ExecutionType' (required when 'Mode' is 'DISTRIBUTED')".into(),
        );
    }
}
