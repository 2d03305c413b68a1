//! "Open recent": documents the person replaced earlier.

use super::document::replace;
use super::modal::Modal;
use super::persist::load_recent;
use crate::store::use_store;
use engine_core::import::OpenedDocument;
use leptos::prelude::*;

#[component]
pub fn RecentDocuments() -> impl IntoView {
    let store = use_store();
    let documents = load_recent().documents;
    let empty = documents.is_empty();
    view! {
        <Modal title="Open recent" testid="recent">
            <Show when=move || empty>
                <p class="muted">"Documents you replace (by importing, New or an example) appear here."</p>
            </Show>
            <ul class="choice-list">
                {documents
                    .into_iter()
                    .map(|doc| {
                        let text = doc.text.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="choice"
                                    data-testid="recent-item"
                                    on:click=move |_| {
                                        store.io.dialog.set(None);
                                        replace(store, OpenedDocument { text: text.clone(), origin: None, notes: Vec::new() });
                                    }
                                >
                                    <strong>{doc.title}</strong>
                                    <span class="muted">{format!("{} characters", doc.text.chars().count())}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Modal>
    }
}
