//! Every place a state can be dropped, for the canvas's drop indicators and the keyboard's
//! "insert at…" list: each scope's start, each transition (open Choice rules, a Choice's
//! missing `Default` and open Catchers included), and after each state that ends.

use super::insert::Position;
use super::scope::{outgoing, state_pointer, type_of};
use crate::json::tree::{Document, NodeId, NodeKind};
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// A state of the machine and the scope it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The state's pointer.
    pub pointer: String,
    /// Its name.
    pub name: String,
    /// The pointer of its scope's machine object (`""` at the top level).
    pub scope: String,
}

/// Every state, nested scopes included, scope by scope in text order.
pub fn all_states(doc: &Document) -> Vec<Located> {
    let mut found = Vec::new();
    let mut scopes: Vec<(String, NodeId)> =
        doc.root().map(|r| (String::new(), r)).into_iter().collect();
    while let Some((scope, machine)) = scopes.pop() {
        let Some(states) = doc.get(machine, "States") else {
            continue;
        };
        let mut nested = Vec::new();
        for member in doc.members(states) {
            let pointer = state_pointer(&scope, &member.key);
            let branches = doc
                .get(member.value, "Branches")
                .map_or(&[][..], |b| doc.items(b));
            for (i, &branch) in branches.iter().enumerate() {
                nested.push((format!("{pointer}/Branches/{i}"), branch));
            }
            for key in ["ItemProcessor", "Iterator"] {
                if let Some(processor) = doc.get(member.value, key) {
                    nested.push((format!("{pointer}/{key}"), processor));
                }
            }
            found.push(Located {
                pointer,
                name: member.key.clone(),
                scope: scope.clone(),
            });
        }
        scopes.extend(nested.into_iter().rev());
    }
    found
}

/// Every position a state can be inserted at.
pub fn drop_positions(doc: &Document) -> Vec<Position> {
    let mut positions = vec![];
    let mut scopes_seen: Vec<String> = Vec::new();
    for state in all_states(doc) {
        if !scopes_seen.contains(&state.scope) {
            positions.push(Position::Start(state.scope.clone()));
            scopes_seen.push(state.scope.clone());
        }
        let Some(node) = doc.resolve(&state.pointer) else {
            continue;
        };
        positions.extend(
            outgoing(doc, &state.pointer, node)
                .into_iter()
                .map(|(slot, _)| Position::Edge(slot)),
        );
        if type_of(doc, node) == Some("Choice") {
            let rules = doc.get(node, "Choices").map_or(&[][..], |c| doc.items(c));
            for (i, &rule) in rules.iter().enumerate() {
                if doc.get(rule, "Next").is_none() {
                    positions.push(Position::Edge(format!(
                        "{}/Choices/{i}/Next",
                        state.pointer
                    )));
                }
            }
            if doc.get(node, "Default").is_none() {
                positions.push(Position::Edge(format!("{}/Default", state.pointer)));
            }
        }
        let catchers = doc.get(node, "Catch").map_or(&[][..], |c| doc.items(c));
        for (i, &catcher) in catchers.iter().enumerate() {
            if doc.get(catcher, "Next").is_none() {
                positions.push(Position::Edge(format!("{}/Catch/{i}/Next", state.pointer)));
            }
        }
        let ends = doc
            .get(node, "End")
            .is_some_and(|e| doc.node(e).kind == NodeKind::Bool(true));
        if ends {
            positions.push(Position::After(state.pointer.clone()));
        }
    }
    // Empty scopes (a new branch, a new Map) have no state to find them by.
    for state in all_states(doc) {
        let Some(node) = doc.resolve(&state.pointer) else {
            continue;
        };
        let mut nested: Vec<String> = Vec::new();
        let branches = doc.get(node, "Branches").map_or(0, |b| doc.items(b).len());
        nested.extend((0..branches).map(|i| format!("{}/Branches/{i}", state.pointer)));
        for key in ["ItemProcessor", "Iterator"] {
            if doc.get(node, key).is_some() {
                nested.push(format!("{}/{key}", state.pointer));
            }
        }
        for scope in nested {
            if !scopes_seen.contains(&scope) {
                positions.push(Position::Start(scope.clone()));
                scopes_seen.push(scope);
            }
        }
    }
    if positions.is_empty() && doc.root().and_then(|r| doc.get(r, "States")).is_some() {
        positions.push(Position::Start(String::new()));
    }
    positions
}
