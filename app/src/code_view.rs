//! The definition as text, editable.

use leptos::prelude::*;

#[component]
pub fn CodeView(text: RwSignal<String>) -> impl IntoView {
    view! {
        <textarea
            class="code"
            data-testid="code-view"
            spellcheck="false"
            wrap="off"
            aria-label="Definition text"
            prop:value=move || text.get()
            on:input=move |ev| text.set(event_target_value(&ev))
        ></textarea>
    }
}
