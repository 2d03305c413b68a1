//! What opening a pasted or dropped text does: a bare definition opens exactly as it was
//! written; a template opens the machine it holds (or asks which, when it holds several)
//! and remembers where the definition came from so export can put it back.

use super::template::{find_state_machines, DefinitionSource, ImportedMachine};
use crate::json::parse_value;
use crate::json::tree::yaml_to_json;
use crate::Value;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// The notation a pasted text was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    Json,
    Yaml,
}

/// Where an opened definition lives in its template, for exporting the template back.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateOrigin {
    /// The template as read (YAML short-form tags in long form).
    pub template: Value,
    pub format: TextFormat,
    /// The state machine resource's logical id.
    pub logical_id: String,
    pub source: DefinitionSource,
}

/// A text ready for the editor.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedDocument {
    /// The definition text: byte for byte the pasted text when that was a JSON definition.
    pub text: String,
    /// The template it was taken from, if any.
    pub origin: Option<TemplateOrigin>,
    /// What the person should know (deploy-time placeholders, why nothing was found, ...).
    pub notes: Vec<String>,
}

/// A template holding several state machines: the person picks one.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateChoice {
    pub template: Value,
    pub format: TextFormat,
    /// The machines in template order.
    pub machines: Vec<ImportedMachine>,
}

/// The outcome of opening a text.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    Document(OpenedDocument),
    Choose(TemplateChoice),
}

impl TemplateChoice {
    /// The document for the machine at `index` (template order), if there is one.
    pub fn choose(&self, index: usize) -> Option<OpenedDocument> {
        let machine = self.machines.get(index)?;
        Some(from_template(&self.template, self.format, machine))
    }
}

/// Opens `text`, already known to parse to `value` in `format`. A text that is neither a
/// definition nor a template still opens as it is, with the reason as a note, so the
/// person sees its diagnostics instead of losing what they pasted.
pub fn open_value(text: &str, format: TextFormat, value: &Value) -> Opened {
    open_converted(text, text, format, value)
}

/// `open_value` for a text whose JSON form is `json` (the text itself for JSON; the
/// converted text for YAML, which is what a bare YAML definition opens as).
fn open_converted(text: &str, json: &str, format: TextFormat, value: &Value) -> Opened {
    let machines = match find_state_machines(value) {
        Ok(machines) => machines,
        Err(error) => return as_is(text, alloc::vec![error.message]),
    };
    match machines.as_slice() {
        [bare] if bare.source == DefinitionSource::Bare => {
            let notes = match format {
                TextFormat::Json => Vec::new(),
                TextFormat::Yaml => alloc::vec![String::from(
                    "Converted from YAML to JSON; Export → Download YAML gives YAML back."
                )],
            };
            Opened::Document(OpenedDocument {
                text: json.into(),
                origin: None,
                notes,
            })
        }
        [only] => Opened::Document(from_template(value, format, only)),
        _ => Opened::Choose(TemplateChoice {
            template: value.clone(),
            format,
            machines,
        }),
    }
}

/// Opens pasted text in either notation: JSON when it starts with `{` or `[`, else YAML.
pub fn open_text(text: &str) -> Opened {
    if looks_like_json(text) {
        open_json(text)
    } else {
        open_yaml(text)
    }
}

/// Opens a YAML definition or template (short-form tags such as `!Sub` read as
/// `Fn::Sub`). YAML that cannot be read opens as it is, with where it fails as a note.
pub fn open_yaml(text: &str) -> Opened {
    let json = match yaml_to_json(text) {
        Ok(json) => json,
        Err(e) => {
            return as_is(
                text,
                alloc::vec![format!("The YAML could not be read: {e}")],
            )
        }
    };
    match parse_value(&json) {
        Ok(value) => open_converted(text, &json, TextFormat::Yaml, &value),
        Err(e) => as_is(
            text,
            alloc::vec![format!("The YAML could not be read: {e}")],
        ),
    }
}

/// Opens a JSON text; one that does not parse opens as it is, for its diagnostics.
pub fn open_json(text: &str) -> Opened {
    match parse_value(text) {
        Ok(value) => open_value(text, TextFormat::Json, &value),
        Err(_) => as_is(text, Vec::new()),
    }
}

/// Whether `text` reads as JSON rather than YAML: JSON texts start with `{` or `[`.
pub fn looks_like_json(text: &str) -> bool {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    body.starts_with('{') || body.starts_with('[') || body.is_empty()
}

fn as_is(text: &str, notes: Vec<String>) -> Opened {
    Opened::Document(OpenedDocument {
        text: text.into(),
        origin: None,
        notes,
    })
}

fn from_template(
    template: &Value,
    format: TextFormat,
    machine: &ImportedMachine,
) -> OpenedDocument {
    OpenedDocument {
        text: machine.definition_text.clone(),
        origin: machine.logical_id.clone().map(|logical_id| TemplateOrigin {
            template: template.clone(),
            format,
            logical_id,
            source: machine.source.clone(),
        }),
        notes: machine.notes.clone(),
    }
}
