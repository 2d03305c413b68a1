//! State machine scopes over the tree: which `States` object a state is in, which string
//! nodes name it as a transition target, and every state name of the machine.
//!
//! A scope is one machine object (`StartAt` + `States`): the top level, each Parallel
//! branch, each Map `ItemProcessor` (or legacy `Iterator`). Transitions never cross
//! scopes, so a rename or delete looks only inside the state's own.

use super::EditError;
use crate::json::tree::pointer::split_pointer;
use crate::json::tree::{join_pointer, Document, NodeId, NodeKind};
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// A state located by its pointer.
pub(super) struct StateRef {
    /// The machine object holding `StartAt` and `States`.
    pub machine: NodeId,
    /// The `States` object.
    pub states: NodeId,
    /// The state's name (its key in `States`).
    pub name: String,
    /// Index of the state's member in `States`.
    pub index: usize,
    /// The state's object.
    pub node: NodeId,
}

impl Document {
    /// The state at `pointer`, which must end in `/States/<name>`.
    pub(super) fn state_at(&self, pointer: &str) -> Result<StateRef, EditError> {
        let mut tokens = split_pointer(pointer)
            .ok_or_else(|| EditError::Invalid("not a JSON Pointer".into()))?;
        let name = tokens
            .pop()
            .filter(|_| tokens.last().is_some_and(|t| t == "States"));
        let name = name
            .ok_or_else(|| EditError::Invalid("a state pointer ends in /States/<name>".into()))?;
        tokens.pop();
        let machine = self
            .resolve(&join_pointer(&tokens))
            .ok_or_else(|| EditError::NotFound(pointer.into()))?;
        let states = self
            .get(machine, "States")
            .ok_or_else(|| EditError::NotFound(pointer.into()))?;
        let index = self
            .member_index(states, &name)
            .ok_or_else(|| EditError::NotFound(pointer.into()))?;
        let node = self.members(states)[index].value;
        Ok(StateRef {
            machine,
            states,
            name,
            index,
            node,
        })
    }

    /// The `States` object at `pointer` and the machine object holding it.
    pub(super) fn states_at(&self, pointer: &str) -> Result<(NodeId, NodeId), EditError> {
        let states = self
            .resolve(pointer)
            .ok_or_else(|| EditError::NotFound(pointer.into()))?;
        let machine = self.parent(states).map(|(p, _)| p);
        let is_states = self.member_of(states).is_some_and(|m| m.key == "States");
        match (machine, is_states, &self.node(states).kind) {
            (Some(machine), true, NodeKind::Object(_)) => Ok((machine, states)),
            _ => Err(EditError::Invalid("not a States object".into())),
        }
    }

    /// The string nodes in `machine`'s own scope that name `target` as a transition:
    /// `StartAt`, and in each of its states `Next`, `Default`, Catch `Next` and Choice rule
    /// `Next` (at any nesting of `And`/`Or`/`Not`).
    pub fn references_in_scope(&self, machine: NodeId, target: &str) -> Vec<NodeId> {
        let mut found = Vec::new();
        let mut check = |id: Option<NodeId>| {
            if let Some(id) = id.filter(|&id| self.as_str(id) == Some(target)) {
                found.push(id);
            }
        };
        check(self.get(machine, "StartAt"));
        let Some(states) = self.get(machine, "States") else {
            return found;
        };
        for state in self.members(states) {
            let state = state.value;
            check(self.get(state, "Next"));
            check(self.get(state, "Default"));
            for &catcher in self.get(state, "Catch").map_or(&[][..], |c| self.items(c)) {
                check(self.get(catcher, "Next"));
            }
            let mut rules: Vec<NodeId> = self
                .get(state, "Choices")
                .map_or(Vec::new(), |c| self.items(c).to_vec());
            while let Some(rule) = rules.pop() {
                check(self.get(rule, "Next"));
                for key in ["And", "Or"] {
                    rules.extend(self.get(rule, key).map_or(&[][..], |r| self.items(r)));
                }
                rules.extend(self.get(rule, "Not"));
            }
        }
        found
    }

    /// Every state name in the machine, nested scopes included.
    pub fn all_state_names(&self) -> Vec<&str> {
        let mut names = Vec::new();
        let mut machines = vec![];
        machines.extend(self.root());
        while let Some(machine) = machines.pop() {
            let Some(states) = self.get(machine, "States") else {
                continue;
            };
            for member in self.members(states) {
                names.push(member.key.as_str());
                let state = member.value;
                machines.extend(
                    self.get(state, "Branches")
                        .map_or(&[][..], |b| self.items(b)),
                );
                machines.extend(self.get(state, "ItemProcessor"));
                machines.extend(self.get(state, "Iterator"));
            }
        }
        names
    }
}
