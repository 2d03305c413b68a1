//! JSON manipulation: StringToJson, JsonToString, JsonMerge.

use super::args::{self, fail, Args};
use super::Function;
use crate::json::parse_value;
use crate::{Failure, Value};
use alloc::format;

/// `States.StringToJson(string)`: blank text is `null` (AWS), anything else must parse.
pub fn string_to_json(a: &Args) -> Result<Value, Failure> {
    let f = Function::StringToJson;
    let text = args::string(f, a, 0)?;
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    parse_value(text).map_err(|e| fail(f, format!("the string is not valid JSON ({e})")))
}

/// `States.JsonToString(value)`: compact JSON text.
pub fn json_to_string(a: &Args) -> Result<Value, Failure> {
    Ok(Value::String(a[0].to_json()))
}

/// `States.JsonMerge(left, right, false)`: a shallow merge where the right object's keys
/// win; AWS supports only the shallow mode, so the flag must be `false`.
pub fn json_merge(a: &Args) -> Result<Value, Failure> {
    let f = Function::JsonMerge;
    let deep = args::boolean(f, a, 2)?;
    if deep {
        return Err(fail(f, "only shallow merging is supported: the third argument must be false"));
    }
    let (Some(left), Some(right)) = (a[0].as_object(), a[1].as_object()) else {
        let bad = if a[0].as_object().is_none() { &a[0] } else { &a[1] };
        return Err(fail(f, format!("the objects to merge must be JSON objects, but one was {}", bad.type_name())));
    };
    let mut out = left.clone();
    for (k, v) in right {
        out.insert(k.clone(), v.clone());
    }
    Ok(Value::from(out))
}

#[cfg(test)]
mod tests {
    use crate::intrinsic::test_support::{fails, ok};

    #[test]
    fn aws_guide_examples() {
        ok("States.StringToJson($.escapedJsonString)", r#"{"escapedJsonString": "{\"foo\": \"bar\"}"}"#, r#"{"foo": "bar"}"#);
        ok("States.JsonToString($.unescapedJson)", r#"{"unescapedJson": {"foo": "bar"}}"#, r#""{\"foo\":\"bar\"}""#);
        ok("States.JsonMerge($.json1, $.json2, false)",
           r#"{"json1": {"a": {"a1": 1, "a2": 2}, "b": 2}, "json2": {"a": {"a3": 1, "a4": 2}, "c": 3}}"#,
           r#"{"a": {"a3": 1, "a4": 2}, "b": 2, "c": 3}"#);
    }

    #[test]
    fn blank_is_null_and_bad_json_fails() {
        ok("States.StringToJson(' ')", "{}", "null");
        fails("States.StringToJson('{')", "{}");
        fails("States.JsonMerge($.a, $.a, true)", r#"{"a": {}}"#);
        fails("States.JsonMerge($.a, 1, false)", r#"{"a": {}}"#);
    }
}
