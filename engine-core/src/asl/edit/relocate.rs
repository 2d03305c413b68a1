//! Moving a state to another position, in its scope or into another (a branch, a Map
//! processor, the top level). Its old neighbours are joined as if it were deleted, and it
//! is spliced in at the new position; its text moves after its new predecessor's (last in
//! the new scope when it goes to a scope's start).

use super::detach::rewire;
use super::draft::Draft;
use super::insert::{Position, Slot, Spot};
use super::scope::{locate, machine_node, quoted, state_node, state_pointer, type_of};
use super::{Answer, Change, Outcome};
use crate::json::tree::{Document, Edit, EditError};
use alloc::format;
use alloc::vec;

/// Move the state at `state` to `to`, using `answers` where its old incoming transitions
/// have no single successor to go to.
pub fn move_state(
    doc: &Document,
    state: &str,
    to: &Position,
    answers: &[Answer],
) -> Result<Outcome, EditError> {
    let (place, node) = state_node(doc, state)?;
    let name = place.state.clone().unwrap_or_default();
    let spot = Spot::of(doc, to)?;
    let own_slot = match &spot.slot {
        Slot::Set(slot) => locate(slot)?.state_pointer().is_some_and(|s| s == state),
        Slot::EndToNext(s) => s == state,
        Slot::Loose => false,
    };
    if own_slot || spot.successor.as_deref() == Some(name.as_str()) {
        return Err(EditError::Invalid(
            "the state is at that position already".into(),
        ));
    }
    if spot.machine.starts_with(&format!("{state}/")) {
        return Err(EditError::Invalid(
            "a state cannot move into its own branches".into(),
        ));
    }
    let kind = type_of(doc, node);
    let across = spot.machine != place.machine;
    if across && (kind == Some("Choice") || doc.get(node, "Catch").is_some()) {
        return Err(EditError::Invalid(
            "a Choice or a state with Catch keeps its targets in its own scope; move them together"
                .into(),
        ));
    }
    let machine = machine_node(doc, &place.machine)?;
    let (mut edits, questions) = rewire(doc, &place.machine, machine, &[name.clone()], answers);
    if !questions.is_empty() {
        return Ok(Outcome::Ask(questions));
    }
    if !matches!(kind, Some("Succeed" | "Fail" | "Choice")) {
        let (set, clear) = match &spot.successor {
            Some(next) => (("Next", quoted(next)), "End"),
            None => (("End", "true".into()), "Next"),
        };
        edits.push(Edit::Set {
            pointer: format!("{state}/{}", set.0),
            value: set.1,
        });
        if doc.get(node, clear).is_some() {
            edits.push(Edit::Remove {
                pointer: format!("{state}/{clear}"),
            });
        }
    }
    edits.extend(spot.link(&name));
    let mut draft = Draft::new(doc);
    draft.apply_together(&edits)?;
    // Across scopes the text must move; within one, it follows the new predecessor so the
    // code reads in flow order.
    let follows = spot.after.as_ref().filter(|a| **a != name);
    if across || follows.is_some() {
        draft.apply(&Edit::MoveState {
            pointer: state.into(),
            to: format!("{}/States", spot.machine),
            after: spot.after.clone(),
        })?;
    }
    Ok(Outcome::Done(Change {
        edit: draft.finish(),
        selection: vec![state_pointer(&spot.machine, &name)],
    }))
}
