//! Argument checks shared by the function families, and the failure they raise.

use super::Function;
use crate::failure::errors;
use crate::{Failure, Value};
use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Evaluated arguments of one call.
pub type Args<'a> = [Cow<'a, Value>];

/// `States.IntrinsicFailure` naming the function and what was wrong.
pub fn fail(f: Function, message: impl Into<String>) -> Failure {
    Failure::new(errors::INTRINSIC_FAILURE, format!("Invalid arguments in {}: {}", f.name(), message.into()))
}

fn ordinal(i: usize) -> &'static str {
    ["first", "second", "third"].get(i).copied().unwrap_or("next")
}

fn expected(f: Function, i: usize, what: &str, got: &Value) -> Failure {
    fail(f, format!("the {} argument must be {}, but was {} {}", ordinal(i), what, article(got.type_name()), got.type_name()))
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'o']) { "an" } else { "a" }
}

/// The `i`-th argument as text.
pub fn string<'v>(f: Function, args: &'v Args, i: usize) -> Result<&'v str, Failure> {
    let v = &*args[i];
    v.as_str().ok_or_else(|| expected(f, i, "a string", v))
}

/// The `i`-th argument as an array.
pub fn array<'v>(f: Function, args: &'v Args, i: usize) -> Result<&'v Vec<Value>, Failure> {
    let v = &*args[i];
    v.as_array().ok_or_else(|| expected(f, i, "an array", v))
}

/// The `i`-th argument as an integer (`2.0` counts; `2.5` does not).
pub fn integer(f: Function, args: &Args, i: usize) -> Result<i64, Failure> {
    let v = &*args[i];
    v.as_i64().ok_or_else(|| expected(f, i, "an integer", v))
}

/// The `i`-th argument as a number.
pub fn number(f: Function, args: &Args, i: usize) -> Result<f64, Failure> {
    let v = &*args[i];
    v.as_f64().ok_or_else(|| expected(f, i, "a number", v))
}

/// The `i`-th argument as a boolean.
pub fn boolean(f: Function, args: &Args, i: usize) -> Result<bool, Failure> {
    let v = &*args[i];
    v.as_bool().ok_or_else(|| expected(f, i, "a boolean", v))
}

/// Equality as AWS's JSON nodes compare: like JSON equality, except that an integer
/// never equals a float (`1` and `1.0` are different items).
pub fn node_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.is_int() == y.is_int() && x == y,
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| node_eq(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| node_eq(v, w)))
        }
        _ => a == b,
    }
}
