//! Payload templates (Parameters, ResultSelector, ItemSelector, legacy Map Parameters):
//! keys ending in `.$` take a path, a `$$` path, a `$var` path or an intrinsic call;
//! everything else is copied. Compiled once; literal subtrees are kept whole.

use super::{CompiledPath, Scope};
use crate::intrinsic::{is_intrinsic, Intrinsic};
use crate::rng::Rng;
use crate::{Failure, Key, Map, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

/// Deepest template nesting accepted, so hostile definitions cannot exhaust the stack.
const MAX_TEMPLATE_DEPTH: usize = 256;

/// Why a template was rejected: `at` is a JSON-Pointer-like location inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub at: String,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at {})", self.message, self.at)
    }
}

/// A compiled payload template.
#[derive(Clone, Debug)]
pub struct Template {
    root: Node,
}

#[derive(Clone, Debug)]
enum Node {
    /// A subtree without any `.$` key: copied as is.
    Literal(Value),
    Object(Vec<(Key, Node)>),
    Array(Vec<Node>),
    /// `"key.$": "$…"`; `field` is the key as written (`key.$`), for causes.
    Path { path: CompiledPath, field: String },
    Intrinsic { call: Intrinsic, field: String },
}

impl Template {
    /// Compile a template value (normally an object).
    pub fn compile(template: &Value) -> Result<Template, TemplateError> {
        let mut at = String::new();
        Ok(Template { root: compile_node(template, &mut at, 0)? })
    }

    /// Build the payload for this scope.
    pub fn apply(&self, scope: &Scope, rng: &mut Rng) -> Result<Value, Failure> {
        apply_node(&self.root, scope, rng)
    }

    /// True when the template has no `.$` key at all (its payload is a constant).
    pub fn is_constant(&self) -> bool {
        matches!(self.root, Node::Literal(_))
    }
}

fn has_dynamic(v: &Value, depth: usize) -> bool {
    if depth > MAX_TEMPLATE_DEPTH {
        return true; // let compile_node report the depth
    }
    match v {
        Value::Object(m) => m.iter().any(|(k, v)| k.ends_with(".$") || has_dynamic(v, depth + 1)),
        Value::Array(items) => items.iter().any(|v| has_dynamic(v, depth + 1)),
        _ => false,
    }
}

fn compile_node(v: &Value, at: &mut String, depth: usize) -> Result<Node, TemplateError> {
    if depth > MAX_TEMPLATE_DEPTH {
        return Err(TemplateError { at: at.clone(), message: "payload template nested too deeply".into() });
    }
    if !has_dynamic(v, depth) {
        return Ok(Node::Literal(v.clone()));
    }
    let mark = at.len();
    let node = match v {
        Value::Object(map) => {
            let mut fields = Vec::with_capacity(map.len());
            for (key, value) in map.iter() {
                at.push('/');
                push_pointer_token(at, key);
                let node = match key.strip_suffix(".$") {
                    Some(name) => (Key::from(name), compile_dynamic(key, value, at)?),
                    None => (key.clone(), compile_node(value, at, depth + 1)?),
                };
                fields.push(node);
                at.truncate(mark);
            }
            Node::Object(fields)
        }
        Value::Array(items) => {
            let mut nodes = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                at.push_str(&format!("/{i}"));
                nodes.push(compile_node(item, at, depth + 1)?);
                at.truncate(mark);
            }
            Node::Array(nodes)
        }
        other => Node::Literal(other.clone()),
    };
    Ok(node)
}

fn compile_dynamic(key: &str, value: &Value, at: &str) -> Result<Node, TemplateError> {
    let err = |message: String| TemplateError { at: at.to_string(), message };
    let Some(text) = value.as_str() else {
        return Err(err(format!("The value of the field '{key}' must be a JSONPath or an intrinsic function")));
    };
    if text.starts_with('$') {
        let path = CompiledPath::compile(text).map_err(|e| err(format!("Invalid JSONPath '{text}': {e}")))?;
        Ok(Node::Path { path, field: key.to_string() })
    } else if is_intrinsic(text) {
        let call = Intrinsic::compile(text).map_err(|e| err(format!("Invalid intrinsic function '{text}': {e}")))?;
        Ok(Node::Intrinsic { call, field: key.to_string() })
    } else {
        Err(err(format!("The value of the field '{key}' must be a JSONPath or an intrinsic function")))
    }
}

fn push_pointer_token(at: &mut String, key: &str) {
    for ch in key.chars() {
        match ch {
            '~' => at.push_str("~0"),
            '/' => at.push_str("~1"),
            c => at.push(c),
        }
    }
}

fn apply_node(node: &Node, scope: &Scope, rng: &mut Rng) -> Result<Value, Failure> {
    Ok(match node {
        Node::Literal(v) => v.clone(),
        Node::Object(fields) => {
            let mut map = Map::with_capacity_and_hasher(fields.len(), Default::default());
            for (key, child) in fields {
                map.insert(key.clone(), apply_node(child, scope, rng)?);
            }
            Value::from(map)
        }
        Node::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for child in items {
                out.push(apply_node(child, scope, rng)?);
            }
            Value::from(out)
        }
        Node::Path { path, field } => path.select_for_field(scope, field)?,
        Node::Intrinsic { call, field } => call.evaluate_for_field(scope, rng, field)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    #[test]
    fn spec_example() {
        // The ASL specification's Parameters example.
        let t = Template::compile(
            &parse_value(r#"{"flagged": true, "parts": {"first.$": "$.vals[0]", "last3.$": "$.vals[3:]"}}"#).unwrap(),
        )
        .unwrap();
        let input = parse_value(r#"{"flagged": 7, "vals": [0, 10, 20, 30, 40, 50]}"#).unwrap();
        let ctx = Value::object();
        let vars = Map::default();
        let out = t.apply(&Scope { input: &input, context: &ctx, variables: &vars }, &mut Rng::seeded(1)).unwrap();
        assert_eq!(
            out,
            parse_value(r#"{"flagged": true, "parts": {"first": 0, "last3": [30, 40, 50]}}"#).unwrap()
        );
    }

    #[test]
    fn rejects_non_path_values() {
        let e = Template::compile(&parse_value(r#"{"a": {"b.$": 3}}"#).unwrap()).unwrap_err();
        assert_eq!(e.at, "/a/b.$");
        assert!(Template::compile(&parse_value(r#"{"b.$": "plain"}"#).unwrap()).is_err());
        assert!(Template::compile(&parse_value(r#"{"b.$": "$.a["}"#).unwrap()).is_err());
    }

    #[test]
    fn constant_templates_are_detected() {
        assert!(Template::compile(&parse_value(r#"{"a": [1, {"b": 2}]}"#).unwrap()).unwrap().is_constant());
    }
}
