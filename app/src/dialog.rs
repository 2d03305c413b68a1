//! The one modal dialog frame: labelled by its title, closed by Escape, the backdrop or its
//! Close button, with focus moved into it when it opens. The I/O dialogs, the keyboard
//! chooser and the transition questions all draw their bodies inside it.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Dialog(
    #[prop(into)] title: String,
    /// Names the dialog for tests and its heading's id (`{testid}-title`).
    testid: &'static str,
    /// Extra classes beside `modal`.
    #[prop(optional)]
    class: &'static str,
    /// A `data-kind` for dialogs that take several forms.
    #[prop(optional, into)]
    kind: Option<&'static str>,
    #[prop(into)] on_close: Callback<()>,
    /// Where focus goes on opening (the first match in the body), else the Close button.
    #[prop(default = ".modal-body button")]
    focus: &'static str,
    /// Keys the body handles itself (Escape is always the frame's).
    #[prop(optional, into)]
    on_key: Option<Callback<web_sys::KeyboardEvent>>,
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let Some(panel) = panel.get() else { return };
        let first = panel
            .query_selector(focus)
            .ok()
            .flatten()
            .or_else(|| panel.query_selector(".modal-close").ok().flatten());
        if let Some(el) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
    let heading = format!("{testid}-title");
    view! {
        <div class="modal-backdrop" on:click=move |_| on_close.run(())>
            <div
                class=format!("modal {class}")
                role="dialog"
                aria-modal="true"
                aria-labelledby=heading.clone()
                data-testid=testid
                data-kind=kind
                node_ref=panel
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        on_close.run(());
                    } else if let Some(on_key) = on_key {
                        on_key.run(ev);
                    }
                }
            >
                <header class="modal-header">
                    <h2 id=heading.clone()>{title}</h2>
                    <button type="button" class="modal-close" aria-label="Close" on:click=move |_| on_close.run(())>"×"</button>
                </header>
                <div class="modal-body">{children()}</div>
            </div>
        </div>
    }
}
