//! The inspector: forms for the selected state (or, with none selected, the workflow),
//! grouped as Workflow Studio's tabs. Every change is an engine-core edit of the text, so
//! the code view (and its undo), the graph and the problems follow at once.

mod field_row;
mod lists;
mod state_form;
mod workflow_form;

use crate::store::{use_store, Store};
use engine_core::json::tree::{Document, Edit};
use leptos::prelude::*;

/// Applies `edits` (against the store's current document) to the text.
pub fn commit(store: Store, edits: &[Edit]) -> Result<(), String> {
    if edits.is_empty() {
        return Ok(());
    }
    let text = store
        .document
        .with_untracked(|doc| engine_core::asl::form::apply(doc, edits))?;
    store.text.set(text);
    Ok(())
}

/// The pointer of the state object `pointer` names, if it names one (`…/States/<name>`).
fn state_at(doc: &Document, pointer: &str) -> Option<String> {
    let (states, _) = pointer.rsplit_once('/')?;
    let is_state = states.ends_with("/States") && doc.resolve(&format!("{pointer}/Type")).is_some();
    is_state.then(|| pointer.to_string())
}

#[component]
pub fn Inspector() -> impl IntoView {
    let store = use_store();
    let selected = Memo::new(move |_| {
        let selection = store.selection.get();
        store
            .document
            .with(|doc| selection.and_then(|p| state_at(doc, &p)))
    });
    view! {
        <div class="inspector" data-testid="inspector">
            {move || match selected.get() {
                Some(pointer) => view! { <state_form::StateForm pointer=pointer /> }.into_any(),
                None => view! { <workflow_form::WorkflowForm /> }.into_any(),
            }}
        </div>
    }
}
