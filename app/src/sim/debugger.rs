//! Debugger controls: step, step over a state, step back, a slider over every event
//! written, continue to the next breakpoint, and a breakpoint toggle for the selected state.
//! A step asked for before the recording has reached where it ends waits for it, and
//! says so.

use super::runner;
use super::state::use_sim;
use crate::store::use_store;
use engine_core::sim::{Pending, Session};
use leptos::prelude::*;
use runner::by_hand;

/// What a waiting step waits for, in words.
fn waiting_text(s: &Session) -> Option<String> {
    Some(match s.pending()? {
        Pending::Steps(1) => "Step: waiting for the next event to be recorded…".to_string(),
        Pending::Steps(n) => format!("{n} steps: waiting for the next events to be recorded…"),
        Pending::StepOver(visit) => {
            format!("Step over {}: waiting for its end to be recorded…", s.visits().visits()[visit].name)
        }
    })
}

#[component]
pub fn Debugger() -> impl IntoView {
    let store = use_store();
    let sim = use_sim();
    let position = move || {
        sim.with_session(|s| (s.cursor(), s.events().len(), s.finished()))
            .unwrap_or((0, 0, false))
    };
    // A waiting step: `Some(true)` for a step over, `Some(false)` for a step.
    let pending = move || {
        sim.with_session(|s| s.pending().map(|p| matches!(p, Pending::StepOver(_))))
            .flatten()
    };
    // The selected state's name: the last segment of its pointer.
    let selected = Memo::new(move |_| store.selection.get().map(|p| super::inspector::state_name(&p)));
    let toggle = move |_| {
        if let Some(name) = selected.get_untracked() {
            sim.breakpoints.update(|b| {
                if !b.remove(&name) {
                    b.insert(name);
                }
            });
        }
    };
    let has_bp = move || {
        selected
            .get()
            .is_some_and(|n| sim.breakpoints.with(|b| b.contains(&n)))
    };
    view! {
        <div class="sim-debugger" data-testid="sim-debugger">
            <button data-testid="sim-step-back" aria-label="Step back" on:click=move |_| by_hand(sim, Session::step_back)>"◀ Back"</button>
            <button data-testid="sim-step" aria-label="Step" aria-busy=move || (pending() == Some(false)).to_string()
                on:click=move |_| by_hand(sim, |s| { s.step_forward(); })>"Step ▶"</button>
            <button data-testid="sim-step-over" title="To the end of the current state, past everything nested in it"
                aria-busy=move || (pending() == Some(true)).to_string()
                on:click=move |_| by_hand(sim, |s| { s.step_over(); })>"Step over ⤼"</button>
            <button data-testid="sim-continue" on:click=move |_| runner::resume(sim)>"Continue ▶▶"</button>
            <button data-testid="sim-pause" disabled=move || !sim.running.get() on:click=move |_| runner::pause(sim)>"Pause"</button>
            <input type="range" min="0" data-testid="sim-cursor" aria-label="Event cursor"
                prop:max=move || position().1.to_string() prop:value=move || position().0.to_string()
                on:input=move |ev| {
                    let to = event_target_value(&ev).parse().unwrap_or(0);
                    by_hand(sim, |s| s.seek(to));
                } />
            <span class="sim-position" data-testid="sim-position">
                {move || { let (c, n, done) = position(); format!("event {c} of {n}{}", if done { "" } else { "+" }) }}
            </span>
            {move || sim.with_session(waiting_text).flatten().map(|t| view! {
                <span class="sim-waiting" role="status" data-testid="sim-step-waiting">{t}</span>
            })}
            <button data-testid="sim-breakpoint" disabled=move || selected.get().is_none() on:click=toggle
                aria-pressed=move || has_bp().to_string()>
                {move || match selected.get() {
                    Some(n) if has_bp() => format!("● Remove breakpoint on {n}"),
                    Some(n) => format!("○ Breakpoint on {n}"),
                    None => "Select a state to set a breakpoint".to_string(),
                }}
            </button>
        </div>
    }
}
