//! Payload templates (`"key.$"` fields). Temporary stand-in, replaced by the path branch.

use super::{CompiledPath, Scope};
use crate::intrinsic::{is_intrinsic, Intrinsic};
use crate::rng::Rng;
use crate::{Failure, Map, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// A template compile error: where (pointer-ish) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateError {
    pub at: String,
    pub message: String,
}

#[derive(Clone, Debug)]
enum Node {
    Literal(Value),
    Path(String, CompiledPath),
    Intrinsic(Intrinsic),
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
}

/// A compiled payload template.
#[derive(Clone, Debug)]
pub struct Template {
    root: Node,
}

impl Template {
    /// Compiles a template value.
    pub fn compile(template: &Value) -> Result<Template, TemplateError> {
        Ok(Template { root: compile_node(template, "", 0)? })
    }

    /// Evaluates the template against the scope.
    pub fn apply(&self, scope: &Scope, rng: &mut Rng) -> Result<Value, Failure> {
        eval(&self.root, scope, rng)
    }
}

fn compile_node(v: &Value, at: &str, depth: usize) -> Result<Node, TemplateError> {
    if depth > crate::json::MAX_DEPTH {
        return Err(TemplateError { at: at.to_string(), message: "too deep".to_string() });
    }
    Ok(match v {
        Value::Object(m) => {
            let mut fields = Vec::with_capacity(m.len());
            for (k, item) in m.iter() {
                let here = format!("{at}/{k}");
                if let Some(name) = k.strip_suffix(".$") {
                    let text = item.as_str().ok_or_else(|| TemplateError {
                        at: here.clone(),
                        message: "a '.$' field takes a string".to_string(),
                    })?;
                    let node = if is_intrinsic(text) {
                        Node::Intrinsic(Intrinsic::compile(text).map_err(|e| TemplateError {
                            at: here.clone(),
                            message: e.message,
                        })?)
                    } else {
                        let path = CompiledPath::compile(text).map_err(|e| TemplateError {
                            at: here.clone(),
                            message: e.message,
                        })?;
                        Node::Path(k.clone(), path)
                    };
                    fields.push((name.to_string(), node));
                } else {
                    fields.push((k.clone(), compile_node(item, &here, depth + 1)?));
                }
            }
            Node::Object(fields)
        }
        Value::Array(a) => Node::Array(
            a.iter().enumerate().map(|(i, x)| compile_node(x, &format!("{at}/{i}"), depth + 1)).collect::<Result<_, _>>()?,
        ),
        other => Node::Literal(other.clone()),
    })
}

fn eval(node: &Node, scope: &Scope, rng: &mut Rng) -> Result<Value, Failure> {
    Ok(match node {
        Node::Literal(v) => v.clone(),
        Node::Path(field, path) => match path.try_select(scope) {
            Some(v) => v,
            None => {
                let source = if path.is_context() { scope.context } else { scope.input };
                return Err(Failure::runtime(format!(
                    "The JSONPath '{}' specified for the field '{}' could not be found in the input '{}'",
                    path.text(),
                    field,
                    source.to_json()
                )));
            }
        },
        Node::Intrinsic(f) => f.evaluate(scope, rng)?,
        Node::Object(fields) => {
            let mut m = Map::with_capacity_and_hasher(fields.len(), Default::default());
            for (k, n) in fields {
                m.insert(k.clone(), eval(n, scope, rng)?);
            }
            Value::from(m)
        }
        Node::Array(items) => Value::array(items.iter().map(|n| eval(n, scope, rng)).collect::<Result<_, _>>()?),
    })
}
