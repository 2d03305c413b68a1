//! JSONata's `=`: deep equality of JSON values (functions by identity), as the
//! reference's `isDeepEqual`. Values share sub-trees (`Rc`), so a small expression can
//! build values with astronomically many leaves: the walk takes one budget step per pair
//! of values compared, stops at the first pair that is the same allocation, and keeps its
//! own work list so deeply nested values cannot exhaust the stack.

use super::Evaluator;
use crate::jsonata::error::JsonataError;
use crate::jsonata::value::JValue;
use alloc::rc::Rc;
use alloc::vec;

impl Evaluator<'_> {
    /// True when `a` and `b` are equal as JSON; `U1001` when the budget runs out first.
    pub fn deep_equal(&mut self, a: &JValue, b: &JValue) -> Result<bool, JsonataError> {
        let mut pending = vec![(a, b)];
        while let Some((a, b)) = pending.pop() {
            self.tick(1)?;
            match (a, b) {
                // The same allocation is equal to itself (the reference's `lhs === rhs`).
                (JValue::Array(x), JValue::Array(y)) if Rc::ptr_eq(x, y) => {}
                (JValue::Object(x), JValue::Object(y)) if Rc::ptr_eq(x, y) => {}
                (JValue::Array(x), JValue::Array(y)) => {
                    if x.items.len() != y.items.len() {
                        return Ok(false);
                    }
                    pending.extend(x.items.iter().zip(y.items.iter()));
                }
                (JValue::Object(x), JValue::Object(y)) => {
                    if x.len() != y.len() {
                        return Ok(false);
                    }
                    for (k, v) in x.iter() {
                        match y.get(k) {
                            Some(w) => pending.push((v, w)),
                            None => return Ok(false),
                        }
                    }
                }
                _ if !scalar_equal(a, b) => return Ok(false),
                _ => {}
            }
        }
        Ok(true)
    }
}

/// Equality of two values that are not both arrays or both objects.
pub fn scalar_equal(a: &JValue, b: &JValue) -> bool {
    match (a, b) {
        (JValue::Null, JValue::Null) => true,
        (JValue::Bool(x), JValue::Bool(y)) => x == y,
        (JValue::Number(x), JValue::Number(y)) => x == y,
        (JValue::String(x), JValue::String(y)) => x == y,
        (JValue::Function(x), JValue::Function(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}
