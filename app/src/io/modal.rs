//! A modal dialog frame: labelled, closed by Escape, the backdrop or its Close button,
//! with focus moved into it when it opens.

use crate::store::use_store;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn Modal(title: &'static str, testid: &'static str, children: Children) -> impl IntoView {
    let store = use_store();
    let close = move || store.io.dialog.set(None);
    let panel = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            // The first choice in the body, else the Close button.
            let first = panel
                .query_selector(".modal-body button")
                .ok()
                .flatten()
                .or_else(|| panel.query_selector("button").ok().flatten());
            if let Some(el) =
                first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        }
    });
    let heading = format!("{testid}-title");
    view! {
        <div class="modal-backdrop" on:click=move |_| close()>
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby=heading.clone()
                data-testid=testid
                node_ref=panel
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        close();
                    }
                }
            >
                <header class="modal-header">
                    <h2 id=heading.clone()>{title}</h2>
                    <button type="button" class="modal-close" aria-label="Close" on:click=move |_| close()>"×"</button>
                </header>
                <div class="modal-body">{children()}</div>
            </div>
        </div>
    }
}
