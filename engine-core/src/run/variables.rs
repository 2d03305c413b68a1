//! Workflow variables (`Assign`, read back as `$name`): AWS's name rules, the static
//! scope rule, evaluation with the size limits, and the per-execution accounting.
//!
//! Scopes (documented rule): the machine is the outer scope; every Parallel branch and
//! every Map iteration starts a scope that reads the enclosing one's variables but may
//! not assign a name the enclosing scopes' states or Choice rules assign (checked when
//! the definition is compiled; names only Catchers assign do not count, as AWS accepts
//! them); siblings never see each other's variables; a distributed Map's iterations
//! start empty. A scope's variables are dropped when its branch or iteration ends.

use super::dataflow::json_size_exceeds;
use super::definition::{DefinitionError, MAX_NESTING};
use crate::failure::errors;
use crate::path::{Scope, Template};
use crate::rng::Rng;
use crate::{Failure, Map, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The largest value one variable may hold (bytes of JSON text).
pub const MAX_VARIABLE_BYTES: usize = 262_144;
/// The largest total one `Assign` may write.
pub const MAX_ASSIGN_BYTES: usize = 262_144;
/// The largest total of all live variables in one execution.
pub const MAX_EXECUTION_VARIABLE_BYTES: usize = 10 * 1024 * 1024;

/// AWS's rule for variable names: a letter first, then letters, digits or `_`, at most
/// 80 characters, and not the reserved `states`.
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_alphabetic());
    if !first_ok || !chars.all(|c| c.is_alphanumeric() || c == '_') {
        return Err(format!("'{name}' is not a valid variable name (a letter, then letters, digits or '_')"));
    }
    if name.chars().count() > 80 {
        return Err(format!("the variable name '{name}' is longer than 80 characters"));
    }
    if name == "states" {
        return Err(String::from("'states' is a reserved name and cannot be assigned"));
    }
    Ok(())
}

/// Names an `Assign` object writes.
fn names(assign: Option<&Value>) -> impl Iterator<Item = &str> {
    assign.and_then(Value::as_object).into_iter().flat_map(|m| m.keys().map(|k| k.strip_suffix(".$").unwrap_or(k)))
}

/// Every (name, pointer, by a catcher) a graph's own states assign (state, Choice rules, catchers).
fn assigned_in(graph: &Value, at: &str) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    let Some(states) = graph.get("States").and_then(Value::as_object) else { return out };
    for (state_name, body) in states {
        let ptr = format!("{at}/States/{state_name}");
        out.extend(names(body.get("Assign")).map(|n| (n.to_string(), format!("{ptr}/Assign"), false)));
        for key in ["Choices", "Catch"] {
            for (i, item) in body.get(key).and_then(Value::as_array).into_iter().flatten().enumerate() {
                out.extend(names(item.get("Assign")).map(|n| (n.to_string(), format!("{ptr}/{key}/{i}/Assign"), key == "Catch")));
            }
        }
    }
    out
}

/// The static scope rule: an inner scope may not assign a name an enclosing scope assigns.
pub(crate) fn check_scopes(definition: &Value) -> Result<(), DefinitionError> {
    walk(definition, "", &[], 0)
}

fn walk(graph: &Value, at: &str, outer: &[String], depth: usize) -> Result<(), DefinitionError> {
    if depth > MAX_NESTING {
        return Ok(()); // compile_graph already rejected it
    }
    let here = assigned_in(graph, at);
    if let Some((name, ptr, _)) = here.iter().find(|(n, _, _)| outer.contains(n)) {
        return Err(DefinitionError {
            pointer: ptr.clone(),
            message: format!("the variable '{name}' is assigned in an enclosing scope; a Parallel branch or Map iteration cannot assign it"),
        });
    }
    // A Parallel or Map state's own catcher may assign a name its branches assign too
    // (AWS accepts it: error_output_variables, PARALLEL_CATCH_ERROR_VARIABLE_SAMPLING),
    // so catchers' names do not bind the inner scopes.
    let mut visible: Vec<String> = outer.to_vec();
    visible.extend(here.into_iter().filter(|(_, _, by_catcher)| !by_catcher).map(|(n, _, _)| n));
    let Some(states) = graph.get("States").and_then(Value::as_object) else { return Ok(()) };
    for (state_name, body) in states {
        let ptr = format!("{at}/States/{state_name}");
        for (i, branch) in body.get("Branches").and_then(Value::as_array).into_iter().flatten().enumerate() {
            walk(branch, &format!("{ptr}/Branches/{i}"), &visible, depth + 1)?;
        }
        let processor = body.get("ItemProcessor").map(|p| ("ItemProcessor", p)).or_else(|| body.get("Iterator").map(|p| ("Iterator", p)));
        if let Some((key, p)) = processor {
            let distributed = p.get("ProcessorConfig").and_then(|c| c.get("Mode")).and_then(Value::as_str) == Some("DISTRIBUTED");
            walk(p, &format!("{ptr}/{key}"), if distributed { &[] } else { &visible }, depth + 1)?;
        }
    }
    Ok(())
}

/// The JSON text size of a value (what the limits measure).
pub(crate) fn size_of(v: &Value) -> usize {
    v.to_json().len()
}

fn too_large(cause: String) -> Failure {
    Failure::new(errors::DATA_LIMIT_EXCEEDED, cause)
}

/// Evaluates an `Assign` against `scope` (state-entry variables) and checks the limits:
/// 256 KiB per variable and per `Assign`, 10 MiB for the execution (`live_bytes` now,
/// of which `own` is what this scope's current values of the same names take).
/// Returns the values to write and the change in the execution's total.
pub(crate) fn evaluate(template: &Template, scope: &Scope, rng: &mut Rng, live_bytes: usize) -> Result<(Map, isize), Failure> {
    let values = match template.apply(scope, rng)? {
        Value::Object(m) => crate::shared::Shared::unwrap_or_clone(m),
        other => return Err(Failure::runtime(format!("Assign must evaluate to an object, got {}", other.to_json()))),
    };
    check_limits(values, scope.variables, live_bytes)
}

/// Checks evaluated `Assign` values against the limits (`variables` are the current
/// ones, `live_bytes` the execution's total); returns them with the change in the total.
pub(crate) fn check_limits(values: Map, variables: &Map, live_bytes: usize) -> Result<(Map, isize), Failure> {
    let mut total = 0usize;
    let mut delta = 0isize;
    for (name, value) in &values {
        if json_size_exceeds(value, MAX_VARIABLE_BYTES) {
            return Err(too_large(format!(
                "The variable '{name}' has a size exceeding the maximum number of bytes service limit ({MAX_VARIABLE_BYTES} bytes)."
            )));
        }
        let size = size_of(value);
        total += size;
        let old = variables.get(name).map_or(0, size_of);
        delta += size as isize - old as isize;
    }
    if total > MAX_ASSIGN_BYTES {
        return Err(too_large(format!(
            "The variables assigned by this state have a combined size exceeding the maximum number of bytes service limit ({MAX_ASSIGN_BYTES} bytes)."
        )));
    }
    if live_bytes as isize + delta > MAX_EXECUTION_VARIABLE_BYTES as isize {
        return Err(too_large(format!(
            "The execution's variables have a combined size exceeding the maximum number of bytes service limit ({MAX_EXECUTION_VARIABLE_BYTES} bytes)."
        )));
    }
    Ok((values, delta))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    #[test]
    fn names_follow_aws_rules() {
        assert!(check_name("x").is_ok());
        assert!(check_name("résumé_2").is_ok());
        assert!(check_name("states").is_err());
        assert!(check_name("2x").is_err());
        assert!(check_name("a.b").is_err());
        assert!(check_name(&"a".repeat(81)).is_err());
    }

    #[test]
    fn inner_scope_cannot_assign_outer_names() {
        let inner = |mode: &str| {
            parse_value(&format!(
                r#"{{"StartAt":"A","States":{{"A":{{"Type":"Pass","Assign":{{"x":1}},"Next":"M"}},
                "M":{{"Type":"Map","End":true,"ItemProcessor":{{"ProcessorConfig":{{"Mode":"{mode}"}},"StartAt":"B",
                "States":{{"B":{{"Type":"Pass","Assign":{{"x.$":"$"}},"End":true}}}}}}}}}}}}"#
            ))
            .unwrap()
        };
        let e = check_scopes(&inner("INLINE")).unwrap_err();
        assert_eq!(e.pointer, "/States/M/ItemProcessor/States/B/Assign");
        // A distributed Map's iterations have their own, unrelated scope.
        assert!(check_scopes(&inner("DISTRIBUTED")).is_ok());
    }
}
