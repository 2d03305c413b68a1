//! The studio page: the definition text, and the graph drawn from it.

use crate::store::{provide_store, Store, STARTER_EXAMPLE};
use crate::{canvas::Canvas, code_view::CodeView};
use leptos::prelude::*;

#[component]
pub fn Studio() -> impl IntoView {
    let store = Store::new(STARTER_EXAMPLE.to_string());
    provide_store(store);
    let text = store.text;
    view! {
        <header class="topbar">
            <h1>"StateLab"</h1>
            <span class="tagline">"Amazon States Language studio"</span>
        </header>
        <main class="workspace">
            <section class="pane code-pane" aria-label="Definition">
                <CodeView text=text />
            </section>
            <section class="pane graph-pane" aria-label="Graph">
                <Canvas />
            </section>
        </main>
    }
}
