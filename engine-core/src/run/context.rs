//! The context object (`$$`): Execution, StateMachine, State, Task and Map.Item.

use super::clock::format_timestamp;
use super::exec::{ExecutionOptions, ExecutionType};
use crate::{Map, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;

/// The parts of `$$` fixed for the whole execution.
#[derive(Debug)]
pub(crate) struct ContextBase {
    pub execution: Value,
    pub state_machine: Value,
    pub execution_arn: String,
}

impl ContextBase {
    /// The state machine's ARN (`$$.StateMachine.Id`).
    pub fn state_machine_arn(&self) -> String {
        self.state_machine.get("Id").and_then(Value::as_str).unwrap_or("").into()
    }

    pub fn new(machine_name: &str, o: &ExecutionOptions, input: Rc<Value>) -> ContextBase {
        let sm_arn = format!("arn:aws:states:{}:{}:stateMachine:{}", o.region, o.account_id, machine_name);
        // Express executions are named `express:<machine>:<name>:<id>` (AWS).
        let exec_arn = match o.execution_type {
            ExecutionType::Standard => format!("arn:aws:states:{}:{}:execution:{}:{}", o.region, o.account_id, machine_name, o.execution_name),
            _ => {
                let id = crate::rng::Rng::seeded(o.seed ^ 0x0E59_0E55).uuid_v4();
                format!("arn:aws:states:{}:{}:express:{}:{}:{id}", o.region, o.account_id, machine_name, o.execution_name)
            }
        };
        let mut e = Map::default();
        e.insert("Id".into(), Value::from(exec_arn.as_str()));
        e.insert("Input".into(), (*input).clone());
        e.insert("Name".into(), Value::from(o.execution_name.as_str()));
        let role = o.role_arn.clone().unwrap_or_else(|| format!("arn:aws:iam::{}:role/StateLabExecutionRole", o.account_id));
        e.insert("RoleArn".into(), Value::from(role));
        e.insert("StartTime".into(), Value::from(format_timestamp(o.start_time_ms)));
        // A synchronous Express execution cannot be redriven: AWS shows no RedriveCount.
        if o.execution_type != ExecutionType::ExpressSync {
            e.insert("RedriveCount".into(), Value::from(0i64));
        }
        let mut sm = Map::default();
        sm.insert("Id".into(), Value::from(sm_arn));
        sm.insert("Name".into(), Value::from(machine_name));
        ContextBase { execution: Value::from(e), state_machine: Value::from(sm), execution_arn: exec_arn }
    }
}

/// What a state adds to `$$`.
pub(crate) struct StateContext<'a> {
    pub name: &'a str,
    pub entered_ms: i64,
    pub retry_count: Option<u32>,
    pub task_token: Option<&'a str>,
    /// `$$.Map.Item.Index` and `.Value` while a Map's ItemSelector is evaluated.
    pub map_item: Option<(usize, &'a Value)>,
}

/// Builds `$$` for one evaluation.
pub(crate) fn build(base: &ContextBase, s: &StateContext) -> Value {
    let mut m = Map::default();
    m.insert("Execution".into(), base.execution.clone());
    let mut st = Map::default();
    st.insert("EnteredTime".into(), Value::from(format_timestamp(s.entered_ms)));
    st.insert("Name".into(), Value::from(s.name));
    if let Some(n) = s.retry_count {
        st.insert("RetryCount".into(), Value::from(i64::from(n)));
    }
    m.insert("State".into(), Value::from(st));
    m.insert("StateMachine".into(), base.state_machine.clone());
    if let Some(token) = s.task_token {
        let mut t = Map::default();
        t.insert("Token".into(), Value::from(token));
        m.insert("Task".into(), Value::from(t));
    }
    if let Some((index, value)) = s.map_item {
        let mut item = Map::default();
        item.insert("Index".into(), Value::from(index as i64));
        item.insert("Value".into(), value.clone());
        let mut map = Map::default();
        map.insert("Item".into(), Value::from(item));
        m.insert("Map".into(), Value::from(map));
    }
    Value::from(m)
}
