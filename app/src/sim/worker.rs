//! The simulator's Web Worker seen from the page: started on the first run (its script
//! and the interpreter's wasm are fetched then, not at first load), one run at a time on
//! each channel (the debugger's run, the pass/fail table's scenarios), messages handed on
//! as text, each answered so the worker sends the next. Cancelling a run stops the worker
//! outright.

use engine_core::sim::{WORKER_NEXT, WORKER_READY};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Event, MessageEvent, Worker};

/// The loader Trunk writes for the `sim-worker` crate (see index.html).
const WORKER_SCRIPT: &str = "./sim-worker_loader.js";

/// The worker of the run in progress and its handlers (dropped with it).
struct Recording {
    worker: Worker,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(Event)>,
}

/// Which run a worker serves: each channel has its own worker, so running the scenarios
/// leaves the debugger's run alone.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Channel {
    Run = 0,
    Scenarios = 1,
}

thread_local! {
    static CURRENT: RefCell<[Option<Recording>; 2]> = const { RefCell::new([None, None]) };
    /// The last stopped run of each channel, kept until the next stop: `stop` may be
    /// called from inside one of its handlers, which must not be dropped while they run.
    static RETIRED: RefCell<[Option<Recording>; 2]> = const { RefCell::new([None, None]) };
}

/// Starts a worker for `request` on `channel` (replacing its run in progress).
/// `on_message` gets each message the worker posts; `on_failure` a readable reason when
/// the worker could not load or crashed. Both stop being called once `stop` is called.
pub fn record(
    channel: Channel,
    request: String,
    on_message: impl Fn(String) + 'static,
    on_failure: impl Fn(String) + 'static,
) {
    stop(channel);
    let worker = match Worker::new(WORKER_SCRIPT) {
        Ok(w) => w,
        Err(e) => return on_failure(format!("The simulator could not start: {}", describe(&e))),
    };
    let posted = worker.clone();
    let pending = RefCell::new(Some(request));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let text = ev.data().as_string().unwrap_or_default();
        if text == WORKER_READY {
            if let Some(request) = pending.borrow_mut().take() {
                // Posting text to a live worker cannot fail.
                let _ = posted.post_message(&JsValue::from_str(&request));
            }
        } else {
            on_message(text);
            // Read: the worker may send another (a stopped worker ignores this).
            let _ = posted.post_message(&JsValue::from_str(WORKER_NEXT));
        }
    });
    // An `ErrorEvent` with a message when the worker crashed; a plain `Event` when its
    // script could not be loaded.
    let on_error = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
        ev.prevent_default();
        let reason = js_sys::Reflect::get(&ev, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        stop(channel);
        on_failure(if reason.is_empty() {
            "The simulator could not be loaded; check the connection and reload the page.".to_string()
        } else {
            format!("The simulator stopped unexpectedly: {reason}")
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    CURRENT.with(|c| {
        c.borrow_mut()[channel as usize] = Some(Recording { worker, _on_message: on_message, _on_error: on_error });
    });
}

/// Stops the channel's run in progress, if any; nothing it posted afterwards is delivered.
pub fn stop(channel: Channel) {
    if let Some(r) = CURRENT.with(|c| c.borrow_mut()[channel as usize].take()) {
        r.worker.terminate();
        r.worker.set_onmessage(None);
        r.worker.set_onerror(None);
        // Dropping the previous retiree is safe: its worker is long gone.
        let previous = RETIRED.with(|slot| slot.borrow_mut()[channel as usize].replace(r));
        drop(previous);
    }
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Error::from(e.clone()).message().as_string())
        .unwrap_or_else(|| "unknown reason".to_string())
}
