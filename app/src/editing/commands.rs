//! The editing commands: each reads the current document, asks `asl::edit` for one change
//! and commits it (one undo step), then selects what the change created or moved.

use super::Pending;
use crate::store::Store;
use engine_core::asl::edit::{
    copy_states, delete_states, duplicate_states, find_template, insert_template, move_state,
    paste_states, position_on, Answer, Change, Outcome, Position,
};
use engine_core::json::tree::EditError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The selected states: the primary selection first, then the others.
pub fn selected_states(store: Store) -> Vec<String> {
    let primary = store.selection.get_untracked();
    let mut all: Vec<String> = primary.into_iter().collect();
    for p in store.edit.also_selected.get_untracked() {
        if !all.contains(&p) {
            all.push(p);
        }
    }
    all.retain(|p| {
        store
            .document
            .with_untracked(|d| d.resolve(&format!("{p}/Type")).is_some())
    });
    all
}

/// Commits `change` and selects what it made; reports a refusal in the notice bar.
pub fn commit_change(store: Store, change: Result<Change, EditError>) {
    let change = match change {
        Ok(change) => change,
        Err(e) => return store.io.warn(e.to_string()),
    };
    if let Err(e) = crate::inspector::commit(store, &[change.edit]) {
        return store.io.warn(e);
    }
    let mut selection = change.selection.into_iter();
    store.selection.set(selection.next());
    store.edit.also_selected.set(selection.collect());
}

fn settle(store: Store, outcome: Result<Outcome, EditError>, pending: Pending) {
    match outcome {
        Ok(Outcome::Done(change)) => {
            store.edit.pending.set(None);
            commit_change(store, Ok(change));
        }
        Ok(Outcome::Ask(questions)) => store.edit.pending.set(Some((pending, questions))),
        Err(e) => store.io.warn(e.to_string()),
    }
}

/// Inserts the template `id` at `at`.
pub fn insert_at(store: Store, id: &str, at: &Position) {
    let Some(template) = find_template(id) else {
        return;
    };
    let change = store
        .document
        .with_untracked(|doc| insert_template(doc, template, at));
    commit_change(store, change);
}

/// Where the keyboard inserts: onto the selected state (its open transition, empty
/// branch, or after it), else first in the machine.
pub fn keyboard_position(store: Store) -> Option<Position> {
    match store.selection.get_untracked() {
        None => Some(Position::Start(String::new())),
        Some(state) => store
            .document
            .with_untracked(|doc| position_on(doc, &state)),
    }
}

/// Inserts the template `id` where the keyboard inserts.
pub fn insert_from_keyboard(store: Store, id: &str) {
    match keyboard_position(store) {
        Some(at) => insert_at(store, id, &at),
        None => store
            .io
            .warn("Nothing can follow the selected state: select another, or drop onto an edge."),
    }
}

/// Moves the state at `state` to `to`, asking about transitions it cannot rewire.
pub fn move_to(store: Store, state: &str, to: Position, answers: &[Answer]) {
    let outcome = store
        .document
        .with_untracked(|doc| move_state(doc, state, &to, answers));
    settle(
        store,
        outcome,
        Pending::Move {
            state: state.to_string(),
            to,
        },
    );
}

fn delete_these(store: Store, states: Vec<String>, answers: &[Answer]) {
    let outcome = store
        .document
        .with_untracked(|doc| delete_states(doc, &states, answers));
    // What was selected is gone (a delete's change selects nothing).
    settle(store, outcome, Pending::Delete(states));
}

/// Deletes the selected states.
pub fn delete_selection(store: Store) {
    delete_these(store, selected_states(store), &[]);
}

/// Runs the pending operation again with the person's answers.
pub fn answer_pending(store: Store, answers: Vec<Answer>) {
    let Some((pending, _)) = store.edit.pending.get_untracked() else {
        return;
    };
    match pending {
        Pending::Delete(states) => delete_these(store, states, &answers),
        Pending::Move { state, to } => move_to(store, &state, to, &answers),
    }
}

/// Copies the selected states to the studio's clipboard.
pub fn copy_selection(store: Store) {
    let states = selected_states(store);
    match store
        .document
        .with_untracked(|doc| copy_states(doc, &states))
    {
        Ok(clipboard) => {
            store.edit.clipboard.set(Some(clipboard));
            store.io.inform(format!(
                "Copied {} state{}.",
                states.len(),
                if states.len() == 1 { "" } else { "s" }
            ));
        }
        Err(e) => store.io.warn(e.to_string()),
    }
}

/// Pastes the studio's clipboard onto the selected state (as the keyboard inserts),
/// else first in the machine.
pub fn paste_clipboard(store: Store) {
    let Some(clipboard) = store.edit.clipboard.get_untracked() else {
        return;
    };
    let Some(at) = keyboard_position(store) else {
        return store
            .io
            .warn("Nothing can follow the selected state: select another to paste after.");
    };
    let change = store
        .document
        .with_untracked(|doc| paste_states(doc, &clipboard, &at));
    commit_change(store, change);
}

/// Duplicates the selected states next to themselves.
pub fn duplicate_selection(store: Store) {
    let states = selected_states(store);
    let change = store
        .document
        .with_untracked(|doc| duplicate_states(doc, &states));
    commit_change(store, change);
}

/// Whether keyboard focus is in the graph pane (the drawing or the states browser).
pub fn graph_focused() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|a| a.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|a| a.closest(".graph-pane").ok().flatten().is_some())
}

/// Whether there is a selection to act on.
pub fn has_selection(store: Store) -> bool {
    store.selection.with(Option::is_some)
}
