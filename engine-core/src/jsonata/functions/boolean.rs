//! Boolean functions and the truthiness rules the operators share.

use super::Ctx;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::JValue;

/// `$boolean` of a value; `None` for undefined.
pub fn to_boolean(v: Option<&JValue>) -> Option<bool> {
    Some(match v? {
        JValue::Null => false,
        JValue::Bool(b) => *b,
        JValue::Number(n) => *n != 0.0,
        JValue::String(s) => !s.is_empty(),
        JValue::Object(m) => !m.is_empty(),
        JValue::Function(_) => false,
        JValue::Array(a) => match a.items.len() {
            0 => false,
            1 => to_boolean(Some(&a.items[0])).unwrap_or(false),
            _ => a.items.iter().any(|i| to_boolean(Some(i)).unwrap_or(false)),
        },
    })
}

/// Truthiness for conditions and filters (undefined is false).
pub fn truthy(v: Option<&JValue>) -> bool {
    to_boolean(v).unwrap_or(false)
}

pub fn boolean(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    Ok(to_boolean(args[0].as_ref()).map(JValue::Bool))
}

pub fn not(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    Ok(to_boolean(args[0].as_ref()).map(|b| JValue::Bool(!b)))
}

pub fn exists(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    Ok(Some(JValue::Bool(args[0].is_some())))
}
