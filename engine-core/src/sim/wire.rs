//! History events, inspection records and a machine's nesting as JSON values and back,
//! losslessly: the form
//! in which a run recorded elsewhere (a Web Worker) reaches the session that shows it.
//! Payloads stay JSON values (not JSON text), and the few fields the interpreter keeps as
//! static names are interned from the tables below.

use super::nesting::{GroupKind, Nesting, Placement};
use crate::run::{Details, HistoryEvent, RareDetails, StateInspection};
use crate::{Failure, Map, Number, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};

/// Every event type the interpreter writes, AWS's names.
const EVENT_TYPES: &[&str] = &[
    "ExecutionStarted", "ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted",
    "PassStateEntered", "PassStateExited", "PassStateAborted",
    "TaskStateEntered", "TaskStateExited", "TaskStateAborted",
    "ChoiceStateEntered", "ChoiceStateExited", "ChoiceStateAborted",
    "WaitStateEntered", "WaitStateExited", "WaitStateAborted",
    "SucceedStateEntered", "SucceedStateExited", "SucceedStateAborted",
    "FailStateEntered", "FailStateExited", "FailStateAborted",
    "ParallelStateEntered", "ParallelStateExited", "ParallelStateAborted",
    "MapStateEntered", "MapStateExited", "MapStateAborted",
    "StateEntered", "StateExited", "StateAborted",
    "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskFailed", "TaskTimedOut",
    "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
    "LambdaFunctionFailed", "LambdaFunctionTimedOut",
    "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "ActivityFailed", "ActivityTimedOut",
    "ParallelStateStarted", "ParallelStateSucceeded", "ParallelStateFailed",
    "MapStateStarted", "MapStateSucceeded", "MapStateFailed",
    "MapIterationStarted", "MapIterationSucceeded", "MapIterationFailed", "MapIterationAborted",
    "MapRunStarted", "MapRunSucceeded", "MapRunFailed",
    "EvaluationFailed",
];

/// The regions an event's details may name (the interpreter masks all but the default).
const REGIONS: &[&str] = &["us-east-1", "<region>"];

/// TestState's status words for one visit of a state.
const VISIT_STATUSES: &[&str] = &["SUCCEEDED", "FAILED", "RETRIABLE", "CAUGHT_ERROR"];

fn intern(table: &[&'static str], name: &str, what: &str) -> Result<&'static str, String> {
    table
        .iter()
        .find(|t| **t == name)
        .copied()
        .ok_or_else(|| format!("unknown {what} `{name}`"))
}

/// One event: `id`, `previousEventId`, `timestamp` (epoch ms), `type`, `details`.
pub fn event_to_value(e: &HistoryEvent) -> Value {
    let mut m = Map::default();
    m.insert("id".into(), Value::from(i64::from(e.id)));
    m.insert("previousEventId".into(), Value::from(i64::from(e.previous_event_id)));
    m.insert("timestamp".into(), Value::from(e.timestamp_ms));
    m.insert("type".into(), Value::from(e.event_type));
    if !e.details.is_empty() {
        m.insert("details".into(), Value::from(e.details.to_value(true)));
    }
    Value::from(m)
}

/// Reads what `event_to_value` wrote.
pub fn event_from_value(v: &Value) -> Result<HistoryEvent, String> {
    let f = Fields::of(v, "event")?;
    let details = match f.0.get("details") {
        Some(d) => details_from_value(d)?,
        None => Details::default(),
    };
    Ok(HistoryEvent {
        id: f.u32("id")?,
        previous_event_id: f.u32("previousEventId")?,
        timestamp_ms: f.i64("timestamp")?,
        event_type: intern(EVENT_TYPES, f.str("type")?, "event type")?,
        details,
    })
}

fn details_from_value(v: &Value) -> Result<Details, String> {
    let f = Fields::of(v, "event details")?;
    let variables = match f.0.get("assignedVariables") {
        Some(Value::Object(m)) => Some(Rc::new((**m).clone())),
        Some(_) => return Err("assignedVariables is not an object".to_string()),
        None => None,
    };
    Ok(Details {
        name: f.opt_str("name")?.map(Rc::from),
        input: f.opt_value("input"),
        output: f.opt_value("output"),
        parameters: f.opt_value("parameters"),
        resource: f.opt_str("resource")?.map(Rc::from),
        resource_type: f.opt_str("resourceType")?.map(Rc::from),
        index: f.opt_u32("index")?,
        rare: RareDetails {
            region: f.opt_str("region")?.map(|r| intern(REGIONS, r, "region")).transpose()?,
            length: f.opt_u32("length")?,
            error: f.opt_str("error")?.map(String::from),
            cause: f.opt_str("cause")?.map(String::from),
            timeout_in_seconds: f.opt_i64("timeoutInSeconds")?,
            heartbeat_in_seconds: f.opt_i64("heartbeatInSeconds")?,
            task_credentials: f.opt_value("taskCredentials"),
            map_run_arn: f.opt_str("mapRunArn")?.map(String::from),
            assigned_variables: variables,
            location: f.opt_str("location")?.map(String::from),
            state: f.opt_str("state")?.map(Rc::from),
        }
        .boxed(),
    })
}

/// One visit's record: TestState's fields plus `enteredEventId` (which visit it was).
pub fn inspection_to_value(i: &StateInspection) -> Value {
    let mut v = i.to_value();
    if let Some(m) = v.as_object_mut() {
        m.insert("enteredEventId".into(), Value::from(i64::from(i.entered_event_id)));
        if let Some(rule) = i.matched_rule {
            m.insert("matchedRule".into(), Value::from(rule as i64));
        }
    }
    v
}

/// Reads what `inspection_to_value` wrote.
pub fn inspection_from_value(v: &Value) -> Result<StateInspection, String> {
    let f = Fields::of(v, "inspection")?;
    // A failure writes `error` and `cause` always, null when the failure has none.
    let error = if f.0.contains_key("error") {
        Some(Failure {
            error: f.opt_str("error")?.map(String::from),
            cause: f.opt_str("cause")?.map(String::from),
        })
    } else {
        None
    };
    let no_decision = Value::object();
    let decision = Fields::of(f.0.get("errorDetails").unwrap_or(&no_decision), "errorDetails")?;
    let variables = match f.0.get("variables") {
        Some(Value::Object(m)) => Some(Rc::new((**m).clone())),
        Some(_) => return Err("variables is not an object".to_string()),
        None => None,
    };
    Ok(StateInspection {
        name: Rc::from(f.str("name")?),
        entered_event_id: f.u32("enteredEventId")?,
        input: f.opt_value("input"),
        after_input_path: f.opt_value("afterInputPath"),
        after_parameters: f.opt_value("afterParameters"),
        after_arguments: f.opt_value("afterArguments"),
        result: f.opt_value("result"),
        after_result_selector: f.opt_value("afterResultSelector"),
        after_result_path: f.opt_value("afterResultPath"),
        output: f.opt_value("output"),
        status: intern(VISIT_STATUSES, f.str("status")?, "status")?,
        error,
        retry_index: decision.opt_u32("retryIndex")?.map(|i| i as usize),
        retry_backoff_interval_seconds: decision.0.get("retryBackoffIntervalSeconds").and_then(Value::as_f64),
        catch_index: decision.opt_u32("catchIndex")?.map(|i| i as usize),
        next_state: f.opt_str("nextState")?.map(Rc::from),
        matched_rule: f.opt_u32("matchedRule")?.map(|i| i as usize),
        variables,
    })
}

/// Each state's placement (`states`, by name) and the groups in definition order.
pub fn nesting_to_value(n: &Nesting) -> Value {
    let states = n
        .states
        .iter()
        .map(|(name, p)| {
            let mut m = Map::default();
            m.insert("name".into(), Value::from(&**name));
            if let Some((parent, branch)) = &p.parent {
                m.insert("parent".into(), Value::from(&**parent));
                m.insert("branch".into(), Value::from(*branch as i64));
            }
            if let Some(g) = p.group {
                m.insert("group".into(), Value::from(if g == GroupKind::Map { "Map" } else { "Parallel" }));
            }
            m.insert("terminal".into(), Value::Bool(p.terminal));
            m.insert("depth".into(), Value::from(p.depth as i64));
            m.insert("branches".into(), Value::from(p.branches as i64));
            Value::from(m)
        })
        .collect();
    let groups = n.groups.iter().map(|g| Value::from(&**g)).collect();
    let mut m = Map::default();
    m.insert("states".into(), Value::array(states));
    m.insert("groups".into(), Value::array(groups));
    Value::from(m)
}

/// Reads what `nesting_to_value` wrote.
pub fn nesting_from_value(v: &Value) -> Result<Nesting, String> {
    let mut nesting = Nesting::default();
    let list = |key: &str| v.get(key).and_then(Value::as_array).ok_or_else(|| format!("nesting has no {key}"));
    for s in list("states")? {
        let f = Fields::of(s, "placement")?;
        let parent = match f.opt_str("parent")? {
            Some(p) => Some((Rc::from(p), f.u32("branch")? as usize)),
            None => None,
        };
        let group = match f.opt_str("group")? {
            None => None,
            Some("Map") => Some(GroupKind::Map),
            Some("Parallel") => Some(GroupKind::Parallel),
            Some(other) => return Err(format!("unknown group kind `{other}`")),
        };
        let placement = Placement {
            parent,
            group,
            terminal: f.0.get("terminal") == Some(&Value::Bool(true)),
            depth: f.u32("depth")? as usize,
            branches: f.u32("branches")? as usize,
        };
        nesting.states.insert(Rc::from(f.str("name")?), placement);
    }
    for g in list("groups")? {
        nesting.groups.push(Rc::from(g.as_str().ok_or("a group name is not a string")?));
    }
    Ok(nesting)
}

/// Typed reads of an object's members, each error naming the member.
struct Fields<'a>(&'a Map);

impl<'a> Fields<'a> {
    fn of(v: &'a Value, what: &str) -> Result<Self, String> {
        v.as_object().map(Fields).ok_or_else(|| format!("{what} is not an object"))
    }

    fn opt_value(&self, key: &str) -> Option<Rc<Value>> {
        self.0.get(key).map(|v| Rc::new(v.clone()))
    }

    fn opt_str(&self, key: &str) -> Result<Option<&'a str>, String> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v.as_str().map(Some).ok_or_else(|| format!("{key} is not a string")),
        }
    }

    fn str(&self, key: &str) -> Result<&'a str, String> {
        self.opt_str(key)?.ok_or_else(|| format!("{key} is missing"))
    }

    fn opt_i64(&self, key: &str) -> Result<Option<i64>, String> {
        match self.0.get(key) {
            None => Ok(None),
            Some(Value::Number(Number::Int(i))) => Ok(Some(*i)),
            Some(_) => Err(format!("{key} is not an integer")),
        }
    }

    fn i64(&self, key: &str) -> Result<i64, String> {
        self.opt_i64(key)?.ok_or_else(|| format!("{key} is missing"))
    }

    fn opt_u32(&self, key: &str) -> Result<Option<u32>, String> {
        self.opt_i64(key)?
            .map(|i| u32::try_from(i).map_err(|_| format!("{key} is out of range")))
            .transpose()
    }

    fn u32(&self, key: &str) -> Result<u32, String> {
        self.opt_u32(key)?.ok_or_else(|| format!("{key} is missing"))
    }
}
