//! The studio page: the definition text, and the graph drawn from it.

use crate::{code_view::CodeView, graph_view::GraphView};
use engine_core::json::parse_value;
use leptos::prelude::*;

/// The example a first visit opens with: the game-housekeeping lab.
const STARTER_EXAMPLE: &str = include_str!("../../public/examples/game-housekeeping.asl.json");

#[component]
pub fn Studio() -> impl IntoView {
    let text = RwSignal::new(STARTER_EXAMPLE.to_string());
    let parsed = Memo::new(move |_| text.with(|t| parse_value(t).map_err(|e| e.to_string())));
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
                {move || match parsed.get() {
                    Ok(definition) => view! { <GraphView definition=definition /> }.into_any(),
                    Err(message) => view! {
                        <p class="error" role="alert">{format!("The definition is not valid JSON: {message}")}</p>
                    }.into_any(),
                }}
            </section>
        </main>
    }
}
