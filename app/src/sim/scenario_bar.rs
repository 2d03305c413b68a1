//! The document's scenarios: pick the one to edit, add, duplicate, rename, delete.
//! Switching keeps what was typed in the one left.

use super::state::{use_sim, SimState};
use crate::store::{use_store, Store};
use engine_core::sim::{task_states, MockDrafts};
use leptos::prelude::*;

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let store = use_store();
    let sim = use_sim();
    let problem = RwSignal::new(None::<String>);
    let options = move || {
        sim.scenarios.with(|s| {
            s.list
                .iter()
                .enumerate()
                .map(|(i, sc)| view! { <option value=i.to_string() selected=i == s.active>{sc.name.clone()}</option> })
                .collect_view()
        })
    };
    let active_index = move || sim.scenarios.with(|s| s.active);
    let rename = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        let mut all = sim.snapshot();
        let i = all.active;
        match all.rename(i, &name) {
            Ok(()) => {
                problem.set(None);
                sim.scenarios.set(all);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <div class="sim-scenarios" data-testid="sim-scenarios">
            <label class="sim-label" for="sim-scenario">"Scenario"</label>
            <select id="sim-scenario" data-testid="sim-scenario" prop:value=move || active_index().to_string()
                on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse() {
                        switch_to(store, sim, i);
                    }
                }>
                {options}
            </select>
            <input data-testid="sim-scenario-name" aria-label="Scenario name"
                prop:value=move || sim.scenarios.with(|s| s.active().name.clone()) on:change=rename />
            <button data-testid="sim-scenario-add" on:click=move |_| {
                let mut all = sim.snapshot();
                all.add(starters(store));
                sim.load(all);
            }>"+ New"</button>
            <button data-testid="sim-scenario-duplicate" on:click=move |_| {
                let mut all = sim.snapshot();
                all.duplicate(all.active);
                sim.load(all);
            }>"Duplicate"</button>
            <button data-testid="sim-scenario-delete" disabled=move || sim.scenarios.with(|s| s.list.len() < 2)
                on:click=move |_| {
                    let mut all = sim.snapshot();
                    if all.delete(all.active) {
                        sim.load(all);
                    }
                }>"Delete"</button>
        </div>
        {move || problem.get().map(|e| view! { <p class="sim-error" role="alert" data-testid="sim-scenario-error">{e}</p> })}
    }
}

/// Makes scenario `index` the one edited, keeping what was typed in the current one.
pub fn switch_to(store: Store, sim: SimState, index: usize) {
    let mut all = sim.snapshot();
    if index >= all.list.len() {
        return;
    }
    all.active = index;
    let tasks = store
        .last_good
        .with_untracked(|d| d.as_ref().map(task_states))
        .unwrap_or_default();
    let aligned = all.active().mocks.align(&tasks);
    all.active_mut().mocks = aligned;
    sim.load(all);
}

fn starters(store: Store) -> MockDrafts {
    store
        .last_good
        .with_untracked(|d| d.as_ref().map(|d| MockDrafts::starters(&task_states(d))))
        .unwrap_or_default()
}
