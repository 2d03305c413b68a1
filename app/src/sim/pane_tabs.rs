//! The left pane's tabs: the definition text, or the simulate panel. Both stay mounted
//! (hidden, not dropped) so neither loses what was typed.

use super::sim_panel::SimPanel;
use super::state::SimState;
use leptos::prelude::*;

#[component]
pub fn PaneTabs(children: Children) -> impl IntoView {
    provide_context(SimState::new());
    let simulate = RwSignal::new(false);
    view! {
        <div class="pane-tabs" role="tablist">
            <button role="tab" data-testid="tab-definition" aria-selected=move || (!simulate.get()).to_string()
                on:click=move |_| simulate.set(false)>"Definition"</button>
            <button role="tab" data-testid="tab-simulate" aria-selected=move || simulate.get().to_string()
                on:click=move |_| simulate.set(true)>"Simulate"</button>
        </div>
        <div class="tab-body" class:hidden=move || simulate.get()>{children()}</div>
        <div class="tab-body" class:hidden=move || !simulate.get()><SimPanel /></div>
    }
}
