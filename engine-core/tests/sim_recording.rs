//! Every shared example case recorded as the simulator's worker records it, passed
//! through the recording's JSON text into a recorded session, as the page receives it:
//! the session at its last event shows the case's expected status, output or
//! error/cause, and its virtual duration; and it reads exactly as a session that ran the
//! execution itself (events, inspection records, Map/Parallel groups, timeline).

use engine_core::json::parse_value;
use engine_core::run::{Mocks, StateMachine};
use engine_core::sim::{Recorder, RecordingChunk, RunRequest, Session, Stop};
use engine_core::Value;
use std::path::PathBuf;

mod common;

fn read(path: PathBuf) -> Value {
    parse_value(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn request(case: &Value, dir: &std::path::Path) -> RunRequest {
    RunRequest {
        definition: read(dir.join(case.get("definition_file").unwrap().as_str().unwrap())),
        input: case.get("input").cloned().unwrap_or_else(Value::object),
        mocks: case.get("mocks").cloned().unwrap_or_else(Value::object),
    }
}

/// The case's run, recorded in chunks of `chunk` and received through JSON text.
fn record(request: &RunRequest, chunk: usize) -> Session {
    let mut recorder = Recorder::start(&RunRequest::from_json(&request.to_json()).unwrap()).unwrap();
    let mut session = Session::recorded();
    while let Some(c) = recorder.next_chunk(chunk) {
        session.receive(RecordingChunk::from_text(&c.to_text()).unwrap()).unwrap();
    }
    session
}

#[test]
fn every_example_case_recorded_elsewhere_shows_its_expected_result() {
    let dir = common::shared_dir().join("examples");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".case.json"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 6, "the shared examples have their cases");
    for path in cases {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let case = read(path);
        let expected = case.get("expected").unwrap();
        let request = request(&case, &dir);
        let mut session = record(&request, 3);
        let machine = StateMachine::compile(&request.definition).unwrap();
        let mut live = Session::start(&machine, request.input.clone(), Mocks::from_case(&request.mocks).unwrap(), 0);
        while live.advance(1000, false) == Stop::Budget {}
        assert_eq!(session.events(), live.events(), "{name}: events");
        assert_eq!(session.visits().nesting(), live.visits().nesting(), "{name}: nesting");
        assert_eq!(session.visits().visits(), live.visits().visits(), "{name}: visits");
        assert!(session.finished(), "{name}: the whole recording arrived");
        session.seek(session.events().len());
        assert_eq!(session.groups(), live.groups(), "{name}: groups");
        assert_eq!(session.timeline(), live.timeline(), "{name}: timeline");
        for e in session.events().iter().filter_map(|e| e.details.name.as_deref()) {
            assert_eq!(session.inspection(e), live.inspection(e), "{name}: inspection of {e}");
        }
        let result = session.result();
        assert_eq!(Some(result.status), expected.get("status").and_then(Value::as_str), "{name}: status");
        if let Some(output) = expected.get("output") {
            assert_eq!(result.output.as_deref(), Some(output), "{name}: output");
        }
        let failure = result.failure.unwrap_or(engine_core::Failure { error: None, cause: None });
        if let Some(error) = expected.get("error").and_then(Value::as_str) {
            assert_eq!(failure.error.as_deref(), Some(error), "{name}: error");
        }
        if let Some(cause) = expected.get("cause").and_then(Value::as_str) {
            assert_eq!(failure.cause.as_deref(), Some(cause), "{name}: cause");
        }
        if let Some(seconds) = case.get("expected_virtual_duration_seconds").and_then(Value::as_i64) {
            assert_eq!(result.elapsed_ms, seconds * 1000, "{name}: virtual duration");
        }
    }
}
