//! `$states` and the environment JSONata-mode expressions run in.
//!
//! AWS's availability rules: `$states.input` and `$states.context` everywhere;
//! `$states.result` only in a Task, Map or Parallel state's `Output` and `Assign`;
//! `$states.errorOutput` only in a Catcher's `Output` and `Assign`. Elsewhere those members
//! are absent, so an expression reading them returns nothing (and the field fails).
//! Workflow variables are bound by name beside `$states`.

use super::exec::Ctx;
use crate::jsonata::Environment;
use crate::{Map, Value};
use alloc::string::String;

/// What one evaluation's `$states` holds.
pub(crate) struct StatesBinding<'a> {
    pub input: &'a Value,
    /// `$states.context` (the `$$` object), `Null` when the state never reads it.
    pub context: Value,
    pub result: Option<&'a Value>,
    pub error_output: Option<&'a Value>,
}

impl StatesBinding<'_> {
    /// The `$states` object.
    pub fn to_value(&self) -> Value {
        let mut m = Map::default();
        m.insert("input".into(), self.input.clone());
        if !self.context.is_null() {
            m.insert("context".into(), self.context.clone());
        }
        if let Some(r) = self.result {
            m.insert("result".into(), r.clone());
        }
        if let Some(e) = self.error_output {
            m.insert("errorOutput".into(), e.clone());
        }
        Value::from(m)
    }
}

/// An environment with `$states`, the variables, the virtual clock and the execution's
/// random stream bound.
pub(crate) struct QueryScope {
    pub env: Environment,
}

/// Runs `f` with a scope for `states` and the `variables` named in `mentioned` (the
/// others cannot be read, and binding costs a conversion per evaluation); the
/// execution's random stream is lent to the scope (for `$random` and `$uuid`) and taken
/// back afterwards, so seeded runs stay deterministic.
pub(crate) fn with_scope<T>(
    ctx: &mut Ctx,
    states: &StatesBinding,
    variables: &Map,
    mentioned: &[String],
    f: impl FnOnce(&mut QueryScope) -> T,
) -> T {
    let mut env = Environment::new();
    for name in mentioned {
        if let Some(value) = variables.get(name.as_str()) {
            env.bind(name, value.clone());
        }
    }
    env.bind("states", states.to_value());
    env.now_millis = ctx.now_ms;
    env.aws_functions = true;
    core::mem::swap(&mut env.rng, &mut ctx.rng);
    let mut scope = QueryScope { env };
    let out = f(&mut scope);
    core::mem::swap(&mut scope.env.rng, &mut ctx.rng);
    out
}
