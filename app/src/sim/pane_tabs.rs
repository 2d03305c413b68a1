//! The left pane's tabs: the definition text, the inspector's forms, or the simulate
//! panel. All stay mounted (hidden, not dropped) so none loses what was typed.

use super::sim_panel::SimPanel;
use super::state::SimState;
use crate::inspector::Inspector;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pane {
    Definition,
    Inspector,
    Simulate,
}

#[component]
pub fn PaneTabs(children: Children) -> impl IntoView {
    let sim = SimState::new();
    provide_context(sim);
    let shown = RwSignal::new(Pane::Definition);
    let tab = move |pane: Pane, label: &'static str, testid: &'static str| {
        view! {
            <button role="tab" data-testid=testid aria-selected=move || (shown.get() == pane).to_string()
                on:click=move |_| {
                    shown.set(pane);
                    sim.on_show.set(pane == Pane::Simulate);
                }>{label}</button>
        }
    };
    view! {
        <div class="pane-tabs" role="tablist">
            {tab(Pane::Definition, "Definition", "tab-definition")}
            {tab(Pane::Inspector, "Inspector", "tab-inspector")}
            {tab(Pane::Simulate, "Simulate", "tab-simulate")}
        </div>
        <div class="tab-body" class:hidden=move || shown.get() != Pane::Definition>{children()}</div>
        <div class="tab-body" class:hidden=move || shown.get() != Pane::Inspector><Inspector /></div>
        <div class="tab-body" class:hidden=move || shown.get() != Pane::Simulate><SimPanel /></div>
    }
}
