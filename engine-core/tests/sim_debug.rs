//! The debugger's readings of a history, checked on histories AWS recorded (the
//! localstack corpus) and on runs of the shared examples: which Map iteration each event
//! ran in, per-iteration and per-branch status, the graph coloured for a picked
//! iteration, stepping over a state, the Choice rule that matched, and the changes
//! between data-flow stages.

mod common;

use engine_core::json::parse_value;
use engine_core::run::{Details, HistoryEvent, Mocks, RareDetails, StateMachine};
use engine_core::sim::{diff, picked_statuses, Change, GroupKind, Nesting, RuleMatch, RunStatus, Session, Stop, Visits};
use engine_core::Value;
use std::path::PathBuf;
use std::rc::Rc;

fn shared(sub: &str) -> PathBuf {
    common::shared_dir().join(sub)
}

fn read(path: PathBuf) -> Value {
    parse_value(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// An AWS-recorded case: its machine and its history as events (no timestamps).
fn recorded(file: &str) -> (StateMachine, Vec<HistoryEvent>) {
    let case = read(shared("conformance/localstack/cases").join(file));
    let machine = StateMachine::compile(case.get("definition").unwrap()).unwrap();
    let events = case
        .get("expected_history")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let d = e.get("details").filter(|d| !d.is_null());
            let field = |k: &str| d.and_then(|d| d.get(k));
            HistoryEvent {
                id: e.get("id").unwrap().as_i64().unwrap() as u32,
                previous_event_id: e.get("previousEventId").unwrap().as_i64().unwrap() as u32,
                timestamp_ms: 0,
                event_type: Box::leak(e.get("type").unwrap().as_str().unwrap().to_string().into_boxed_str()),
                details: Details {
                    name: field("name").and_then(Value::as_str).map(Rc::from),
                    index: field("index").and_then(Value::as_i64).map(|i| i as u32),
                    rare: RareDetails::failure(field("error").and_then(Value::as_str).map(String::from), None),
                    ..Details::default()
                },
            }
        })
        .collect();
    (machine, events)
}

fn read_visits(machine: &StateMachine, events: &[HistoryEvent]) -> Visits {
    let mut visits = Visits::new(Nesting::of(machine));
    visits.sync(events);
    visits
}

/// The value at an RFC 6901 pointer (plain tokens only).
fn at<'a>(v: &'a Value, pointer: &str) -> Option<&'a Value> {
    pointer.split('/').skip(1).try_fold(v, |v, t| match v {
        Value::Array(a) => a.get(t.parse::<usize>().ok()?),
        _ => v.get(t),
    })
}

fn status_of(statuses: &[(Rc<str>, RunStatus)], name: &str) -> Option<RunStatus> {
    statuses.iter().find(|(n, _)| &**n == name).map(|(_, s)| *s)
}

const TIMEOUT_MAP: &str = "timeouts.test_timeouts.test_service_lambda_map_timeout.3451119e.json";
const BREAK_MAP: &str = "scenarios.test_base_scenarios.test_map_state_break_condition.7539ff0f.json";

#[test]
fn interleaved_iterations_are_told_apart_by_the_previous_event_chain() {
    let (machine, events) = recorded(TIMEOUT_MAP);
    let visits = read_visits(&machine, &events);
    // AWS: event 22 (TaskTimedOut) follows 17 → 11 → 10 → 5, MapIterationStarted index 1.
    let path = visits.path(21).unwrap();
    assert_eq!(path.len(), 1);
    assert_eq!((&*path[0].map, path[0].index), ("MapWait", 1));
    // Event 14 (TaskStateEntered) follows 7, MapIterationStarted index 3.
    assert_eq!(visits.path(13).unwrap()[0].index, 3);
    // Four visits of LambdaInvoke, one per iteration.
    let invokes: Vec<u32> = visits.visits().iter().filter(|v| &*v.name == "LambdaInvoke").map(|v| v.path[0].index).collect();
    assert_eq!(invokes, [0, 1, 2, 3]);
}

#[test]
fn iteration_status_follows_aws_iteration_events() {
    let (machine, events) = recorded(TIMEOUT_MAP);
    let visits = read_visits(&machine, &events);
    let groups = engine_core::sim::group_views(&visits, events.len());
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].kind, GroupKind::Map);
    let statuses: Vec<RunStatus> = groups[0].children.iter().map(|c| c.status).collect();
    // AWS wrote MapIterationFailed for index 0 and MapIterationAborted for 1, 2 and 3.
    assert_eq!(statuses, [RunStatus::Failed, RunStatus::Cancelled, RunStatus::Cancelled, RunStatus::Cancelled]);
    // Before event 24 (the failure), every iteration is still running.
    let early = engine_core::sim::group_views(&visits, 23);
    assert!(early[0].children.iter().all(|c| c.status == RunStatus::InProgress));
    // Picking iteration 2 colours its Task cancelled; iteration 0's failed.
    let base = engine_core::sim::state_statuses(&events, events.len());
    let pick2 = picked_statuses(&visits, base.clone(), &[(Rc::from("MapWait"), 2)], events.len());
    assert_eq!(status_of(&pick2, "LambdaInvoke"), Some(RunStatus::Cancelled));
    let pick0 = picked_statuses(&visits, base, &[(Rc::from("MapWait"), 0)], events.len());
    assert_eq!(status_of(&pick0, "LambdaInvoke"), Some(RunStatus::Failed));
}

#[test]
fn a_picked_iteration_shows_only_the_states_it_ran() {
    let (machine, events) = recorded(BREAK_MAP);
    let visits = read_visits(&machine, &events);
    let groups = engine_core::sim::group_views(&visits, events.len());
    let statuses: Vec<(u32, RunStatus)> = groups[0].children.iter().map(|c| (c.index, c.status)).collect();
    // MaxConcurrency 1: iterations 0-3 succeeded, 4 (the item 3) failed at Break.
    assert_eq!(
        statuses,
        [
            (0, RunStatus::Succeeded),
            (1, RunStatus::Succeeded),
            (2, RunStatus::Succeeded),
            (3, RunStatus::Succeeded),
            (4, RunStatus::Failed)
        ]
    );
    let base = engine_core::sim::state_statuses(&events, events.len());
    let last = picked_statuses(&visits, base.clone(), &[(Rc::from("MapState"), 4)], events.len());
    assert_eq!(status_of(&last, "Break"), Some(RunStatus::Failed));
    assert_eq!(status_of(&last, "Equals3"), Some(RunStatus::Succeeded));
    assert_eq!(status_of(&last, "Pass"), None, "iteration 4 never reached Pass");
    assert_eq!(status_of(&last, "StartState"), Some(RunStatus::Succeeded), "outside the Map: unchanged");
    let second = picked_statuses(&visits, base, &[(Rc::from("MapState"), 1)], events.len());
    assert_eq!(status_of(&second, "Pass"), Some(RunStatus::Succeeded));
    assert_eq!(status_of(&second, "Break"), None);
    // Iteration 1 started at event 12, whose previous event (10) ran in iteration 0.
    assert_eq!(visits.path(11).unwrap()[0].index, 1);
}

fn session_for(file: &str) -> Session {
    let case = read(shared("conformance/localstack/cases").join(file));
    let machine = StateMachine::compile(case.get("definition").unwrap()).unwrap();
    let mocks = case.get("mocks").map(|m| Mocks::from_case(m).unwrap()).unwrap_or_default();
    Session::start(&machine, case.get("input").unwrap().clone(), mocks, 0)
}

#[test]
fn step_over_a_map_skips_its_iterations() {
    let mut s = session_for(BREAK_MAP);
    // ExecutionStarted, StartState entered and exited, MapStateEntered.
    for _ in 0..4 {
        assert!(s.step());
    }
    assert_eq!(s.events()[s.cursor() - 1].event_type, "MapStateEntered");
    assert!(s.step_over());
    // The Map failed (no Catch): its visit ends with the execution, as in AWS's history.
    let e = &s.events()[s.cursor() - 1];
    assert_eq!(e.event_type, "ExecutionFailed");
    assert_eq!(s.result().status, "FAILED");
}

#[test]
fn step_over_a_state_lands_on_its_exit() {
    let mut s = session_for(BREAK_MAP);
    while s.step() {
        let e = &s.events()[s.cursor() - 1];
        if e.event_type == "ChoiceStateEntered" {
            break;
        }
    }
    assert!(s.step_over());
    let e = &s.events()[s.cursor() - 1];
    assert_eq!((e.event_type, e.details.name.as_deref()), ("ChoiceStateExited", Some("Equals3")));
    // At an exit, stepping over is one step: into the next state.
    assert!(s.step_over());
    assert_eq!(s.events()[s.cursor() - 1].event_type, "PassStateEntered");
}

#[test]
fn the_matched_choice_rule_of_each_iteration() {
    let mut s = session_for(BREAK_MAP);
    while s.advance(1000, false) == Stop::Budget {}
    let case = read(shared("conformance/localstack/cases").join(BREAK_MAP));
    let rule = |k: u32| {
        let i = s.inspection_picked("Equals3", &[(Rc::from("MapState"), k)]).unwrap();
        let state = at(&case, "/definition/States/MapState/ItemProcessor/States/Equals3");
        engine_core::sim::decision(&i, state, None).choice
    };
    // AWS: the item 3 (iteration 4) went to Break (Choices[0]); "Hello" (iteration 1) to Pass (Default).
    assert_eq!(rule(4), Some(RuleMatch::Rule { index: 0, text: "And(2)".into() }));
    assert_eq!(rule(1), Some(RuleMatch::Default));
}

#[test]
fn stage_changes_of_a_result_path() {
    // StartState: Result [1,"Hello",…] written at ResultPath "$.arr" on the input {}.
    let (_, events) = recorded(BREAK_MAP);
    assert_eq!(events[2].event_type, "PassStateExited");
    let case = read(shared("conformance/localstack/cases").join(BREAK_MAP));
    let before = at(&case, "/expected_history/1/details/input").unwrap();
    let after = at(&case, "/expected_history/2/details/output").unwrap();
    let d = diff(before, after);
    assert_eq!(d.changes.len(), 1);
    assert_eq!((d.changes[0].pointer.as_str(), d.changes[0].change), ("/arr", Change::Added));
}

/// A session over a shared example case, run to the end.
fn example_session(case_file: &str) -> Session {
    let dir = shared("examples");
    let case = read(dir.join(case_file));
    let definition = read(dir.join(case.get("definition_file").unwrap().as_str().unwrap()));
    let machine = StateMachine::compile(&definition).unwrap();
    let mocks = Mocks::from_case(case.get("mocks").unwrap()).unwrap();
    let mut s = Session::start(&machine, case.get("input").unwrap().clone(), mocks, 0);
    while s.advance(1000, false) == Stop::Budget {}
    s
}

#[test]
fn parallel_branches_each_get_a_status_and_a_nested_lane() {
    let s = example_session("running-instances-parallel.case.json");
    let groups = s.groups();
    assert_eq!(groups.len(), 1);
    assert_eq!((&*groups[0].name, groups[0].kind), ("PerRegion", GroupKind::Parallel));
    assert_eq!(groups[0].children.iter().map(|c| c.status).collect::<Vec<_>>(), [RunStatus::Succeeded; 3]);
    let t = s.timeline();
    let lane = |name: &str| t.lanes.iter().find(|l| &*l.state == name).unwrap();
    assert_eq!(lane("PerRegion").depth, 0);
    assert_eq!(lane("GetRunningInstancesRegion2").depth, 1);
    // Nested lanes come after the Parallel's own.
    let pos = |name: &str| t.lanes.iter().position(|l| &*l.state == name).unwrap();
    assert!(pos("PerRegion") < pos("GetRunningInstancesRegion1"));
}

#[test]
fn map_iterations_get_their_own_lanes_and_inspections() {
    let s = example_session("running-instances-map.case.json");
    let t = s.timeline();
    let labels: Vec<&str> = t.lanes.iter().filter(|l| &*l.state == "GetRunningInstances").map(|l| l.iteration.as_str()).collect();
    assert_eq!(labels, ["EachRegion #0", "EachRegion #1"]);
    // Clicking a bar moves the cursor to the visit's …StateEntered.
    let bar = t.spans.iter().find(|b| t.lanes[b.lane].iteration == "EachRegion #1").unwrap();
    assert_eq!(s.events()[bar.event].event_type, "TaskStateEntered");
    // ItemSelector {"Region.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"} on item 1.
    let i = s.inspection_picked("GetRunningInstances", &[(Rc::from("EachRegion"), 1)]).unwrap();
    let input = i.input.as_deref().unwrap();
    assert_eq!(input.get("Region").and_then(Value::as_str), Some("ap-south-1"));
    assert_eq!(input.get("index").and_then(Value::as_i64), Some(1));
}

#[test]
fn waits_assignments_and_a_jsonata_condition() {
    let s = example_session("job-poller.jsonata.case.json");
    let t = s.timeline();
    let waits: Vec<i64> = t.spans.iter().filter(|b| b.kind == engine_core::sim::SpanKind::Waiting).map(|b| b.end_ms - b.start_ms).collect();
    // "Seconds": 30, three polls: 90 s of virtual time (the case's expected duration).
    assert_eq!(waits, [30_000, 30_000, 30_000]);
    let status = s.inspection("GetStatus").unwrap();
    let assigned = s.assigned_by(&status).unwrap();
    assert_eq!(assigned.keys().map(engine_core::Key::as_str).collect::<Vec<_>>(), ["polls", "status"]);
    assert_eq!(assigned.get("polls").and_then(Value::as_i64), Some(3));
    let definition = read(shared("examples").join("job-poller.jsonata.asl.json"));
    let done = s.inspection("IsDone").unwrap();
    let d = engine_core::sim::decision(&done, at(&definition, "/States/IsDone"), None);
    assert_eq!(d.choice, Some(RuleMatch::Rule { index: 0, text: "$status = 'SUCCEEDED'".into() }));
    assert_eq!(done.next_state.as_deref(), Some("Finished"));
}

#[test]
fn a_recovered_task_keeps_its_retry_decision() {
    let s = example_session("retry-and-fallback.recovers.case.json");
    let i = s.inspection("FirstStep").unwrap();
    // Retry[0]: IntervalSeconds 5, BackoffRate 2: the second retry waited 10 s.
    assert_eq!((i.status, i.retry_index, i.retry_backoff_interval_seconds), ("SUCCEEDED", Some(0), Some(10.0)));
    assert_eq!(i.next_state.as_deref(), Some("SecondStep"));
}
