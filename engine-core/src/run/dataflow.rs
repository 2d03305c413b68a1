//! The JSONPath data-flow stages, as a flat list of named steps:
//! InputPath → Parameters → (result) → ResultSelector → ResultPath → OutputPath,
//! with AWS's `null` rules, plus the payload size limit.

use super::definition::{IoPath, ResultPathSpec, State};
use crate::failure::errors;
use crate::path::Scope;
use crate::rng::Rng;
use crate::{Failure, Map, Value};
pub(crate) use super::size::json_size_exceeds;
use super::size::SizeCache;
use alloc::format;
use alloc::rc::Rc;

/// What `$$` and `$name` read during a state's evaluation.
pub(crate) struct Env<'a> {
    pub context: &'a Value,
    pub variables: &'a Map,
}

impl Env<'_> {
    pub fn scope<'s>(&'s self, input: &'s Value) -> Scope<'s> {
        Scope { input, context: self.context, variables: self.variables }
    }
}

/// `InputPath` / `OutputPath`: absent keeps the value, `null` gives `{}`.
pub(crate) fn io_path(spec: &IoPath, value: &Rc<Value>, env: &Env) -> Result<Rc<Value>, Failure> {
    match spec {
        IoPath::Whole => Ok(value.clone()),
        IoPath::Null => Ok(Rc::new(Value::object())),
        IoPath::Path(p) => p.select(&env.scope(value)).map(Rc::new),
    }
}

/// `Parameters` (or a Map's `ItemSelector`): the template applied to the effective input.
pub(crate) fn parameters(state: &State, effective: Rc<Value>, env: &Env, rng: &mut Rng) -> Result<Rc<Value>, Failure> {
    match &state.parameters {
        None => Ok(effective),
        Some(t) => t.apply(&env.scope(&effective), rng).map(Rc::new),
    }
}

/// `ResultSelector` on a Task/Map/Parallel result.
pub(crate) fn result_selector(state: &State, result: Rc<Value>, env: &Env, rng: &mut Rng) -> Result<Rc<Value>, Failure> {
    match &state.result_selector {
        None => Ok(result),
        Some(t) => t.apply(&env.scope(&result), rng).map(Rc::new),
    }
}

/// `ResultPath`: absent replaces the input, `null` discards the result.
pub(crate) fn result_path(spec: &ResultPathSpec, input: &Rc<Value>, result: Rc<Value>) -> Result<Rc<Value>, Failure> {
    match spec {
        ResultPathSpec::Whole => Ok(result),
        ResultPathSpec::Discard => Ok(input.clone()),
        ResultPathSpec::Path(p) => {
            let result = Rc::try_unwrap(result).unwrap_or_else(|r| (*r).clone());
            p.apply((**input).clone(), result).map(Rc::new)
        }
    }
}

/// Lets the size cache derive the bounds of a ResultPath's output from its input's.
pub(crate) fn note_result_path(sizes: &mut SizeCache, spec: &ResultPathSpec, input: &Value, output: &Value, result: &Value) {
    if let ResultPathSpec::Path(p) = spec {
        if let Some(key) = p.single_member() {
            sizes.note_member_write(input, output, key, result);
        }
    }
}

/// Fails with States.DataLimitExceeded when `value`'s JSON text is over `limit` bytes.
pub(crate) fn check_size(sizes: &mut SizeCache, value: &Value, limit: usize, who: &str) -> Result<(), Failure> {
    if sizes.exceeds(value, limit) {
        return Err(Failure::new(
            errors::DATA_LIMIT_EXCEEDED,
            format!("The state/task '{who}' returned a result with a size exceeding the maximum number of bytes service limit."),
        ));
    }
    Ok(())
}
