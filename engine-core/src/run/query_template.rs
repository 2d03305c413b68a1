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
    Object(Vec<(crate::Key, QueryValue)>),
}

/// The source of `s` when it is a `{% … %}` expression.
pub(crate) fn expression_text(s: &str) -> Option<&str> {
    s.strip_prefix("{%")
        .and_then(|r| r.strip_suffix("%}"))
        .map(str::trim)
}

/// The `$name`s an expression's text mentions (variables, functions and local
/// bindings alike; a superset of the workflow variables it reads, since JSONata has
/// no other way to reach a variable).
pub(crate) fn mentioned_names(text: &str, out: &mut Vec<String>) {
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let tail = &rest[at + 1..];
        let end = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        if end > 0 && !out.iter().any(|n| n == &tail[..end]) {
            out.push(tail[..end].to_string());
        }
        rest = &tail[end..];
    }
}

/// Whether an expression's text may read `$states.context` (any use of `$states` other
/// than `.input`, `.result` or `.errorOutput`), so the context object is built only then.
pub(crate) fn may_read_context(text: &str) -> bool {
    text.match_indices("$states").any(|(at, m)| {
        let tail = &text[at + m.len()..];
        let member = [".input", ".result", ".errorOutput"]
            .into_iter()
            .find(|p| tail.starts_with(p));
        match member {
            // `$states.inputs` is not `$states.input`.
            Some(p) => tail[p.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'),
            None => true,
        }
    })
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

    /// Calls `f` with every expression below.
    pub fn for_each_expression(&self, f: &mut dyn FnMut(&QueryExpression)) {
        match self {
            QueryValue::Constant(_) => {}
            QueryValue::Expression(e) => f(e),
            QueryValue::Array(a) => a.iter().for_each(|x| x.for_each_expression(f)),
            QueryValue::Object(m) => m.iter().for_each(|(_, x)| x.for_each_expression(f)),
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

    #[test]
    fn names_and_context_reads_are_found_in_the_text() {
        let mut names = Vec::new();
        mentioned_names("$sum($states.input.v) + $var_1 + $résumé", &mut names);
        assert_eq!(names, ["sum", "states", "var_1", "résumé"]);
        assert!(!may_read_context("$states.input.a & $states.result"));
        assert!(may_read_context("$states.context.Execution.Id"));
        assert!(may_read_context("$keys($states)"));
        assert!(may_read_context("$states.inputs"));
    }
}
