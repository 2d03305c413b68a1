//! The hidden file input behind "Open file…".

use super::browser::read_file;
use super::document::import_text;
use crate::store::use_store;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The input's element id, clicked by the "open-file" action.
pub const FILE_INPUT_ID: &str = "io-open-file";

#[component]
pub fn FileInput() -> impl IntoView {
    let store = use_store();
    view! {
        <input
            type="file"
            id=FILE_INPUT_ID
            class="visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            data-testid="open-file-input"
            accept=".json,.yaml,.yml,.asl,.template,application/json,application/yaml,text/yaml,text/plain"
            on:change=move |ev| {
                let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
                let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
                // Cleared so choosing the same file again still fires a change.
                input.set_value("");
                spawn_local(async move {
                    match read_file(&file).await {
                        Some(text) => import_text(store, &text),
                        None => store.io.warn(format!("{} could not be read as text.", file.name())),
                    }
                });
            }
        />
    }
}
