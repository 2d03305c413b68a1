//! The example gallery: `examples/index.json` lists each definition in public/examples
//! (scripts/gallery-index.mjs writes it); choosing one fetches and opens it.

use super::browser::fetch_text;
use super::document::import_text;
use super::modal::Modal;
use crate::store::use_store;
use engine_core::json::parse_value;
use engine_core::Value;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone)]
struct Example {
    title: String,
    description: String,
    file: String,
}

fn read_index(json: &str) -> Vec<Example> {
    let Ok(Value::Array(items)) = parse_value(json) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let text = |key: &str| item.get(key).and_then(Value::as_str).map(String::from);
            let file = text("file")?;
            // Only plain file names: the index must not point the studio elsewhere.
            if file.contains('/') || file.contains("..") {
                return None;
            }
            Some(Example {
                title: text("title").unwrap_or_else(|| file.clone()),
                description: text("description").unwrap_or_default(),
                file,
            })
        })
        .collect()
}

#[component]
pub fn Gallery() -> impl IntoView {
    let store = use_store();
    let examples = RwSignal::new(None::<Result<Vec<Example>, String>>);
    spawn_local(async move {
        examples.set(Some(
            fetch_text("examples/index.json")
                .await
                .map(|j| read_index(&j)),
        ));
    });
    let open = move |file: String| {
        store.io.dialog.set(None);
        spawn_local(async move {
            match fetch_text(&format!("examples/{file}")).await {
                Ok(text) => import_text(store, &text),
                Err(e) => store.io.warn(e),
            }
        });
    };
    view! {
        <Modal title="Examples" testid="gallery">
            {move || match examples.get() {
                None => view! { <p class="muted">"Loading the examples…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="choice-list">
                        {list
                            .into_iter()
                            .map(|ex| {
                                let file = ex.file.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="choice"
                                            data-testid="gallery-item"
                                            data-file=ex.file.clone()
                                            on:click=move |_| open(file.clone())
                                        >
                                            <strong>{ex.title}</strong>
                                            <span class="muted">{ex.description}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </Modal>
    }
}
