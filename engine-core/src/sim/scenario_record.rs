//! Scenarios as a JSON record, for autosave and share links. Everything is kept as
//! typed — an input or a Return that is not valid JSON yet survives a reload — so
//! the record stores texts, not parsed values.
//!
//! ```json
//! {"active": 0, "scenarios": [{"name": "Happy path", "input": "{}",
//!   "mocks": {"states": [{"state": "A", "repeat": false,
//!                         "responses": [{"return": "{}", "delay": "2"},
//!                                       {"error": "E", "cause": "c", "delay": ""}]}],
//!             "sources": {"MapState": {"ItemReader": {"Return": "a,b\n1,2\n"}}}},
//!   "expected": {"status": "SUCCEEDED", "output": "{}", "error": "", "cause": ""}}]}
//! ```

use super::drafts::{MockDrafts, OutcomeDraft, ResponseDraft, StateMocks};
use super::scenarios::{Scenario, Scenarios};
use super::verdict::Expected;
use crate::{Map, Value};
use alloc::string::{String, ToString};
use alloc::vec::Vec;

impl Scenarios {
    /// The record as a JSON value.
    pub fn to_value(&self) -> Value {
        let mut out = Map::default();
        out.insert("active".into(), Value::from(self.active as i64));
        let list = self.list.iter().map(scenario_value).collect();
        out.insert("scenarios".into(), Value::array(list));
        Value::from(out)
    }

    /// Reads a record written by [`Scenarios::to_value`]; `None` when it is not one.
    pub fn from_value(v: &Value) -> Option<Scenarios> {
        let list: Vec<Scenario> = v
            .get("scenarios")?
            .as_array()?
            .iter()
            .map(scenario_of)
            .collect::<Option<_>>()?;
        if list.is_empty() {
            return None;
        }
        let active = v.get("active").and_then(Value::as_i64).unwrap_or(0);
        let active = usize::try_from(active).unwrap_or(0).min(list.len() - 1);
        Some(Scenarios { list, active })
    }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn scenario_value(s: &Scenario) -> Value {
    let mut m = Map::default();
    m.insert("name".into(), Value::from(s.name.as_str()));
    m.insert("input".into(), Value::from(s.input.as_str()));
    m.insert("mocks".into(), drafts_value(&s.mocks));
    if let Some(e) = &s.expected {
        let mut x = Map::default();
        for (key, field) in [("status", &e.status), ("output", &e.output), ("error", &e.error), ("cause", &e.cause)] {
            x.insert(key.into(), Value::from(field.as_str()));
        }
        m.insert("expected".into(), Value::from(x));
    }
    Value::from(m)
}

fn scenario_of(v: &Value) -> Option<Scenario> {
    Some(Scenario {
        name: v.get("name")?.as_str()?.to_string(),
        input: text(v, "input"),
        mocks: v.get("mocks").map(drafts_of).unwrap_or_default(),
        expected: v.get("expected").map(|e| Expected {
            status: text(e, "status"),
            output: text(e, "output"),
            error: text(e, "error"),
            cause: text(e, "cause"),
        }),
    })
}

fn drafts_value(d: &MockDrafts) -> Value {
    let states = d
        .states
        .iter()
        .map(|s| {
            let mut m = Map::default();
            m.insert("state".into(), Value::from(s.state.as_str()));
            m.insert("repeat".into(), Value::Bool(s.repeat_last));
            let responses = s.responses.iter().map(response_value).collect();
            m.insert("responses".into(), Value::array(responses));
            Value::from(m)
        })
        .collect();
    let mut m = Map::default();
    m.insert("states".into(), Value::array(states));
    m.insert("sources".into(), Value::from(d.passthrough.clone()));
    Value::from(m)
}

fn response_value(r: &ResponseDraft) -> Value {
    let mut m = Map::default();
    match &r.outcome {
        OutcomeDraft::Return(t) => {
            m.insert("return".into(), Value::from(t.as_str()));
        }
        OutcomeDraft::Throw { error, cause } => {
            m.insert("error".into(), Value::from(error.as_str()));
            m.insert("cause".into(), Value::from(cause.as_str()));
        }
    }
    m.insert("delay".into(), Value::from(r.delay.as_str()));
    Value::from(m)
}

fn drafts_of(v: &Value) -> MockDrafts {
    let states = v
        .get("states")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| {
            Some(StateMocks {
                state: s.get("state")?.as_str()?.to_string(),
                repeat_last: s.get("repeat") == Some(&Value::Bool(true)),
                responses: s
                    .get("responses")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .map(response_of)
                    .collect(),
            })
        })
        .collect();
    let passthrough = v.get("sources").and_then(Value::as_object).cloned().unwrap_or_default();
    MockDrafts { states, passthrough }
}

fn response_of(v: &Value) -> ResponseDraft {
    let outcome = match v.get("return").and_then(Value::as_str) {
        Some(t) => OutcomeDraft::Return(t.to_string()),
        None => OutcomeDraft::Throw {
            error: text(v, "error"),
            cause: text(v, "cause"),
        },
    };
    ResponseDraft { outcome, delay: text(v, "delay") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse_value, write_compact};

    #[test]
    fn unfinished_typing_survives_the_round_trip() {
        let mut s = Scenarios::default();
        s.active_mut().input = "{\"half\": ".into();
        s.active_mut().mocks = MockDrafts::from_case(
            &parse_value(r#"{"A":[{"Throw":{"Error":"E","Cause":"c"},"DelaySeconds":4},{"Return":1,"Repeat":true}],"M":{"ItemReader":{"Return":"x\n1\n"}}}"#).unwrap(),
        )
        .unwrap();
        s.active_mut().mocks.states[0].responses[1].outcome = OutcomeDraft::Return("[1, ".into());
        s.add(MockDrafts::default());
        s.list[1].expected = Some(Expected { status: "FAILED".into(), error: "E".into(), ..Expected::default() });
        let text = write_compact(&s.to_value());
        assert_eq!(Scenarios::from_value(&parse_value(&text).unwrap()), Some(s));
    }

    #[test]
    fn damaged_records_are_refused_and_active_is_clamped() {
        assert_eq!(Scenarios::from_value(&parse_value(r#"{"scenarios":[]}"#).unwrap()), None);
        assert_eq!(Scenarios::from_value(&parse_value(r#"{"scenarios":[{"input":"{}"}]}"#).unwrap()), None);
        let s = Scenarios::from_value(&parse_value(r#"{"active":9,"scenarios":[{"name":"A"}]}"#).unwrap()).unwrap();
        assert_eq!((s.active, s.list[0].input.as_str()), (0, ""));
    }
}
