//! JSONata states: every `{% … %}` string of their evaluated fields must parse
//! (`crate::jsonata`'s parser); errors point at the expression's pointer and at the
//! character where parsing failed.

use super::{codes, walk, Checker};
use crate::asl::view::State;
use crate::json::tree::Span;
use crate::jsonata::Expression;
use alloc::format;
use alloc::string::String;

/// State fields that are never evaluated (or hold whole machines, checked on their own).
pub const NOT_EVALUATED: &[&str] = &[
    "Type",
    "Comment",
    "QueryLanguage",
    "Resource",
    "Next",
    "End",
    "Default",
    "Branches",
    "ItemProcessor",
    "Iterator",
];

/// Parse every expression in the evaluated fields of a JSONata state.
pub fn check(c: &mut Checker, s: &State) {
    for f in s.json.fields().filter(|f| !NOT_EVALUATED.contains(&f.key)) {
        for found in walk::strings(f.key, f.value, s.field_pointer(f.key)) {
            let span = found.value.span();
            let plain = span.len() == found.text.len() + 2;
            expression(c, &found.pointer, span, found.text, plain);
        }
    }
}

/// Report `text` (a string at `span`) when it is a `{% … %}` expression that does not
/// parse. `plain` says the string has no escapes, so its characters map onto the text.
fn expression(c: &mut Checker, pointer: &str, span: Span, text: &str, plain: bool) {
    let Some(source) = text.strip_prefix("{%").and_then(|r| r.strip_suffix("%}")) else {
        return;
    };
    let Err(e) = Expression::parse(source) else {
        return;
    };
    let at = match e.position.filter(|_| plain) {
        Some(chars) => {
            let byte = source
                .char_indices()
                .nth(chars)
                .map_or(source.len(), |(b, _)| b);
            let start = span.start + 1 + 2 + byte;
            let width = source[byte..].chars().next().map_or(0, char::len_utf8);
            Span::new(start, start + width)
        }
        None => span,
    };
    c.error(
        codes::INVALID_JSONATA,
        String::from(pointer),
        at,
        format!("JSONata syntax error {}: {}", e.code, e.message),
    );
}
