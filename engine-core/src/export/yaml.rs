//! YAML text from a JSON value, in block style, for people who keep definitions (or SAM
//! templates) in YAML. Every string that a YAML 1.1 or 1.2 reader could take for
//! something else (`yes`, `null`, `1e3`, `- x`, `a: b`, ...) is double-quoted, so reading
//! the output back yields the same JSON value.

use crate::Value;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// The value as block-style YAML, ending with a newline.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    for line in block_lines(value) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Lines of `value` at indentation zero; a scalar or empty container is a single line.
fn block_lines(value: &Value) -> Vec<String> {
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut lines = Vec::new();
            for (key, item) in map.iter() {
                let key = scalar_string(key);
                if is_inline(item) {
                    lines.push(format!("{key}: {}", inline(item)));
                } else {
                    lines.push(format!("{key}:"));
                    lines.extend(block_lines(item).into_iter().map(|l| format!("  {l}")));
                }
            }
            lines
        }
        Value::Array(items) if !items.is_empty() => {
            let mut lines = Vec::new();
            for item in items.iter() {
                if is_inline(item) {
                    lines.push(format!("- {}", inline(item)));
                    continue;
                }
                for (i, line) in block_lines(item).into_iter().enumerate() {
                    lines.push(if i == 0 {
                        format!("- {line}")
                    } else {
                        format!("  {line}")
                    });
                }
            }
            lines
        }
        _ => alloc::vec![inline(value)],
    }
}

fn is_inline(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => true,
    }
}

fn inline(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(n) => format!("{n}"),
        Value::String(s) => scalar_string(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

/// A string as a plain scalar when that is unambiguous, else double-quoted.
fn scalar_string(s: &str) -> String {
    if is_safe_plain(s) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // C0/C1 controls, DEL, the byte-order mark and YAML 1.1's extra line breaks.
            c if c.is_control() || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Plain (unquoted) only for words of ASCII letters, digits, spaces and `_-./$@()+=:` that
/// start with a letter, `_`, `$` or `/`, do not end in a space or `:`, have no `: `
/// (a key separator), and are not YAML 1.1 booleans or nulls. So `Fn::Sub` and ARNs stay
/// plain; indicators such as `#`, `,`, `[`, `{`, `&`, `*`, `!`, `|`, `>`, `'`, `"`, `%`
/// and `` ` `` always force quotes.
fn is_safe_plain(s: &str) -> bool {
    const RESERVED: [&str; 11] = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<",
    ];
    let Some(first) = s.chars().next() else {
        return false;
    };
    let first_ok = first.is_ascii_alphabetic() || matches!(first, '_' | '$' | '/');
    let rest_ok = s.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                ' ' | '_' | '-' | '.' | '/' | '$' | '@' | '(' | ')' | '+' | '=' | ':'
            )
    });
    first_ok
        && rest_ok
        && !s.ends_with(' ')
        && !s.ends_with(':')
        && !s.contains(": ")
        && !RESERVED.iter().any(|r| r.eq_ignore_ascii_case(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    #[test]
    fn block_layout_of_a_small_definition() {
        let v = parse_value(r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Result":[1,{"x":null}],"End":true}},"T":[],"O":{}}"#).unwrap();
        let expected = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n      - 1\n      - x: null\n    End: true\nT: []\nO: {}\n";
        assert_eq!(to_yaml(&v), expected);
    }

    #[test]
    fn ambiguous_strings_are_quoted() {
        for s in [
            "yes", "No", "null", "~", "1e3", "0x10", "-x", "a: b", "#c", "x #y", "", " lead",
            "trail ", "*ref", "!tag", "{}", "12:30", ".inf", "<<",
        ] {
            assert!(scalar_string(s).starts_with('"'), "{s:?} must be quoted");
        }
        for s in [
            "Pass",
            "States.ALL",
            "$.detail",
            "input.$",
            "arn",
            "Wait 30 s",
        ] {
            assert_eq!(scalar_string(s), s);
        }
        assert_eq!(
            scalar_string("a\"b\\c\nd\u{1}"),
            "\"a\\\"b\\\\c\\nd\\u0001\""
        );
    }
}
