//! Which state machines a pasted document holds, and each one's definition text.

use super::intrinsics::{replace_placeholders, resolve_text};
use crate::json::write_pretty;
use crate::Value;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

const STATE_MACHINE_TYPES: [&str; 2] = [
    "AWS::StepFunctions::StateMachine",
    "AWS::Serverless::StateMachine",
];

/// Where a template keeps the definition it was imported from; export writes it back there.
#[derive(Clone, Debug, PartialEq)]
pub enum DefinitionSource {
    /// The pasted document is the definition itself.
    Bare,
    /// `Properties.Definition` (an object in the template).
    Definition,
    /// `Properties.DefinitionString` (a string, or built with `Fn::Sub` / `Fn::Join`).
    DefinitionString,
}

/// One state machine found in a pasted document.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedMachine {
    /// The template's logical id, or `None` for a bare definition.
    pub logical_id: Option<String>,
    /// `StateMachineName` (`Name` for SAM), when the template gives a literal one.
    pub name: Option<String>,
    pub source: DefinitionSource,
    /// The definition as text: a `DefinitionString` keeps its own formatting.
    pub definition_text: String,
    /// What the person should know: placeholders left for deploy-time values, and so on.
    pub notes: Vec<String>,
}

/// Why nothing could be imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    /// JSON Pointer of the offending place in the pasted document.
    pub pointer: String,
    pub message: String,
}

/// Every state machine in `document`: itself when it is a definition, or each
/// `AWS::StepFunctions::StateMachine` / `AWS::Serverless::StateMachine` resource of a
/// template, in template order. Machines whose definition lives elsewhere
/// (`DefinitionUri`, `DefinitionS3Location`) are reported as errors naming the file.
pub fn find_state_machines(document: &Value) -> Result<Vec<ImportedMachine>, ImportError> {
    if document.get("States").is_some() || document.get("StartAt").is_some() {
        return Ok(alloc::vec![ImportedMachine {
            logical_id: None,
            name: None,
            source: DefinitionSource::Bare,
            definition_text: write_pretty(document),
            notes: Vec::new(),
        }]);
    }
    let Some(resources) = document.get("Resources").and_then(Value::as_object) else {
        return Err(ImportError {
            pointer: String::new(),
            message: "neither a state machine definition (no \"StartAt\"/\"States\") nor a CloudFormation template (no \"Resources\")".into(),
        });
    };
    let mut machines = Vec::new();
    let mut first_error = None;
    for (logical_id, resource) in resources {
        let is_state_machine = resource
            .get("Type")
            .and_then(Value::as_str)
            .is_some_and(|t| STATE_MACHINE_TYPES.contains(&t));
        if !is_state_machine {
            continue;
        }
        match import_resource(logical_id, resource) {
            Ok(machine) => machines.push(machine),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match (machines.is_empty(), first_error) {
        (false, _) => Ok(machines),
        (true, Some(e)) => Err(e),
        (true, None) => Err(ImportError {
            pointer: "/Resources".into(),
            message: "the template has no AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine resource".into(),
        }),
    }
}

fn import_resource(logical_id: &str, resource: &Value) -> Result<ImportedMachine, ImportError> {
    let pointer = format!("/Resources/{}/Properties", escape_pointer(logical_id));
    let empty = Value::object();
    let properties = resource.get("Properties").unwrap_or(&empty);
    let substitutions = properties
        .get("DefinitionSubstitutions")
        .and_then(Value::as_object);
    let name = properties
        .get("StateMachineName")
        .or_else(|| properties.get("Name"))
        .and_then(Value::as_str)
        .map(String::from);
    let (source, raw_text) = if let Some(definition) = properties.get("Definition") {
        (DefinitionSource::Definition, write_pretty(definition))
    } else if let Some(string) = properties.get("DefinitionString") {
        let text = resolve_text(string, 0).ok_or_else(|| ImportError {
            pointer: format!("{pointer}/DefinitionString"),
            message: "DefinitionString is neither a string nor built with Fn::Sub / Fn::Join"
                .into(),
        })?;
        (DefinitionSource::DefinitionString, text)
    } else if let Some(uri) = properties
        .get("DefinitionUri")
        .or_else(|| properties.get("DefinitionS3Location"))
    {
        let file = resolve_text(uri, 0)
            .or_else(|| uri.get("Key").and_then(Value::as_str).map(String::from))
            .unwrap_or_default();
        return Err(ImportError {
            pointer: format!("{pointer}/DefinitionUri"),
            message: format!("{logical_id} keeps its definition in a separate file ({file}): open that file instead"),
        });
    } else {
        return Err(ImportError {
            pointer,
            message: format!("{logical_id} has no Definition, DefinitionString or DefinitionUri"),
        });
    };
    let definition_text = match substitutions {
        Some(vars) => replace_placeholders(&raw_text, vars, 0),
        None => raw_text,
    };
    let notes = unresolved_placeholders(&definition_text)
        .into_iter()
        .map(|p| format!("${{{p}}} is a deploy-time value; it stays a placeholder here"))
        .collect();
    Ok(ImportedMachine {
        logical_id: Some(logical_id.into()),
        name,
        source,
        definition_text,
        notes,
    })
}

fn unresolved_placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !found.contains(&name) {
            found.push(name);
        }
        rest = &after[end + 1..];
    }
    found
}

fn escape_pointer(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
