//! Starting a run and following it. The execution runs in the simulator's Web Worker
//! (`worker.rs`), so the page never waits for it; its recording arrives in chunks and
//! fills a recorded `Session`. A run "in progress" is the cursor following the recording
//! to the end or the first breakpoint as events arrive.

use super::state::SimState;
use super::worker::{self, Channel};
use crate::store::Store;
use engine_core::json::parse_value;
use engine_core::sim::{RecordingChunk, RunRequest, Session, Stop};
use leptos::prelude::*;
use std::cell::Cell;

/// Starts recording a new run with the cursor before the first event; the error says
/// what is wrong with the definition, the input or the mocks (what the interpreter
/// rejects arrives later, as `sim.error`).
pub fn start(store: Store, sim: SimState) -> Result<(), String> {
    let definition = store
        .parsed
        .get_untracked()
        .map_err(|e| format!("The definition is not valid JSON: {e}"))?;
    let input = parse_value(&sim.input.get_untracked())
        .map_err(|e| format!("The execution input is not valid JSON: {e}"))?;
    let mocks = sim.drafts.with_untracked(|d| d.to_case()).map_err(|e| {
        format!(
            "Mocks of {} (response {}): {}",
            e.state,
            e.index + 1,
            e.message
        )
    })?;
    let request = RunRequest { definition, input, mocks };
    let mut session = Session::recorded();
    session.breakpoints = sim.breakpoints.get_untracked();
    sim.session.set_value(Some(session));
    sim.running.set(false);
    sim.recording.set(true);
    sim.rev.update(|r| *r += 1);
    worker::record(
        Channel::Run,
        request.to_json(),
        move |text| receive(sim, &text),
        move |reason| fail(sim, reason),
    );
    Ok(())
}

/// Starts (or restarts) and follows the run to the end or the first breakpoint.
pub fn run(store: Store, sim: SimState) {
    match start(store, sim) {
        Ok(()) => {
            sim.error.set(None);
            resume(sim);
        }
        Err(e) => sim.error.set(Some(e)),
    }
}

/// Follows the recording from the cursor to the next breakpoint or the end.
pub fn resume(sim: SimState) {
    if sim.running.get_untracked() {
        return;
    }
    sim.running.set(true);
    follow(sim);
}

/// Stops following; the recording goes on.
pub fn pause(sim: SimState) {
    sim.running.set(false);
}

/// Stops the run: the worker ends, the session keeps what was recorded so far.
pub fn cancel(sim: SimState) {
    if !sim.recording.get_untracked() {
        return;
    }
    worker::stop(Channel::Run);
    sim.recording.set(false);
    sim.running.set(false);
    let received = sim.with_session(|s| s.events().len()).unwrap_or(0);
    sim.error.set(Some(format!(
        "Run cancelled after {received} events; the history shows them."
    )));
}

/// One message from the worker: added to the session at once, shown at the next frame.
fn receive(sim: SimState, text: &str) {
    let received = RecordingChunk::from_json(text).and_then(|chunk| {
        sim.session
            .try_update_value(|s| s.as_mut().map(|s| s.receive(chunk)))
            .flatten()
            .unwrap_or(Ok(()))
    });
    if let Err(reason) = received {
        fail(sim, reason);
        return;
    }
    if sim.session.with_value(|s| s.as_ref().is_some_and(Session::finished)) {
        worker::stop(Channel::Run);
        sim.recording.set(false);
    }
    show_next_frame(sim);
}

thread_local! {
    static FRAME_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// However many chunks arrive within a frame, the views update once, in that frame.
fn show_next_frame(sim: SimState) {
    if FRAME_REQUESTED.with(|f| f.replace(true)) {
        return;
    }
    request_animation_frame(move || {
        FRAME_REQUESTED.with(|f| f.set(false));
        if sim.running.get_untracked() {
            follow(sim);
        } else {
            sim.rev.update(|r| *r += 1);
        }
    });
}

/// Moves the cursor over what has arrived, up to a breakpoint or the end.
fn follow(sim: SimState) {
    let bps = sim.breakpoints.get_untracked();
    let stop = sim.update_session(|s| {
        s.breakpoints = bps;
        s.advance(usize::MAX, true)
    });
    if stop != Some(Stop::Budget) {
        sim.running.set(false);
    }
}

/// The run could not start or the worker failed: nothing to show but the reason.
fn fail(sim: SimState, reason: String) {
    worker::stop(Channel::Run);
    sim.session.set_value(None);
    sim.rev.update(|r| *r += 1);
    sim.recording.set(false);
    sim.running.set(false);
    sim.error.set(Some(reason));
}
