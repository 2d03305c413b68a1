//! The pass/fail table: run one scenario or all of them in the simulator's worker (so the
//! page stays responsive) and compare each with its expected outcome.

use super::expected_editor::verdict_view;
use super::scenario_bar::switch_to;
use super::state::{use_sim, ScenarioRun, SimState};
use super::worker::{self, Channel};
use crate::store::{use_store, Store};
use engine_core::json::parse_value;
use engine_core::sim::{judge, Scenario, ScenarioBatch, ScenarioInput, ScenarioReply, Verdict};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;

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

/// Runs the scenarios at `indexes` in the simulator's worker (the page never links the
/// interpreter), recording each row as its result arrives. A scenario whose input or
/// mocks are not valid is recorded at once without running.
fn run_many(store: Store, sim: SimState, busy: RwSignal<bool>, indexes: Vec<usize>) {
    let definition = match store.parsed.get_untracked() {
        Ok(d) => d,
        Err(e) => {
            sim.error.set(Some(format!("The definition is not valid JSON: {e}")));
            return;
        }
    };
    sim.error.set(None);
    let scenarios = sim.snapshot();
    let mut sent = VecDeque::new();
    let mut runs = Vec::new();
    for scenario in indexes.iter().filter_map(|&i| scenarios.list.get(i)) {
        match scenario_input(scenario) {
            Ok(run) => {
                runs.push(run);
                sent.push_back(scenario.clone());
            }
            Err(e) => show(sim, ScenarioRun { name: scenario.name.clone(), outcome: Err(e), verdict: Verdict::Unchecked }),
        }
    }
    if runs.is_empty() {
        return;
    }
    busy.set(true);
    let batch = ScenarioBatch { definition, runs };
    let sent = RefCell::new(sent);
    worker::record(
        Channel::Scenarios,
        batch.to_json(),
        move |text| receive(sim, busy, &sent, &text),
        move |reason| {
            busy.set(false);
            sim.error.set(Some(reason));
        },
    );
}

/// The scenario's input and mocks as the worker takes them; the error is the row's outcome.
fn scenario_input(scenario: &Scenario) -> Result<ScenarioInput, String> {
    let input = parse_value(&scenario.input).map_err(|e| format!("The execution input is not valid JSON: {e}"))?;
    let mocks = scenario.mocks.to_case().map_err(|e| format!("{e}"))?;
    Ok(ScenarioInput { input, mocks })
}

/// One reply of the worker: the row of the next scenario sent, or why the batch stopped.
fn receive(sim: SimState, busy: RwSignal<bool>, sent: &RefCell<VecDeque<Scenario>>, text: &str) {
    let reply = ScenarioReply::from_json(text);
    let scenario = sent.borrow_mut().pop_front();
    let row = match (reply, scenario) {
        (Ok(ScenarioReply::Finished(result)), Some(scenario)) => ScenarioRun {
            verdict: judge(scenario.expected.as_ref(), &result),
            name: scenario.name,
            outcome: Ok(result.status),
        },
        (Ok(ScenarioReply::NotStarted(e)), Some(scenario)) => {
            ScenarioRun { name: scenario.name, outcome: Err(e), verdict: Verdict::Unchecked }
        }
        (Ok(ScenarioReply::Invalid(e)) | Err(e), _) => {
            sent.borrow_mut().clear();
            sim.error.set(Some(e));
            return finish(busy);
        }
        // More replies than scenarios sent: nothing is waiting for them.
        (Ok(_), None) => return finish(busy),
    };
    show(sim, row);
    if sent.borrow().is_empty() {
        finish(busy);
    }
}

fn finish(busy: RwSignal<bool>) {
    worker::stop(Channel::Scenarios);
    busy.set(false);
}

/// Puts `row` in the table, replacing the scenario's previous row.
fn show(sim: SimState, row: ScenarioRun) {
    sim.verdicts.update(|v| match v.iter_mut().find(|r| r.name == row.name) {
        Some(slot) => *slot = row,
        None => v.push(row),
    });
}
