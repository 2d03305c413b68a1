//! Starting a session from the document, input and mocks, and advancing it in slices:
//! each slice runs a bounded number of events, then yields to the browser.

use super::state::SimState;
use crate::store::Store;
use engine_core::json::parse_value;
use engine_core::run::StateMachine;
use engine_core::sim::{Session, Stop};
use leptos::prelude::*;
use std::time::Duration;

/// Events per slice: a few milliseconds of work, so input stays responsive.
const SLICE_EVENTS: usize = 400;

/// Builds a new session with the cursor before the first event; the error says what
/// is wrong with the definition, the input or the mocks.
pub fn start(store: Store, sim: SimState) -> Result<(), String> {
    let definition = store
        .parsed
        .get_untracked()
        .map_err(|e| format!("The definition is not valid JSON: {e}"))?;
    let machine = StateMachine::compile(&definition).map_err(|e| {
        format!(
            "The definition cannot run: {} (at {})",
            e.message, e.pointer
        )
    })?;
    let input = parse_value(&sim.input.get_untracked())
        .map_err(|e| format!("The execution input is not valid JSON: {e}"))?;
    let mocks = sim.drafts.with_untracked(|d| d.to_mocks()).map_err(|e| {
        if e.state.is_empty() {
            format!("Mocks: {}", e.message)
        } else {
            format!(
                "Mocks of {} (response {}): {}",
                e.state,
                e.index + 1,
                e.message
            )
        }
    })?;
    let mut session = Session::start(&machine, input, mocks, 0);
    session.breakpoints = sim.breakpoints.get_untracked();
    sim.session.set_value(Some(session));
    sim.rev.update(|r| *r += 1);
    Ok(())
}

/// Starts (or restarts) and runs to the end or the first breakpoint.
pub fn run(store: Store, sim: SimState) {
    match start(store, sim) {
        Ok(()) => {
            sim.error.set(None);
            resume(sim);
        }
        Err(e) => sim.error.set(Some(e)),
    }
}

/// Continues from the cursor to the next breakpoint or the end, one slice at a time.
pub fn resume(sim: SimState) {
    if sim.running.get_untracked() {
        return;
    }
    sim.running.set(true);
    slice(sim, true);
}

fn slice(sim: SimState, breakpoints: bool) {
    let bps = sim.breakpoints.get_untracked();
    let stop = sim.update_session(|s| {
        s.breakpoints = bps;
        s.advance(SLICE_EVENTS, breakpoints)
    });
    if stop == Some(Stop::Budget) && sim.running.get_untracked() {
        set_timeout(move || slice(sim, breakpoints), Duration::ZERO);
    } else {
        sim.running.set(false);
    }
}

/// Stops a run between slices.
pub fn pause(sim: SimState) {
    sim.running.set(false);
}
