//! The studio page: the definition text, and the graph drawn from it.

use crate::store::{provide_store, Store, STARTER_EXAMPLE};
use crate::{code_editor::CodeEditor, graph_view::GraphView, problems::ProblemsPanel};
use leptos::prelude::*;

#[component]
pub fn Studio() -> impl IntoView {
    let store = Store::new(STARTER_EXAMPLE.to_string());
    provide_store(store);
    let (parsed, last_good) = (store.parsed, store.last_good);
    view! {
        <header class="topbar">
            <h1>"StateLab"</h1>
            <span class="tagline">"Amazon States Language studio"</span>
        </header>
        <main class="workspace">
            <section class="pane code-pane" aria-label="Definition">
                <CodeEditor />
                <ProblemsPanel />
            </section>
            <section class="pane graph-pane" aria-label="Graph">
                // While the text does not parse, the last good graph stays, greyed, under the error.
                {move || parsed.get().err().map(|message| view! {
                    <p class="error" role="alert" data-testid="parse-error">{format!("The definition is not valid JSON: {message}")}</p>
                })}
                <div class="graph-frame" class:stale=move || parsed.with(Result::is_err)>
                    {move || last_good.get().map(|definition| view! { <GraphView definition=definition /> })}
                </div>
            </section>
        </main>
    }
}
