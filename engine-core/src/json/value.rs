//! The runtime JSON value.

use super::{Key, Number};
use alloc::string::String;
use crate::shared::Shared;
use alloc::vec::Vec;

/// An insertion-ordered JSON object (key order is observable in outputs).
pub type Map = indexmap::IndexMap<Key, Value, hashbrown::DefaultHashBuilder>;

/// A JSON value. Equality is JSON equality: objects compare without regard to key order,
/// numbers by value (`1 == 1.0`).
///
/// Arrays and objects are shared (`Shared`) and copied on write, so passing a state's input
/// on, recording it in the history, or snapshotting an execution costs a reference count,
/// not a deep copy. Mutate through `as_array_mut` / `as_object_mut`.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Shared<Vec<Value>>),
    Object(Shared<Map>),
}

impl Value {
    /// An empty object.
    pub fn object() -> Value {
        Value::Object(Shared::new(Map::default()))
    }

    /// An array value.
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Shared::new(items))
    }

    /// The JSON type name as AWS and JSONata messages use it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<Number> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        self.as_number().map(Number::as_f64)
    }

    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The object's members for writing (copied first if shared).
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(Shared::make_mut(m)),
            _ => None,
        }
    }

    /// The array's items for writing (copied first if shared).
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(a) => Some(Shared::make_mut(a)),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The member `key` of an object; `None` for other values or a missing key.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    /// Compact JSON text, as AWS writes payloads into history events.
    pub fn to_json(&self) -> String {
        super::write_compact(self)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Number(Number::Int(i))
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Number(Number::Float(f))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<Vec<Value>> for Value {
    fn from(a: Vec<Value>) -> Self {
        Value::Array(Shared::new(a))
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Object(Shared::new(m))
    }
}
