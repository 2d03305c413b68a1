//! Per-state inspection data, named as the TestState API names its fields.

use crate::{Failure, Value};
use alloc::rc::Rc;

/// What one visit of a state did, stage by stage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StateInspection {
    pub name: Rc<str>,
    /// Id of the visit's `…StateEntered` event.
    pub entered_event_id: u32,
    pub input: Option<Rc<Value>>,
    pub after_input_path: Option<Rc<Value>>,
    pub after_parameters: Option<Rc<Value>>,
    /// JSONata mode: the evaluated `Arguments`.
    pub after_arguments: Option<Rc<Value>>,
    pub result: Option<Rc<Value>>,
    pub after_result_selector: Option<Rc<Value>>,
    pub after_result_path: Option<Rc<Value>>,
    pub output: Option<Rc<Value>>,
    /// `SUCCEEDED`, `FAILED`, `RETRIABLE` or `CAUGHT_ERROR`, as TestState reports.
    pub status: &'static str,
    pub error: Option<Failure>,
    pub retry_index: Option<usize>,
    pub retry_backoff_interval_seconds: Option<f64>,
    pub catch_index: Option<usize>,
    pub next_state: Option<Rc<str>>,
    /// A Choice state: the index in `Choices` of the rule that matched (`None` when the
    /// `Default` was taken or the state is no Choice).
    pub matched_rule: Option<usize>,
    /// The variables visible after the state (TestState's `variables`).
    pub variables: Option<Rc<crate::Map>>,
}

impl StateInspection {
    /// The record as JSON (TestState's key names; payloads as values).
    pub fn to_value(&self) -> Value {
        let mut m = crate::Map::default();
        m.insert("name".into(), Value::from(&*self.name));
        let mut put = |k: &str, v: &Option<Rc<Value>>| {
            if let Some(v) = v {
                m.insert(k.into(), (**v).clone());
            }
        };
        put("input", &self.input);
        put("afterInputPath", &self.after_input_path);
        put("afterParameters", &self.after_parameters);
        put("afterArguments", &self.after_arguments);
        put("result", &self.result);
        put("afterResultSelector", &self.after_result_selector);
        put("afterResultPath", &self.after_result_path);
        put("output", &self.output);
        if let Some(v) = &self.variables {
            m.insert("variables".into(), Value::from((**v).clone()));
        }
        m.insert("status".into(), Value::from(self.status));
        if let Some(n) = &self.next_state {
            m.insert("nextState".into(), Value::from(&**n));
        }
        if let Some(f) = &self.error {
            m.insert("error".into(), f.error.as_deref().map_or(Value::Null, Value::from));
            m.insert("cause".into(), f.cause.as_deref().map_or(Value::Null, Value::from));
        }
        if self.retry_index.is_some() || self.catch_index.is_some() {
            let mut d = crate::Map::default();
            if let Some(i) = self.retry_index {
                d.insert("retryIndex".into(), Value::from(i as i64));
            }
            if let Some(s) = self.retry_backoff_interval_seconds {
                d.insert("retryBackoffIntervalSeconds".into(), Value::Number(crate::Number::from_f64_normalized(s)));
            }
            if let Some(i) = self.catch_index {
                d.insert("catchIndex".into(), Value::from(i as i64));
            }
            m.insert("errorDetails".into(), Value::from(d));
        }
        Value::from(m)
    }
}
