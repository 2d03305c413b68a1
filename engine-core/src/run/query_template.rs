//! JSONata-mode field values: any JSON value whose strings may be `{% expression %}`.
//! Compiled once into a tree of constants and parsed expressions; evaluation fills the
//! expressions in and names the failing field as AWS does.
//!
//! A string is an expression only when it starts with `{%` and ends with `%}` exactly;
//! anything around the delimiters (even a space) makes it a literal.

use super::query_error::{self, QueryFailure};
use super::states_binding::QueryScope;
use crate::jsonata::Expression;
use crate::Value;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

/// Deepest value nesting accepted, so hostile definitions cannot exhaust the stack.
const MAX_DEPTH: usize = 256;

/// One parsed `{% … %}` expression and its source (trimmed, as AWS quotes it in causes).
pub(crate) struct QueryExpression {
    pub text: String,
    pub expression: Expression,
}

impl fmt::Debug for QueryExpression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{% {} %}}", self.text)
    }
}

/// A compiled field value.
#[derive(Debug)]
pub(crate) enum QueryValue {
    /// No expression anywhere below: used as is.
    Constant(Value),
    Expression(Rc<QueryExpression>),
    Array(Vec<QueryValue>),
    Object(Vec<(String, QueryValue)>),
}

/// The source of `s` when it is a `{% … %}` expression.
pub(crate) fn expression_text(s: &str) -> Option<&str> {
    s.strip_prefix("{%")
        .and_then(|r| r.strip_suffix("%}"))
        .map(str::trim)
}

/// Whether `v` holds an expression anywhere.
fn has_expression(v: &Value, depth: usize) -> bool {
    match v {
        Value::String(s) => expression_text(s).is_some(),
        Value::Array(a) => depth < MAX_DEPTH && a.iter().any(|x| has_expression(x, depth + 1)),
        Value::Object(m) => depth < MAX_DEPTH && m.values().any(|x| has_expression(x, depth + 1)),
        _ => false,
    }
}

impl QueryValue {
    /// Compiles a field value; `Err` carries a JSON-Pointer suffix and a message.
    pub fn compile(v: &Value) -> Result<QueryValue, (String, String)> {
        compile_at(v, &mut String::new(), 0)
    }

    /// Whether any expression below mentions `name` (a cheap textual test, e.g. for
    /// `$states` so the context object is built only when read).
    pub fn mentions(&self, name: &str) -> bool {
        match self {
            QueryValue::Constant(_) => false,
            QueryValue::Expression(e) => e.text.contains(name),
            QueryValue::Array(a) => a.iter().any(|x| x.mentions(name)),
            QueryValue::Object(m) => m.iter().any(|(_, x)| x.mentions(name)),
        }
    }

    /// The value with every expression evaluated; `field` names this value for causes
    /// (`Output`, `Assign/x`, …).
    pub fn evaluate(&self, field: &str, scope: &mut QueryScope) -> Result<Value, QueryFailure> {
        let mut at = String::from(field);
        self.evaluate_at(&mut at, scope)
    }

    fn evaluate_at(&self, at: &mut String, scope: &mut QueryScope) -> Result<Value, QueryFailure> {
        match self {
            QueryValue::Constant(v) => Ok(v.clone()),
            QueryValue::Expression(e) => evaluate_expression(e, at, scope),
            QueryValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let len = at.len();
                    at.push_str(&format!("[{i}]"));
                    out.push(item.evaluate_at(at, scope)?);
                    at.truncate(len);
                }
                Ok(Value::from(out))
            }
            QueryValue::Object(members) => {
                let mut out = crate::Map::default();
                for (key, item) in members {
                    let len = at.len();
                    at.push('/');
                    at.push_str(key);
                    out.insert(key.clone(), item.evaluate_at(at, scope)?);
                    at.truncate(len);
                }
                Ok(Value::from(out))
            }
        }
    }
}

/// Evaluates one expression: nothing (undefined) and errors fail the field.
pub(crate) fn evaluate_expression(
    e: &QueryExpression,
    field: &str,
    scope: &mut QueryScope,
) -> Result<Value, QueryFailure> {
    match e.expression.evaluate(None, &mut scope.env) {
        Ok(Some(v)) => Ok(v),
        Ok(None) if yields_function(&e.text, scope) => {
            Err(query_error::unsupported(&e.text, field))
        }
        Ok(None) => Err(query_error::undefined(&e.text, field)),
        Err(err) => Err(query_error::thrown(&e.text, field, &err.code, &err.message)),
    }
}

/// An optional field that must evaluate to `kind` (e.g. "a positive integer"), as `read` takes it.
pub(crate) fn typed_field<T>(
    v: Option<&QueryValue>,
    field: &str,
    kind: &str,
    scope: &mut QueryScope,
    read: impl Fn(&Value) -> Option<T>,
) -> Result<Option<T>, QueryFailure> {
    let Some(v) = v else { return Ok(None) };
    let value = v.evaluate(field, scope)?;
    match read(&value) {
        Some(t) => Ok(Some(t)),
        None => Err(QueryFailure::at(
            field,
            format!(
                "The {field} field must be {kind}, but was: {}",
                value.to_json()
            ),
        )),
    }
}

/// Whether an expression that gave no JSON gave a function (which JSON cannot hold),
/// asked of `$type` on the failure path only.
fn yields_function(text: &str, scope: &mut QueryScope) -> bool {
    let Ok(probe) = Expression::parse(&format!("$type(({text}))")) else {
        return false;
    };
    matches!(probe.evaluate(None, &mut scope.env), Ok(Some(Value::String(t))) if t == "function")
}

fn compile_at(v: &Value, at: &mut String, depth: usize) -> Result<QueryValue, (String, String)> {
    if depth > MAX_DEPTH {
        return Err((at.clone(), String::from("value nested too deeply")));
    }
    if !has_expression(v, 0) {
        return Ok(QueryValue::Constant(v.clone()));
    }
    Ok(match v {
        Value::String(s) => {
            let text = expression_text(s).unwrap_or("");
            let expression = Expression::parse(text).map_err(|e| {
                (
                    at.clone(),
                    format!(
                        "invalid JSONata expression '{text}': {} {}",
                        e.code, e.message
                    ),
                )
            })?;
            QueryValue::Expression(Rc::new(QueryExpression {
                text: text.to_string(),
                expression,
            }))
        }
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let len = at.len();
                at.push_str(&format!("/{i}"));
                out.push(compile_at(item, at, depth + 1)?);
                at.truncate(len);
            }
            QueryValue::Array(out)
        }
        Value::Object(m) => {
            let mut out = Vec::with_capacity(m.len());
            for (key, item) in m.iter() {
                let len = at.len();
                at.push('/');
                at.push_str(&key.replace('~', "~0").replace('/', "~1"));
                out.push((key.clone(), compile_at(item, at, depth + 1)?));
                at.truncate(len);
            }
            QueryValue::Object(out)
        }
        other => QueryValue::Constant(other.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // AWS keeps " {% states.input %} " as a literal (recorded: outputdecl BASE_LITERALS).
    #[test]
    fn only_exact_delimiters_make_an_expression() {
        assert_eq!(
            expression_text("{% $states.input %}"),
            Some("$states.input")
        );
        assert_eq!(expression_text("{%$x%}"), Some("$x"));
        assert_eq!(expression_text(" {% states.input %} "), None);
        assert_eq!(expression_text("$states.input"), None);
        assert_eq!(expression_text("{% x %} "), None);
    }
}
