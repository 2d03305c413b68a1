//! The execution input, validated as JSON on every keystroke.

use super::state::use_sim;
use engine_core::json::parse_value;
use leptos::prelude::*;

#[component]
pub fn InputEditor() -> impl IntoView {
    let sim = use_sim();
    let problem = Memo::new(move |_| {
        sim.input
            .with(|t| parse_value(t).err().map(|e| e.to_string()))
    });
    view! {
        <label class="sim-label" for="sim-input">"Execution input"</label>
        <textarea id="sim-input" class="sim-json" class:invalid=move || problem.get().is_some() data-testid="sim-input"
            spellcheck="false" rows="4" prop:value=move || sim.input.get()
            on:input=move |ev| sim.input.set(event_target_value(&ev))></textarea>
        {move || problem.get().map(|e| view! { <p class="sim-error" data-testid="sim-input-error">"Input is not valid JSON: " {e}</p> })}
    }
}
