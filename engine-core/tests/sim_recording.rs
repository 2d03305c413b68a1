//! Every shared example case recorded as the simulator's worker records it, passed
//! through the recording's JSON text into a recorded session, as the page receives it:
//! the session at its last event shows the case's expected status, output or
//! error/cause, and its virtual duration.

use engine_core::json::parse_value;
use engine_core::sim::{Recorder, RecordingChunk, RunRequest, Session};
use engine_core::Value;
use std::path::PathBuf;

mod common;

fn read(path: PathBuf) -> Value {
    parse_value(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The case's run, recorded in chunks of `chunk` and received through JSON text.
fn record(case: &Value, dir: &std::path::Path, chunk: usize) -> Session {
    let definition = read(dir.join(case.get("definition_file").unwrap().as_str().unwrap()));
    let request = RunRequest {
        definition,
        input: case.get("input").cloned().unwrap_or_else(Value::object),
        mocks: case.get("mocks").cloned().unwrap_or_else(Value::object),
    };
    let mut recorder = Recorder::start(&RunRequest::from_json(&request.to_json()).unwrap()).unwrap();
    let mut session = Session::recorded();
    while let Some(c) = recorder.next_chunk(chunk) {
        session.receive(RecordingChunk::from_json(&c.to_json()).unwrap()).unwrap();
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
        let mut session = record(&case, &dir, 3);
        assert!(session.finished(), "{name}: the whole recording arrived");
        session.seek(session.events().len());
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
