//! The simulate panel's layout: the scenario, its input, mocks and expected outcome,
//! Run, the result, the scenarios' pass/fail table, the debugger, the Map/Parallel
//! iterations, the data-flow inspector, the timeline and the history table.

use super::debugger::Debugger;
use super::document_link::keep_with_document;
use super::expected_editor::ExpectedEditor;
use super::map_sources_editor::MapSourcesEditor;
use super::mock_export::MockExport;
use super::scenario_bar::ScenarioBar;
use super::scenario_table::ScenarioTable;
use super::history_table::HistoryTable;
use super::input_editor::InputEditor;
use super::inspector::Inspector;
use super::iterations::Iterations;
use super::mock_import::MockImport;
use super::mocks_editor::MocksEditor;
use super::result_view::ResultView;
use super::runner;
use super::state::use_sim;
use super::timeline_view::TimelineView;
use crate::store::use_store;
use engine_core::sim::RunStatus;
use leptos::prelude::*;

#[component]
pub fn SimPanel() -> impl IntoView {
    let store = use_store();
    let sim = use_sim();
    keep_with_document(store, sim);
    // The graph follows the cursor: each state's status at it, by name; a Map's nested
    // states as in its picked iteration.
    Effect::new(move |_| {
        let picks = sim.pick_list();
        let statuses = sim.with_session(|s| s.statuses_picked(&picks)).unwrap_or_default();
        store.run_status.set(
            statuses
                .into_iter()
                .map(|(name, st)| (name.to_string(), status_class(st)))
                .collect(),
        );
    });
    view! {
        <div class="sim" data-testid="sim-panel">
            <ScenarioBar />
            <InputEditor />
            <MockImport />
            <MockExport />
            <MocksEditor />
            <MapSourcesEditor />
            <ExpectedEditor />
            <div class="sim-actions">
                <button class="primary" data-testid="sim-run" on:click=move |_| runner::run(store, sim)>"Run"</button>
                <button data-testid="sim-debug" on:click=move |_| match runner::start(store, sim) {
                    Ok(()) => sim.error.set(None),
                    Err(e) => sim.error.set(Some(e)),
                }>"Debug from start"</button>
                <button data-testid="sim-cancel" disabled=move || !sim.recording.get()
                    on:click=move |_| runner::cancel(sim)>"Cancel run"</button>
            </div>
            {move || sim.error.get().map(|e| view! { <p class="sim-error" role="alert" data-testid="sim-run-error">{e}</p> })}
            <ResultView />
            <h3 class="sim-heading">"Scenarios"</h3>
            <ScenarioTable />
            <Debugger />
            <details class="sim-section" open data-testid="sim-iterations">
                <summary class="sim-heading">"Map iterations and Parallel branches"</summary>
                <Iterations />
            </details>
            <Inspector />
            <details class="sim-section" open data-testid="sim-timeline-section">
                <summary class="sim-heading">"Timeline"</summary>
                <TimelineView />
            </details>
            <HistoryTable />
        </div>
    }
}

/// The class (and word) the canvas shows for a status.
pub fn status_class(status: RunStatus) -> &'static str {
    match status {
        RunStatus::InProgress => "in-progress",
        RunStatus::Succeeded => "succeeded",
        RunStatus::Caught => "caught",
        RunStatus::Failed => "failed",
        RunStatus::Cancelled => "cancelled",
    }
}
