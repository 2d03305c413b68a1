//! ResultPath: where a state's result is written into its raw input.

use crate::shared::Shared;
use super::parse::{parse_path, Root, Segment};
use super::eval::{member, member_index};
use super::PathSyntaxError;
use crate::failure::errors;
use crate::{Failure, Map, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// A compiled ResultPath (a reference path on `$`). `"ResultPath": null` is the
/// interpreter's `None`: it discards the result and keeps the input.
#[derive(Clone, Debug)]
pub struct CompiledResultPath {
    text: String,
    segments: Vec<Segment>,
}

impl CompiledResultPath {
    /// Parse a reference path: `$`, then names and single indexes only.
    pub fn compile(text: &str) -> Result<CompiledResultPath, PathSyntaxError> {
        let (root, segments) = parse_path(text)?;
        if root != Root::Input {
            return Err(PathSyntaxError { offset: 0, message: "ResultPath must start with '$'".into() });
        }
        if !segments.iter().all(Segment::is_definite) {
            return Err(PathSyntaxError {
                offset: 0,
                message: "ResultPath must be a reference path (names and single indexes only)".into(),
            });
        }
        Ok(CompiledResultPath { text: text.to_string(), segments })
    }

    /// The path as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The member name when the path is one step from `$` (`$.name`).
    pub fn single_member(&self) -> Option<&str> {
        match self.segments.as_slice() {
            [Segment::Child(name)] => Some(name),
            _ => None,
        }
    }

    /// Merge `result` into `input` as AWS does: `$` replaces the input; missing objects
    /// along the way are created; anything else that cannot hold the result (a scalar
    /// on the way, an index past an array's end, a non-object input) fails with
    /// `States.ResultPathMatchFailure`.
    pub fn apply(&self, mut input: Value, result: Value) -> Result<Value, Failure> {
        if self.segments.is_empty() {
            return Ok(result);
        }
        if !self.fits(&input) {
            return Err(Failure::new(
                errors::RESULT_PATH_MATCH_FAILURE,
                format!("Unable to apply ReferencePath {} to input {}", self.text, input.to_json()),
            ));
        }
        let mut slot = &mut input;
        for seg in &self.segments {
            slot = match (seg, slot) {
                (Segment::Child(name), Value::Object(map)) => {
                    let map = Shared::make_mut(map);
                    // Look up before inserting: the common case (key present) clones nothing.
                    let at = match member_index(map, name) {
                        Some(i) => i,
                        None => map.insert_full(name.as_str().into(), Value::from(Map::default())).0,
                    };
                    match map.get_index_mut(at) {
                        Some((_, v)) => v,
                        None => return Err(Failure::runtime("ResultPath could not be applied")),
                    }
                }
                (Segment::Index(i), Value::Array(items)) => {
                    let items = Shared::make_mut(items);
                    let k = index(*i, items.len()).unwrap_or(0);
                    match items.get_mut(k) {
                        Some(v) => v,
                        None => return Err(Failure::runtime("ResultPath index out of range")),
                    }
                }
                // `fits` ruled these out.
                _ => return Err(Failure::runtime("ResultPath could not be applied")),
            };
        }
        *slot = result;
        Ok(input)
    }

    /// Whether every step can be taken (or created) without replacing a non-container.
    fn fits(&self, input: &Value) -> bool {
        let mut current = Some(input);
        for seg in &self.segments {
            current = match (seg, current) {
                // Created on the way: an object, which any later name fits.
                (Segment::Child(_), None) => None,
                (Segment::Child(name), Some(Value::Object(map))) => member(map, name),
                (Segment::Index(i), Some(Value::Array(items))) => match index(*i, items.len()) {
                    Some(k) => items.get(k),
                    None => return false,
                },
                _ => return false,
            };
        }
        true
    }
}

fn index(i: i64, len: usize) -> Option<usize> {
    let k = if i < 0 { len as i64 + i } else { i };
    (0..len as i64).contains(&k).then_some(k as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn apply(path: &str, input: &str, result: &str) -> Result<Value, Failure> {
        CompiledResultPath::compile(path)
            .unwrap()
            .apply(parse_value(input).unwrap(), parse_value(result).unwrap())
    }

    #[test]
    fn dollar_replaces_even_non_objects() {
        assert_eq!(apply("$", "\"x\"", "[1]").unwrap(), parse_value("[1]").unwrap());
    }

    #[test]
    fn creates_missing_objects_and_keeps_siblings() {
        let out = apply("$.a.b", r#"{"k": 1, "a": {"c": 2}}"#, "3").unwrap();
        assert_eq!(out, parse_value(r#"{"k": 1, "a": {"c": 2, "b": 3}}"#).unwrap());
        let out = apply("$.x.y", r#"{"k": 1}"#, "true").unwrap();
        assert_eq!(out, parse_value(r#"{"k": 1, "x": {"y": true}}"#).unwrap());
    }

    #[test]
    fn non_object_input_fails_with_match_failure() {
        let f = apply("$.a", "\"bar\"", "1").unwrap_err();
        assert_eq!(f.error_name(), "States.ResultPathMatchFailure");
        assert_eq!(f.cause.as_deref(), Some("Unable to apply ReferencePath $.a to input \"bar\""));
        assert!(apply("$.a.b", r#"{"a": 5}"#, "1").is_err());
        assert!(apply("$.a[3]", r#"{"a": [1]}"#, "1").is_err());
        assert_eq!(apply("$.a[-1]", r#"{"a": [1, 2]}"#, "9").unwrap(), parse_value(r#"{"a": [1, 9]}"#).unwrap());
    }

    #[test]
    fn rejects_non_reference_paths() {
        assert!(CompiledResultPath::compile("$.a[*]").is_err());
        assert!(CompiledResultPath::compile("$$.a").is_err());
    }
}
