//! History events, inspection records and a machine's nesting as JSON values and back,
//! losslessly: the form in which a run recorded elsewhere (a Web Worker) reaches the
//! session that shows it. Events travel in a compact positional form (the page reads
//! tens of thousands of them while a run is recorded); payloads stay JSON values (not
//! JSON text), and the few fields the interpreter keeps as static names are interned
//! from the tables below.

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

/// Numbers naming `Details` fields in an event's compact form (AWS's key names in
/// comments; the order is the form's, never renumber).
mod field {
    pub const NAME: i64 = 0; // name
    pub const INPUT: i64 = 1; // input
    pub const OUTPUT: i64 = 2; // output
    pub const PARAMETERS: i64 = 3; // parameters
    pub const ERROR: i64 = 4; // error
    pub const CAUSE: i64 = 5; // cause
    pub const RESOURCE: i64 = 6; // resource
    pub const RESOURCE_TYPE: i64 = 7; // resourceType
    pub const REGION: i64 = 8; // region
    pub const TIMEOUT: i64 = 9; // timeoutInSeconds
    pub const HEARTBEAT: i64 = 10; // heartbeatInSeconds
    pub const CREDENTIALS: i64 = 11; // taskCredentials
    pub const INDEX: i64 = 12; // index
    pub const LENGTH: i64 = 13; // length
    pub const MAP_RUN_ARN: i64 = 14; // mapRunArn
    pub const ASSIGNED: i64 = 15; // assignedVariables
    pub const LOCATION: i64 = 16; // location
    pub const STATE: i64 = 17; // state
}

/// One event in compact form, an array: `[id, previousEventId, timestamp, type, field,
/// value, field, value, …]` with `type` an index into the event type table and each
/// `field` a number from `field`. Reading it builds no object but the payloads
/// themselves, which keeps the page's work per event small.
pub fn event_to_compact(e: &HistoryEvent) -> Value {
    let type_index = EVENT_TYPES.iter().position(|t| *t == e.event_type).map_or(-1, |i| i as i64);
    let mut items = alloc::vec![
        Value::from(i64::from(e.id)),
        Value::from(i64::from(e.previous_event_id)),
        Value::from(e.timestamp_ms),
        Value::from(type_index),
    ];
    let d = &e.details;
    let none = RareDetails::default();
    let rare = d.rare.as_deref().unwrap_or(&none);
    let mut put = |code: i64, v: Value| {
        items.push(Value::from(code));
        items.push(v);
    };
    let text = |s: &str| Value::from(s);
    let payload = |v: &Rc<Value>| (**v).clone();
    if let Some(v) = &d.name { put(field::NAME, text(v)) }
    if let Some(v) = &d.input { put(field::INPUT, payload(v)) }
    if let Some(v) = &d.output { put(field::OUTPUT, payload(v)) }
    if let Some(v) = &d.parameters { put(field::PARAMETERS, payload(v)) }
    if let Some(v) = &rare.error { put(field::ERROR, text(v)) }
    if let Some(v) = &rare.cause { put(field::CAUSE, text(v)) }
    if let Some(v) = &d.resource { put(field::RESOURCE, text(v)) }
    if let Some(v) = &d.resource_type { put(field::RESOURCE_TYPE, text(v)) }
    if let Some(v) = rare.region { put(field::REGION, text(v)) }
    if let Some(v) = rare.timeout_in_seconds { put(field::TIMEOUT, Value::from(v)) }
    if let Some(v) = rare.heartbeat_in_seconds { put(field::HEARTBEAT, Value::from(v)) }
    if let Some(v) = &rare.task_credentials { put(field::CREDENTIALS, payload(v)) }
    if let Some(v) = d.index { put(field::INDEX, Value::from(i64::from(v))) }
    if let Some(v) = rare.length { put(field::LENGTH, Value::from(i64::from(v))) }
    if let Some(v) = &rare.map_run_arn { put(field::MAP_RUN_ARN, text(v)) }
    if let Some(v) = &rare.assigned_variables { put(field::ASSIGNED, Value::from((**v).clone())) }
    if let Some(v) = &rare.location { put(field::LOCATION, text(v)) }
    if let Some(v) = &rare.state { put(field::STATE, text(v)) }
    Value::array(items)
}

/// Reads what `event_to_compact` wrote, taking the payloads over without copying.
pub fn event_from_compact(mut v: Value) -> Result<HistoryEvent, String> {
    let items = v.as_array_mut().ok_or("an event is not an array")?;
    let mut items = core::mem::take(items).into_iter();
    let mut int = |what: &str| items.next().and_then(|v| v.as_i64()).ok_or_else(|| format!("{what} is missing"));
    let id = int("id").and_then(|i| u32::try_from(i).map_err(|_| "id is out of range".to_string()))?;
    let previous_event_id = int("previousEventId").and_then(|i| u32::try_from(i).map_err(|_| "previousEventId is out of range".to_string()))?;
    let timestamp_ms = int("timestamp")?;
    let event_type = int("type").and_then(|i| {
        usize::try_from(i).ok().and_then(|i| EVENT_TYPES.get(i).copied()).ok_or_else(|| format!("unknown event type {i}"))
    })?;
    let mut d = Details::default();
    let mut rare = RareDetails::default();
    while let Some(code) = items.next() {
        let code = code.as_i64().ok_or("a details field is not a number")?;
        let value = items.next().ok_or("a details field has no value")?;
        set_field(&mut d, &mut rare, code, value)?;
    }
    d.rare = rare.boxed();
    Ok(HistoryEvent { id, previous_event_id, timestamp_ms, event_type, details: d })
}

fn set_field(d: &mut Details, rare: &mut RareDetails, code: i64, value: Value) -> Result<(), String> {
    let name = || -> &'static str {
        const NAMES: [&str; 18] = [
            "name", "input", "output", "parameters", "error", "cause", "resource", "resourceType", "region",
            "timeoutInSeconds", "heartbeatInSeconds", "taskCredentials", "index", "length", "mapRunArn",
            "assignedVariables", "location", "state",
        ];
        usize::try_from(code).ok().and_then(|i| NAMES.get(i)).copied().unwrap_or("field")
    };
    let text = |v: Value| match v {
        Value::String(s) => Ok(s),
        _ => Err(format!("{} is not a string", name())),
    };
    let int = |v: &Value| v.as_i64().ok_or_else(|| format!("{} is not an integer", name()));
    let small = |v: &Value| int(v).and_then(|i| u32::try_from(i).map_err(|_| format!("{} is out of range", name())));
    match code {
        field::NAME => d.name = Some(Rc::from(text(value)?)),
        field::INPUT => d.input = Some(Rc::new(value)),
        field::OUTPUT => d.output = Some(Rc::new(value)),
        field::PARAMETERS => d.parameters = Some(Rc::new(value)),
        field::ERROR => rare.error = Some(text(value)?),
        field::CAUSE => rare.cause = Some(text(value)?),
        field::RESOURCE => d.resource = Some(Rc::from(text(value)?)),
        field::RESOURCE_TYPE => d.resource_type = Some(Rc::from(text(value)?)),
        field::REGION => rare.region = Some(intern(REGIONS, &text(value)?, "region")?),
        field::TIMEOUT => rare.timeout_in_seconds = Some(int(&value)?),
        field::HEARTBEAT => rare.heartbeat_in_seconds = Some(int(&value)?),
        field::CREDENTIALS => rare.task_credentials = Some(Rc::new(value)),
        field::INDEX => d.index = Some(small(&value)?),
        field::LENGTH => rare.length = Some(small(&value)?),
        field::MAP_RUN_ARN => rare.map_run_arn = Some(text(value)?),
        field::ASSIGNED => match value {
            Value::Object(m) => rare.assigned_variables = Some(Rc::new(crate::shared::Shared::unwrap_or_clone(m))),
            _ => return Err("assignedVariables is not an object".to_string()),
        },
        field::LOCATION => rare.location = Some(text(value)?),
        field::STATE => rare.state = Some(Rc::from(text(value)?)),
        _ => return Err(format!("unknown details field {code}")),
    }
    Ok(())
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

    fn opt_u32(&self, key: &str) -> Result<Option<u32>, String> {
        self.opt_i64(key)?
            .map(|i| u32::try_from(i).map_err(|_| format!("{key} is out of range")))
            .transpose()
    }

    fn u32(&self, key: &str) -> Result<u32, String> {
        self.opt_u32(key)?.ok_or_else(|| format!("{key} is missing"))
    }
}
