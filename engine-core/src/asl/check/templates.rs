//! Payload templates (`Parameters`, `ResultSelector`, `ItemSelector`, `Assign` in
//! JSONPath states): `key.$` values, keys equal once `.$` is stripped, variable names.

use super::{codes, paths, values, Checker};
use crate::asl::view::{child_pointer, index_pointer, At, Field, Json, QueryLanguage};
use crate::intrinsic::is_intrinsic;
use alloc::format;
use alloc::vec;

/// Longest variable name AWS accepts, in characters.
const MAX_VARIABLE_CHARS: usize = 80;

/// Check a JSONPath payload template at `pointer`, to any depth.
pub fn payload(c: &mut Checker, at: At, value: Json) {
    let mut stack = vec![(value, at.pointer())];
    while let Some((json, pointer)) = stack.pop() {
        if json.is_array() {
            for (i, item) in json.items().enumerate() {
                stack.push((item, index_pointer(&pointer, i)));
            }
            continue;
        }
        let members = json.members();
        for (i, f) in json.fields().enumerate() {
            let p = || child_pointer(&pointer, f.key);
            let stripped = f.key.strip_suffix(".$");
            let name = stripped.unwrap_or(f.key);
            if members[..i]
                .iter()
                .any(|m| m.key.strip_suffix(".$").unwrap_or(&m.key) == name)
            {
                c.error(
                    codes::DUPLICATE_TEMPLATE_KEY,
                    p(),
                    f.key_span,
                    format!("Key '{name}' is given twice once '.$' is stripped"),
                );
            }
            match (stripped, f.value.as_str()) {
                (Some(_), Some(text)) => paths::expression(c, &p, f.value, text),
                (Some(_), None) => values::wrong_type(
                    c,
                    p(),
                    f.value,
                    "a JSONPath or intrinsic function string (the key ends with '.$')",
                ),
                (None, Some(text)) if looks_dynamic(text) => c.warning(
                    codes::NO_DOLLAR,
                    p(),
                    f.value.span(),
                    format!(
                        "'{text}' looks like a path or intrinsic function, but key '{}' does not end with '.$': it is kept as text",
                        f.key
                    ),
                ),
                (None, _) if f.value.is_object() || f.value.is_array() => stack.push((f.value, p())),
                (None, _) => {}
            }
        }
    }
}

fn looks_dynamic(text: &str) -> bool {
    text.starts_with("$.") || text.starts_with("$$.") || is_intrinsic(text)
}

/// `Assign`: an object of valid variable names; in JSONPath states also a payload template.
pub fn assign(c: &mut Checker, at: At, f: Field, ql: QueryLanguage) {
    if !f.value.is_object() {
        return values::wrong_type(c, at.pointer(), f.value, "an object");
    }
    for m in f.value.fields() {
        let name = match ql {
            QueryLanguage::JsonPath => m.key.strip_suffix(".$").unwrap_or(m.key),
            QueryLanguage::Jsonata => m.key,
        };
        if let Err(why) = variable_name(name) {
            c.error(
                codes::INVALID_VARIABLE_NAME,
                child_pointer(&at.pointer(), m.key),
                m.key_span,
                format!("'{name}' is not a valid variable name: {why}"),
            );
        }
    }
    if ql == QueryLanguage::JsonPath {
        payload(c, at, f.value);
    }
}

/// Unicode identifier rules (a letter or `_`, then letters, digits or `_`), at most 80
/// characters, and not the reserved `states`.
fn variable_name(name: &str) -> Result<(), &'static str> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Err("it is empty");
    };
    if !(first.is_alphabetic() || first == '_') {
        return Err("it must start with a letter or '_'");
    }
    if !chars.all(|ch| ch.is_alphanumeric() || ch == '_') {
        return Err("it may only hold letters, digits and '_'");
    }
    if name.chars().count() > MAX_VARIABLE_CHARS {
        return Err("it is longer than 80 characters");
    }
    if name == "states" {
        return Err("'states' is reserved");
    }
    Ok(())
}

/// A Pass state's `Result` is never evaluated: warn about `.$` keys in it.
pub fn static_result(c: &mut Checker, at: At, value: Json) {
    let mut stack = vec![(value, at.pointer())];
    while let Some((json, pointer)) = stack.pop() {
        for (i, item) in json.items().enumerate() {
            stack.push((item, index_pointer(&pointer, i)));
        }
        for f in json.fields() {
            let p = child_pointer(&pointer, f.key);
            if f.key.ends_with(".$") {
                c.warning(
                    codes::PASS_RESULT_IS_STATIC,
                    p.clone(),
                    f.key_span,
                    format!(
                        "'Result' is static: '{}' is not evaluated (use 'Parameters' for paths)",
                        f.key
                    ),
                );
            }
            stack.push((f.value, p));
        }
    }
}
