//! Which fields each state type takes, and in which query language (AWS developer guide,
//! "State machine structure" and the page of each state type).

use super::view::{QueryLanguage, StateType};

/// The query languages a field belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Both,
    JsonPath,
    Jsonata,
}

impl Lang {
    /// True when the field may be used under `ql`.
    pub fn allows(self, ql: QueryLanguage) -> bool {
        match self {
            Lang::Both => true,
            Lang::JsonPath => ql == QueryLanguage::JsonPath,
            Lang::Jsonata => ql == QueryLanguage::Jsonata,
        }
    }
}

const TASK: u8 = 1;
const PASS: u8 = 1 << 1;
const CHOICE: u8 = 1 << 2;
const WAIT: u8 = 1 << 3;
const SUCCEED: u8 = 1 << 4;
const FAIL: u8 = 1 << 5;
const PARALLEL: u8 = 1 << 6;
const MAP: u8 = 1 << 7;
const ALL: u8 = 0xff;
const NOT_FAIL: u8 = ALL & !FAIL;
const FLOWING: u8 = TASK | PASS | WAIT | PARALLEL | MAP;
const WORKERS: u8 = TASK | PARALLEL | MAP;

fn bit(t: StateType) -> u8 {
    match t {
        StateType::Task => TASK,
        StateType::Pass => PASS,
        StateType::Choice => CHOICE,
        StateType::Wait => WAIT,
        StateType::Succeed => SUCCEED,
        StateType::Fail => FAIL,
        StateType::Parallel => PARALLEL,
        StateType::Map => MAP,
    }
}

/// The language of `key` and the state types that take it (a `match`, so the lookup on
/// every field of every state is a jump, not a scan).
fn entry(key: &str) -> Option<(Lang, u8)> {
    Some(match key {
        "Type" => (Lang::Both, ALL),
        "Comment" => (Lang::Both, ALL),
        "QueryLanguage" => (Lang::Both, ALL),
        "Next" => (Lang::Both, FLOWING),
        "End" => (Lang::Both, FLOWING),
        "InputPath" => (Lang::JsonPath, NOT_FAIL),
        "OutputPath" => (Lang::JsonPath, NOT_FAIL),
        "Output" => (Lang::Jsonata, NOT_FAIL),
        "Assign" => (Lang::Both, ALL & !(SUCCEED | FAIL)),
        "Parameters" => (Lang::JsonPath, TASK | PASS | PARALLEL | MAP),
        "Arguments" => (Lang::Jsonata, TASK | PARALLEL),
        "ResultSelector" => (Lang::JsonPath, WORKERS),
        "ResultPath" => (Lang::JsonPath, WORKERS | PASS),
        "Retry" => (Lang::Both, WORKERS),
        "Catch" => (Lang::Both, WORKERS),
        "Result" => (Lang::JsonPath, PASS),
        "Resource" => (Lang::Both, TASK),
        "TimeoutSeconds" => (Lang::Both, TASK),
        "TimeoutSecondsPath" => (Lang::JsonPath, TASK),
        "HeartbeatSeconds" => (Lang::Both, TASK),
        "HeartbeatSecondsPath" => (Lang::JsonPath, TASK),
        "Credentials" => (Lang::Both, TASK),
        "Choices" => (Lang::Both, CHOICE),
        "Default" => (Lang::Both, CHOICE),
        "Seconds" => (Lang::Both, WAIT),
        "Timestamp" => (Lang::Both, WAIT),
        "SecondsPath" => (Lang::JsonPath, WAIT),
        "TimestampPath" => (Lang::JsonPath, WAIT),
        "Error" => (Lang::Both, FAIL),
        "Cause" => (Lang::Both, FAIL),
        "ErrorPath" => (Lang::JsonPath, FAIL),
        "CausePath" => (Lang::JsonPath, FAIL),
        "Branches" => (Lang::Both, PARALLEL),
        "ItemProcessor" => (Lang::Both, MAP),
        "Iterator" => (Lang::Both, MAP),
        "ItemsPath" => (Lang::JsonPath, MAP),
        "Items" => (Lang::Jsonata, MAP),
        "ItemSelector" => (Lang::Both, MAP),
        "ItemReader" => (Lang::Both, MAP),
        "ItemBatcher" => (Lang::Both, MAP),
        "ResultWriter" => (Lang::Both, MAP),
        "MaxConcurrency" => (Lang::Both, MAP),
        "MaxConcurrencyPath" => (Lang::JsonPath, MAP),
        "ToleratedFailurePercentage" => (Lang::Both, MAP),
        "ToleratedFailurePercentagePath" => (Lang::JsonPath, MAP),
        "ToleratedFailureCount" => (Lang::Both, MAP),
        "ToleratedFailureCountPath" => (Lang::JsonPath, MAP),
        "Label" => (Lang::Both, MAP),
        _ => return None,
    })
}

/// How a state of type `t` may use the field `key`: `None` when the type never takes it.
pub fn state_field(t: StateType, key: &str) -> Option<Lang> {
    entry(key)
        .filter(|(_, types)| types & bit(t) != 0)
        .map(|(lang, _)| lang)
}

/// Fields of a retrier.
pub const RETRIER_FIELDS: &[(&str, Lang)] = &[
    ("ErrorEquals", Lang::Both),
    ("IntervalSeconds", Lang::Both),
    ("MaxAttempts", Lang::Both),
    ("BackoffRate", Lang::Both),
    ("MaxDelaySeconds", Lang::Both),
    ("JitterStrategy", Lang::Both),
    ("Comment", Lang::Both),
];

/// Fields of a catcher.
pub const CATCHER_FIELDS: &[(&str, Lang)] = &[
    ("ErrorEquals", Lang::Both),
    ("Next", Lang::Both),
    ("ResultPath", Lang::JsonPath),
    ("Output", Lang::Jsonata),
    ("Assign", Lang::Both),
    ("Comment", Lang::Both),
];

/// Fields of the document's root.
pub const TOP_FIELDS: &[&str] = &[
    "StartAt",
    "States",
    "Comment",
    "Version",
    "TimeoutSeconds",
    "QueryLanguage",
];
/// Fields of a Parallel branch.
pub const BRANCH_FIELDS: &[&str] = &["StartAt", "States", "Comment"];
/// Fields of a Map processor.
pub const PROCESSOR_FIELDS: &[&str] = &["StartAt", "States", "Comment", "ProcessorConfig"];
/// Fields of `ProcessorConfig`.
pub const PROCESSOR_CONFIG_FIELDS: &[&str] = &["Mode", "ExecutionType"];
/// Fields of `ItemBatcher`.
pub const ITEM_BATCHER_FIELDS: &[(&str, Lang)] = &[
    ("MaxItemsPerBatch", Lang::Both),
    ("MaxItemsPerBatchPath", Lang::JsonPath),
    ("MaxInputBytesPerBatch", Lang::Both),
    ("MaxInputBytesPerBatchPath", Lang::JsonPath),
    ("BatchInput", Lang::Both),
];

/// Fields of a Choice rule besides its operators (JSONPath) or `Condition` (JSONata).
pub const CHOICE_RULE_FIELDS: &[(&str, Lang)] = &[
    ("Variable", Lang::JsonPath),
    ("Next", Lang::Both),
    ("Comment", Lang::Both),
    ("Assign", Lang::Both),
    ("Condition", Lang::Jsonata),
    ("Output", Lang::Jsonata),
];

/// How `key` is used in `table`, if listed.
pub fn lookup(table: &[(&str, Lang)], key: &str) -> Option<Lang> {
    table.iter().find(|(k, _)| *k == key).map(|(_, l)| *l)
}
