//! Replacing the document: every way a new text arrives goes through `replace`, which
//! keeps the previous document one "Undo import" away and in the recent list.

use super::persist;
use super::state::Dialog;
use crate::store::Store;
use engine_core::import::{open_text, Opened, OpenedDocument};
use engine_core::layout::Transform;
use engine_core::session::{SavedDocument, SavedView};
use leptos::prelude::*;

/// What "New" opens: the smallest machine that runs.
const NEW_DEFINITION: &str = "{\n  \"Comment\": \"A new state machine\",\n  \"StartAt\": \"Start\",\n  \"States\": {\n    \"Start\": {\n      \"Type\": \"Pass\",\n      \"End\": true\n    }\n  }\n}\n";

/// The open document as it would be saved.
pub fn current(store: Store) -> SavedDocument {
    SavedDocument {
        text: store.text.get_untracked(),
        selection: store.selection.get_untracked(),
        view: store.view.get_untracked().map(|t| SavedView {
            x: t.tx,
            y: t.ty,
            zoom: t.scale,
        }),
        origin: store.io.origin.get_untracked(),
        scenarios: store.io.scenarios.get_untracked(),
    }
}

/// Opens pasted, dropped or fetched text (JSON or YAML): a definition or a template's
/// only machine opens at once, a template with several asks which.
pub fn import_text(store: Store, text: &str) {
    match open_text(text) {
        Opened::Document(doc) => replace(store, doc),
        Opened::Choose(choice) => store.io.dialog.set(Some(Dialog::Picker(choice))),
    }
}

/// Opens the machine the person picked from a template.
pub fn choose_machine(store: Store, index: usize) {
    let Some(Dialog::Picker(choice)) = store.io.dialog.get_untracked() else {
        return;
    };
    store.io.dialog.set(None);
    if let Some(doc) = choice.choose(index) {
        replace(store, doc);
    }
}

/// Puts `doc` in place of the open document, keeping that one for "Undo import".
pub fn replace(store: Store, doc: OpenedDocument) {
    let previous = current(store);
    if previous.text == doc.text && previous.origin == doc.origin {
        store.io.inform("That document is already open.");
        return;
    }
    persist::remember_recent(&previous.text);
    store.io.undo.update(|stack| {
        stack.push(previous);
        // A long session should not hold every document it ever saw.
        if stack.len() > 20 {
            stack.remove(0);
        }
    });
    show(
        store,
        SavedDocument {
            text: doc.text,
            selection: None,
            view: None,
            origin: doc.origin,
            scenarios: None,
        },
    );
    if doc.notes.is_empty() {
        store.io.notice.set(None);
    } else {
        store.io.inform(doc.notes.join(" "));
    }
}

/// Brings back the document the last import replaced.
pub fn undo_import(store: Store) {
    let Some(previous) = store.io.undo.try_update(|stack| stack.pop()).flatten() else {
        return;
    };
    show(store, previous);
    store.io.inform("The previous document is back.");
}

/// Starts a new, minimal machine.
pub fn new_document(store: Store) {
    replace(
        store,
        OpenedDocument {
            text: NEW_DEFINITION.into(),
            origin: None,
            notes: Vec::new(),
        },
    );
}

/// Makes `doc` the open document, leaving share-link mode.
pub fn show(store: Store, doc: SavedDocument) {
    store.io.from_link.set(None);
    store.text.set(doc.text);
    store.selection.set(doc.selection);
    store.view.set(doc.view.map(|v| Transform {
        scale: v.zoom,
        tx: v.x,
        ty: v.y,
    }));
    store.io.origin.set(doc.origin);
    store.io.bring_scenarios(doc.scenarios);
}
