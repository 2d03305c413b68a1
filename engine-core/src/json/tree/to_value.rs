//! A node as a runtime `Value`.

use super::{Document, NodeId, NodeKind};
use crate::json::{Map, Number, Value, MAX_DEPTH};
use alloc::vec::Vec;

impl Document {
    /// The runtime value of a node. Duplicate keys: the last one wins (its position is the
    /// first one's, as a map insert keeps it). Nesting beyond `json::MAX_DEPTH` becomes
    /// `null`; the parser has already reported such depth.
    pub fn to_value(&self, id: NodeId) -> Value {
        self.value_at(id, 0)
    }

    fn value_at(&self, id: NodeId, depth: usize) -> Value {
        match &self.node(id).kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number { lexeme } => Value::Number(number_of(self.slice(*lexeme))),
            NodeKind::String { decoded } => Value::String(decoded.clone()),
            _ if depth >= MAX_DEPTH => Value::Null,
            NodeKind::Array(items) => Value::array(
                items
                    .iter()
                    .map(|&item| self.value_at(item, depth + 1))
                    .collect::<Vec<_>>(),
            ),
            NodeKind::Object(members) => {
                let mut map = Map::default();
                for m in members {
                    map.insert(m.key.as_str().into(), self.value_at(m.value, depth + 1));
                }
                Value::from(map)
            }
        }
    }
}

/// A number lexeme as the runtime reads it: an integer when written as one and it fits
/// an `i64`, else a float.
pub fn number_of(lexeme: &str) -> Number {
    let is_int = !lexeme.contains(['.', 'e', 'E']);
    if is_int {
        if let Ok(i) = lexeme.parse::<i64>() {
            return Number::Int(i);
        }
    }
    Number::Float(lexeme.parse::<f64>().unwrap_or(f64::NAN))
}
