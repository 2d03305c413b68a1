//! Inserting a state where the person drops it: on an edge (A→B becomes A→New→B), at
//! the start of a scope (an empty branch or Map processor included), or after a state
//! (A's `End: true` moves to the new state).

use super::catalogue::Template;
use super::draft::Draft;
use super::names::unique_name;
use super::scope::{
    locate, machine_language, machine_node, quoted, state_node, state_pointer, type_of,
};
use super::Change;
use crate::json::tree::{Document, Edit, EditError, NodeKind};
use crate::json::{Map, Value};
use alloc::format;
use alloc::string::String;
use crate::shared::Shared;
use alloc::vec;
use alloc::vec::Vec;

/// Where a state goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Position {
    /// On the transition whose slot is at this pointer: a state's `…/Next`, `…/Default`,
    /// `…/Choices/<i>/Next`, `…/Catch/<i>/Next`, or a scope's `…/StartAt`. A Choice rule,
    /// Default or Catch without a target yet is an open edge: the new state becomes its
    /// target and ends there.
    Edge(String),
    /// First in the scope at this pointer (`""`, `/States/P/Branches/0`,
    /// `/States/M/ItemProcessor`), before its current `StartAt` state if it has one.
    Start(String),
    /// After the state at this pointer: on its `Next` edge, or, when it ends, in its place
    /// as the end.
    After(String),
}

/// A position read against a document.
pub(super) struct Spot {
    /// The scope's machine object.
    pub machine: String,
    /// How to point the position's transition at a new state.
    pub slot: Slot,
    /// The state the new text goes after (last in the scope when `None`).
    pub after: Option<String>,
    /// Where the transition led before: the new state's successor (`None`: it ends).
    pub successor: Option<String>,
}

pub(super) enum Slot {
    /// Set the string at this pointer (adding the member when missing).
    Set(String),
    /// The state at this pointer ends: its `End` becomes `Next`.
    EndToNext(String),
    /// Nothing leads to the new state yet (a duplicate of a state with no single way out).
    Loose,
}

impl Spot {
    /// Read `at` against `doc`.
    pub(super) fn of(doc: &Document, at: &Position) -> Result<Spot, EditError> {
        match at {
            Position::Edge(slot) => edge(doc, slot),
            Position::Start(machine) => {
                let node = machine_node(doc, machine)?;
                let successor = doc
                    .get(node, "StartAt")
                    .and_then(|s| doc.as_str(s))
                    .filter(|s| {
                        doc.get(doc.get(node, "States").unwrap_or(node), s)
                            .is_some()
                    });
                Ok(Spot {
                    machine: machine.clone(),
                    slot: Slot::Set(format!("{machine}/StartAt")),
                    after: None,
                    successor: successor.map(String::from),
                })
            }
            Position::After(state) => {
                let (place, node) = state_node(doc, state)?;
                if doc.get(node, "Next").and_then(|n| doc.as_str(n)).is_some() {
                    return edge(doc, &format!("{state}/Next"));
                }
                let ends = doc
                    .get(node, "End")
                    .is_some_and(|e| doc.node(e).kind == NodeKind::Bool(true));
                if !ends {
                    return Err(EditError::Invalid(format!(
                        "{state:?} has no single way out to insert after"
                    )));
                }
                Ok(Spot {
                    machine: place.machine,
                    slot: Slot::EndToNext(state.clone()),
                    after: place.state,
                    successor: None,
                })
            }
        }
    }

    /// The edits that point this spot's transition at the state `name`.
    pub(super) fn link(&self, name: &str) -> Vec<Edit> {
        match &self.slot {
            Slot::Set(pointer) => vec![Edit::Set {
                pointer: pointer.clone(),
                value: quoted(name),
            }],
            Slot::Loose => Vec::new(),
            Slot::EndToNext(state) => vec![
                Edit::Remove {
                    pointer: format!("{state}/End"),
                },
                Edit::Set {
                    pointer: format!("{state}/Next"),
                    value: quoted(name),
                },
            ],
        }
    }

    /// The edit adding a state named `name` with `definition` to this spot's scope.
    pub(super) fn add(&self, name: &str, definition: &Value) -> Edit {
        Edit::InsertState {
            states: format!("{}/States", self.machine),
            name: name.into(),
            definition: definition.to_json(),
            after: self.after.clone(),
        }
    }
}

fn edge(doc: &Document, slot: &str) -> Result<Spot, EditError> {
    let place = locate(slot)?;
    machine_node(doc, &place.machine)?;
    let kind = match place.state_pointer() {
        Some(state) => type_of(doc, state_node(doc, &state)?.1),
        None => None,
    };
    let is_slot = match (&place.state, place.rest.as_slice()) {
        (None, [start]) => start == "StartAt",
        (Some(_), [key]) if key == "Next" => !matches!(kind, Some("Choice" | "Succeed" | "Fail")),
        (Some(_), [key]) if key == "Default" => kind == Some("Choice"),
        (Some(state), [list, index, next]) if next == "Next" => {
            let takes = match list.as_str() {
                "Choices" => kind == Some("Choice"),
                "Catch" => matches!(kind, Some("Task" | "Parallel" | "Map")),
                _ => false,
            };
            // The rule or catcher must exist; its `Next` may not yet.
            let item = format!("{}/{list}/{index}", state_pointer(&place.machine, state));
            takes && doc.resolve(&item).is_some()
        }
        _ => false,
    };
    if !is_slot {
        return Err(EditError::Invalid(format!("{slot:?} is not a transition")));
    }
    let successor = doc
        .resolve(slot)
        .and_then(|s| doc.as_str(s))
        .map(String::from);
    let successor = successor.filter(|s| !s.is_empty());
    // A state's missing `Next` while it ends: the end moves on.
    let ends = place.rest == ["Next"]
        && doc
            .resolve(&format!(
                "{}/End",
                place.state_pointer().unwrap_or_default()
            ))
            .is_some();
    let slot = match (ends && successor.is_none(), place.state_pointer()) {
        (true, Some(state)) => Slot::EndToNext(state),
        _ => Slot::Set(slot.into()),
    };
    Ok(Spot {
        machine: place.machine,
        slot,
        after: place.state,
        successor,
    })
}

/// `definition` with the transitions a new state needs to lead to `successor` (or to end):
/// `Next`/`End` for most types, each open rule and `Default` for a Choice, none for
/// Succeed and Fail.
pub(super) fn with_transitions(definition: &Value, successor: Option<&str>) -> Value {
    let mut state: Map = definition.as_object().cloned().unwrap_or_default();
    match state.get("Type").and_then(Value::as_str) {
        Some("Succeed" | "Fail") => {}
        Some("Choice") => {
            if let Some(next) = successor {
                if let Some(rules) = state.get_mut("Choices").and_then(Value::as_array_mut) {
                    for rule in rules.iter_mut().filter_map(Value::as_object_mut) {
                        if !rule.contains_key("Next") {
                            rule.insert("Next".into(), Value::String(next.into()));
                        }
                    }
                }
                if !state.contains_key("Default") {
                    state.insert("Default".into(), Value::String(next.into()));
                }
            }
        }
        _ => {
            state.shift_remove("Next");
            state.shift_remove("End");
            match successor {
                Some(next) => state.insert("Next".into(), Value::String(next.into())),
                None => state.insert("End".into(), Value::Bool(true)),
            };
        }
    }
    Value::Object(Shared::new(state))
}

/// Insert a catalogue template at `at`, in the machine's query language, named after its
/// label (made unique).
pub fn insert_template(
    doc: &Document,
    template: &Template,
    at: &Position,
) -> Result<Change, EditError> {
    let definition = template.definition(machine_language(doc));
    insert_state(doc, template.label, &definition, at)
}

/// Insert a state with `definition` (its fields; transitions are added) at `at`, named
/// `base` or the first free `base (n)`.
pub fn insert_state(
    doc: &Document,
    base: &str,
    definition: &Value,
    at: &Position,
) -> Result<Change, EditError> {
    let spot = Spot::of(doc, at)?;
    let name = unique_name(doc, base, &[]);
    let state = with_transitions(definition, spot.successor.as_deref());
    let mut draft = Draft::new(doc);
    let mut edits = vec![spot.add(&name, &state)];
    edits.extend(spot.link(&name));
    draft.apply_together(&edits)?;
    Ok(Change {
        edit: draft.finish(),
        selection: vec![state_pointer(&spot.machine, &name)],
    })
}
