//! Autosave: every change to the document (text, selection, pan and zoom, simulate scenarios) is written to `localStorage` shortly after it
//! happens, and at once when the page is hidden or closed. While a share link is on show
//! nothing is written; an edit to the linked text counts as keeping it.

use super::document::current;
use super::persist::{clear_fragment, save};
use crate::store::use_store;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

const DEBOUNCE: Duration = Duration::from_millis(300);

#[component]
pub fn Autosave() -> impl IntoView {
    let store = use_store();
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let warned = StoredValue::new(false);
    let write = move || {
        if store.io.from_link.with_untracked(Option::is_some) {
            return;
        }
        if !save(&current(store)) && !warned.get_value() {
            warned.set_value(true);
            store.io.warn(
                "Your browser does not let the studio save; keep a downloaded copy of your work.",
            );
        }
    };
    Effect::new(move |_| {
        let text = store.text.get();
        store.selection.track();
        store.view.track();
        store.io.origin.track();
        store.io.scenarios.track();
        let linked = store.io.from_link.get();
        if linked.as_ref().is_some_and(|l| *l != text) {
            store.io.from_link.set(None);
            clear_fragment();
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(set_timeout_with_handle(write, DEBOUNCE).ok());
    });
    let hide = window_event_listener(ev::pagehide, move |_| write());
    on_cleanup(move || hide.remove());
}
