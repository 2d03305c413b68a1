//! ResultPath merging. Temporary stand-in, replaced by the path branch.

use alloc::sync::Arc;
use super::PathSyntaxError;
use crate::failure::errors;
use crate::{Failure, Map, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// A compiled ResultPath (a definite path on `$`).
#[derive(Clone, Debug)]
pub struct CompiledResultPath {
    text: String,
    keys: Vec<Step>,
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

impl CompiledResultPath {
    /// Parses a reference path such as `$.a.b` or `$['a'][0]`.
    pub fn compile(text: &str) -> Result<CompiledResultPath, PathSyntaxError> {
        let bad = |offset: usize, m: &str| PathSyntaxError { offset, message: m.to_string() };
        let rest = text.strip_prefix('$').ok_or_else(|| bad(0, "ResultPath starts with '$'"))?;
        if rest.starts_with('$') {
            return Err(bad(1, "ResultPath may not use the context object"));
        }
        let b = rest.as_bytes();
        let mut i = 0;
        let mut keys = Vec::new();
        while i < b.len() {
            match b[i] {
                b'.' => {
                    let start = i + 1;
                    i = start;
                    while i < b.len() && b[i] != b'.' && b[i] != b'[' {
                        i += 1;
                    }
                    if i == start {
                        return Err(bad(start, "expected a field name"));
                    }
                    keys.push(Step::Key(rest[start..i].to_string()));
                }
                b'[' => {
                    let close = rest[i..].find(']').map(|p| p + i).ok_or_else(|| bad(i, "missing ']'"))?;
                    let body = rest[i + 1..close].trim();
                    if body.len() >= 2 && (body.starts_with('\'') && body.ends_with('\'') || body.starts_with('"') && body.ends_with('"')) {
                        keys.push(Step::Key(body[1..body.len() - 1].to_string()));
                    } else {
                        keys.push(Step::Index(body.parse().map_err(|_| bad(i, "ResultPath must be a definite path"))?));
                    }
                    i = close + 1;
                }
                _ => return Err(bad(i, "expected '.' or '['")),
            }
        }
        Ok(CompiledResultPath { text: text.to_string(), keys })
    }

    /// Merges `result` into `input` at this path.
    pub fn apply(&self, input: Value, result: Value) -> Result<Value, Failure> {
        if self.keys.is_empty() {
            return Ok(result);
        }
        let mut root = input;
        let mut cur = &mut root;
        for (n, step) in self.keys.iter().enumerate() {
            let last = n + 1 == self.keys.len();
            match step {
                Step::Key(k) => {
                    let Value::Object(m) = cur else {
                        return Err(self.mismatch(cur));
                    };
                    if last {
                        Arc::make_mut(m).insert(k.clone(), result);
                        return Ok(root);
                    }
                    cur = Arc::make_mut(m).entry(k.clone()).or_insert_with(|| Value::from(Map::default()));
                }
                Step::Index(i) => {
                    let Value::Array(a) = cur else {
                        return Err(self.mismatch(cur));
                    };
                    let Some(slot) = Arc::make_mut(a).get_mut(*i) else {
                        return Err(Failure::new(errors::RESULT_PATH_MATCH_FAILURE, format!("Unable to apply ResultPath '{}'", self.text)));
                    };
                    if last {
                        *slot = result;
                        return Ok(root);
                    }
                    cur = slot;
                }
            }
        }
        Ok(root)
    }

    fn mismatch(&self, at: &Value) -> Failure {
        Failure::new(
            errors::RESULT_PATH_MATCH_FAILURE,
            format!("Unable to apply ResultPath '{}' to input '{}'", self.text, at.to_json()),
        )
    }
}
