//! Where a pointer sits in a state machine: the scope (machine object: the top level, a
//! Parallel branch, a Map processor) and the state it is in, read structurally so a
//! state named `States` or `Next` cannot confuse it. Also a state's transition slots.

use crate::asl::QueryLanguage;
use crate::json::tree::{
    escape_token, join_pointer, split_pointer, Document, EditError, NodeId, NodeKind,
};
use crate::json::write_compact;
use crate::json::Value;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// A pointer read against the machine's structure.
pub(super) struct Place {
    /// The pointer of the machine object the pointer is in (`""` for the top level).
    pub machine: String,
    /// The state the pointer is in (its name), when it is in one.
    pub state: Option<String>,
    /// The tokens after the state (or after the machine object, outside states).
    pub rest: Vec<String>,
}

impl Place {
    pub fn state_pointer(&self) -> Option<String> {
        self.state.as_ref().map(|s| state_pointer(&self.machine, s))
    }
}

/// The pointer of the state `name` in the machine object at `machine`.
pub(super) fn state_pointer(machine: &str, name: &str) -> String {
    format!("{machine}/States/{}", escape_token(name))
}

/// A JSON string's text.
pub(super) fn quoted(name: &str) -> String {
    write_compact(&Value::String(name.into()))
}

pub(super) fn bad_pointer() -> EditError {
    EditError::Invalid("not a JSON Pointer".into())
}

/// Read `pointer` as machine → `States` → state → (`Branches`/i | `ItemProcessor` | `Iterator`) → ….
pub(super) fn locate(pointer: &str) -> Result<Place, EditError> {
    let tokens = split_pointer(pointer).ok_or_else(bad_pointer)?;
    let mut machine_end = 0;
    let mut state = None;
    let mut i = 0;
    loop {
        if tokens.get(i).map(String::as_str) != Some("States") || i + 1 >= tokens.len() {
            break;
        }
        state = Some(tokens[i + 1].clone());
        i += 2;
        let nested = match tokens.get(i).map(String::as_str) {
            Some("Branches") if i + 1 < tokens.len() => 2,
            Some("ItemProcessor" | "Iterator") => 1,
            _ => 0,
        };
        if nested == 0 {
            break;
        }
        i += nested;
        machine_end = i;
        state = None;
    }
    Ok(Place {
        machine: join_pointer(&tokens[..machine_end]),
        state,
        rest: tokens[i..].to_vec(),
    })
}

/// The machine object at `machine`, which must have a `States` object.
pub(super) fn machine_node(doc: &Document, machine: &str) -> Result<NodeId, EditError> {
    let node = doc
        .resolve(machine)
        .ok_or_else(|| EditError::NotFound(machine.into()))?;
    match doc.get(node, "States").map(|s| &doc.node(s).kind) {
        Some(NodeKind::Object(_)) => Ok(node),
        _ => Err(EditError::Invalid(format!(
            "{machine:?} is not a state machine scope"
        ))),
    }
}

/// The names of the states of one scope, in text order.
pub(super) fn state_names(doc: &Document, machine: NodeId) -> Vec<String> {
    doc.get(machine, "States")
        .map(|s| doc.members(s).iter().map(|m| m.key.clone()).collect())
        .unwrap_or_default()
}

/// The state at `pointer`: its place and node.
pub(super) fn state_node(doc: &Document, pointer: &str) -> Result<(Place, NodeId), EditError> {
    let place = locate(pointer)?;
    if place.state.is_none() || !place.rest.is_empty() {
        return Err(EditError::Invalid(format!("{pointer:?} is not a state")));
    }
    let node = doc
        .resolve(pointer)
        .ok_or_else(|| EditError::NotFound(pointer.into()))?;
    Ok((place, node))
}

/// The pointers of the slots in `machine`'s scope naming the state `name`.
pub(super) fn incoming(doc: &Document, machine: NodeId, name: &str) -> Vec<String> {
    doc.references_in_scope(machine, name)
        .into_iter()
        .map(|id| doc.pointer_of(id))
        .collect()
}

/// The transitions out of a state: (slot pointer, target) for `Next`, `Default`, each
/// Choice rule's `Next` and each Catch's `Next`.
pub(super) fn outgoing(doc: &Document, pointer: &str, node: NodeId) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |slot: String, id: Option<NodeId>| {
        if let Some(target) = id.and_then(|id| doc.as_str(id)) {
            out.push((slot, target.into()));
        }
    };
    add(format!("{pointer}/Next"), doc.get(node, "Next"));
    for (key, list) in [("Choices", "Choices"), ("Catch", "Catch")] {
        let items = doc.get(node, list).map_or(&[][..], |l| doc.items(l));
        for (i, &item) in items.iter().enumerate() {
            add(format!("{pointer}/{key}/{i}/Next"), doc.get(item, "Next"));
        }
    }
    add(format!("{pointer}/Default"), doc.get(node, "Default"));
    out
}

/// True when the slot is a state's own `Next` (which `End: true` can replace).
pub(super) fn is_state_next(slot: &str) -> bool {
    locate(slot).is_ok_and(|p| p.state.is_some() && p.rest == ["Next"])
}

/// The state's `Type`.
pub(super) fn type_of<'d>(doc: &'d Document, node: NodeId) -> Option<&'d str> {
    doc.get(node, "Type").and_then(|t| doc.as_str(t))
}

/// The query language new states are written in: the machine's.
pub(super) fn machine_language(doc: &Document) -> QueryLanguage {
    doc.root()
        .and_then(|r| doc.get(r, "QueryLanguage"))
        .and_then(|q| doc.as_str(q))
        .and_then(QueryLanguage::from_name)
        .unwrap_or(QueryLanguage::JsonPath)
}

/// The query language of one state: its own field, else the machine's.
pub(super) fn state_language(doc: &Document, node: NodeId) -> QueryLanguage {
    doc.get(node, "QueryLanguage")
        .and_then(|q| doc.as_str(q))
        .and_then(QueryLanguage::from_name)
        .unwrap_or_else(|| machine_language(doc))
}
