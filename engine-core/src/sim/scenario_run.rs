//! Running scenarios to their end without the debugger (no inspection data), for the
//! pass/fail table. The studio runs them in the simulator's Web Worker, like any run, so
//! the page never links the interpreter: it posts one `ScenarioBatch` and receives one
//! `ScenarioReply` per scenario, in order.

use super::scenarios::Scenario;
use super::session::CursorResult;
use crate::json::{parse_value, write_compact};
use crate::run::{Execution, ExecutionOptions, Mocks, StateMachine};
use crate::{Failure, Map, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// How a batch's JSON text begins, so the worker tells it from a run request unparsed.
pub const SCENARIO_BATCH_PREFIX: &str = r#"{"scenarios":"#;

/// Runs `scenario` against `machine`; the error says why it could not start (its input
/// or a mock is not valid).
pub fn run_scenario(machine: &StateMachine, scenario: &Scenario) -> Result<CursorResult, String> {
    let input = parse_value(&scenario.input)
        .map_err(|e| format!("The execution input is not valid JSON: {e}"))?;
    let mocks = scenario.mocks.to_mocks().map_err(|e| format!("{e}"))?;
    Ok(run_to_end(machine, input, mocks))
}

fn run_to_end(machine: &StateMachine, input: Value, mocks: Mocks) -> CursorResult {
    let options = ExecutionOptions {
        mocks,
        ..ExecutionOptions::default()
    };
    let mut exec = Execution::new(machine, input, options);
    let status = exec.run();
    CursorResult {
        status: status.as_str(),
        output: exec.output().cloned().map(Rc::new),
        failure: exec.failure().cloned(),
        transitions: exec.transitions(),
        elapsed_ms: exec.virtual_elapsed_ms(),
    }
}

/// One scenario of a batch: its execution input and its mocks (case format).
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioInput {
    pub input: Value,
    pub mocks: Value,
}

/// Scenarios of one definition, run one after the other.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioBatch {
    pub definition: Value,
    pub runs: Vec<ScenarioInput>,
}

impl ScenarioBatch {
    pub fn to_json(&self) -> String {
        let runs = self
            .runs
            .iter()
            .map(|r| object([("input", r.input.clone()), ("mocks", r.mocks.clone())]))
            .collect();
        let batch = object([("definition", self.definition.clone()), ("runs", Value::array(runs))]);
        write_compact(&object([("scenarios", batch)]))
    }

    pub fn from_json(text: &str) -> Result<ScenarioBatch, String> {
        let v = parse_value(text).map_err(|e| format!("The scenario request is not valid JSON: {e}"))?;
        let malformed = || "The scenario request is malformed".to_string();
        let batch = v.get("scenarios").ok_or_else(malformed)?;
        let definition = batch.get("definition").cloned().ok_or_else(malformed)?;
        let runs = batch
            .get("runs")
            .and_then(Value::as_array)
            .ok_or_else(malformed)?
            .iter()
            .map(|r| match (r.get("input"), r.get("mocks")) {
                (Some(input), Some(mocks)) => Ok(ScenarioInput { input: input.clone(), mocks: mocks.clone() }),
                _ => Err(malformed()),
            })
            .collect::<Result<_, _>>()?;
        Ok(ScenarioBatch { definition, runs })
    }

    /// Runs every scenario, handing each reply to `reply` as it ends; a definition that
    /// cannot run gives one `Invalid` reply for the whole batch.
    pub fn run(&self, mut reply: impl FnMut(ScenarioReply)) {
        let machine = match StateMachine::compile(&self.definition) {
            Ok(m) => m,
            Err(e) => {
                return reply(ScenarioReply::Invalid(format!(
                    "The definition cannot run: {} (at {})",
                    e.message, e.pointer
                )))
            }
        };
        for run in &self.runs {
            reply(match Mocks::from_case(&run.mocks) {
                Ok(mocks) => ScenarioReply::Finished(run_to_end(&machine, run.input.clone(), mocks)),
                Err(e) => ScenarioReply::NotStarted(format!("Mocks: {e}")),
            });
        }
    }
}

/// The worker's answer for one scenario of a batch.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioReply {
    /// The execution ended with this result.
    Finished(CursorResult),
    /// The scenario could not start: why, for a person to read.
    NotStarted(String),
    /// The definition cannot run, so no scenario of the batch ran.
    Invalid(String),
}

impl ScenarioReply {
    pub fn to_json(&self) -> String {
        let reply = match self {
            ScenarioReply::Finished(r) => {
                let mut m = Map::default();
                m.insert("status".into(), Value::from(r.status));
                if let Some(output) = &r.output {
                    m.insert("output".into(), Value::clone(output));
                }
                if let Some(f) = &r.failure {
                    let text = |t: &Option<String>| t.as_deref().map_or(Value::Null, Value::from);
                    m.insert("error".into(), text(&f.error));
                    m.insert("cause".into(), text(&f.cause));
                }
                m.insert("transitions".into(), Value::from(r.transitions as i64));
                m.insert("elapsed_ms".into(), Value::from(r.elapsed_ms));
                ("finished", Value::from(m))
            }
            ScenarioReply::NotStarted(message) => ("not_started", Value::from(message.as_str())),
            ScenarioReply::Invalid(message) => ("invalid", Value::from(message.as_str())),
        };
        write_compact(&object([reply]))
    }

    pub fn from_json(text: &str) -> Result<ScenarioReply, String> {
        let v = parse_value(text).map_err(|e| format!("A scenario result is not valid JSON: {e}"))?;
        let malformed = || "A scenario result is malformed".to_string();
        if let Some(message) = v.get("not_started").and_then(Value::as_str) {
            return Ok(ScenarioReply::NotStarted(message.to_string()));
        }
        // "error" is what the worker posts when it stops unexpectedly: the batch is over.
        if let Some(message) = v.get("invalid").or_else(|| v.get("error")).and_then(Value::as_str) {
            return Ok(ScenarioReply::Invalid(message.to_string()));
        }
        let r = v.get("finished").ok_or_else(malformed)?;
        let status = match r.get("status").and_then(Value::as_str) {
            Some("SUCCEEDED") => "SUCCEEDED",
            Some("FAILED") => "FAILED",
            Some("TIMED_OUT") => "TIMED_OUT",
            Some("RUNNING") => "RUNNING",
            _ => return Err(malformed()),
        };
        let text = |k: &str| r.get(k).and_then(Value::as_str).map(String::from);
        let failure = (r.get("error").is_some() || r.get("cause").is_some())
            .then(|| Failure { error: text("error"), cause: text("cause") });
        Ok(ScenarioReply::Finished(CursorResult {
            status,
            output: r.get("output").cloned().map(Rc::new),
            failure,
            transitions: r.get("transitions").and_then(Value::as_i64).ok_or_else(malformed)? as u64,
            elapsed_ms: r.get("elapsed_ms").and_then(Value::as_i64).ok_or_else(malformed)?,
        }))
    }
}

fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    let mut m = Map::default();
    for (k, v) in members {
        m.insert(k.into(), v);
    }
    Value::from(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A Task that fails unless mocked, caught into a Fail state with AWS's Error and Cause.
    const MACHINE: &str = r#"{"StartAt":"T","States":{
        "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"Next":"S"},
        "S":{"Type":"Succeed"},"F":{"Type":"Fail","Error":"Gave","Cause":"up"}}}"#;

    fn batch(definition: &str, mocks: &[&str]) -> ScenarioBatch {
        ScenarioBatch {
            definition: parse_value(definition).unwrap(),
            runs: mocks
                .iter()
                .map(|m| ScenarioInput { input: parse_value(r#"{"n":1}"#).unwrap(), mocks: parse_value(m).unwrap() })
                .collect(),
        }
    }

    /// Every reply through JSON text, as the page receives them.
    fn replies(b: &ScenarioBatch) -> Vec<ScenarioReply> {
        let text = b.to_json();
        assert!(text.starts_with(SCENARIO_BATCH_PREFIX));
        let mut out = Vec::new();
        ScenarioBatch::from_json(&text).unwrap().run(|r| out.push(ScenarioReply::from_json(&r.to_json()).unwrap()));
        out
    }

    #[test]
    fn each_scenario_replies_in_order_with_its_result() {
        let b = batch(
            MACHINE,
            &[r#"{"T":[{"Return":{"ok":true}}]}"#, r#"{"T":[{"Throw":{"Error":"E"}}]}"#, r#"{"T":5}"#],
        );
        let got = replies(&b);
        assert_eq!(got.len(), 3);
        let ScenarioReply::Finished(ok) = &got[0] else { panic!("{:?}", got[0]) };
        assert_eq!(ok.status, "SUCCEEDED");
        // lambda:invoke's result is the Invoke response, the function's own under Payload;
        // ResultPath "$" (the default) makes it the state's output.
        assert_eq!(ok.output.as_ref().and_then(|o| o.get("Payload")), Some(&parse_value(r#"{"ok":true}"#).unwrap()));
        let ScenarioReply::Finished(failed) = &got[1] else { panic!("{:?}", got[1]) };
        assert_eq!(failed.status, "FAILED");
        let f = failed.failure.as_ref().unwrap();
        assert_eq!((f.error.as_deref(), f.cause.as_deref()), (Some("Gave"), Some("up")));
        assert!(matches!(&got[2], ScenarioReply::NotStarted(m) if m.starts_with("Mocks: ")));
    }

    #[test]
    fn a_definition_that_cannot_run_answers_once_for_the_batch() {
        let got = replies(&batch(r#"{"StartAt":"Nope","States":{}}"#, &["{}", "{}"]));
        assert!(matches!(got.as_slice(), [ScenarioReply::Invalid(m)] if m.starts_with("The definition cannot run")));
    }

    #[test]
    fn a_malformed_request_or_reply_is_an_error() {
        assert!(ScenarioBatch::from_json(r#"{"scenarios":{"definition":{}}}"#).is_err());
        assert!(ScenarioReply::from_json(r#"{"finished":{"status":"DONE"}}"#).is_err());
        assert!(ScenarioReply::from_json("{").is_err());
    }
}
