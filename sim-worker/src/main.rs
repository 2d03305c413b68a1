//! The simulator's Web Worker. The studio posts a run request (JSON text); the worker
//! runs the execution with engine-core's interpreter and posts the recording back chunk
//! by chunk, so a long run never blocks the page. It keeps a couple of chunks ahead of
//! the page and sends the next one each time the page says it has read one, so the
//! page's queue never fills with chunks. A panic is reported as a recording error before
//! the worker stops. A batch of scenarios for the pass/fail table is answered instead
//! with one result per scenario. Loaded only when the studio first runs a machine, which
//! keeps the interpreter out of the page's first load.

use engine_core::sim::{
    Recorder, RecordingChunk, RunRequest, ScenarioBatch, ScenarioReply, SCENARIO_BATCH_PREFIX, WORKER_NEXT,
    WORKER_READY,
};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Events (or inspection records) per message: small enough that the page reads one in
/// a few milliseconds.
const CHUNK: usize = 200;
/// Chunks sent ahead of the page's replies, so the next one is ready when it asks.
const AHEAD: usize = 2;

/// The run being recorded and how many chunks the page may still be sent.
struct Run {
    recorder: Recorder,
    credit: usize,
}

thread_local! {
    static RUN: RefCell<Option<Run>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(text: &str) {
    // Posting a string to the page that created this worker cannot fail.
    let _ = scope().post_message(&JsValue::from_str(text));
}

fn start(request: &str) {
    match RunRequest::from_json(request).and_then(|r| Recorder::start(&r)) {
        Ok(recorder) => {
            RUN.with(|r| *r.borrow_mut() = Some(Run { recorder, credit: AHEAD }));
            send();
        }
        Err(message) => post(&RecordingChunk::Error(message).to_json()),
    }
}

/// Runs every scenario of the batch, posting each one's result as it ends.
fn run_scenarios(request: &str) {
    match ScenarioBatch::from_json(request) {
        Ok(batch) => batch.run(|reply| post(&reply.to_json())),
        Err(message) => post(&ScenarioReply::Invalid(message).to_json()),
    }
}

/// Sends chunks while the page has credit; forgets the run after its last chunk.
fn send() {
    RUN.with(|slot| {
        let mut slot = slot.borrow_mut();
        while let Some(run) = slot.as_mut().filter(|r| r.credit > 0) {
            match run.recorder.next_chunk(CHUNK) {
                Some(chunk) => {
                    run.credit -= 1;
                    post(&chunk.to_json());
                }
                None => *slot = None,
            }
        }
    });
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("The simulator stopped unexpectedly: {info}");
        post(&RecordingChunk::Error(message).to_json());
    }));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|ev: MessageEvent| {
        match ev.data().as_string() {
            Some(text) if text == WORKER_NEXT => {
                RUN.with(|r| {
                    if let Some(run) = r.borrow_mut().as_mut() {
                        run.credit += 1;
                    }
                });
                send();
            }
            Some(request) if request.starts_with(SCENARIO_BATCH_PREFIX) => run_scenarios(&request),
            Some(request) => start(&request),
            None => post(&RecordingChunk::Error("The run request is not text".into()).to_json()),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before the handler existed would be lost: the page waits for this.
    post(WORKER_READY);
}
