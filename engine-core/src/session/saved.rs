//! The autosaved document: what a reload brings back (text, selection, view and the
//! template it came from, and its simulate scenarios: inputs, mocks, expected outcomes),
//! written as a small JSON record for `localStorage`. Records written before scenarios
//! were kept read as documents without them.

use crate::import::{DefinitionSource, TemplateOrigin, TextFormat};
use crate::json::{parse_value, write_compact};
use crate::sim::Scenarios;
use crate::{Map, Number, Value};
use alloc::string::{String, ToString};
use crate::shared::Shared;

/// Pan and zoom of the graph, as the canvas reports them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SavedView {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

/// One document as the studio keeps it between visits.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedDocument {
    pub text: String,
    /// JSON Pointer of the selected state.
    pub selection: Option<String>,
    pub view: Option<SavedView>,
    pub origin: Option<TemplateOrigin>,
    /// The simulate panel's scenarios; `None` until the person has any.
    pub scenarios: Option<Scenarios>,
}

impl SavedDocument {
    /// A document with nothing but its text.
    pub fn from_text(text: impl Into<String>) -> SavedDocument {
        SavedDocument {
            text: text.into(),
            selection: None,
            view: None,
            origin: None,
            scenarios: None,
        }
    }

    /// The record as compact JSON.
    pub fn to_json(&self) -> String {
        let mut record = Map::default();
        record.insert("text".into(), Value::String(self.text.clone()));
        if let Some(selection) = &self.selection {
            record.insert("selection".into(), Value::String(selection.clone()));
        }
        if let Some(view) = self.view {
            let mut v = Map::default();
            for (key, n) in [("x", view.x), ("y", view.y), ("zoom", view.zoom)] {
                v.insert(key.into(), Value::Number(Number::from_f64_normalized(n)));
            }
            record.insert("view".into(), Value::Object(Shared::new(v)));
        }
        if let Some(origin) = &self.origin {
            record.insert("origin".into(), origin_to_value(origin));
        }
        if let Some(scenarios) = &self.scenarios {
            record.insert("scenarios".into(), scenarios.to_value());
        }
        write_compact(&Value::Object(Shared::new(record)))
    }

    /// Reads a record written by [`SavedDocument::to_json`]; `None` when it is not one.
    pub fn from_json(json: &str) -> Option<SavedDocument> {
        let record = parse_value(json).ok()?;
        let text = record.get("text")?.as_str()?.to_string();
        let selection = record
            .get("selection")
            .and_then(Value::as_str)
            .map(String::from);
        let view = record.get("view").and_then(|v| {
            Some(SavedView {
                x: v.get("x")?.as_f64()?,
                y: v.get("y")?.as_f64()?,
                zoom: v.get("zoom")?.as_f64()?,
            })
        });
        let origin = record.get("origin").and_then(origin_from_value);
        let scenarios = record.get("scenarios").and_then(Scenarios::from_value);
        Some(SavedDocument {
            text,
            selection,
            view,
            origin,
            scenarios,
        })
    }
}

fn origin_to_value(origin: &TemplateOrigin) -> Value {
    let mut o = Map::default();
    let format = match origin.format {
        TextFormat::Json => "json",
        TextFormat::Yaml => "yaml",
    };
    let source = match origin.source {
        DefinitionSource::Bare => "Bare",
        DefinitionSource::Definition => "Definition",
        DefinitionSource::DefinitionString => "DefinitionString",
    };
    o.insert("template".into(), origin.template.clone());
    o.insert("format".into(), Value::String(format.into()));
    o.insert("logicalId".into(), Value::String(origin.logical_id.clone()));
    o.insert("source".into(), Value::String(source.into()));
    Value::Object(Shared::new(o))
}

fn origin_from_value(v: &Value) -> Option<TemplateOrigin> {
    let format = match v.get("format")?.as_str()? {
        "json" => TextFormat::Json,
        "yaml" => TextFormat::Yaml,
        _ => return None,
    };
    let source = match v.get("source")?.as_str()? {
        "Bare" => DefinitionSource::Bare,
        "Definition" => DefinitionSource::Definition,
        "DefinitionString" => DefinitionSource::DefinitionString,
        _ => return None,
    };
    Some(TemplateOrigin {
        template: v.get("template")?.clone(),
        format,
        logical_id: v.get("logicalId")?.as_str()?.into(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_record_round_trips() {
        let doc = SavedDocument {
            text: "{\"StartAt\": \"A\"}\n".into(),
            selection: Some("/States/A".into()),
            view: Some(SavedView {
                x: -12.5,
                y: 40.0,
                zoom: 1.25,
            }),
            origin: Some(TemplateOrigin {
                template: parse_value(
                    r#"{"Resources": {"Machine": {"Type": "AWS::StepFunctions::StateMachine"}}}"#,
                )
                .unwrap(),
                format: TextFormat::Yaml,
                logical_id: "Machine".into(),
                source: DefinitionSource::DefinitionString,
            }),
            scenarios: Some(Scenarios::default()),
        };
        assert_eq!(SavedDocument::from_json(&doc.to_json()), Some(doc));
    }

    #[test]
    fn records_from_before_scenarios_still_open() {
        let old = SavedDocument::from_json("{\"text\": \"x\", \"selection\": \"/States/A\"}").unwrap();
        assert_eq!(old.text, "x");
        assert_eq!(old.scenarios, None);
        // A damaged scenarios record costs the scenarios, not the document.
        let damaged = SavedDocument::from_json("{\"text\": \"x\", \"scenarios\": {\"scenarios\": 3}}").unwrap();
        assert_eq!(damaged, SavedDocument::from_text("x"));
    }

    #[test]
    fn damaged_records_are_not_documents() {
        assert_eq!(SavedDocument::from_json("{\"text\": 3}"), None);
        assert_eq!(SavedDocument::from_json("not json"), None);
        let minimal =
            SavedDocument::from_json("{\"text\": \"x\", \"origin\": {\"format\": \"xml\"}}")
                .unwrap();
        assert_eq!(minimal, SavedDocument::from_text("x"));
    }
}
