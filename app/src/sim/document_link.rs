//! The scenarios belong to the document: when a document comes in (reload, open, undo,
//! share link) its scenarios are shown, and everything typed in the panel is written
//! back to the store, where autosave and share links pick it up.

use super::state::SimState;
use crate::store::Store;
use engine_core::sim::{task_states, MockDrafts, Scenarios};
use leptos::prelude::*;

/// Connects the panel's scenarios with the open document, both ways.
pub fn keep_with_document(store: Store, sim: SimState) {
    let shown = StoredValue::new(false);
    Effect::new(move |_| {
        store.io.scenarios_rev.track();
        let tasks = store
            .last_good
            .with_untracked(|d| d.as_ref().map(task_states))
            .unwrap_or_default();
        let mut scenarios = store.io.scenarios.get_untracked().unwrap_or_else(|| {
            let mut fresh = Scenarios::default();
            fresh.active_mut().mocks = MockDrafts::starters(&tasks);
            fresh
        });
        let aligned = scenarios.active().mocks.align(&tasks);
        scenarios.active_mut().mocks = aligned;
        sim.verdicts.set(Vec::new());
        sim.load(scenarios);
        shown.set_value(true);
    });
    Effect::new(move |_| {
        sim.input.track();
        sim.mocks_shape.track();
        sim.edits.track();
        sim.scenarios.track();
        // Not before the document's own scenarios are on show: they would be overwritten.
        if shown.get_value() {
            store.io.scenarios.set(Some(sim.snapshot()));
        }
    });
}
