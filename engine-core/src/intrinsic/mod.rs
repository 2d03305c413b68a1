//! Intrinsic functions (`States.Format('{}', $.a)` …): parsed once, evaluated against a
//! scope. One file per family; failures are `States.IntrinsicFailure` naming the
//! function, except a path argument that matches nothing, which is the
//! `States.Runtime` miss every JSONPath field reports.

mod args;
mod array;
mod encoding;
mod hash;
mod json_ops;
mod math;
mod parse;
mod string;
mod unique_id;

pub use parse::{Arg, Call, Piece};

use crate::path::Scope;
use crate::rng::Rng;
use crate::{Failure, Value};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// Why an intrinsic call's text was rejected, and at which byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntrinsicSyntaxError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for IntrinsicSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at offset {}", self.message, self.offset)
    }
}

/// The 18 intrinsic functions, named as AWS names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Format,
    StringToJson,
    JsonToString,
    Array,
    ArrayPartition,
    ArrayContains,
    ArrayRange,
    ArrayGetItem,
    ArrayLength,
    ArrayUnique,
    Base64Encode,
    Base64Decode,
    Hash,
    JsonMerge,
    MathRandom,
    MathAdd,
    StringSplit,
    Uuid,
}

impl Function {
    const ALL: [(&'static str, Function, usize, usize); 18] = [
        ("States.Format", Function::Format, 1, usize::MAX),
        ("States.StringToJson", Function::StringToJson, 1, 1),
        ("States.JsonToString", Function::JsonToString, 1, 1),
        ("States.Array", Function::Array, 0, usize::MAX),
        ("States.ArrayPartition", Function::ArrayPartition, 2, 2),
        ("States.ArrayContains", Function::ArrayContains, 2, 2),
        ("States.ArrayRange", Function::ArrayRange, 3, 3),
        ("States.ArrayGetItem", Function::ArrayGetItem, 2, 2),
        ("States.ArrayLength", Function::ArrayLength, 1, 1),
        ("States.ArrayUnique", Function::ArrayUnique, 1, 1),
        ("States.Base64Encode", Function::Base64Encode, 1, 1),
        ("States.Base64Decode", Function::Base64Decode, 1, 1),
        ("States.Hash", Function::Hash, 2, 2),
        ("States.JsonMerge", Function::JsonMerge, 3, 3),
        ("States.MathRandom", Function::MathRandom, 2, 3),
        ("States.MathAdd", Function::MathAdd, 2, 2),
        ("States.StringSplit", Function::StringSplit, 2, 2),
        ("States.UUID", Function::Uuid, 0, 0),
    ];

    /// The function called `name` (`States.Format`), if any.
    pub fn from_name(name: &str) -> Option<Function> {
        Self::ALL.iter().find(|(n, ..)| *n == name).map(|(_, f, ..)| *f)
    }

    /// The name as written in definitions.
    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, f, ..)| *f == self).map_or("", |(n, ..)| n)
    }

    fn arity(self) -> (usize, usize) {
        Self::ALL.iter().find(|(_, f, ..)| *f == self).map_or((0, 0), |(_, _, lo, hi)| (*lo, *hi))
    }
}

/// True when `text` looks like an intrinsic call: `States.` followed by a name and `(`.
pub fn is_intrinsic(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("States.") && t.contains('(')
}

/// A compiled intrinsic function call.
#[derive(Clone, Debug)]
pub struct Intrinsic {
    text: String,
    call: Call,
}

impl Intrinsic {
    /// Parse and check a call (function names and argument counts).
    pub fn compile(text: &str) -> Result<Intrinsic, IntrinsicSyntaxError> {
        let call = parse::parse_call(text)?;
        check_arity(&call)?;
        Ok(Intrinsic { text: text.into(), call })
    }

    /// The call as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The parsed call tree.
    pub fn call(&self) -> &Call {
        &self.call
    }

    /// Evaluate the call. A path argument that matches nothing fails like an
    /// InputPath miss (`Invalid path '…' : …`).
    pub fn evaluate(&self, scope: &Scope, rng: &mut Rng) -> Result<Value, Failure> {
        evaluate_call(&self.call, scope, rng, None)
    }

    /// Evaluate for a named field (`key.$`, `ErrorPath`): a path argument that matches
    /// nothing fails with "The JSONPath … specified for the field `field` …".
    pub fn evaluate_for_field(&self, scope: &Scope, rng: &mut Rng, field: &str) -> Result<Value, Failure> {
        evaluate_call(&self.call, scope, rng, Some(field))
    }
}

fn check_arity(call: &Call) -> Result<(), IntrinsicSyntaxError> {
    let (lo, hi) = call.function.arity();
    let n = call.args.len();
    if n < lo || n > hi {
        return Err(IntrinsicSyntaxError {
            offset: 0,
            message: alloc::format!(
                "{} takes {} argument(s), {} given",
                call.function.name(),
                if lo == hi { alloc::format!("{lo}") } else if hi == usize::MAX { alloc::format!("at least {lo}") } else { alloc::format!("{lo} to {hi}") },
                n
            ),
        });
    }
    for arg in &call.args {
        if let Arg::Call(inner) = arg {
            check_arity(inner)?;
        }
    }
    Ok(())
}

fn evaluate_call(call: &Call, scope: &Scope, rng: &mut Rng, field: Option<&str>) -> Result<Value, Failure> {
    let mut values: Vec<Cow<Value>> = Vec::with_capacity(call.args.len());
    for arg in &call.args {
        values.push(match arg {
            Arg::Literal(v) => Cow::Borrowed(v),
            Arg::Text { value, .. } => Cow::Borrowed(value),
            Arg::Path(p) => match field {
                Some(f) => p.select_cow_for_field(scope, f)?,
                None => p.select_cow(scope)?,
            },
            Arg::Call(inner) => Cow::Owned(evaluate_call(inner, scope, rng, field)?),
        });
    }
    let f = call.function;
    match f {
        Function::Format => string::format(call, &values),
        Function::StringSplit => string::split(&values),
        Function::StringToJson => json_ops::string_to_json(&values),
        Function::JsonToString => json_ops::json_to_string(&values),
        Function::JsonMerge => json_ops::json_merge(&values),
        Function::Array => Ok(Value::array(values.into_iter().map(Cow::into_owned).collect())),
        Function::ArrayPartition => array::partition(&values),
        Function::ArrayContains => array::contains(&values),
        Function::ArrayRange => array::range(&values),
        Function::ArrayGetItem => array::get_item(&values),
        Function::ArrayLength => array::length(&values),
        Function::ArrayUnique => array::unique(&values),
        Function::Base64Encode => encoding::encode(&values),
        Function::Base64Decode => encoding::decode(&values),
        Function::Hash => hash::hash(&values),
        Function::MathRandom => math::random(&values, rng),
        Function::MathAdd => math::add(&values),
        Function::Uuid => Ok(unique_id::uuid(rng)),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::Intrinsic;
    use crate::json::parse_value;
    use crate::path::Scope;
    use crate::rng::Rng;
    use crate::{Failure, Map, Value};

    /// Compile and evaluate `call` against `input` (JSON text).
    pub fn eval(call: &str, input: &str) -> Result<Value, Failure> {
        let input = parse_value(input).unwrap();
        let ctx = Value::object();
        let vars = Map::default();
        let scope = Scope { input: &input, context: &ctx, variables: &vars };
        Intrinsic::compile(call).unwrap().evaluate(&scope, &mut Rng::seeded(3))
    }

    /// Assert the call gives `want` (JSON text).
    pub fn ok(call: &str, input: &str, want: &str) {
        assert_eq!(eval(call, input).unwrap(), parse_value(want).unwrap(), "{call}");
    }

    /// Assert the call fails with States.IntrinsicFailure naming its function.
    pub fn fails(call: &str, input: &str) {
        let f = eval(call, input).unwrap_err();
        assert_eq!(f.error_name(), "States.IntrinsicFailure", "{call}: {f:?}");
        let name = &call[..call.find('(').unwrap_or(0)];
        assert!(f.cause.as_deref().unwrap_or("").contains(name), "{call}: {f:?}");
    }
}
