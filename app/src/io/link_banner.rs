//! "Opened from a link — Keep / Discard": a shared machine is on show, and the person's
//! autosaved work stays untouched until they keep it (or start editing it).

use super::document::show;
use super::persist::{clear_fragment, load_saved};
use crate::store::{use_store, STARTER_EXAMPLE};
use engine_core::session::SavedDocument;
use leptos::prelude::*;

#[component]
pub fn LinkBanner() -> impl IntoView {
    let store = use_store();
    let keep = move |_| {
        store.io.from_link.set(None);
        clear_fragment();
    };
    let discard = move |_| {
        clear_fragment();
        show(
            store,
            load_saved().unwrap_or_else(|| SavedDocument::from_text(STARTER_EXAMPLE)),
        );
    };
    view! {
        <Show when=move || store.io.from_link.with(Option::is_some)>
            <div class="link-banner" role="region" aria-label="Opened from a link" data-testid="link-banner">
                <span>"Opened from a link — your saved work is untouched until you keep this."</span>
                <button type="button" data-testid="link-keep" aria-label="Keep the linked machine" on:click=keep>"Keep"</button>
                <button type="button" data-testid="link-discard" aria-label="Discard the linked machine" on:click=discard>"Discard"</button>
            </div>
        </Show>
    }
}
