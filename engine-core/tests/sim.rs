//! The studio's execution views over real runs of the shared examples. Expected statuses
//! and back-off spans follow the ASL specification: a retrier waits IntervalSeconds ×
//! BackoffRate^(attempt-1) before each retry, and a caught failure moves on to the
//! catcher's Next state.

use engine_core::json::parse_value;
use engine_core::run::{Execution, ExecutionOptions, HistoryEvent, Mocks, StateMachine};
use engine_core::sim::{state_statuses, timeline, Nesting, RunStatus, SpanKind, Visits};
use std::path::PathBuf;

fn shared_examples() -> PathBuf {
    shared("examples")
}

fn shared(sub: &str) -> PathBuf {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        let candidate = dir.join("shared").join(sub);
        if candidate.is_dir() {
            return candidate;
        }
        assert!(dir.pop(), "the shared examples folder was not found beside the repository");
    }
}

fn run_case(case_file: &str) -> Vec<HistoryEvent> {
    run_case_read(case_file).0
}

/// Runs an example case and reads its history into visits.
fn run_case_read(case_file: &str) -> (Vec<HistoryEvent>, Visits) {
    let dir = shared_examples();
    let case = parse_value(&std::fs::read_to_string(dir.join(case_file)).unwrap()).unwrap();
    let def_file = case.get("definition_file").unwrap().as_str().unwrap();
    let definition = parse_value(&std::fs::read_to_string(dir.join(def_file)).unwrap()).unwrap();
    let machine = StateMachine::compile(&definition).unwrap();
    let options = ExecutionOptions { mocks: Mocks::from_case(case.get("mocks").unwrap()).unwrap(), ..Default::default() };
    let mut execution = Execution::new(&machine, case.get("input").unwrap().clone(), options);
    execution.run();
    let events = execution.history();
    let mut visits = Visits::new(Nesting::of(&machine));
    visits.sync(&events);
    (events, visits)
}

fn status_of(statuses: &[(std::rc::Rc<str>, RunStatus)], name: &str) -> Option<RunStatus> {
    statuses.iter().find(|(n, _)| &**n == name).map(|(_, s)| *s)
}

#[test]
fn exhausted_retries_show_the_task_caught_and_the_fail_state_failed() {
    let events = run_case("retry-and-fallback.gives-up.case.json");
    let statuses = state_statuses(&events, events.len());
    assert_eq!(status_of(&statuses, "FirstStep"), Some(RunStatus::Caught));
    assert_eq!(status_of(&statuses, "FallbackStep"), Some(RunStatus::Failed));
    assert_eq!(status_of(&statuses, "SecondStep"), None, "never ran");
}

#[test]
fn the_cursor_replays_the_past() {
    let events = run_case("retry-and-fallback.gives-up.case.json");
    // After ExecutionStarted and TaskStateEntered only, the task is running.
    let statuses = state_statuses(&events, 2);
    assert_eq!(statuses.len(), 1);
    assert_eq!(status_of(&statuses, "FirstStep"), Some(RunStatus::InProgress));
    assert!(state_statuses(&events, 0).is_empty());
}

#[test]
fn recovered_task_succeeds_after_two_backoff_spans_of_5_and_10_seconds() {
    let events = run_case("retry-and-fallback.recovers.case.json");
    let statuses = state_statuses(&events, events.len());
    assert_eq!(status_of(&statuses, "FirstStep"), Some(RunStatus::Succeeded));
    assert_eq!(status_of(&statuses, "SecondStep"), Some(RunStatus::Succeeded));
    let (events, visits) = run_case_read("retry-and-fallback.recovers.case.json");
    let backoffs: Vec<i64> = timeline(&events, &visits)
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Backoff)
        .map(|s| s.end_ms - s.start_ms)
        .collect();
    assert_eq!(backoffs, [5_000, 10_000]);
}

#[test]
fn exhausted_retries_show_three_backoffs_of_5_10_20_seconds() {
    let (events, visits) = run_case_read("retry-and-fallback.gives-up.case.json");
    let spans = timeline(&events, &visits).spans;
    let backoffs: Vec<i64> =
        spans.iter().filter(|s| s.kind == SpanKind::Backoff).map(|s| s.end_ms - s.start_ms).collect();
    assert_eq!(backoffs, [5_000, 10_000, 20_000]);
    let first = spans.iter().find(|s| &*s.state == "FirstStep" && s.kind == SpanKind::Active).unwrap();
    assert_eq!(first.end_ms - first.start_ms, 35_000, "the visit spans all attempts and back-offs");
}

/// A shared example case as a scenario (its input and mocks) and its recorded outcome
/// as the expectation.
fn scenario_of(case_file: &str) -> (engine_core::run::StateMachine, engine_core::sim::Scenario) {
    use engine_core::sim::{Expected, MockDrafts, Scenario};
    let dir = shared_examples();
    let case = parse_value(&std::fs::read_to_string(dir.join(case_file)).unwrap()).unwrap();
    let def_file = case.get("definition_file").unwrap().as_str().unwrap();
    let definition = parse_value(&std::fs::read_to_string(dir.join(def_file)).unwrap()).unwrap();
    let want = case.get("expected").unwrap();
    let text = |k: &str| want.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let scenario = Scenario {
        name: case_file.into(),
        input: engine_core::json::write_compact(case.get("input").unwrap()),
        mocks: MockDrafts::from_case(case.get("mocks").unwrap()).unwrap(),
        expected: Some(Expected {
            status: text("status"),
            output: want.get("output").map(engine_core::json::write_compact).unwrap_or_default(),
            error: text("error"),
            cause: text("cause"),
        }),
    };
    (StateMachine::compile(&definition).unwrap(), scenario)
}

#[test]
fn every_example_scenario_passes_against_its_recorded_outcome() {
    use engine_core::sim::{judge, run_scenario, Verdict};
    for case in [
        "retry-and-fallback.gives-up.case.json",
        "retry-and-fallback.recovers.case.json",
        "game-housekeeping.case.json",
        "running-instances-map.case.json",
    ] {
        let (machine, scenario) = scenario_of(case);
        let result = run_scenario(&machine, &scenario).unwrap();
        assert_eq!(judge(scenario.expected.as_ref(), &result), Verdict::Pass, "{case}");
    }
}

#[test]
fn a_scenario_with_the_other_cases_mocks_fails_on_status() {
    use engine_core::sim::{judge, run_scenario, Verdict};
    let (machine, mut gives_up) = scenario_of("retry-and-fallback.gives-up.case.json");
    let (_, recovers) = scenario_of("retry-and-fallback.recovers.case.json");
    gives_up.mocks = recovers.mocks;
    let result = run_scenario(&machine, &gives_up).unwrap();
    let Verdict::Fail(m) = judge(gives_up.expected.as_ref(), &result) else { panic!("must fail") };
    assert_eq!((m[0].field, m[0].expected.as_str(), m[0].actual.as_str()), ("status", "FAILED", "SUCCEEDED"));
    gives_up.input = "{".into();
    assert!(run_scenario(&machine, &gives_up).unwrap_err().contains("input"));
}
