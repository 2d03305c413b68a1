//! Short labels for the edges a state draws: a Choice rule's condition, a Catcher's errors.
//!
//! JSONPath rules read as `$.x == 3`, `$.s matches "a*"`, `$.t is present`, `Not($.x < 1)`,
//! `And(2)`; JSONata rules show their `Condition` without the `{% %}` fence. Labels longer
//! than `MAX_LABEL` characters are cut with an ellipsis; the full text goes in a tooltip.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::json::{write_compact, Value};

/// Longest edge label drawn, in characters.
pub const MAX_LABEL: usize = 36;

/// Comparison operators in ASL's words, with the symbol drawn for each.
const COMPARISONS: &[(&str, &str)] = &[
    ("Equals", "=="),
    ("LessThan", "<"),
    ("GreaterThan", ">"),
    ("LessThanEquals", "<="),
    ("GreaterThanEquals", ">="),
];

/// Type tests and the words drawn for a true and a false operand.
const TESTS: &[(&str, &str)] = &[
    ("IsNull", "null"),
    ("IsPresent", "present"),
    ("IsNumeric", "numeric"),
    ("IsString", "string"),
    ("IsBoolean", "boolean"),
    ("IsTimestamp", "timestamp"),
];

/// Rules nested deeper than this are drawn as `…`.
const MAX_RULE_DEPTH: usize = 8;

/// The full condition of a Choice rule, in short form.
pub fn rule_text(rule: &Value) -> String {
    rule_at(rule, 0)
}

fn rule_at(rule: &Value, depth: usize) -> String {
    if depth > MAX_RULE_DEPTH {
        return "…".to_string();
    }
    if let Some(condition) = rule.get("Condition") {
        return match condition {
            Value::String(s) => jsonata_body(s).to_string(),
            other => write_compact(other),
        };
    }
    for combinator in ["And", "Or"] {
        if let Some(list) = rule.get(combinator) {
            let n = list.as_array().map_or(0, Vec::len);
            return format!("{combinator}({n})");
        }
    }
    if let Some(inner) = rule.get("Not") {
        return format!("Not({})", rule_at(inner, depth + 1));
    }
    let variable = rule.get("Variable").and_then(Value::as_str).unwrap_or("?");
    let Some(map) = rule.as_object() else {
        return "?".to_string();
    };
    for (key, operand) in map {
        if let Some(text) = comparison(variable, key, operand) {
            return text;
        }
    }
    variable.to_string()
}

/// `$.x == 3` for `{"NumericEquals": 3}`, `$.x < $.y` for `{"NumericLessThanPath": "$.y"}`.
fn comparison(variable: &str, key: &str, operand: &Value) -> Option<String> {
    if let Some((_, word)) = TESTS.iter().find(|(k, _)| *k == key) {
        let not = if operand.as_bool() == Some(false) {
            "not "
        } else {
            ""
        };
        return Some(format!("{variable} is {not}{word}"));
    }
    if key == "StringMatches" {
        return Some(format!("{variable} matches {}", write_compact(operand)));
    }
    let (base, by_path) = match key.strip_suffix("Path") {
        Some(base) => (base, true),
        None => (key, false),
    };
    let op = ["String", "Numeric", "Boolean", "Timestamp"]
        .iter()
        .find_map(|family| base.strip_prefix(family))
        .and_then(|rest| COMPARISONS.iter().find(|(k, _)| *k == rest))?
        .1;
    let rhs = match (by_path, operand) {
        (true, Value::String(path)) => path.clone(),
        _ => write_compact(operand),
    };
    Some(format!("{variable} {op} {rhs}"))
}

/// The expression inside a `{% ... %}` fence, trimmed; the text itself without one.
fn jsonata_body(s: &str) -> &str {
    let t = s.trim();
    match t.strip_prefix("{%").and_then(|r| r.strip_suffix("%}")) {
        Some(body) => body.trim(),
        None => t,
    }
}

/// A Catcher's `ErrorEquals`, comma-separated.
pub fn catch_text(catcher: &Value) -> String {
    match catcher.get("ErrorEquals").and_then(Value::as_array) {
        Some(errors) => errors
            .iter()
            .map(|e| match e {
                Value::String(s) => s.clone(),
                other => write_compact(other),
            })
            .collect::<Vec<_>>()
            .join(", "),
        None => "?".to_string(),
    }
}

/// `text` cut to `MAX_LABEL` characters (ending in `…`) when longer; whitespace runs
/// (a multi-line JSONata condition) become single spaces.
pub fn shorten(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_LABEL {
        return flat;
    }
    let mut cut: String = flat.chars().take(MAX_LABEL - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn rule(text: &str) -> String {
        rule_text(&parse_value(text).unwrap())
    }

    // Rules from the developer guide's Choice state page.
    #[test]
    fn comparisons_read_as_operators() {
        for (text, want) in [
            (
                r#"{"Variable": "$.x", "NumericEquals": 3, "Next": "A"}"#,
                "$.x == 3",
            ),
            (
                r#"{"Variable": "$.value", "NumericLessThan": 0, "Next": "A"}"#,
                "$.value < 0",
            ),
            (
                r#"{"Variable": "$.value", "NumericGreaterThanEqualsPath": "$.limit", "Next": "A"}"#,
                "$.value >= $.limit",
            ),
            (
                r#"{"Variable": "$.type", "StringEquals": "Private", "Next": "A"}"#,
                "$.type == \"Private\"",
            ),
            (
                r#"{"Variable": "$.s", "StringMatches": "a*", "Next": "A"}"#,
                "$.s matches \"a*\"",
            ),
            (
                r#"{"Variable": "$.ok", "BooleanEquals": true, "Next": "A"}"#,
                "$.ok == true",
            ),
            (
                r#"{"Variable": "$.t", "TimestampLessThan": "2016-03-14T01:59:00Z", "Next": "A"}"#,
                "$.t < \"2016-03-14T01:59:00Z\"",
            ),
            (
                r#"{"Variable": "$.x", "IsPresent": false, "Next": "A"}"#,
                "$.x is not present",
            ),
            (
                r#"{"Variable": "$.x", "IsNull": true, "Next": "A"}"#,
                "$.x is null",
            ),
        ] {
            assert_eq!(rule(text), want, "{text}");
        }
    }

    #[test]
    fn combinators_and_jsonata_conditions() {
        assert_eq!(
            rule(r#"{"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "A"}"#),
            "Not($.type == \"Private\")"
        );
        assert_eq!(
            rule(
                r#"{"And": [{"Variable": "$.v", "NumericGreaterThanEquals": 20}, {"Variable": "$.v", "NumericLessThan": 30}], "Next": "A"}"#
            ),
            "And(2)"
        );
        assert_eq!(rule(r#"{"Or": [], "Next": "A"}"#), "Or(0)");
        assert_eq!(
            rule(r#"{"Condition": "{% $states.input.count > 3 %}", "Next": "A"}"#),
            "$states.input.count > 3"
        );
        assert_eq!(rule(r#"{"Condition": true, "Next": "A"}"#), "true");
    }

    #[test]
    fn broken_rules_still_get_a_label() {
        assert_eq!(rule(r#"{"Next": "A"}"#), "?");
        assert_eq!(rule(r#"{"Variable": "$.x", "Next": "A"}"#), "$.x");
        assert_eq!(rule(r#""text""#), "?");
        assert_eq!(
            rule(r#"{"Variable": "$.x", "NumericEqualsPath": 4}"#),
            "$.x == 4"
        );
        let mut deep = String::from(r#"{"Variable": "$.x", "IsNull": true}"#);
        for _ in 0..20 {
            deep = format!(r#"{{"Not": {deep}}}"#);
        }
        assert!(rule(&deep).contains('…'));
    }

    #[test]
    fn catchers_list_their_errors_and_long_labels_are_cut() {
        let c =
            parse_value(r#"{"ErrorEquals": ["States.Timeout", "States.TaskFailed"], "Next": "F"}"#)
                .unwrap();
        assert_eq!(catch_text(&c), "States.Timeout, States.TaskFailed");
        assert_eq!(shorten("a  b\n c"), "a b c");
        let long = shorten(&"x".repeat(50));
        assert_eq!(long.chars().count(), MAX_LABEL);
        assert!(long.ends_with('…'));
    }
}
