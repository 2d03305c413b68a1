//! A debugging session: the events of an execution written so far, and the cursor the
//! studio shows. The events come either from an execution run here in slices
//! (`Session::start`, so a long run never holds the caller for long) or from a run
//! recorded elsewhere and received chunk by chunk (`Session::recorded`, fed by
//! `receive`). Either way the cursor moves freely over what has been written, so
//! stepping back is moving the cursor — the execution is deterministic and its recorded
//! history *is* the replay.

use super::groups::{group_views, picked_statuses, GroupView};
use super::nesting::Nesting;
use super::recording::RecordingChunk;
use super::status::{state_statuses, RunStatus};
use super::timeline::{timeline, Timeline};
use super::visits::Visits;
use crate::run::{
    Execution, ExecutionOptions, HistoryEvent, Mocks, StateInspection, StateMachine, Status,
};
use crate::{Failure, Value};
use alloc::boxed::Box;
use alloc::collections::BTreeSet;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The options of every studio run: inspection data on, seed 0, AWS's default limits.
pub(crate) fn session_options(mocks: Mocks) -> ExecutionOptions {
    ExecutionOptions {
        mocks,
        seed: 0,
        inspect: true,
        ..ExecutionOptions::default()
    }
}

/// An execution advanced on demand. Behind a trait object so that a program that only
/// shows recorded runs does not link the interpreter.
trait Producer {
    /// The next events (none once the execution has ended).
    fn produce(&mut self) -> Vec<HistoryEvent>;
    fn ended(&self) -> bool;
    /// Inspection records from the `start`th on.
    fn inspections_since(&self, start: usize) -> Vec<Rc<StateInspection>>;
}

impl Producer for Execution {
    fn produce(&mut self) -> Vec<HistoryEvent> {
        self.step()
    }

    fn ended(&self) -> bool {
        self.status() != Status::Running
    }

    fn inspections_since(&self, start: usize) -> Vec<Rc<StateInspection>> {
        Execution::inspections_since(self, start)
    }
}

/// One execution being run (or received) and inspected.
pub struct Session {
    /// The execution run here; `None` for a recorded session.
    live: Option<Box<dyn Producer>>,
    /// True once the execution's closing event has been written (or received).
    ended: bool,
    events: Vec<HistoryEvent>,
    inspections: Vec<Rc<StateInspection>>,
    /// The events read as state visits and Map iterations, kept in step with `events`.
    visits: Visits,
    /// How many events are shown (0 = before the first).
    cursor: usize,
    /// State names a run to breakpoint stops at (on their `…StateEntered`).
    pub breakpoints: BTreeSet<String>,
}

/// Where a run in slices stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// The slice's budget ran out, or a recorded session has received no further
    /// events yet; call again.
    Budget,
    /// The cursor reached an event entering a breakpoint state.
    Breakpoint,
    /// The cursor is at the execution's last event.
    End,
}

/// What the result area shows at the cursor.
#[derive(Clone, Debug, PartialEq)]
pub struct CursorResult {
    /// `RUNNING` until the cursor reaches the closing event, then AWS's final status.
    pub status: &'static str,
    pub output: Option<Rc<Value>>,
    pub failure: Option<Failure>,
    /// `…StateEntered` events up to the cursor.
    pub transitions: u64,
    /// Virtual milliseconds from the start to the cursor's event.
    pub elapsed_ms: i64,
}

impl Session {
    /// Starts an execution (inspection data on) with the cursor before the first event.
    pub fn start(machine: &StateMachine, input: Value, mocks: Mocks, seed: u64) -> Session {
        let options = ExecutionOptions {
            seed,
            ..session_options(mocks)
        };
        let exec = Execution::new(machine, input, options);
        let mut session = Session::recorded();
        session.visits = Visits::new(Nesting::of(machine));
        session.receive_events(exec.history());
        session.ended = Producer::ended(&exec);
        session.inspections = Producer::inspections_since(&exec, 0);
        session.live = Some(Box::new(exec));
        session
    }

    /// An empty session for a run recorded elsewhere; `receive` adds what arrives.
    pub fn recorded() -> Session {
        Session {
            live: None,
            ended: false,
            events: Vec::new(),
            inspections: Vec::new(),
            visits: Visits::new(Nesting::default()),
            cursor: 0,
            breakpoints: BTreeSet::new(),
        }
    }

    /// Adds one chunk of a recording; the cursor stays where it is. An `Error` chunk
    /// (the run could not start) comes back as the error.
    pub fn receive(&mut self, chunk: RecordingChunk) -> Result<(), String> {
        match chunk {
            RecordingChunk::Nesting(nesting) => {
                self.visits = Visits::new(nesting);
                self.visits.sync(&self.events);
            }
            RecordingChunk::Events(events) => {
                let next = self.events.last().map_or(1, |e| e.id + 1);
                if events.first().is_some_and(|e| e.id != next) {
                    return Err("The recording's events arrived out of order".to_string());
                }
                self.receive_events(events);
            }
            RecordingChunk::Inspections(records) => self.inspections.extend(records),
            RecordingChunk::End => self.ended = true,
            RecordingChunk::Error(message) => return Err(message),
        }
        Ok(())
    }

    fn receive_events(&mut self, events: Vec<HistoryEvent>) {
        self.events.extend(events);
        self.visits.sync(&self.events);
    }

    /// Every event written so far.
    pub fn events(&self) -> &[HistoryEvent] {
        &self.events
    }

    /// How many events the cursor shows.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// True once the execution has written its closing event (a recorded session: once
    /// the whole recording has arrived).
    pub fn finished(&self) -> bool {
        self.ended
    }

    /// Moves the cursor to show `count` events (clamped to what has been written).
    pub fn seek(&mut self, count: usize) {
        self.cursor = count.min(self.events.len());
    }

    /// One event forward, running the execution when the cursor is at its edge (false
    /// at the end, or at the edge of what a recorded session has received).
    pub fn step(&mut self) -> bool {
        if self.cursor == self.events.len() && !self.produce() {
            return false;
        }
        self.cursor += 1;
        true
    }

    /// One event back.
    pub fn step_back(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Steps over the current state: to the event that ends the visit the cursor's event
    /// belongs to (its `…StateExited`), past everything nested inside it. At the end of a
    /// visit, or outside every state, it is one step.
    pub fn step_over(&mut self) -> bool {
        let Some(at) = self.cursor.checked_sub(1) else { return self.step() };
        let Some(visit) = self.visits.owner(at) else { return self.step() };
        loop {
            let end = self.visits.visits()[visit].end;
            match end {
                Some((end, _)) if end > at => {
                    self.cursor = end + 1;
                    return true;
                }
                Some(_) => return self.step(),
                None if !self.produce() => {
                    let moved = self.cursor < self.events.len();
                    self.cursor = self.events.len();
                    return moved;
                }
                None => {}
            }
        }
    }

    /// Moves forward by at most `budget` events, stopping after an event that enters a
    /// breakpoint state (when `breakpoints` is set) or at the end.
    pub fn advance(&mut self, budget: usize, breakpoints: bool) -> Stop {
        for _ in 0..budget {
            if !self.step() {
                return if self.finished() { Stop::End } else { Stop::Budget };
            }
            if breakpoints && self.at_breakpoint() {
                return Stop::Breakpoint;
            }
        }
        if self.finished() && self.cursor == self.events.len() {
            Stop::End
        } else {
            Stop::Budget
        }
    }

    fn at_breakpoint(&self) -> bool {
        let e = &self.events[self.cursor - 1];
        e.event_type.ends_with("StateEntered")
            && e.details
                .name
                .as_deref()
                .is_some_and(|n| self.breakpoints.contains(n))
    }

    /// Runs the execution for one more batch of events; false when it has ended (or
    /// when the session is recorded: nothing is run here).
    fn produce(&mut self) -> bool {
        let Some(exec) = self.live.as_mut().filter(|_| !self.ended) else {
            return false;
        };
        let fresh = exec.produce();
        if fresh.is_empty() {
            return false;
        }
        self.ended = exec.ended();
        self.inspections.extend(exec.inspections_since(self.inspections.len()));
        self.receive_events(fresh);
        true
    }

    /// The status of each state that has run at the cursor.
    pub fn statuses(&self) -> Vec<(Rc<str>, RunStatus)> {
        state_statuses(&self.events, self.cursor)
    }

    /// The statuses with Maps' nested states shown for the picked iterations
    /// (`(Map name, iteration index)`).
    pub fn statuses_picked(&self, picks: &[(Rc<str>, u32)]) -> Vec<(Rc<str>, RunStatus)> {
        picked_statuses(&self.visits, self.statuses(), picks, self.cursor)
    }

    /// Each Map's iterations and each Parallel's branches, with their status at the cursor.
    pub fn groups(&self) -> Vec<GroupView> {
        group_views(&self.visits, self.cursor)
    }

    /// States over virtual time, for every event written so far.
    pub fn timeline(&self) -> Timeline {
        timeline(&self.events, &self.visits)
    }

    /// The visits and iterations read from the events.
    pub fn visits(&self) -> &Visits {
        &self.visits
    }

    /// The result area's content at the cursor.
    pub fn result(&self) -> CursorResult {
        let shown = &self.events[..self.cursor];
        let transitions = shown
            .iter()
            .filter(|e| e.event_type.ends_with("StateEntered"))
            .count() as u64;
        let start = self.events.first().map_or(0, |e| e.timestamp_ms);
        let elapsed_ms = shown.last().map_or(0, |e| e.timestamp_ms - start);
        let mut result = CursorResult {
            status: "RUNNING",
            output: None,
            failure: None,
            transitions,
            elapsed_ms,
        };
        if let Some(last) = shown.last() {
            let failure = || {
                Some(Failure {
                    error: last.details.error().map(String::from),
                    cause: last.details.cause().map(String::from),
                })
            };
            match last.event_type {
                "ExecutionSucceeded" => {
                    result.status = "SUCCEEDED";
                    result.output = last.details.output.clone();
                }
                "ExecutionFailed" => {
                    result.status = "FAILED";
                    result.failure = failure();
                }
                "ExecutionTimedOut" => {
                    result.status = "TIMED_OUT";
                    result.failure = failure();
                }
                "ExecutionAborted" => result.status = "ABORTED",
                _ => {}
            }
        }
        result
    }

    /// The latest visit of `state` that had been entered by the cursor (its stages,
    /// retry/catch decision and variables); a visit appears once it has ended.
    pub fn inspection(&self, state: &str) -> Option<Rc<StateInspection>> {
        let upto = self.events.get(self.cursor.checked_sub(1)?)?.id;
        self.inspections
            .iter()
            .rev()
            .find(|i| &*i.name == state && i.entered_event_id <= upto)
            .cloned()
    }

    /// Like `inspection`, but a state inside a picked Map iteration shows its visit in
    /// that iteration (`picks` as for `statuses_picked`).
    pub fn inspection_picked(&self, state: &str, picks: &[(Rc<str>, u32)]) -> Option<Rc<StateInspection>> {
        let upto = self.events.get(self.cursor.checked_sub(1)?)?.id;
        let nesting = self.visits.nesting();
        let wanted: Vec<&(Rc<str>, u32)> = picks.iter().filter(|(m, _)| nesting.is_inside(state, m)).collect();
        self.inspections
            .iter()
            .rev()
            .filter(|i| &*i.name == state && i.entered_event_id <= upto)
            .find(|i| {
                let path = super::visits::index_of(&self.events, i.entered_event_id).and_then(|e| self.visits.path(e));
                wanted.iter().all(|(m, k)| path.is_some_and(|p| p.iter().any(|s| s.map == *m && s.index == *k)))
            })
            .cloned()
    }

    /// The variables a visit assigned (its `…StateExited` event's `assignedVariables`).
    pub fn assigned_by(&self, inspection: &StateInspection) -> Option<Rc<crate::Map>> {
        let entered = super::visits::index_of(&self.events, inspection.entered_event_id)?;
        let visit = &self.visits.visits()[self.visits.owner(entered)?];
        let (end, _) = visit.end?;
        self.events[end].details.assigned_variables().cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn machine(text: &str) -> StateMachine {
        StateMachine::compile(&parse_value(text).unwrap()).unwrap()
    }

    const RETRY: &str = r#"{"StartAt":"T","States":{
        "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["E"],"IntervalSeconds":2,"MaxAttempts":1}],
             "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"Next":"S"},
        "S":{"Type":"Succeed"},"F":{"Type":"Fail","Error":"Gave","Cause":"up"}}}"#;

    fn mocks(text: &str) -> Mocks {
        Mocks::from_case(&parse_value(text).unwrap()).unwrap()
    }

    #[test]
    fn runs_to_the_end_in_slices_and_steps_back_to_the_first_event() {
        let m = machine(RETRY);
        let mut s = Session::start(
            &m,
            Value::object(),
            mocks(r#"{"T":[{"Throw":{"Error":"E","Cause":"c"}},{"Return":{"Payload":1}}]}"#),
            0,
        );
        assert_eq!(s.result().status, "RUNNING");
        let mut slices = 0;
        while s.advance(3, false) == Stop::Budget {
            slices += 1;
        }
        assert!(slices > 1, "a short budget takes several slices");
        let end = s.result();
        assert_eq!(end.status, "SUCCEEDED");
        // AWS's lambda:invoke result is the whole response; with no ResultPath it is the output.
        assert_eq!(
            end.output
                .as_deref()
                .and_then(|o| o.get("Payload"))
                .and_then(Value::as_i64),
            Some(1)
        );
        // One retry with a 2 s interval.
        assert_eq!(end.elapsed_ms, 2000);
        let n = s.cursor();
        s.seek(1);
        assert_eq!(s.events()[s.cursor() - 1].event_type, "ExecutionStarted");
        assert_eq!(s.result().status, "RUNNING");
        while s.step() {}
        assert_eq!(s.cursor(), n);
        assert_eq!(s.result(), end);
    }

    #[test]
    fn caught_failure_shows_fail_state_result_and_statuses() {
        let m = machine(RETRY);
        let mut s = Session::start(
            &m,
            Value::object(),
            mocks(
                r#"{"T":[{"Throw":{"Error":"E","Cause":"c"}},{"Throw":{"Error":"E","Cause":"c"}}]}"#,
            ),
            0,
        );
        while s.advance(100, false) == Stop::Budget {}
        let r = s.result();
        assert_eq!(r.status, "FAILED");
        assert_eq!(
            r.failure.as_ref().and_then(|f| f.error.as_deref()),
            Some("Gave")
        );
        let statuses = s.statuses();
        assert!(statuses.contains(&(Rc::from("T"), RunStatus::Caught)));
        assert!(statuses.contains(&(Rc::from("F"), RunStatus::Failed)));
        let t = s.inspection("T").unwrap();
        assert_eq!(t.catch_index, Some(0));
    }

    #[test]
    fn breakpoint_stops_on_entering_the_state() {
        let m = machine(RETRY);
        let mut s = Session::start(&m, Value::object(), mocks(r#"{"T":[{"Return":{}}]}"#), 0);
        s.breakpoints.insert("S".into());
        assert_eq!(s.advance(1000, true), Stop::Breakpoint);
        let e = &s.events()[s.cursor() - 1];
        assert_eq!(
            (e.event_type, e.details.name.as_deref()),
            ("SucceedStateEntered", Some("S"))
        );
        assert_eq!(s.advance(1000, true), Stop::End);
        assert_eq!(s.result().status, "SUCCEEDED");
    }
}
