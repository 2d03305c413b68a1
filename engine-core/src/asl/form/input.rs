//! A field's text, and the edits typed text becomes.

use super::{FieldSpec, Kind};
use crate::asl::check::values::is_jsonata_expression;
use crate::asl::view::{child_pointer, Json, QueryLanguage};
use crate::json::tree::{parse_document, Document, Edit};
use crate::json::Value;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

/// The text the field `spec` of the object at `object` shows, `None` when it is absent:
/// strings as they read, lists comma-separated, anything else as written in the document.
pub fn read(doc: &Document, object: &str, spec: &FieldSpec) -> Option<String> {
    let id = doc.resolve(&child_pointer(object, spec.key))?;
    let json = Json::new(doc, id);
    let source = || doc.source(id).to_string();
    Some(match spec.kind {
        Kind::Json | Kind::Flag => source(),
        // A string that reads as JSON stays quoted, so it is written back as a string.
        Kind::Value => match json.as_str() {
            Some(s) if !parses(s) => s.into(),
            _ => source(),
        },
        Kind::List => {
            let items: Option<Vec<&str>> = json.items().map(|item| item.as_str()).collect();
            match items {
                Some(items) if json.is_array() => items.join(", "),
                _ => source(),
            }
        }
        _ => json.as_str().map(String::from).unwrap_or_else(source),
    })
}

/// The edits that give the field `spec` of the object at `object` the typed text: none
/// when it already reads so, a removal when the text is empty, else a `Set` — plus the
/// removal of `End` when a `Next` is set, and of `Next` when `End` is set (a state has
/// one of them). Text that does not fit the field is refused with a message.
pub fn edits_for(
    doc: &Document,
    object: &str,
    spec: &FieldSpec,
    ql: QueryLanguage,
    typed: &str,
) -> Result<Vec<Edit>, String> {
    let pointer = child_pointer(object, spec.key);
    let present = doc.resolve(&pointer).is_some();
    if read(doc, object, spec).as_deref() == Some(typed) {
        return Ok(Vec::new());
    }
    let trimmed = typed.trim();
    let clear = trimmed.is_empty() || (spec.kind == Kind::Flag && trimmed != "true");
    if clear {
        return Ok(if present {
            vec![Edit::Remove { pointer }]
        } else {
            Vec::new()
        });
    }
    let value = value_text(spec, ql, typed)?;
    let mut edits = Vec::new();
    let rival = match spec.key {
        "Next" => Some("End"),
        "End" => Some("Next"),
        _ => None,
    };
    if let Some(rival) = rival.map(|key| child_pointer(object, key)) {
        if doc.resolve(&rival).is_some() {
            edits.push(Edit::Remove { pointer: rival });
        }
    }
    edits.push(Edit::Set { pointer, value });
    Ok(edits)
}

/// The JSON text of what was typed into the field.
fn value_text(spec: &FieldSpec, ql: QueryLanguage, typed: &str) -> Result<String, String> {
    let key = spec.key;
    let expression = ql == QueryLanguage::Jsonata && is_jsonata_expression(typed.trim());
    Ok(match spec.kind {
        Kind::Text | Kind::StateName => string(typed),
        Kind::Path if typed.trim() == "null" => "null".into(),
        Kind::Path => string(typed.trim()),
        Kind::Flag => "true".into(),
        Kind::Options(options) => {
            let chosen = typed.trim();
            if !options.contains(&chosen) {
                return Err(format!("{key} is one of {}", options.join(", ")));
            }
            string(chosen)
        }
        Kind::Integer | Kind::Number if expression => string(typed.trim()),
        Kind::Integer | Kind::Number => {
            let whole = spec.kind == Kind::Integer;
            let n = crate::json::parse_value(typed.trim()).ok().and_then(|v| v.as_f64());
            match n {
                Some(n) if !whole || libm::trunc(n) == n => typed.trim().into(),
                _ => {
                    let wanted = if whole { "a whole number" } else { "a number" };
                    let or = if ql == QueryLanguage::Jsonata {
                        " or a JSONata expression {% … %}"
                    } else {
                        ""
                    };
                    return Err(format!("{key} takes {wanted}{or}"));
                }
            }
        }
        Kind::Json => {
            check_json(key, typed)?;
            typed.trim().into()
        }
        Kind::Value if parses(typed) => typed.trim().into(),
        Kind::Value => string(typed.trim()),
        Kind::List => {
            let items: Vec<Value> = typed
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(Value::from)
                .collect();
            Value::from(items).to_json()
        }
    })
}

/// `s` as a JSON string literal.
fn string(s: &str) -> String {
    Value::from(s).to_json()
}

fn parses(text: &str) -> bool {
    let doc = parse_document(text);
    doc.syntax_errors().is_empty() && doc.root().is_some()
}

/// Refuses text that is not one JSON value, saying where it breaks.
fn check_json(key: &str, text: &str) -> Result<(), String> {
    let doc = parse_document(text);
    match (doc.syntax_errors().first(), doc.root()) {
        (Some(e), _) => {
            let at = doc.line_col(e.span.start);
            Err(format!(
                "{key} is not JSON: {} (line {}, column {})",
                e.message, at.line, at.column
            ))
        }
        (None, None) => Err(format!("{key} is not JSON: the text is empty")),
        (None, Some(_)) => Ok(()),
    }
}

/// The text of `doc` after `edits`, applied in order; the first edit that fails is reported.
pub fn apply(doc: &Document, edits: &[Edit]) -> Result<String, String> {
    let mut next = doc.clone();
    for edit in edits {
        next.apply(edit).map_err(|e| e.to_string())?;
    }
    Ok(next.into_text())
}
