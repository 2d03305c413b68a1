//! The studio page: the definition text, and the graph drawn from it.

use crate::store::provide_store;
use crate::{code_view::CodeView, graph_view::GraphView};
use leptos::prelude::*;

#[component]
pub fn Studio() -> impl IntoView {
    let store = crate::io::open_store();
    provide_store(store);
    let (text, parsed) = (store.text, store.parsed);
    view! {
        <header class="topbar">
            <h1>"StateLab"</h1>
            <span class="tagline">"Amazon States Language studio"</span>
            <crate::io::Toolbar />
        </header>
        <crate::io::IoLayer />
        <main class="workspace">
            <section class="pane code-pane" aria-label="Definition">
                <CodeView text=text />
            </section>
            <section class="pane graph-pane" aria-label="Graph">
                {move || parsed.get().err().map(|message| view! {
                    <p class="error" role="alert" data-testid="parse-error">{format!("The definition is not valid JSON: {message}")}</p>
                })}
                // While the text is broken the last good graph stays, greyed.
                {move || store.last_good.get().map(|definition| view! {
                    <div class:stale=move || parsed.with(Result::is_err)><GraphView definition=definition /></div>
                })}
            </section>
        </main>
    }
}
