//! `Machine`: a state machine, a Parallel branch or a Map processor, and its states.

use super::json::{child_pointer, At, Field, Json};
use super::state::State;
use crate::json::tree::Document;
use alloc::string::String;
use alloc::vec::Vec;

/// The language a state's expressions are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryLanguage {
    JsonPath,
    Jsonata,
}

impl QueryLanguage {
    /// The value of a `QueryLanguage` field, as AWS spells it.
    pub fn from_name(name: &str) -> Option<QueryLanguage> {
        match name {
            "JSONPath" => Some(QueryLanguage::JsonPath),
            "JSONata" => Some(QueryLanguage::Jsonata),
            _ => None,
        }
    }

    /// `JSONPath` or `JSONata`.
    pub fn name(self) -> &'static str {
        match self {
            QueryLanguage::JsonPath => "JSONPath",
            QueryLanguage::Jsonata => "JSONata",
        }
    }
}

/// Where a set of states sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MachineKind {
    /// The document's root.
    Top,
    /// One of a Parallel state's `Branches`.
    Branch,
    /// A Map state's `ItemProcessor` (or deprecated `Iterator`).
    Processor,
}

/// A `{StartAt, States}` object.
#[derive(Clone)]
pub struct Machine<'d> {
    pub json: Json<'d>,
    /// JSON Pointer of the object (`""` for the root).
    pub pointer: String,
    pub kind: MachineKind,
    /// The machine's top-level query language: states inherit it, whatever encloses them.
    pub query_language: QueryLanguage,
    /// How many Parallel/Map levels enclose this machine (0 for the root).
    pub depth: usize,
}

impl<'d> Machine<'d> {
    /// The document's root as a machine, when it is an object.
    pub fn view(doc: &'d Document) -> Option<Machine<'d>> {
        let json = Json::new(doc, doc.root()?);
        if !json.is_object() {
            return None;
        }
        let query_language = json
            .get("QueryLanguage")
            .and_then(|f| f.value.as_str())
            .and_then(QueryLanguage::from_name)
            .unwrap_or(QueryLanguage::JsonPath);
        Some(Machine {
            json,
            pointer: String::new(),
            kind: MachineKind::Top,
            query_language,
            depth: 0,
        })
    }

    /// A nested machine at `json`.
    pub fn nested(
        parent: &Machine<'d>,
        json: Json<'d>,
        pointer: String,
        kind: MachineKind,
    ) -> Machine<'d> {
        Machine {
            json,
            pointer,
            kind,
            query_language: parent.query_language,
            depth: parent.depth + 1,
        }
    }

    /// `StartAt`.
    pub fn start_at(&self) -> Option<Field<'d>> {
        self.json.get("StartAt")
    }

    /// `States`.
    pub fn states_field(&self) -> Option<Field<'d>> {
        self.json.get("States")
    }

    /// Pointer of the `States` object.
    pub fn states_pointer(&self) -> String {
        child_pointer(&self.pointer, "States")
    }

    /// Every state, in text order (duplicate names included).
    pub fn states(&self) -> Vec<State<'d>> {
        let Some(states) = self.states_field() else {
            return Vec::new();
        };
        let base = self.states_pointer();
        states
            .value
            .fields()
            .map(|f| State::new(f, child_pointer(&base, f.key), self.query_language))
            .collect()
    }

    /// Where the field `key` is (its pointer, written out on demand).
    pub fn at<'k>(&'k self, key: &'k str) -> At<'k> {
        At::new(&self.pointer, key)
    }

    /// Pointer of a field of this machine.
    pub fn field_pointer(&self, key: &str) -> String {
        child_pointer(&self.pointer, key)
    }
}
