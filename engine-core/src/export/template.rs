//! A template with its state machine's definition replaced by the studio's text, so a
//! definition imported from CloudFormation / SAM / CDK output goes back where it came from.

use super::yaml::to_yaml;
use crate::import::{DefinitionSource, TemplateOrigin, TextFormat};
use crate::json::{parse_value, write_compact, write_pretty};
use crate::{Map, Value};
use alloc::format;
use alloc::string::String;
use crate::shared::Shared;

/// Why the template could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateExportError {
    /// The template has no such state machine resource.
    MissingResource(String),
    /// `Definition` holds an object, so the definition text must be valid JSON.
    DefinitionNotJson(String),
}

impl core::fmt::Display for TemplateExportError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            TemplateExportError::MissingResource(id) => {
                write!(f, "the template has no resource {id}")
            }
            TemplateExportError::DefinitionNotJson(msg) => {
                write!(f, "the definition is not valid JSON: {msg}")
            }
        }
    }
}

/// The template of `origin` with its machine's definition set to `definition_text`, in the
/// template's own notation (JSON pretty-printed, or YAML with intrinsics in long form).
///
/// - `Definition` becomes the parsed definition object.
/// - `DefinitionString` becomes the text itself; when the original was built with `Fn::Sub`
///   or `Fn::Join` (whose references import turned into `${Logical.Attr}` placeholders) it
///   becomes `{"Fn::Sub": text}`, which resolves those placeholders at deploy time again.
/// - String values equal to a `DefinitionSubstitutions` value turn back into `${key}`.
pub fn replace_definition(
    origin: &TemplateOrigin,
    definition_text: &str,
) -> Result<String, TemplateExportError> {
    let mut template = origin.template.clone();
    let missing = || TemplateExportError::MissingResource(origin.logical_id.clone());
    let properties = template
        .as_object_mut()
        .and_then(|t| t.get_mut("Resources"))
        .and_then(Value::as_object_mut)
        .and_then(|r| r.get_mut(origin.logical_id.as_str()))
        .and_then(Value::as_object_mut)
        .and_then(|r| r.get_mut("Properties"))
        .and_then(Value::as_object_mut)
        .ok_or_else(missing)?;
    let text = match properties
        .get("DefinitionSubstitutions")
        .and_then(Value::as_object)
    {
        Some(vars) => restore_placeholders(definition_text, vars),
        None => definition_text.into(),
    };
    match origin.source {
        DefinitionSource::Definition | DefinitionSource::Bare => {
            let definition = parse_value(&text)
                .map_err(|e| TemplateExportError::DefinitionNotJson(format!("{e}")))?;
            properties.insert("Definition".into(), definition);
        }
        DefinitionSource::DefinitionString => {
            let built = !matches!(properties.get("DefinitionString"), Some(Value::String(_)));
            let value = if built {
                let mut sub = Map::default();
                sub.insert("Fn::Sub".into(), Value::String(text));
                Value::Object(Shared::new(sub))
            } else {
                Value::String(text)
            };
            properties.insert("DefinitionString".into(), value);
        }
    }
    Ok(match origin.format {
        TextFormat::Json => {
            let mut out = write_pretty(&template);
            out.push('\n');
            out
        }
        TextFormat::Yaml => to_yaml(&template),
    })
}

/// Puts `${key}` back wherever a JSON string equals a substitution's string value.
fn restore_placeholders(definition_text: &str, vars: &Map) -> String {
    let mut text = String::from(definition_text);
    for (key, value) in vars {
        let Some(literal) = value.as_str().filter(|s| !s.is_empty()) else {
            continue;
        };
        let quoted = write_compact(&Value::String(literal.into()));
        text = text.replace(&quoted, &format!("\"${{{key}}}\""));
    }
    text
}
