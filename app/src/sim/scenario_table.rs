//! The pass/fail table: run one scenario or all of them in the simulator's worker (so
//! the page stays responsive) and compare each with its expected outcome.

use super::expected_editor::verdict_view;
use super::scenario_bar::switch_to;
use super::state::{use_sim, ScenarioRun, SimState};
use super::worker::{self, Job};
use crate::store::{use_store, Store};
use engine_core::sim::{judge, BatchMessage, BatchRequest, CursorResult, Scenario, Scenarios, Verdict, WorkerRequest};
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn ScenarioTable() -> impl IntoView {
    let store = use_store();
    let sim = use_sim();
    let busy = RwSignal::new(false);
    let rows = move || {
        let verdicts = sim.verdicts.get();
        sim.scenarios.with(|s| {
            s.list
                .iter()
                .enumerate()
                .map(|(i, sc)| {
                    let run = verdicts.iter().find(|r| r.name == sc.name).cloned();
                    let expected = sc
                        .expected
                        .as_ref()
                        .map(|e| e.status.clone())
                        .filter(|s| !s.is_empty())
                        .unwrap_or_else(|| "—".to_string());
                    let actual = match run.as_ref().map(|r| r.outcome.clone()) {
                        None => "not run".to_string(),
                        Some(Ok(status)) => status.to_string(),
                        Some(Err(e)) => e,
                    };
                    let verdict = run.map(|r| verdict_view(r.verdict));
                    view! {
                        <tr data-testid="sim-scenario-row" data-scenario=sc.name.clone() class:active=i == s.active>
                            <td><button class="link" title="Edit this scenario" on:click=move |_| switch_to(store, sim, i)>{sc.name.clone()}</button></td>
                            <td>{expected}</td>
                            <td data-testid="sim-scenario-actual">{actual}</td>
                            <td>{verdict}</td>
                            <td><button aria-label=format!("Run scenario {}", sc.name) data-testid="sim-scenario-run"
                                on:click=move |_| run_many(store, sim, busy, vec![i])>"Run"</button></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let summary = move || {
        let v = sim.verdicts.get();
        let pass = v.iter().filter(|r| r.verdict == Verdict::Pass).count();
        let fail = v.iter().filter(|r| matches!(r.verdict, Verdict::Fail(_)) || r.outcome.is_err()).count();
        (!v.is_empty()).then(|| format!("{pass} passed, {fail} failed"))
    };
    view! {
        <div class="sim-actions">
            <button data-testid="sim-run-all" disabled=move || busy.get()
                on:click=move |_| {
                    let all = (0..sim.scenarios.with_untracked(|s| s.list.len())).collect();
                    run_many(store, sim, busy, all);
                }>"Run all scenarios"</button>
            <span class="sim-note" data-testid="sim-scenario-summary">{summary}</span>
        </div>
        <table class="sim-scenario-table" data-testid="sim-scenario-table">
            <thead><tr><th>"Scenario"</th><th>"Expected"</th><th>"Actual"</th><th>"Result"</th><th></th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Runs the scenarios at `indexes` in the simulator's worker (the page is never held
/// by a run), recording each row as its result arrives.
fn run_many(store: Store, sim: SimState, busy: RwSignal<bool>, indexes: Vec<usize>) {
    let definition = match store.parsed.get_untracked() {
        Ok(d) => d,
        Err(e) => {
            sim.error.set(Some(format!("The definition is not valid JSON: {e}")));
            return;
        }
    };
    let all = sim.snapshot();
    let list: Vec<Scenario> = indexes.iter().filter_map(|&i| all.list.get(i).cloned()).collect();
    if list.is_empty() {
        return;
    }
    sim.error.set(None);
    busy.set(true);
    let batch = Scenarios { list, active: 0 };
    let sent = Rc::new(batch.list.clone());
    let request = WorkerRequest::Batch(BatchRequest { definition, scenarios: batch });
    let done = move |error: Option<String>| {
        worker::stop(Job::Batch);
        busy.set(false);
        if error.is_some() {
            sim.error.set(error);
        }
    };
    worker::start(
        Job::Batch,
        request.to_json(),
        move |text| match BatchMessage::from_json(&text) {
            Ok(BatchMessage::Row { row, outcome }) => {
                if let Some(scenario) = sent.get(row) {
                    record(sim, scenario, outcome);
                }
            }
            Ok(BatchMessage::End) => done(None),
            Ok(BatchMessage::Error(e)) | Err(e) => done(Some(e)),
        },
        move |reason| done(Some(reason)),
    );
}

/// Puts one scenario's result into the table, judged against its expected outcome.
fn record(sim: SimState, scenario: &Scenario, outcome: Result<CursorResult, String>) {
    let row = match outcome {
        Ok(result) => ScenarioRun {
            name: scenario.name.clone(),
            outcome: Ok(result.status),
            verdict: judge(scenario.expected.as_ref(), &result),
        },
        Err(e) => ScenarioRun {
            name: scenario.name.clone(),
            outcome: Err(e),
            verdict: Verdict::Unchecked,
        },
    };
    sim.verdicts.update(|v| match v.iter_mut().find(|r| r.name == row.name) {
        Some(slot) => *slot = row,
        None => v.push(row),
    });
}
