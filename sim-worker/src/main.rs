//! The simulator's Web Worker. The studio posts a run request (JSON text); the worker
//! runs the execution to its end with engine-core's interpreter and posts the recording
//! back chunk by chunk, so a long run never blocks the page. A panic is reported as a
//! recording error before the worker stops. Loaded only when the studio first runs a
//! machine, which keeps the interpreter out of the page's first load.

use engine_core::sim::{Recorder, RecordingChunk, RunRequest, WORKER_READY};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Events (or inspection records) per message: small enough that the page reads one in
/// a few milliseconds.
const CHUNK: usize = 500;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(text: &str) {
    // Posting a string to the page that created this worker cannot fail.
    let _ = scope().post_message(&JsValue::from_str(text));
}

fn record(request: &str) {
    match RunRequest::from_json(request).and_then(|r| Recorder::start(&r)) {
        Ok(mut recorder) => {
            while let Some(chunk) = recorder.next_chunk(CHUNK) {
                post(&chunk.to_json());
            }
        }
        Err(message) => post(&RecordingChunk::Error(message).to_json()),
    }
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("The simulator stopped unexpectedly: {info}");
        post(&RecordingChunk::Error(message).to_json());
    }));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|ev: MessageEvent| {
        match ev.data().as_string() {
            Some(request) => record(&request),
            None => post(&RecordingChunk::Error("The run request is not text".into()).to_json()),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before the handler existed would be lost: the page waits for this.
    post(WORKER_READY);
}
