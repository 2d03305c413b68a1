//! Page-wide listeners: Ctrl+V outside the editor replaces the document, the registry's
//! keyboard shortcuts, and share links arriving through the address bar.

use super::actions::ACTIONS;
use super::document::import_text;
use super::persist::open_link_in_address;
use crate::store::use_store;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the event happened where typing or pasting is text editing.
fn in_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    element
        .closest("input, textarea, [contenteditable], [data-testid=\"code-view\"]")
        .ok()
        .flatten()
        .is_some()
}

#[component]
pub fn PageListeners() -> impl IntoView {
    let store = use_store();
    let paste = window_event_listener(ev::paste, move |event| {
        if event.default_prevented() || in_text_field(event.target()) {
            return;
        }
        // States on the studio's own clipboard are what Ctrl+V pastes in the graph.
        if crate::editing::graph_focused() && store.edit.clipboard.with_untracked(Option::is_some) {
            return;
        }
        let Some(text) = event
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if text.trim().is_empty() {
            return;
        }
        event.prevent_default();
        import_text(store, &text);
    });
    let keys = window_event_listener(ev::keydown, move |event| {
        let Some(action) = ACTIONS
            .iter()
            .find(|a| a.shortcut.is_some_and(|s| s.matches(&event)))
        else {
            return;
        };
        if !action.while_typing && typing(&event) {
            return;
        }
        if action.graph_only && !crate::editing::graph_focused() {
            return;
        }
        // A graph action with nothing to act on leaves the key to the browser (Ctrl+C
        // copies text, Ctrl+V imports a pasted definition).
        let enabled = (action.enabled)(store);
        if action.graph_only && !enabled {
            return;
        }
        event.prevent_default();
        if enabled {
            (action.perform)(store);
        }
    });
    // A share link opened while the studio is already open changes only the fragment.
    let hash = window_event_listener(ev::hashchange, move |_| open_link_in_address(store));
    on_cleanup(move || {
        paste.remove();
        keys.remove();
        hash.remove();
    });
}

/// Whether `event` comes from a text field or the code view.
fn typing(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el
            .closest("[contenteditable='true'], .cm-editor")
            .ok()
            .flatten()
            .is_some()
}
