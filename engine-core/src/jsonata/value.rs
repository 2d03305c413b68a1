//! The evaluator's values: JSON plus functions, with the sequence flags JSONata's
//! flattening and singleton rules depend on. `None` (an absent `Option<JValue>`) is
//! JSONata's `undefined`.

use super::ast::LambdaDef;
use super::env::Frame;
use super::functions::Builtin;
use super::regex::Regex;
use crate::json::{Map, Number, Value};
use alloc::rc::Rc;
use alloc::string::String;
use crate::shared::Shared;
use alloc::vec::Vec;

/// An insertion-ordered object of evaluator values.
pub type JMap = indexmap::IndexMap<Rc<str>, JValue, hashbrown::DefaultHashBuilder>;

/// A value during evaluation.
#[derive(Clone, Debug)]
pub enum JValue {
    Null,
    Bool(bool),
    Number(f64),
    String(Rc<str>),
    Array(Rc<JArray>),
    Object(Rc<JMap>),
    Function(Rc<Function>),
}

/// An array with the flags that distinguish a result sequence from a JSON array.
#[derive(Clone, Debug, Default)]
pub struct JArray {
    pub items: Vec<JValue>,
    /// A result sequence (flattened into paths, singletons unwrapped).
    pub sequence: bool,
    /// A singleton sequence that must stay an array (`[]` after a step).
    pub keep_singleton: bool,
    /// Built by an array constructor: not flattened by a following step.
    pub cons: bool,
    /// The whole input document was an array, wrapped once.
    pub outer_wrapper: bool,
    /// A stream of binding tuples (objects with `@` and variable labels).
    pub tuple_stream: bool,
}

/// A callable value.
#[derive(Debug)]
pub enum Function {
    /// `function($x){ ... }` with its defining environment.
    Lambda {
        def: Rc<LambdaDef>,
        input: Option<JValue>,
        frame: Rc<Frame>,
        thunk: bool,
    },
    /// A library function.
    Builtin(&'static Builtin),
    /// A function with some arguments fixed (`$f(?, 2)`); `None` marks a `?`, `Some(None)`
    /// an argument fixed to undefined.
    Partial {
        func: JValue,
        args: Vec<Option<Option<JValue>>>,
    },
    /// `$f ~> $g` composed.
    Chain { first: JValue, second: JValue },
    /// A regular expression literal; calling it matches.
    Regex(Rc<Regex>),
    /// `| pattern | update, delete |`.
    Transform {
        def: Rc<super::ast::TransformDef>,
        frame: Rc<Frame>,
    },
}

impl JValue {
    pub fn str(s: &str) -> JValue {
        JValue::String(Rc::from(s))
    }

    pub fn string(s: String) -> JValue {
        JValue::String(Rc::from(s))
    }

    /// A plain array (not a sequence).
    pub fn array(items: Vec<JValue>) -> JValue {
        JValue::Array(Rc::new(JArray {
            items,
            ..JArray::default()
        }))
    }

    pub fn object(map: JMap) -> JValue {
        JValue::Object(Rc::new(map))
    }

    pub fn func(f: Function) -> JValue {
        JValue::Function(Rc::new(f))
    }

    pub fn as_object(&self) -> Option<&JMap> {
        match self {
            JValue::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            JValue::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            JValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn is_function(&self) -> bool {
        matches!(self, JValue::Function(_))
    }

    /// The signature symbol of a value (`s n b l a o f`).
    pub fn symbol(&self) -> char {
        match self {
            JValue::Null => 'l',
            JValue::Bool(_) => 'b',
            JValue::Number(_) => 'n',
            JValue::String(_) => 's',
            JValue::Array(_) => 'a',
            JValue::Object(_) => 'o',
            JValue::Function(_) => 'f',
        }
    }

    /// The items of an array, or the value itself as a one-item slice.
    pub fn items(&self) -> &[JValue] {
        match self {
            JValue::Array(a) => &a.items,
            other => core::slice::from_ref(other),
        }
    }
}

/// Converts runtime JSON into an evaluator value.
pub fn from_json(v: &Value) -> JValue {
    match v {
        Value::Null => JValue::Null,
        Value::Bool(b) => JValue::Bool(*b),
        Value::Number(n) => JValue::Number(n.as_f64()),
        Value::String(s) => JValue::str(s),
        Value::Array(a) => JValue::array(a.iter().map(from_json).collect()),
        Value::Object(m) => {
            let mut out = JMap::with_capacity_and_hasher(m.len(), Default::default());
            for (k, v) in m.iter() {
                out.insert(Rc::from(k.as_str()), from_json(v));
            }
            JValue::object(out)
        }
    }
}

/// Converts an evaluator value into JSON as `JSON.stringify` would: functions vanish from
/// objects and become `null` in arrays; a function result is undefined.
///
/// Each JSON node produced costs `JSON_NODE_COST` steps of `budget`; `Err(())` when it
/// runs out. Shared (`Rc`) sub-values are copied once per reference, so a small value built
/// by repeated sharing (`[[$s], [$s]]` forty times) would otherwise expand to 2^40 nodes.
pub fn to_json(v: &JValue, budget: &mut u64) -> Result<Option<Value>, ()> {
    *budget = budget.checked_sub(JSON_NODE_COST).ok_or(())?;
    Ok(Some(match v {
        JValue::Null => Value::Null,
        JValue::Bool(b) => Value::Bool(*b),
        JValue::Number(n) => Value::Number(number_to_json(*n)),
        JValue::String(s) => Value::String(String::from(&**s)),
        JValue::Array(a) => {
            let mut out = Vec::with_capacity(a.items.len());
            for i in a.items.iter() {
                out.push(to_json(i, budget)?.unwrap_or(Value::Null));
            }
            Value::Array(Shared::new(out))
        }
        JValue::Object(m) => {
            let mut out = Map::with_capacity_and_hasher(m.len(), Default::default());
            for (k, v) in m.iter() {
                if let Some(j) = to_json(v, budget)? {
                    out.insert(crate::Key::from(&**k), j);
                }
            }
            Value::Object(Shared::new(out))
        }
        JValue::Function(_) => return Ok(None),
    }))
}

/// Steps charged per JSON node built for the result: a node (an object's map entry above
/// all) is far bigger than an evaluator value, so the default budget allows about 1.25
/// million nodes (a Step Functions payload is at most 256 KiB).
const JSON_NODE_COST: u64 = 16;

/// A JavaScript number as a JSON number: integral values become integers.
pub fn number_to_json(n: f64) -> Number {
    Number::from_f64_normalized(n)
}
