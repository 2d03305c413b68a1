//! The mocks panel's editable model: per Task state, a list of responses being typed
//! (Return JSON as text, or Throw Error/Cause, each with an optional simulated duration),
//! whether the last one answers every later call, and the distributed Maps' `ItemReader`
//! contents; converted to and from the case format.

use super::tasks::{starter_response, TaskSlot};
use crate::json::{parse_value, write_compact, write_pretty};
use crate::run::Mocks;
use crate::{Map, Value};
use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// What one response does, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutcomeDraft {
    /// `{"Return": <json>}`, the JSON kept as the text being edited.
    Return(String),
    /// `{"Throw": {"Error", "Cause"}}`.
    Throw { error: String, cause: String },
}

/// One response as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseDraft {
    pub outcome: OutcomeDraft,
    /// Simulated duration in seconds (`DelaySeconds`) as typed; empty for none.
    pub delay: String,
}

impl ResponseDraft {
    /// A Return of `text` taking no virtual time.
    pub fn returning(text: impl Into<String>) -> ResponseDraft {
        ResponseDraft {
            outcome: OutcomeDraft::Return(text.into()),
            delay: String::new(),
        }
    }
}

/// One Task state's responses in call order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateMocks {
    pub state: String,
    pub responses: Vec<ResponseDraft>,
    /// The last response answers every later call ("same response for every call"
    /// when there is one).
    pub repeat_last: bool,
}

/// Why the drafts do not make mocks: which state, which response, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftError {
    pub state: String,
    pub index: usize,
    pub message: String,
}

impl core::fmt::Display for DraftError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.state.is_empty() {
            write!(f, "Mocks: {}", self.message)
        } else {
            write!(f, "Mocks of {} (response {}): {}", self.state, self.index + 1, self.message)
        }
    }
}

/// The whole mocks panel: edited Task lists plus the distributed Maps' data-source
/// entries (`{"ItemReader": .., "ResultWriter": ..}` by Map state name), kept as the
/// case format has them; `ItemReader` contents are edited through
/// [`MockDrafts::item_reader_text`] and [`MockDrafts::set_item_reader_text`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MockDrafts {
    pub states: Vec<StateMocks>,
    pub passthrough: Map,
}

impl MockDrafts {
    /// One starter response per Task state.
    pub fn starters(tasks: &[TaskSlot]) -> MockDrafts {
        let states = tasks
            .iter()
            .filter(|t| !t.name.is_empty())
            .map(|t| StateMocks {
                state: t.name.clone(),
                responses: alloc::vec![ResponseDraft::returning(write_pretty(
                    &starter_response(&t.resource)
                ))],
                repeat_last: false,
            })
            .collect();
        dedup(MockDrafts {
            states,
            passthrough: Map::default(),
        })
    }

    /// Reads the case format; Return values are pretty-printed for editing.
    pub fn from_case(value: &Value) -> Result<MockDrafts, String> {
        // Validate with the interpreter's own reader first: same errors as a run.
        Mocks::from_case(value)?;
        let mut drafts = MockDrafts::default();
        for (state, entry) in value.as_object().into_iter().flatten() {
            let Some(list) = entry.as_array() else {
                drafts.passthrough.insert(state.clone(), entry.clone());
                continue;
            };
            let repeat_last = list
                .last()
                .and_then(|r| r.get("Repeat"))
                .is_some_and(|r| *r == Value::Bool(true));
            drafts.states.push(StateMocks {
                state: state.to_string(),
                responses: list.iter().map(draft_of).collect(),
                repeat_last,
            });
        }
        Ok(drafts)
    }

    /// Reads one test case of a MockConfigFile.
    pub fn from_mock_config(config: &Value, test_case: &str) -> Result<MockDrafts, String> {
        MockDrafts::from_case(&Mocks::from_mock_config(config, None, test_case)?.to_case())
    }

    /// The drafts as the case format; the first response that is not valid is reported.
    pub fn to_case(&self) -> Result<Value, DraftError> {
        let mut out = self.passthrough.clone();
        for s in &self.states {
            let mut list = Vec::with_capacity(s.responses.len());
            for (index, r) in s.responses.iter().enumerate() {
                let fail = |message: String| DraftError {
                    state: s.state.clone(),
                    index,
                    message,
                };
                let mut m = response_value(r).map_err(fail)?;
                if s.repeat_last && index + 1 == s.responses.len() {
                    m.insert("Repeat".into(), Value::Bool(true));
                }
                list.push(Value::from(m));
            }
            out.insert(s.state.as_str().into(), Value::array(list));
        }
        Ok(Value::from(out))
    }

    /// The drafts as interpreter mocks.
    pub fn to_mocks(&self) -> Result<Mocks, DraftError> {
        let case = self.to_case()?;
        Mocks::from_case(&case).map_err(|message| DraftError {
            state: String::new(),
            index: 0,
            message,
        })
    }

    /// The `ItemReader` content mocked for the Map state `state`, as text: a string is
    /// shown as it is, parsed JSON pretty-printed; `None` when there is none.
    pub fn item_reader_text(&self, state: &str) -> Option<String> {
        let content = self.passthrough.get(state)?.get("ItemReader")?.get("Return")?;
        Some(match content {
            Value::String(text) => text.clone(),
            other => write_pretty(other),
        })
    }

    /// Sets the `ItemReader` content of the Map state `state` (the object's text, read
    /// per the reader's `InputType`); an empty text removes the mock.
    pub fn set_item_reader_text(&mut self, state: &str, text: &str) {
        let mut entry = self
            .passthrough
            .get(state)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        if text.is_empty() {
            entry.shift_remove("ItemReader");
        } else {
            let mut reader = Map::default();
            reader.insert("Return".into(), Value::from(text));
            entry.insert("ItemReader".into(), Value::from(reader));
        }
        if entry.is_empty() {
            self.passthrough.shift_remove(state);
        } else {
            self.passthrough.insert(state.into(), Value::from(entry));
        }
    }

    /// Keeps the drafts in step with the machine: every Task listed (new ones get a
    /// starter), in the machine's order; drafts for states no longer present are kept
    /// after them so an edit of the definition does not lose typed mocks.
    pub fn align(&self, tasks: &[TaskSlot]) -> MockDrafts {
        // Names looked up in sets, not lists: a machine has hundreds of Tasks.
        let mut typed: BTreeMap<&str, &StateMocks> = BTreeMap::new();
        for s in &self.states {
            typed.entry(s.state.as_str()).or_insert(s);
        }
        let mut listed: BTreeSet<&str> = BTreeSet::new();
        let mut states: Vec<StateMocks> = Vec::new();
        for t in tasks {
            if t.name.is_empty() || !listed.insert(t.name.as_str()) {
                continue;
            }
            match typed.get(t.name.as_str()) {
                Some(s) => states.push((*s).clone()),
                None => states.extend(MockDrafts::starters(core::slice::from_ref(t)).states),
            }
        }
        for s in &self.states {
            if listed.insert(s.state.as_str()) {
                states.push(s.clone());
            }
        }
        MockDrafts {
            states,
            passthrough: self.passthrough.clone(),
        }
    }
}

/// The names of a MockConfigFile's test cases, `(state machine, test case)`.
pub fn mock_config_test_cases(config: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (machine, sm) in config
        .get("StateMachines")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        for case in sm
            .get("TestCases")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
        {
            out.push((machine.to_string(), case.to_string()));
        }
    }
    out
}

/// One response in the case format, without `Repeat`.
fn response_value(r: &ResponseDraft) -> Result<Map, String> {
    let mut m = Map::default();
    match &r.outcome {
        OutcomeDraft::Return(text) => {
            let v = parse_value(text).map_err(|e| format!("Return is not valid JSON: {e}"))?;
            m.insert("Return".into(), v);
        }
        OutcomeDraft::Throw { error, cause } => {
            if error.trim().is_empty() {
                return Err("Throw needs an Error name".to_string());
            }
            let mut t = Map::default();
            t.insert("Error".into(), Value::from(error.as_str()));
            t.insert("Cause".into(), Value::from(cause.as_str()));
            m.insert("Throw".into(), Value::from(t));
        }
    }
    let delay = r.delay.trim();
    if !delay.is_empty() {
        let seconds = parse_value(delay)
            .ok()
            .filter(|v| v.as_f64().is_some_and(|s| s >= 0.0))
            .ok_or_else(|| format!("the duration '{delay}' is not a number of seconds"))?;
        m.insert("DelaySeconds".into(), seconds);
    }
    Ok(m)
}

fn draft_of(r: &Value) -> ResponseDraft {
    let outcome = match (r.get("Return"), r.get("Throw")) {
        (Some(v), _) => OutcomeDraft::Return(write_pretty(v)),
        (None, Some(t)) => {
            let field = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            OutcomeDraft::Throw {
                error: field("Error"),
                cause: field("Cause"),
            }
        }
        (None, None) => OutcomeDraft::Return("{}".to_string()),
    };
    let delay = r.get("DelaySeconds").map(write_compact).unwrap_or_default();
    ResponseDraft { outcome, delay }
}

fn dedup(mut d: MockDrafts) -> MockDrafts {
    let mut seen: Vec<String> = Vec::new();
    d.states.retain(|s| {
        let fresh = !seen.contains(&s.state);
        seen.push(s.state.clone());
        fresh
    });
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::task_states;

    fn v(text: &str) -> Value {
        parse_value(text).unwrap()
    }

    #[test]
    fn case_format_round_trips_through_drafts() {
        let case = v(
            r#"{"A":[{"Return":{"x":1}},{"Throw":{"Error":"E","Cause":"c"}}],"M":{"ItemReader":{"Return":[1]}}}"#,
        );
        let drafts = MockDrafts::from_case(&case).unwrap();
        assert_eq!(
            drafts.states[0].responses[1].outcome,
            OutcomeDraft::Throw {
                error: "E".into(),
                cause: "c".into()
            }
        );
        assert_eq!(drafts.to_case().unwrap(), case);
    }

    #[test]
    fn invalid_return_json_names_state_and_index() {
        let drafts = MockDrafts {
            states: alloc::vec![StateMocks {
                state: "A".into(),
                responses: alloc::vec![
                    ResponseDraft::returning("{}"),
                    ResponseDraft::returning("{")
                ],
                repeat_last: false,
            }],
            passthrough: Map::default(),
        };
        let err = drafts.to_case().unwrap_err();
        assert_eq!((err.state.as_str(), err.index), ("A", 1));
    }

    #[test]
    fn mock_config_test_case_becomes_drafts() {
        // Step Functions Local's documented shape: "0" and "1-2" invocation keys.
        let config = v(
            r#"{"StateMachines":{"SM":{"TestCases":{"Happy":{"T":"R"},"Sad":{"T":"F"}}}},
            "MockedResponses":{"R":{"0":{"Throw":{"Error":"X","Cause":"y"}},"1-2":{"Return":{"ok":true}}},"F":{"0":{"Throw":{"Error":"Z","Cause":""}}}}}"#,
        );
        assert_eq!(
            mock_config_test_cases(&config),
            [
                ("SM".to_string(), "Happy".to_string()),
                ("SM".to_string(), "Sad".to_string())
            ]
        );
        let d = MockDrafts::from_mock_config(&config, "Happy").unwrap();
        assert_eq!(d.states.len(), 1);
        assert_eq!(d.states[0].responses.len(), 3);
        assert!(matches!(
            d.states[0].responses[2].outcome,
            OutcomeDraft::Return(_)
        ));
        assert!(MockDrafts::from_mock_config(&config, "Nope").is_err());
    }

    #[test]
    fn align_adds_starters_and_keeps_typed_mocks() {
        let def = v(
            r#"{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Next":"B"},"B":{"Type":"Task","Resource":"x","End":true}}}"#,
        );
        let typed = MockDrafts::from_case(&v(r#"{"B":[{"Return":5}]}"#)).unwrap();
        let aligned = typed.align(&task_states(&def));
        assert_eq!(
            aligned
                .states
                .iter()
                .map(|s| s.state.as_str())
                .collect::<Vec<_>>(),
            ["A", "B"]
        );
        assert_eq!(
            aligned.states[0].responses,
            [ResponseDraft::returning("{}")]
        );
        assert_eq!(
            aligned.states[1].responses,
            [ResponseDraft::returning("5")]
        );
    }

    #[test]
    fn delay_and_repeat_round_trip_through_the_case_format() {
        let case = v(
            r#"{"A":[{"Throw":{"Error":"E","Cause":""},"DelaySeconds":2.5},{"Return":1,"Repeat":true}]}"#,
        );
        let drafts = MockDrafts::from_case(&case).unwrap();
        assert_eq!(drafts.states[0].responses[0].delay, "2.5");
        assert!(drafts.states[0].repeat_last);
        assert_eq!(drafts.to_case().unwrap(), case);
        let mocks = drafts.to_mocks().unwrap();
        // The repeating response answers every later call; the first takes 2.5 s.
        assert_eq!(mocks.response("A", 0).unwrap().delay_ms, 2500);
        assert_eq!(mocks.response("A", 40), mocks.response("A", 1));
    }

    #[test]
    fn a_bad_duration_names_state_and_index() {
        let mut drafts = MockDrafts::from_case(&v(r#"{"A":[{"Return":1},{"Return":2}]}"#)).unwrap();
        drafts.states[0].responses[1].delay = "-3".into();
        let err = drafts.to_case().unwrap_err();
        assert_eq!((err.state.as_str(), err.index), ("A", 1));
        drafts.states[0].responses[1].delay = "soon".into();
        assert!(drafts.to_case().is_err());
    }

    #[test]
    fn item_reader_text_is_set_shown_and_cleared() {
        let mut drafts =
            MockDrafts::from_case(&v(r#"{"M":{"ItemReader":{"Return":[1,2]},"ResultWriter":{"Throw":{"Error":"W"}}}}"#)).unwrap();
        assert_eq!(drafts.item_reader_text("M").as_deref(), Some("[\n  1,\n  2\n]"));
        drafts.set_item_reader_text("M", "a,b\n1,2\n");
        assert_eq!(
            drafts.to_case().unwrap(),
            v(r#"{"M":{"ItemReader":{"Return":"a,b\n1,2\n"},"ResultWriter":{"Throw":{"Error":"W"}}}}"#)
        );
        drafts.set_item_reader_text("M", "");
        assert_eq!(drafts.item_reader_text("M"), None);
        assert!(drafts.passthrough.contains_key("M"), "ResultWriter is kept");
        drafts.set_item_reader_text("N", "{}\n");
        drafts.set_item_reader_text("N", "");
        assert!(!drafts.passthrough.contains_key("N"));
    }
}
