//! Deleting states. Transitions into them are rewired (see `detach`); where that needs a
//! person's choice the result is a question and nothing changes, so no reference is ever
//! left dangling silently. A scope's `StartAt` follows its first state's successor.

use super::detach::rewire;
use super::draft::Draft;
use super::scope::{machine_node, state_node};
use super::{Answer, Change, Outcome};
use crate::json::tree::{Document, Edit, EditError};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Delete the states at `states` (pointers; states nested in another selected one go with
/// it), rewiring transitions into them, using `answers` for the ambiguous ones.
pub fn delete_states(
    doc: &Document,
    states: &[String],
    answers: &[Answer],
) -> Result<Outcome, EditError> {
    let mut selected: Vec<(String, String, String)> = Vec::new();
    for pointer in states {
        let (place, _) = state_node(doc, pointer)?;
        let inside_other = states
            .iter()
            .any(|other| other != pointer && pointer.starts_with(&format!("{other}/")));
        let name = place.state.unwrap_or_default();
        if !inside_other && !selected.iter().any(|(p, _, _)| p == pointer) {
            selected.push((pointer.clone(), place.machine, name));
        }
    }
    let mut edits = Vec::new();
    let mut questions = Vec::new();
    let mut scopes: Vec<&str> = selected.iter().map(|(_, m, _)| m.as_str()).collect();
    scopes.dedup();
    crate::sort::sort_by(&mut scopes, |a, b| a.cmp(b));
    scopes.dedup();
    for machine in scopes {
        let node = machine_node(doc, machine)?;
        let leaving: Vec<String> = selected
            .iter()
            .filter(|(_, m, _)| m == machine)
            .map(|(_, _, n)| n.clone())
            .collect();
        let (e, q) = rewire(doc, machine, node, &leaving, answers);
        edits.extend(e);
        questions.extend(q);
    }
    if !questions.is_empty() {
        return Ok(Outcome::Ask(questions));
    }
    let mut draft = Draft::new(doc);
    // Rewiring first: one after another (when they touch), removals find what they name.
    edits.extend(selected.iter().map(|(pointer, _, _)| Edit::Remove {
        pointer: pointer.clone(),
    }));
    draft.apply_together(&edits)?;
    Ok(Outcome::Done(Change {
        edit: draft.finish(),
        selection: Vec::new(),
    }))
}
