//! Setting where a transition leads: connecting a node's handle to a target, reconnecting
//! an edge's end, or ending the flow at a state.

use super::draft::Draft;
use super::insert::{Position, Spot};
use super::choices::NEW_ITEM;
use super::parts::{add_catch, add_choice_rule, new_catcher_errors};
use super::scope::{locate, machine_node, state_node, type_of};
use super::Change;
use crate::json::tree::{Document, Edit, EditError};
use alloc::format;
use alloc::vec;

/// Point the transition slot `slot` (a state's `…/Next`, `…/Default`, `…/Choices/<i>/Next`,
/// `…/Catch/<i>/Next`, or a scope's `…/StartAt`) at the state `target` of the same scope;
/// `…/Choices/-/Next` and `…/Catch/-/Next` add a rule or a catcher leading there.
/// A state's `End: true` gives way to the `Next`. Slots a state's type does not take (a
/// Choice's `Next`, a Pass's `Default`) are refused.
pub fn connect(doc: &Document, slot: &str, target: &str) -> Result<Change, EditError> {
    let place = locate(slot)?;
    let machine = machine_node(doc, &place.machine)?;
    let exists = doc
        .get(machine, "States")
        .is_some_and(|states| doc.get(states, target).is_some());
    if !exists {
        return Err(EditError::NotFound(format!(
            "{}/States/{target}",
            place.machine
        )));
    }
    // `…/Choices/-/Next` and `…/Catch/-/Next`: a rule or catcher to add (see `outlets`).
    if let (Some(state), [list, new, next]) = (place.state_pointer(), place.rest.as_slice()) {
        if new == NEW_ITEM && next == "Next" {
            match list.as_str() {
                "Choices" => return add_choice_rule(doc, &state, Some(target)),
                "Catch" => {
                    let (_, node) = state_node(doc, &state)?;
                    let errors = new_catcher_errors(doc, node);
                    return add_catch(doc, &state, errors, Some(target));
                }
                _ => {}
            }
        }
    }
    let spot = Spot::of(doc, &Position::Edge(slot.into()))?;
    let mut draft = Draft::new(doc);
    draft.apply_together(&spot.link(target))?;
    Ok(Change {
        edit: draft.finish(),
        selection: vec![slot.into()],
    })
}

/// Connect the state at `state` to `target` as a drag from its handle does: its `Next`
/// (replacing `End`); for a Choice, its first rule without a target, else its `Default`
/// when it has none, else a new rule.
pub fn connect_state(doc: &Document, state: &str, target: &str) -> Result<Change, EditError> {
    let (_, node) = state_node(doc, state)?;
    match type_of(doc, node) {
        Some("Choice") => {
            let rules = doc.get(node, "Choices").map_or(&[][..], |c| doc.items(c));
            if let Some(open) = rules.iter().position(|&r| doc.get(r, "Next").is_none()) {
                connect(doc, &format!("{state}/Choices/{open}/Next"), target)
            } else if doc.get(node, "Default").is_none() {
                connect(doc, &format!("{state}/Default"), target)
            } else {
                add_choice_rule(doc, state, Some(target))
            }
        }
        Some("Succeed" | "Fail") => Err(EditError::Invalid(format!(
            "{state:?} ends the flow and has no way out"
        ))),
        _ => connect(doc, &format!("{state}/Next"), target),
    }
}

/// End the flow at the state whose `Next` is `slot`: `Next` becomes `End: true`.
pub fn end_here(doc: &Document, slot: &str) -> Result<Change, EditError> {
    let place = locate(slot)?;
    let state = match (place.state_pointer(), place.rest == ["Next"]) {
        (Some(state), true) if doc.resolve(slot).is_some() => state,
        _ => {
            return Err(EditError::Invalid(format!(
                "{slot:?} is not a state's Next"
            )))
        }
    };
    let mut draft = Draft::new(doc);
    draft.apply(&Edit::Remove {
        pointer: slot.into(),
    })?;
    draft.apply(&Edit::Set {
        pointer: format!("{state}/End"),
        value: "true".into(),
    })?;
    Ok(Change {
        edit: draft.finish(),
        selection: vec![state],
    })
}
