//! History events as AWS writes them: `type`, `id`, `previousEventId`, `timestamp` and
//! one `<type>EventDetails` object (input/output as JSON text).

use super::clock::format_timestamp;
use crate::{Map, Value};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::{String, ToString};

/// One history event. Payloads are shared (`Rc`) with the execution, so recording is cheap.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEvent {
    pub id: u32,
    pub previous_event_id: u32,
    /// Virtual time, epoch milliseconds.
    pub timestamp_ms: i64,
    /// AWS's event type name, e.g. `PassStateEntered`.
    pub event_type: &'static str,
    pub details: Details,
}

/// The fields an event's details may carry (absent ones are not written). The fields
/// most events carry are inline; the rest are boxed in `rare`, so recording an event
/// moves a small struct (an execution writes thousands of them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    pub name: Option<Rc<str>>,
    pub input: Option<Rc<Value>>,
    pub output: Option<Rc<Value>>,
    pub parameters: Option<Rc<Value>>,
    pub resource: Option<Rc<str>>,
    pub resource_type: Option<Rc<str>>,
    pub index: Option<u32>,
    pub rare: Option<Box<RareDetails>>,
}

/// The details fields few events carry: failures, timeouts, Map runs, variables.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RareDetails {
    pub region: Option<&'static str>,
    pub length: Option<u32>,
    pub error: Option<String>,
    pub cause: Option<String>,
    pub timeout_in_seconds: Option<i64>,
    pub heartbeat_in_seconds: Option<i64>,
    pub task_credentials: Option<Rc<Value>>,
    pub map_run_arn: Option<String>,
    /// `Assign`'s values, written as `assignedVariables` (name → JSON text).
    pub assigned_variables: Option<Rc<Map>>,
    /// `EvaluationFailed`: the field whose evaluation failed (`Items`, `Output/a`, …).
    pub location: Option<String>,
    /// `EvaluationFailed`: the state it happened in.
    pub state: Option<Rc<str>>,
}

impl RareDetails {
    /// Boxed for `Details::rare`; `None` when no field is set.
    #[inline]
    pub fn boxed(self) -> Option<Box<RareDetails>> {
        (!self.is_empty()).then(|| Box::new(self))
    }

    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        let RareDetails { region, length, error, cause, timeout_in_seconds, heartbeat_in_seconds, task_credentials, map_run_arn, assigned_variables, location, state } = self;
        region.is_none()
            && length.is_none()
            && error.is_none()
            && cause.is_none()
            && timeout_in_seconds.is_none()
            && heartbeat_in_seconds.is_none()
            && task_credentials.is_none()
            && map_run_arn.is_none()
            && assigned_variables.is_none()
            && location.is_none()
            && state.is_none()
    }

    /// An `error` and a `cause`, boxed for `Details::rare`.
    pub fn failure(error: Option<String>, cause: Option<String>) -> Option<Box<RareDetails>> {
        (error.is_some() || cause.is_some()).then(|| Box::new(RareDetails { error, cause, ..RareDetails::default() }))
    }

    /// A Task's scheduling extras (timeouts, credentials), boxed; `None` when all are absent.
    pub fn scheduling(timeout: Option<i64>, heartbeat: Option<i64>, credentials: Option<Rc<Value>>) -> Option<Box<RareDetails>> {
        (timeout.is_some() || heartbeat.is_some() || credentials.is_some()).then(|| {
            Box::new(RareDetails { timeout_in_seconds: timeout, heartbeat_in_seconds: heartbeat, task_credentials: credentials, ..RareDetails::default() })
        })
    }
}

impl Details {
    /// True when no field is set (AWS then writes no details object).
    pub fn is_empty(&self) -> bool {
        let Details { name, input, output, parameters, resource, resource_type, index, rare } = self;
        name.is_none()
            && input.is_none()
            && output.is_none()
            && parameters.is_none()
            && resource.is_none()
            && resource_type.is_none()
            && index.is_none()
            && rare.as_deref().is_none_or(RareDetails::is_empty)
    }

    /// `error`, if set.
    pub fn error(&self) -> Option<&str> {
        self.rare.as_ref()?.error.as_deref()
    }

    /// `cause`, if set.
    pub fn cause(&self) -> Option<&str> {
        self.rare.as_ref()?.cause.as_deref()
    }

    /// `assignedVariables`, if set.
    pub fn assigned_variables(&self) -> Option<&Rc<Map>> {
        self.rare.as_ref()?.assigned_variables.as_ref()
    }

    /// The details as a JSON object with AWS's key names; `decode` keeps payloads as
    /// JSON values instead of JSON text (the corpus's recorded form).
    pub fn to_value(&self, decode: bool) -> Map {
        let mut m = Map::default();
        let none = RareDetails::default();
        let rare = self.rare.as_deref().unwrap_or(&none);
        let text = |v: &Rc<Value>| if decode { (**v).clone() } else { Value::String(v.to_json()) };
        if let Some(v) = &self.resource_type {
            m.insert("resourceType".into(), Value::from(&**v));
        }
        if let Some(v) = &self.resource {
            m.insert("resource".into(), Value::from(&**v));
        }
        if let Some(v) = rare.region {
            m.insert("region".into(), Value::from(v));
        }
        if let Some(v) = &self.parameters {
            m.insert("parameters".into(), text(v));
        }
        if let Some(v) = rare.timeout_in_seconds {
            m.insert("timeoutInSeconds".into(), Value::from(v));
        }
        if let Some(v) = rare.heartbeat_in_seconds {
            m.insert("heartbeatInSeconds".into(), Value::from(v));
        }
        if let Some(v) = &rare.task_credentials {
            m.insert("taskCredentials".into(), (**v).clone());
        }
        if let Some(v) = &self.name {
            m.insert("name".into(), Value::from(&**v));
        }
        if let Some(v) = &self.input {
            m.insert("input".into(), text(v));
        }
        if let Some(v) = &self.output {
            m.insert("output".into(), text(v));
        }
        if let Some(v) = &rare.error {
            m.insert("error".into(), Value::from(v.as_str()));
        }
        if let Some(v) = &rare.cause {
            m.insert("cause".into(), Value::from(v.as_str()));
        }
        if let Some(v) = &rare.location {
            m.insert("location".into(), Value::from(v.as_str()));
        }
        if let Some(v) = &rare.state {
            m.insert("state".into(), Value::from(&**v));
        }
        if let Some(v) = self.index {
            m.insert("index".into(), Value::from(i64::from(v)));
        }
        if let Some(v) = rare.length {
            m.insert("length".into(), Value::from(i64::from(v)));
        }
        if let Some(v) = &rare.map_run_arn {
            m.insert("mapRunArn".into(), Value::from(v.as_str()));
        }
        if let Some(vars) = &rare.assigned_variables {
            let shown = vars.iter().map(|(k, v)| (k.clone(), if decode { v.clone() } else { Value::String(v.to_json()) })).collect::<Map>().into();
            m.insert("assignedVariables".into(), Value::Object(shown));
            let mut details = Map::default();
            details.insert("truncated".into(), Value::Bool(false));
            m.insert("assignedVariablesDetails".into(), Value::from(details));
        }
        m
    }
}

impl HistoryEvent {
    /// The key AWS uses for this event's details (`stateEnteredEventDetails`, …).
    pub fn details_key(&self) -> String {
        let t = self.event_type;
        if t.ends_with("StateEntered") {
            return "stateEnteredEventDetails".to_string();
        }
        if t.ends_with("StateExited") {
            return "stateExitedEventDetails".to_string();
        }
        // Event types are AWS's ASCII names: ASCII case keeps Unicode's case tables out of
        // the studio.
        let mut key = String::with_capacity(t.len() + 12);
        key.push_str(t);
        if let Some(first) = key.get_mut(..1) {
            first.make_ascii_lowercase();
        }
        key.push_str("EventDetails");
        key
    }

    /// The event as AWS's GetExecutionHistory writes it.
    pub fn to_value(&self) -> Value {
        let mut m = Map::default();
        m.insert("timestamp".into(), Value::from(format_timestamp(self.timestamp_ms)));
        m.insert("type".into(), Value::from(self.event_type));
        m.insert("id".into(), Value::from(i64::from(self.id)));
        m.insert("previousEventId".into(), Value::from(i64::from(self.previous_event_id)));
        if !self.details.is_empty() {
            m.insert(self.details_key().into(), Value::from(self.details.to_value(false)));
        }
        Value::from(m)
    }
}

/// `{Type}StateEntered` / `{Type}StateExited` / `{Type}StateAborted` as static names.
pub(crate) fn state_event(type_name: &str, which: &str) -> &'static str {
    macro_rules! table {
        ($($t:literal),*) => {
            match (type_name, which) {
                $(
                    ($t, "Entered") => concat!($t, "StateEntered"),
                    ($t, "Exited") => concat!($t, "StateExited"),
                    ($t, "Aborted") => concat!($t, "StateAborted"),
                )*
                _ => "StateEntered",
            }
        };
    }
    table!("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_fits_two_cache_lines_and_rare_fields_stay_boxed() {
        // The interpreter writes thousands of events; the common ones must stay small.
        assert!(core::mem::size_of::<HistoryEvent>() <= 128, "{}", core::mem::size_of::<HistoryEvent>());
        let d = Details { rare: RareDetails::failure(None, None), ..Details::default() };
        assert!(d.rare.is_none() && d.is_empty());
        let d = Details { rare: RareDetails::failure(Some("States.Timeout".into()), None), ..Details::default() };
        assert_eq!(d.error(), Some("States.Timeout"));
        assert!(!d.is_empty());
        assert_eq!(d.to_value(true).get("error"), Some(&Value::from("States.Timeout")));
    }
}
