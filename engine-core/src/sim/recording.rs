//! A run recorded in one place and shown in another: the studio asks a Web Worker to run
//! the machine (`RunRequest`), the worker's `Recorder` runs it to the end and hands back
//! the history and inspection data in chunks of text, and the page feeds each chunk
//! to a `Session::recorded()`. The execution is deterministic, so the recording is the
//! run: moving the cursor over it is exactly stepping the execution.

use super::nesting::Nesting;
use super::session::session_options;
use super::inspection_record::InspectionRecord;
use super::wire::{event_from_compact, event_to_compact, nesting_from_value, nesting_to_value};
use crate::json::{parse_value, write_compact};
use crate::run::{Execution, HistoryEvent, Mocks, StateMachine, Status};
use crate::{Map, Value};
use alloc::collections::VecDeque;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The worker's first message: its handler is in place and requests may be posted
/// (a message posted earlier would be lost).
pub const WORKER_READY: &str = r#"{"ready":true}"#;

/// The page's reply to each chunk it has read: the worker sends a chunk only against
/// such a reply (plus a couple in advance), so chunks never pile up in the page's task
/// queue ahead of its timers and input.
pub const WORKER_NEXT: &str = r#"{"next":true}"#;

/// What to run: the definition, the execution input and the mocks (case format).
#[derive(Clone, Debug, PartialEq)]
pub struct RunRequest {
    pub definition: Value,
    pub input: Value,
    pub mocks: Value,
}

impl RunRequest {
    pub fn to_json(&self) -> String {
        let mut m = Map::default();
        m.insert("definition".into(), self.definition.clone());
        m.insert("input".into(), self.input.clone());
        m.insert("mocks".into(), self.mocks.clone());
        write_compact(&Value::from(m))
    }

    pub fn from_json(text: &str) -> Result<RunRequest, String> {
        let v = parse_value(text).map_err(|e| format!("The run request is not valid JSON: {e}"))?;
        let member = |k: &str| {
            v.get(k)
                .cloned()
                .ok_or_else(|| format!("The run request has no {k}"))
        };
        Ok(RunRequest {
            definition: member("definition")?,
            input: member("input")?,
            mocks: member("mocks")?,
        })
    }
}

/// One message of a recording, in the order they are sent: the machine's nesting, then
/// events, each batch followed by the inspection records of the visits it ended, then
/// `End`. `Error` replaces all of them when the run cannot start.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordingChunk {
    Nesting(Nesting),
    Events(Vec<HistoryEvent>),
    Inspections(Vec<InspectionRecord>),
    End,
    /// Why the run could not start, for a person to read.
    Error(String),
}

/// The first line of an inspections message; one record per line follows.
const INSPECTIONS: &str = "inspections";

impl RecordingChunk {
    /// The message's text: JSON, events in their compact form; inspection records one
    /// per line after an `inspections` line (decoded only when looked at).
    pub fn to_text(&self) -> String {
        let mut m = Map::default();
        match self {
            RecordingChunk::Nesting(nesting) => {
                m.insert("nesting".into(), nesting_to_value(nesting));
            }
            RecordingChunk::Events(events) => {
                let list = events.iter().map(event_to_compact).collect();
                m.insert("events".into(), Value::array(list));
            }
            RecordingChunk::Inspections(records) => {
                let mut text = String::from(INSPECTIONS);
                for r in records {
                    text.push('\n');
                    text.push_str(&r.to_line());
                }
                return text;
            }
            RecordingChunk::End => {
                m.insert("end".into(), Value::Bool(true));
            }
            RecordingChunk::Error(message) => {
                m.insert("error".into(), Value::from(message.as_str()));
            }
        }
        write_compact(&Value::from(m))
    }

    /// Reads what `to_text` wrote.
    pub fn from_text(text: &str) -> Result<RecordingChunk, String> {
        let bad = |e: String| format!("A recording message is malformed: {e}");
        if let Some(lines) = text.strip_prefix(INSPECTIONS) {
            let records = lines
                .split('\n')
                .skip(1)
                .map(InspectionRecord::from_line)
                .collect::<Result<_, _>>()
                .map_err(bad)?;
            return Ok(RecordingChunk::Inspections(records));
        }
        let mut v = parse_value(text).map_err(|e| format!("A recording message is not valid JSON: {e}"))?;
        if let Some(nesting) = v.get("nesting") {
            return nesting_from_value(nesting).map(RecordingChunk::Nesting).map_err(bad);
        }
        if let Some(list) = v.as_object_mut().and_then(|m| m.get_mut("events")).and_then(Value::as_array_mut) {
            let events = core::mem::take(list)
                .into_iter()
                .map(event_from_compact)
                .collect::<Result<_, _>>()
                .map_err(bad)?;
            return Ok(RecordingChunk::Events(events));
        }
        if v.get("end") == Some(&Value::Bool(true)) {
            return Ok(RecordingChunk::End);
        }
        if let Some(message) = v.get("error").and_then(Value::as_str) {
            return Ok(RecordingChunk::Error(message.to_string()));
        }
        Err(bad("no events, inspections, end or error".to_string()))
    }
}

/// Runs one execution to its end, handing out its recording chunk by chunk. The
/// interpreter's own limits (25,000 events, the work budget) bound every run.
pub struct Recorder {
    exec: Execution,
    /// Chunks made and not yet handed out.
    queue: VecDeque<RecordingChunk>,
    /// Events written when the execution was created, not yet handed out.
    initial: Vec<HistoryEvent>,
    /// How many inspection records have been queued.
    inspected: usize,
    ended: bool,
}

impl Recorder {
    /// Compiles the machine and reads the mocks; the error says which is wrong.
    pub fn start(request: &RunRequest) -> Result<Recorder, String> {
        let machine = StateMachine::compile(&request.definition).map_err(|e| {
            format!("The definition cannot run: {} (at {})", e.message, e.pointer)
        })?;
        let mocks = Mocks::from_case(&request.mocks).map_err(|e| format!("Mocks: {e}"))?;
        let exec = Execution::new(&machine, request.input.clone(), session_options(mocks));
        Ok(Recorder {
            queue: VecDeque::from([RecordingChunk::Nesting(Nesting::of(&machine))]),
            initial: exec.history(),
            exec,
            inspected: 0,
            ended: false,
        })
    }

    /// The next chunk, of about `max` events or records; `None` after `End`.
    pub fn next_chunk(&mut self, max: usize) -> Option<RecordingChunk> {
        if self.queue.is_empty() && !self.ended {
            self.record(max.max(1));
        }
        self.queue.pop_front()
    }

    /// Runs the execution for about `max` more events and queues what it wrote.
    fn record(&mut self, max: usize) {
        let mut events = core::mem::take(&mut self.initial);
        while events.len() < max && self.exec.status() == Status::Running {
            events.extend(self.exec.step());
        }
        if !events.is_empty() {
            self.queue.push_back(RecordingChunk::Events(events));
        }
        let mut records: Vec<InspectionRecord> =
            self.exec.inspections_since(self.inspected).into_iter().map(InspectionRecord::decoded).collect();
        self.inspected += records.len();
        while !records.is_empty() {
            let rest = records.split_off(max.min(records.len()));
            self.queue.push_back(RecordingChunk::Inspections(core::mem::replace(&mut records, rest)));
        }
        if self.exec.status() != Status::Running {
            self.queue.push_back(RecordingChunk::End);
            self.ended = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Move, Pending, Session, Stop};
    use alloc::rc::Rc;

    // A retried, then caught Task: events with payloads, errors and a retry decision.
    const RETRY: &str = r#"{"StartAt":"T","States":{
        "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["E"],"IntervalSeconds":2,"MaxAttempts":1}],
             "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"F"}],"Next":"S"},
        "S":{"Type":"Succeed"},"F":{"Type":"Fail","Error":"Gave","Cause":"up"}}}"#;
    const GIVES_UP: &str = r#"{"T":[{"Throw":{"Error":"E","Cause":"c"}},{"Throw":{"Error":"X"}}]}"#;

    fn request(definition: &str, mocks: &str) -> RunRequest {
        RunRequest {
            definition: parse_value(definition).unwrap(),
            input: parse_value(r#"{"a":[1,2.5,"x"]}"#).unwrap(),
            mocks: parse_value(mocks).unwrap(),
        }
    }

    /// Every chunk through JSON text into a recorded session, as the page receives them.
    fn replay(request: &RunRequest, max: usize) -> (Session, usize) {
        let mut recorder = Recorder::start(&RunRequest::from_json(&request.to_json()).unwrap()).unwrap();
        let mut session = Session::recorded();
        let mut chunks = 0;
        while let Some(chunk) = recorder.next_chunk(max) {
            session.receive(RecordingChunk::from_text(&chunk.to_text()).unwrap()).unwrap();
            chunks += 1;
        }
        (session, chunks)
    }

    #[test]
    fn a_recorded_session_equals_the_session_run_here() {
        let req = request(RETRY, GIVES_UP);
        let machine = StateMachine::compile(&req.definition).unwrap();
        let mut live = Session::start(&machine, req.input.clone(), Mocks::from_case(&req.mocks).unwrap(), 0);
        while live.advance(1000, false) == Stop::Budget {}
        let (mut recorded, chunks) = replay(&req, 2);
        assert!(chunks > 4, "small chunks: several event chunks, inspections, end");
        assert!(recorded.finished());
        assert_eq!(recorded.events(), live.events());
        assert_eq!(recorded.cursor(), 0, "receiving does not move the cursor");
        while recorded.step() {}
        assert_eq!(recorded.result(), live.result());
        // The Fail state's Error and Cause (ASL: Fail fails the execution with them).
        let failure = recorded.result().failure.unwrap();
        assert_eq!((failure.error.as_deref(), failure.cause.as_deref()), (Some("Gave"), Some("up")));
        let t = recorded.inspection("T").unwrap();
        assert_eq!(t, live.inspection("T").unwrap());
        assert_eq!(t.catch_index, Some(0));
        assert_eq!(t.error.as_ref().map(|f| (f.error.as_deref(), f.cause.as_deref())), Some((Some("X"), None)));
    }

    #[test]
    fn a_recording_in_progress_stops_at_its_edge_and_breakpoints_work_over_it() {
        let req = request(RETRY, r#"{"T":[{"Return":{"ok":true}}]}"#);
        let mut recorder = Recorder::start(&req).unwrap();
        let mut session = Session::recorded();
        session.breakpoints.insert("S".into());
        session.receive(recorder.next_chunk(1).unwrap()).unwrap();
        let received = session.events().len();
        assert_eq!(session.advance(1000, true), Stop::Budget, "waits for more");
        assert_eq!(session.cursor(), received);
        assert!(!session.finished());
        while let Some(chunk) = recorder.next_chunk(1) {
            session.receive(chunk).unwrap();
        }
        assert_eq!(session.advance(1000, true), Stop::Breakpoint);
        assert_eq!(session.events()[session.cursor() - 1].event_type, "SucceedStateEntered");
        assert_eq!(session.advance(1000, true), Stop::End);
        assert_eq!(session.result().status, "SUCCEEDED");
    }

    #[test]
    fn a_step_over_asked_before_the_visit_ends_completes_when_its_end_arrives() {
        let req = request(RETRY, GIVES_UP);
        let mut recorder = Recorder::start(&req).unwrap();
        let mut session = Session::recorded();
        // Receive until the Task has been entered, not yet exited.
        while !session.events().iter().any(|e| e.event_type == "TaskStateEntered") {
            session.receive(recorder.next_chunk(1).unwrap()).unwrap();
        }
        assert!(!session.events().iter().any(|e| e.event_type == "TaskStateExited"));
        let entered = session.events().iter().position(|e| e.event_type == "TaskStateEntered").unwrap();
        session.seek(entered + 1);
        assert_eq!(session.step_over(), Move::Waiting);
        assert_eq!(session.cursor(), entered + 1, "the cursor waits where it was");
        assert!(matches!(session.pending(), Some(Pending::StepOver(_))));
        while session.pending().is_some() {
            session.receive(recorder.next_chunk(1).unwrap()).unwrap();
        }
        // The retried, then caught Task: its visit ends with its TaskStateExited (ASL:
        // a caught error leaves the state through the Catch's Next).
        let shown = &session.events()[session.cursor() - 1];
        assert_eq!((shown.event_type, shown.details.name.as_deref()), ("TaskStateExited", Some("T")));
        assert!(!session.finished(), "completed as soon as the end arrived");
    }

    #[test]
    fn a_step_at_the_edge_of_the_recording_waits_for_the_next_event() {
        let req = request(RETRY, r#"{"T":[{"Return":{"ok":true}}]}"#);
        let mut recorder = Recorder::start(&req).unwrap();
        let mut session = Session::recorded();
        // Debugging from the start: nothing has arrived when the first steps are asked
        // for; they add up and complete as events arrive.
        assert_eq!(session.step_forward(), Move::Waiting);
        assert_eq!(session.step_forward(), Move::Waiting);
        assert_eq!(session.pending(), Some(Pending::Steps(2)));
        session.receive(recorder.next_chunk(1).unwrap()).unwrap(); // the nesting
        assert_eq!(session.cursor(), 0);
        while session.pending().is_some() {
            session.receive(recorder.next_chunk(1).unwrap()).unwrap();
        }
        assert_eq!(session.cursor(), 2);
        assert_eq!(session.events()[0].event_type, "ExecutionStarted");
        assert_eq!(session.events()[1].event_type, "TaskStateEntered");
        // Moving the cursor cancels a waiting step.
        let received = session.events().len();
        session.seek(received);
        assert_eq!(session.step_forward(), Move::Waiting);
        session.step_back();
        assert_eq!(session.pending(), None);
        session.receive(recorder.next_chunk(1).unwrap()).unwrap();
        assert_eq!(session.cursor(), received - 1);
        // A step still waiting when the recording ends goes to the last event.
        while let Some(chunk) = recorder.next_chunk(1000) {
            if matches!(chunk, RecordingChunk::End) {
                session.seek(session.events().len());
                assert_eq!(session.step_forward(), Move::Waiting);
            }
            session.receive(chunk).unwrap();
        }
        assert_eq!(session.cursor(), session.events().len());
        assert_eq!(session.result().status, "SUCCEEDED");
        assert_eq!(session.step_over(), Move::AtEnd);
    }

    #[test]
    fn requests_that_cannot_run_say_why() {
        let bad_def = Recorder::start(&request(r#"{"StartAt":"Nope","States":{}}"#, "{}")).err().unwrap();
        assert!(bad_def.starts_with("The definition cannot run:"), "{bad_def}");
        let bad_mocks = Recorder::start(&request(RETRY, r#"{"T":5}"#)).err().unwrap();
        assert!(bad_mocks.starts_with("Mocks: "), "{bad_mocks}");
        assert!(RunRequest::from_json("{").is_err());
        assert!(RunRequest::from_json(r#"{"definition":{}}"#).unwrap_err().contains("input"));
    }

    #[test]
    fn malformed_chunks_are_errors_not_panics() {
        let texts = [
            "", "[]", "{}", r#"{"events":[{"id":1}]}"#, r#"{"events":[[1,0]]}"#, r#"{"events":[[1,0,0,9999]]}"#,
            r#"{"events":[[1,0,0,0,0]]}"#, r#"{"events":[[1,0,0,0,99,"x"]]}"#, r#"{"events":[[1,0,0,0,0,5]]}"#,
            r#"{"events":[[-1,0,0,0]]}"#, "inspections\n7", "inspections\nx\t\"T\"\t{}",
        ];
        for text in texts {
            assert!(RecordingChunk::from_text(text).is_err(), "{text}");
        }
        let mut s = Session::recorded();
        let late = r#"{"events":[[3,2,0,5]]}"#;
        assert!(s.receive(RecordingChunk::from_text(late).unwrap()).is_err(), "events must start at id 1");
        assert_eq!(s.receive(RecordingChunk::Error("boom".into())), Err("boom".into()));
    }

    #[test]
    fn every_details_field_round_trips() {
        let payload = |t: &str| Some(Rc::new(parse_value(t).unwrap()));
        // Every field set: a new field makes this fail to compile until the wire form has it.
        let rare = crate::run::RareDetails {
            region: Some("us-east-1"),
            length: Some(10),
            error: Some("States.TaskFailed".into()),
            cause: Some("line\nbreak".into()),
            timeout_in_seconds: Some(30),
            heartbeat_in_seconds: Some(-1),
            task_credentials: payload(r#"{"roleArn":"r"}"#),
            map_run_arn: Some("arn:map".into()),
            assigned_variables: Some(Rc::new(parse_value(r#"{"v":1}"#).unwrap().as_object().unwrap().clone())),
            location: Some("Output/a".into()),
            state: Some(Rc::from("S")),
        };
        let details = crate::run::Details {
            name: Some(Rc::from("A \"b\"")),
            input: payload(r#"{"x":[1,2.5e3,null,true]}"#),
            output: payload(r#""text""#),
            parameters: payload(r#"{"FunctionName":"f"}"#),
            resource: Some(Rc::from("invoke")),
            resource_type: Some(Rc::from("lambda")),
            index: Some(4),
            rare: rare.boxed(),
        };
        let event = HistoryEvent { id: 1, previous_event_id: 0, timestamp_ms: 1_704_067_200_000, event_type: "TaskFailed", details };
        let chunk = RecordingChunk::Events(alloc::vec![event]);
        assert_eq!(RecordingChunk::from_text(&chunk.to_text()).unwrap(), chunk);
    }

    #[test]
    fn every_event_type_the_interpreter_writes_can_be_read_back() {
        // The interpreter's sources name every event type it writes as a string literal.
        let sources = [
            include_str!("../run/exec.rs"), include_str!("../run/frame.rs"), include_str!("../run/group.rs"),
            include_str!("../run/jsonata_mode.rs"), include_str!("../run/jsonata_group.rs"),
            include_str!("../run/task.rs"), include_str!("../run/result_writer.rs"), include_str!("../run/item_reader.rs"),
        ];
        let suffixes = ["Started", "Succeeded", "Failed", "TimedOut", "Aborted", "Scheduled", "Submitted"];
        for source in sources {
            for name in source.split('"').skip(1).step_by(2) {
                let looks_like_event = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && name.chars().all(|c| c.is_ascii_alphabetic())
                    && suffixes.iter().any(|s| name.ends_with(s) && name.len() > s.len());
                if !looks_like_event {
                    continue;
                }
                let event = HistoryEvent { id: 1, previous_event_id: 0, timestamp_ms: 0, event_type: name, details: Default::default() };
                let chunk = RecordingChunk::Events(alloc::vec![event]);
                assert_eq!(RecordingChunk::from_text(&chunk.to_text()).ok(), Some(chunk), "event type {name} is missing from the wire table");
            }
        }
    }
}
