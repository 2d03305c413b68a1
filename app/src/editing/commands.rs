//! The editing commands: each reads the current document, asks `asl::edit` for one change
//! and commits it (one undo step), then selects what the change created or moved.

use super::Pending;
use crate::store::Store;
use engine_core::asl::edit::{
    connect, copy_states, delete_states, duplicate_states, find_template, insert_template,
    move_state, paste_states, position_on, Answer, Change, Outcome, Position,
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

/// Points the transition at `slot` at the state at `target`; the selection stays.
pub fn connect_to(store: Store, slot: &str, target: &str) {
    let name = target
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .replace("~1", "/")
        .replace("~0", "~");
    match store
        .document
        .with_untracked(|doc| connect(doc, slot, &name))
    {
        Ok(change) => {
            if let Err(e) = crate::inspector::commit(store, &[change.edit]) {
                store.io.warn(e);
            }
        }
        Err(e) => store.io.warn(e.to_string()),
    }
}

/// The transition a drag from the state's handle sets: its first open one (a Choice
/// rule or Catcher without `Next`, a missing `Default`), else its `Next`.
pub fn handle_slot(store: Store, state: &str) -> String {
    match store.document.with_untracked(|doc| position_on(doc, state)) {
        Some(Position::Edge(slot)) => slot,
        _ => format!("{state}/Next"),
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

/// Whether "Connect to…" has a transition to act on: the edge the context menu is open
/// on, or the selected state's (a Succeed or Fail has none).
pub fn can_connect(store: Store) -> bool {
    let on_edge = store.edit.menu.with(|m| {
        m.as_ref()
            .is_some_and(|m| matches!(m.target, super::MenuTarget::Edge(_)))
    });
    on_edge
        || store.selection.with(|s| {
            s.as_ref().is_some_and(|s| {
                store
                    .document
                    .with(|d| !engine_core::asl::edit::outlets(d, s).is_empty())
            })
        })
}

/// Opens the context menu for the selected state (beside its node), else for the canvas:
/// the keyboard's way to the menu (Shift+F10, the ContextMenu key).
pub fn open_context_menu(store: Store) {
    let doc = web_sys::window().and_then(|w| w.document());
    let node = doc.as_ref().and_then(|d| {
        let focused = d.active_element().filter(|a| {
            a.has_attribute("data-node-id")
                && a.closest("[data-testid=\"graph\"]")
                    .ok()
                    .flatten()
                    .is_some()
        });
        focused.or_else(|| {
            d.query_selector("[data-testid=\"graph\"] [data-node-id].selected")
                .ok()
                .flatten()
        })
    });
    let graph = doc
        .as_ref()
        .and_then(|d| d.query_selector("[data-testid=\"graph\"]").ok().flatten());
    let selected = store.selection.get_untracked();
    let (target, rect) = match (selected, node) {
        (Some(state), Some(node)) => (
            super::MenuTarget::State(state),
            Some(node.get_bounding_client_rect()),
        ),
        _ => (
            super::MenuTarget::Canvas,
            graph.map(|g| g.get_bounding_client_rect()),
        ),
    };
    let at = rect.map_or((0.0, 0.0), |r| {
        (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0)
    });
    store.edit.menu.set(Some(super::ContextMenu { at, target }));
}
