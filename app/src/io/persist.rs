//! Where the work is kept: `localStorage` (the autosaved document and the recent list)
//! and the URL fragment (share links). Failures (storage disabled or full) cost the
//! convenience, never the open document.

use crate::store::{Store, STARTER_EXAMPLE};
use engine_core::session::{
    decode_fragment, decode_fragment_scenarios, encode_fragment, encode_fragment_with_scenarios,
    RecentList, SavedDocument, FRAGMENT_KEY,
};
use engine_core::sim::Scenarios;
use leptos::prelude::*;

const DOCUMENT_KEY: &str = "statelab.document";
const RECENT_KEY: &str = "statelab.recent";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The autosaved document, if there is a readable one.
pub fn load_saved() -> Option<SavedDocument> {
    SavedDocument::from_json(&storage()?.get_item(DOCUMENT_KEY).ok()??)
}

/// Autosaves `doc`; false when storage is disabled or full.
pub fn save(doc: &SavedDocument) -> bool {
    storage().is_some_and(|s| s.set_item(DOCUMENT_KEY, &doc.to_json()).is_ok())
}

/// The recent documents.
pub fn load_recent() -> RecentList {
    storage()
        .and_then(|s| s.get_item(RECENT_KEY).ok().flatten())
        .map(|j| RecentList::from_json(&j))
        .unwrap_or_default()
}

/// Adds `text` to the front of the recent list.
pub fn remember_recent(text: &str) {
    let mut list = load_recent();
    list.remember(text);
    if let Some(s) = storage() {
        let _ = s.set_item(RECENT_KEY, &list.to_json());
    }
}

/// The page's address with `text` (and the scenarios, when there are any) in its fragment.
pub fn share_url(text: &str, scenarios: Option<&Scenarios>) -> String {
    let location = window().location();
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let fragment = match scenarios {
        Some(s) => encode_fragment_with_scenarios(text, s),
        None => encode_fragment(text),
    };
    format!("{base}{fragment}")
}

/// Drops a share link's fragment from the address bar, so a reload shows the saved work.
pub fn clear_fragment() {
    let location = window().location();
    if location.hash().is_ok_and(|h| h.is_empty()) {
        return;
    }
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The store for this visit: a share link's machine when the address carries one, else
/// the autosaved document, else the starter example.
pub fn open_store() -> Store {
    let first = load_saved().unwrap_or_else(|| SavedDocument::from_text(STARTER_EXAMPLE));
    let store = Store::new(String::new());
    super::document::show(store, first);
    open_link_in_address(store);
    store
}

/// Shows the machine a share link in the address carries. The autosaved work is written
/// first and then left untouched until the person keeps the linked machine (or edits it).
pub fn open_link_in_address(store: Store) {
    let hash = window().location().hash().unwrap_or_default();
    if !hash.trim_start_matches('#').starts_with(FRAGMENT_KEY) {
        return;
    }
    match decode_fragment(&hash) {
        Ok(text) => {
            if store.io.from_link.with_untracked(Option::is_none) {
                save(&super::document::current(store));
            }
            store.io.from_link.set(Some(text.clone()));
            store.text.set(text);
            store.selection.set(None);
            store.view.set(None);
            store.io.origin.set(None);
            match decode_fragment_scenarios(&hash) {
                Some(Ok(s)) => store.io.bring_scenarios(Some(s)),
                Some(Err(e)) => {
                    store.io.bring_scenarios(None);
                    store.io.warn(format!("The link's scenarios could not be read: {e}."));
                }
                None => store.io.bring_scenarios(None),
            }
        }
        Err(e) => {
            store.io.warn(format!("The link could not be opened: {e}."));
            clear_fragment();
        }
    }
}
