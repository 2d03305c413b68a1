//! JSONPath fields: paths, reference paths, ResultPath, path-or-intrinsic fields and
//! timestamps. Parsing is `crate::path`'s and `crate::intrinsic`'s; this file only
//! decides which kind a field needs and where to point.

use super::{codes, values, Checker};
use crate::asl::view::{At, Field, Json, QueryLanguage};
use crate::choice::parse_timestamp;
use crate::intrinsic::{is_intrinsic, Intrinsic};
use crate::json::tree::Span;
use crate::path::{CompiledPath, CompiledResultPath};
use alloc::format;
use alloc::string::String;

/// Where byte `offset` of a string value's decoded text is, when the string has no
/// escapes (else the whole value).
pub fn inner_span(value: Json, offset: usize) -> Span {
    let span = value.span();
    let Some(decoded) = value.as_str() else {
        return span;
    };
    if span.len() != decoded.len() + 2 || !decoded.is_char_boundary(offset) {
        return span;
    }
    // One character at `offset` (none at the end of the string, before the closing quote).
    let width = decoded[offset..].chars().next().map_or(0, char::len_utf8);
    let at = span.start + 1 + offset;
    Span::new(at, at + width)
}

/// A JSONPath (`$…`, `$$…`, `$var…`) or `null`: InputPath, OutputPath.
pub fn path_or_null(c: &mut Checker, at: At, f: Field) {
    if f.value.is_null() {
        return;
    }
    let Some(text) = f.value.as_str() else {
        return values::wrong_type(c, at.pointer(), f.value, "a JSONPath string or null");
    };
    path(c, || at.pointer(), f.value, text);
}

/// Compile `text` as a path; report syntax errors. Returns the compiled path.
pub fn path(
    c: &mut Checker,
    pointer: impl FnOnce() -> String,
    value: Json,
    text: &str,
) -> Option<CompiledPath> {
    match CompiledPath::compile(text) {
        Ok(p) => Some(p),
        Err(e) => {
            c.error(
                codes::INVALID_PATH,
                pointer(),
                inner_span(value, e.offset),
                format!("Invalid JSONPath '{text}': {}", e.message),
            );
            None
        }
    }
}

/// A reference path: names and single indexes only (`*Path` fields, Choice `Variable`).
pub fn reference_path(c: &mut Checker, at: At, f: Field) {
    let Some(text) = f.value.as_str() else {
        return values::wrong_type(c, at.pointer(), f.value, "a reference path string");
    };
    if let Some(p) = path(c, || at.pointer(), f.value, text) {
        if !p.is_reference_path() {
            c.error(
                codes::INVALID_REFERENCE_PATH,
                at.pointer(),
                f.value.span(),
                format!(
                    "'{}' must be a reference path (names and single indexes only): '{text}'",
                    f.key
                ),
            );
        }
    }
}

/// ResultPath: `null`, or a reference path on `$` (never `$$`).
pub fn result_path(c: &mut Checker, at: At, f: Field) {
    if f.value.is_null() {
        return;
    }
    let Some(text) = f.value.as_str() else {
        return values::wrong_type(c, at.pointer(), f.value, "a reference path string or null");
    };
    if CompiledResultPath::compile(text).is_ok() {
        return;
    }
    if path(c, || at.pointer(), f.value, text).is_some() {
        let why = if text.trim_start().starts_with("$$") {
            "can not start with '$$'"
        } else {
            "must be a reference path on '$'"
        };
        c.error(
            codes::INVALID_REFERENCE_PATH,
            at.pointer(),
            f.value.span(),
            format!("ResultPath {why}: '{text}'"),
        );
    }
}

/// A path or an intrinsic call (`key.$` values, Fail ErrorPath/CausePath).
pub fn path_or_intrinsic(c: &mut Checker, at: At, f: Field) {
    let Some(text) = f.value.as_str() else {
        return values::wrong_type(
            c,
            at.pointer(),
            f.value,
            "a JSONPath or an intrinsic function call",
        );
    };
    expression(c, &|| at.pointer(), f.value, text);
}

/// Check the value of a `key.$` or path field: an intrinsic call or a path.
pub fn expression(c: &mut Checker, pointer: &dyn Fn() -> String, value: Json, text: &str) {
    if is_intrinsic(text) {
        if let Err(e) = Intrinsic::compile(text) {
            c.error(
                codes::INVALID_INTRINSIC,
                pointer(),
                inner_span(value, e.offset),
                format!("Invalid intrinsic function call '{text}': {}", e.message),
            );
        }
    } else if text.trim_start().starts_with('$') {
        path(c, pointer, value, text);
    } else {
        c.error(
            codes::INVALID_PATH,
            pointer(),
            value.span(),
            format!("The value must be a JSONPath (starting with '$') or an intrinsic function call; found '{text}'"),
        );
    }
}

/// An RFC 3339 timestamp (or, in a JSONata state, an expression).
pub fn timestamp(c: &mut Checker, at: At, f: Field, ql: QueryLanguage) {
    let Some(text) = f.value.as_str() else {
        return values::wrong_type(c, at.pointer(), f.value, "an RFC 3339 timestamp string");
    };
    if ql == QueryLanguage::Jsonata && values::is_jsonata_expression(text) {
        return;
    }
    if parse_timestamp(text).is_none() {
        c.error(
            codes::INVALID_TIMESTAMP,
            at.pointer(),
            f.value.span(),
            format!("'{text}' is not an RFC 3339 timestamp (like 2016-03-14T01:59:00Z)"),
        );
    }
}
