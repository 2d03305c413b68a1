//! "Run all" in the simulator's Web Worker: the page sends the definition and the
//! scenarios to run (`BatchRequest`), the worker runs each to its end with
//! `run_scenario` — exactly as the page would — and posts one `BatchMessage` per
//! scenario as it finishes, then `End`. The page judges each result against the
//! scenario's expected outcome.

use super::recording::RunRequest;
use super::scenario_run::run_scenario;
use super::scenarios::Scenarios;
use super::session::CursorResult;
use crate::json::{parse_value, write_compact};
use crate::run::StateMachine;
use crate::{Failure, Map, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// What the page asks the worker to do: record one run for the debugger, or run a
/// batch of scenarios to their ends.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerRequest {
    Record(RunRequest),
    Batch(BatchRequest),
}

impl WorkerRequest {
    pub fn to_json(&self) -> String {
        match self {
            WorkerRequest::Record(r) => r.to_json(),
            WorkerRequest::Batch(b) => b.to_json(),
        }
    }

    /// A batch is an object with a `batch` member; anything else is a run request.
    pub fn from_json(text: &str) -> Result<WorkerRequest, String> {
        if text.starts_with(BATCH_PREFIX) {
            BatchRequest::from_json(text).map(WorkerRequest::Batch)
        } else {
            RunRequest::from_json(text).map(WorkerRequest::Record)
        }
    }
}

const BATCH_PREFIX: &str = r#"{"batch":"#;

/// The definition and the scenarios to run, in the order their rows are posted.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchRequest {
    pub definition: Value,
    /// Kept as typed (the scenarios' lossless record): an input that is not valid JSON
    /// is reported on its row, as the page would.
    pub scenarios: Scenarios,
}

impl BatchRequest {
    pub fn to_json(&self) -> String {
        let mut batch = Map::default();
        batch.insert("definition".into(), self.definition.clone());
        batch.insert("scenarios".into(), self.scenarios.to_value());
        let mut m = Map::default();
        m.insert("batch".into(), Value::from(batch));
        write_compact(&Value::from(m))
    }

    pub fn from_json(text: &str) -> Result<BatchRequest, String> {
        let v = parse_value(text).map_err(|e| format!("The batch request is not valid JSON: {e}"))?;
        let batch = v.get("batch").ok_or("The batch request has no batch")?;
        let definition = batch.get("definition").cloned().ok_or("The batch request has no definition")?;
        let scenarios = batch
            .get("scenarios")
            .and_then(Scenarios::from_value)
            .ok_or("The batch request's scenarios are not a scenarios record")?;
        Ok(BatchRequest { definition, scenarios })
    }
}

/// One message of a batch, in the order they are sent: a `Row` per scenario, then
/// `End`; `Error` alone when the definition cannot run at all.
#[derive(Clone, Debug, PartialEq)]
pub enum BatchMessage {
    /// The scenario at `row` (its position in the request): its result, or why it
    /// could not start.
    Row { row: usize, outcome: Result<CursorResult, String> },
    End,
    Error(String),
}

/// The final statuses a finished run can have.
const STATUSES: &[&str] = &["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"];

impl BatchMessage {
    pub fn to_json(&self) -> String {
        let mut m = Map::default();
        match self {
            BatchMessage::Row { row, outcome } => {
                m.insert("row".into(), Value::from(*row as i64));
                match outcome {
                    Ok(r) => {
                        m.insert("status".into(), Value::from(r.status));
                        if let Some(output) = &r.output {
                            m.insert("output".into(), (**output).clone());
                        }
                        if let Some(f) = &r.failure {
                            m.insert("error".into(), f.error.as_deref().map_or(Value::Null, Value::from));
                            m.insert("cause".into(), f.cause.as_deref().map_or(Value::Null, Value::from));
                        }
                        m.insert("transitions".into(), Value::from(r.transitions as i64));
                        m.insert("elapsedMs".into(), Value::from(r.elapsed_ms));
                    }
                    Err(why) => {
                        m.insert("refused".into(), Value::from(why.as_str()));
                    }
                }
            }
            BatchMessage::End => {
                m.insert("end".into(), Value::Bool(true));
            }
            BatchMessage::Error(message) => {
                m.insert("error".into(), Value::from(message.as_str()));
            }
        }
        write_compact(&Value::from(m))
    }

    pub fn from_json(text: &str) -> Result<BatchMessage, String> {
        let v = parse_value(text).map_err(|e| format!("A batch message is not valid JSON: {e}"))?;
        let bad = |what: &str| format!("A batch message is malformed: {what}");
        let Some(row) = v.get("row") else {
            if v.get("end") == Some(&Value::Bool(true)) {
                return Ok(BatchMessage::End);
            }
            return match v.get("error").and_then(Value::as_str) {
                Some(message) => Ok(BatchMessage::Error(message.to_string())),
                None => Err(bad("no row, end or error")),
            };
        };
        let row = row.as_i64().and_then(|r| usize::try_from(r).ok()).ok_or_else(|| bad("row"))?;
        if let Some(why) = v.get("refused").and_then(Value::as_str) {
            return Ok(BatchMessage::Row { row, outcome: Err(why.to_string()) });
        }
        let text_of = |k: &str| v.get(k).and_then(Value::as_str).map(String::from);
        let status = v.get("status").and_then(Value::as_str).ok_or_else(|| bad("status"))?;
        let status = STATUSES.iter().find(|s| **s == status).copied().ok_or_else(|| bad("status"))?;
        let failure = (v.get("error").is_some() || v.get("cause").is_some())
            .then(|| Failure { error: text_of("error"), cause: text_of("cause") });
        let result = CursorResult {
            status,
            output: v.get("output").cloned().map(Rc::new),
            failure,
            transitions: v.get("transitions").and_then(Value::as_i64).and_then(|t| u64::try_from(t).ok()).ok_or_else(|| bad("transitions"))?,
            elapsed_ms: v.get("elapsedMs").and_then(Value::as_i64).ok_or_else(|| bad("elapsedMs"))?,
        };
        Ok(BatchMessage::Row { row, outcome: Ok(result) })
    }
}

/// Runs a batch in the worker: `start` compiles the machine, each `next` runs one
/// scenario.
pub struct BatchRunner {
    machine: StateMachine,
    scenarios: Scenarios,
    next_row: usize,
}

impl BatchRunner {
    /// Compiles the definition; the error is the message the whole batch ends with.
    pub fn start(request: BatchRequest) -> Result<BatchRunner, String> {
        let machine = StateMachine::compile(&request.definition)
            .map_err(|e| format!("The definition cannot run: {} (at {})", e.message, e.pointer))?;
        Ok(BatchRunner { machine, scenarios: request.scenarios, next_row: 0 })
    }

    /// Runs the next scenario; `End` after the last, then `None`.
    pub fn next_message(&mut self) -> Option<BatchMessage> {
        let row = self.next_row;
        if row > self.scenarios.list.len() {
            return None;
        }
        self.next_row += 1;
        Some(match self.scenarios.list.get(row) {
            Some(scenario) => BatchMessage::Row { row, outcome: run_scenario(&self.machine, scenario) },
            None => BatchMessage::End,
        })
    }
}

/// Every message of a batch, as the worker sends them (for tests and native callers).
pub fn run_batch(request: BatchRequest) -> Vec<BatchMessage> {
    match BatchRunner::start(request) {
        Ok(mut runner) => core::iter::from_fn(|| runner.next_message()).collect(),
        Err(message) => alloc::vec![BatchMessage::Error(message)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{judge, Expected, MockDrafts, Scenario, Verdict};

    // A retried, then caught Task: the retry-and-fallback shape.
    const RETRY: &str = r#"{"StartAt":"T","States":{
        "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["E"],"IntervalSeconds":2,"MaxAttempts":1}],
             "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"Next":"S"},
        "S":{"Type":"Succeed"},"F":{"Type":"Fail","Error":"Gave","Cause":"up"}}}"#;

    fn scenario(name: &str, input: &str, mocks: &str) -> Scenario {
        Scenario {
            name: name.to_string(),
            input: input.to_string(),
            mocks: MockDrafts::from_case(&parse_value(mocks).unwrap()).unwrap(),
            expected: None,
        }
    }

    fn scenarios() -> Scenarios {
        Scenarios {
            list: alloc::vec![
                scenario("recovers", "{}", r#"{"T":[{"Throw":{"Error":"E","Cause":"c"}},{"Return":{"Payload":1}}]}"#),
                scenario("gives up", "{}", r#"{"T":[{"Throw":{"Error":"E"}},{"Throw":{"Error":"X"}}]}"#),
                scenario("bad input", "{", "{}"),
            ],
            active: 0,
        }
    }

    #[test]
    fn a_batch_through_its_messages_gives_what_run_scenario_gives() {
        let request = BatchRequest { definition: parse_value(RETRY).unwrap(), scenarios: scenarios() };
        let machine = StateMachine::compile(&request.definition).unwrap();
        let through = WorkerRequest::from_json(&WorkerRequest::Batch(request.clone()).to_json()).unwrap();
        let WorkerRequest::Batch(received) = through else { panic!("not read as a batch") };
        assert_eq!(received, request);
        let messages: Vec<BatchMessage> = run_batch(received)
            .iter()
            .map(|m| BatchMessage::from_json(&m.to_json()).unwrap())
            .collect();
        assert_eq!(messages.len(), 4);
        assert_eq!(messages[3], BatchMessage::End);
        for (row, message) in messages[..3].iter().enumerate() {
            let want = run_scenario(&machine, &request.scenarios.list[row]);
            assert_eq!(message, &BatchMessage::Row { row, outcome: want }, "row {row}");
        }
        // ASL: one retry (2 s), then the Lambda's response is the output; a second,
        // unmatched error is caught and the Fail state fails the execution.
        let BatchMessage::Row { outcome: Ok(recovered), .. } = &messages[0] else { panic!() };
        assert_eq!((recovered.status, recovered.elapsed_ms), ("SUCCEEDED", 2000));
        let BatchMessage::Row { outcome: Ok(gave_up), .. } = &messages[1] else { panic!() };
        let failure = gave_up.failure.as_ref().unwrap();
        assert_eq!((gave_up.status, failure.error.as_deref(), failure.cause.as_deref()), ("FAILED", Some("Gave"), Some("up")));
        let expected = Expected { status: "FAILED".into(), output: String::new(), error: "Gave".into(), cause: "up".into() };
        assert_eq!(judge(Some(&expected), gave_up), Verdict::Pass);
        let BatchMessage::Row { outcome: Err(why), .. } = &messages[2] else { panic!() };
        assert!(why.starts_with("The execution input is not valid JSON"), "{why}");
    }

    #[test]
    fn a_definition_that_cannot_run_ends_the_batch_with_why() {
        let request = BatchRequest { definition: parse_value(r#"{"StartAt":"Nope","States":{}}"#).unwrap(), scenarios: scenarios() };
        let messages = run_batch(request);
        assert_eq!(messages.len(), 1);
        let BatchMessage::Error(why) = &messages[0] else { panic!("{messages:?}") };
        assert!(why.starts_with("The definition cannot run:"), "{why}");
        assert_eq!(BatchMessage::from_json(&messages[0].to_json()).unwrap(), messages[0]);
    }

    #[test]
    fn malformed_batch_messages_are_errors_not_panics() {
        for text in ["", "[]", "{}", r#"{"row":-1,"refused":"x"}"#, r#"{"row":0,"status":"DONE","transitions":1,"elapsedMs":0}"#, r#"{"row":0,"status":"SUCCEEDED"}"#] {
            assert!(BatchMessage::from_json(text).is_err(), "{text}");
        }
        assert!(WorkerRequest::from_json(r#"{"batch":{"definition":{}}}"#).is_err());
        assert!(matches!(WorkerRequest::from_json(r#"{"definition":{},"input":{},"mocks":{}}"#), Ok(WorkerRequest::Record(_))));
    }
}
