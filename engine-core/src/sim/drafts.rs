//! The mocks panel's editable model: per Task state, a list of responses being typed
//! (Return JSON as text, or Throw Error/Cause), converted to and from the case format
//! and Step Functions Local's MockConfigFile.

use super::tasks::{starter_response, TaskSlot};
use crate::json::{parse_value, write_pretty};
use crate::run::Mocks;
use crate::{Map, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// One response as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseDraft {
    /// `{"Return": <json>}`, the JSON kept as the text being edited.
    Return(String),
    /// `{"Throw": {"Error", "Cause"}}`.
    Throw { error: String, cause: String },
}

/// One Task state's responses in call order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateMocks {
    pub state: String,
    pub responses: Vec<ResponseDraft>,
}

/// Why the drafts do not make mocks: which state, which response, what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftError {
    pub state: String,
    pub index: usize,
    pub message: String,
}

/// The whole mocks panel: edited Task lists plus entries the panel does not edit
/// (distributed Map `ItemReader`/`ResultWriter` sources), passed through unchanged.
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
                responses: alloc::vec![ResponseDraft::Return(write_pretty(&starter_response(
                    &t.resource
                )))],
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
            let responses = list.iter().map(draft_of).collect();
            drafts.states.push(StateMocks {
                state: state.to_string(),
                responses,
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
                let mut m = Map::default();
                match r {
                    ResponseDraft::Return(text) => {
                        let v = parse_value(text)
                            .map_err(|e| fail(format!("Return is not valid JSON: {e}")))?;
                        m.insert("Return".into(), v);
                    }
                    ResponseDraft::Throw { error, cause } => {
                        if error.trim().is_empty() {
                            return Err(fail("Throw needs an Error name".to_string()));
                        }
                        let mut t = Map::default();
                        t.insert("Error".into(), Value::from(error.as_str()));
                        t.insert("Cause".into(), Value::from(cause.as_str()));
                        m.insert("Throw".into(), Value::from(t));
                    }
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

    /// Keeps the drafts in step with the machine: every Task listed (new ones get a
    /// starter), in the machine's order; drafts for states no longer present are kept
    /// after them so an edit of the definition does not lose typed mocks.
    pub fn align(&self, tasks: &[TaskSlot]) -> MockDrafts {
        let mut states: Vec<StateMocks> = Vec::new();
        for t in tasks {
            if t.name.is_empty() || states.iter().any(|s| s.state == t.name) {
                continue;
            }
            match self.states.iter().find(|s| s.state == t.name) {
                Some(s) => states.push(s.clone()),
                None => states.extend(MockDrafts::starters(core::slice::from_ref(t)).states),
            }
        }
        for s in &self.states {
            if !states.iter().any(|k| k.state == s.state) {
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

fn draft_of(r: &Value) -> ResponseDraft {
    match (r.get("Return"), r.get("Throw")) {
        (Some(v), _) => ResponseDraft::Return(write_pretty(v)),
        (None, Some(t)) => {
            let field = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            ResponseDraft::Throw {
                error: field("Error"),
                cause: field("Cause"),
            }
        }
        (None, None) => ResponseDraft::Return("{}".to_string()),
    }
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
            drafts.states[0].responses[1],
            ResponseDraft::Throw {
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
                    ResponseDraft::Return("{}".into()),
                    ResponseDraft::Return("{".into())
                ]
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
        assert!(matches!(d.states[0].responses[2], ResponseDraft::Return(_)));
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
            [ResponseDraft::Return("{}".into())]
        );
        assert_eq!(
            aligned.states[1].responses,
            [ResponseDraft::Return("5".into())]
        );
    }
}
