//! The JSONPath data-flow stages, as a flat list of named steps:
//! InputPath → Parameters → (result) → ResultSelector → ResultPath → OutputPath,
//! with AWS's `null` rules, plus the payload size limit.

use super::definition::{IoPath, ResultPathSpec, State};
use crate::failure::errors;
use crate::path::Scope;
use crate::rng::Rng;
use crate::path::member_index;
use crate::shared::Shared;
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

/// `ResultPath` with the size cache told how the output was made, so its bounds are
/// derived from the input's rather than measured again.
pub(crate) fn result_path_noted(sizes: &mut SizeCache, spec: &ResultPathSpec, input: &Rc<Value>, result: Rc<Value>) -> Result<Rc<Value>, Failure> {
    if let ResultPathSpec::Path(p) = spec {
        if let (Some(key), Value::Object(before)) = (p.single_member(), &**input) {
            return Ok(write_member(sizes, before, key, result));
        }
    }
    result_path(spec, input, result)
}

/// A one-step ResultPath (`$.key`) on an object, the most common kind: the member is
/// looked up once, for both the write and the size note.
fn write_member(sizes: &mut SizeCache, before: &Shared<Map>, key: &str, result: Rc<Value>) -> Rc<Value> {
    let result = Rc::try_unwrap(result).unwrap_or_else(|r| (*r).clone());
    let index = member_index(before, key);
    let mut map = Map::clone(before);
    let at = match index.and_then(|i| map.get_index_mut(i)) {
        Some((_, slot)) => {
            *slot = result;
            index
        }
        None => Some(map.insert_full(key.into(), result).0),
    };
    let after = Shared::new(map);
    let previous = index.and_then(|i| before.get_index(i)).map(|(_, v)| v);
    if let Some((_, value)) = at.and_then(|i| after.get_index(i)) {
        sizes.note_member_write(before, &after, key, previous, value);
    }
    Rc::new(Value::Object(after))
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
