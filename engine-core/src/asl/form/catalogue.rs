//! Which fields each form shows, in the order people read them.

use super::{FieldSpec, Group, Kind};
use crate::asl::fields::{lookup, state_field, CATCHER_FIELDS, CHOICE_RULE_FIELDS, RETRIER_FIELDS};
use crate::asl::view::{QueryLanguage, StateType};
use alloc::vec::Vec;

const LANGUAGES: &[&str] = &["JSONPath", "JSONata"];
const JITTER: &[&str] = &["FULL", "NONE"];

const fn spec(key: &'static str, group: Group, kind: Kind, hint: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        group,
        kind,
        hint,
    }
}

use Group::{Configuration as C, ErrorHandling as E, InputOutput as IO};

/// Every state field a form can show. Structural fields (`Type`, `Branches`,
/// `ItemProcessor`, `Choices`, `Retry`, `Catch`) have editors of their own.
const STATE_FIELDS: &[FieldSpec] = &[
    spec("Comment", C, Kind::Text, "A description of the state"),
    spec("Resource", C, Kind::Text, "The ARN of the integration, Lambda function or activity"),
    spec("Next", C, Kind::StateName, "The state to run next"),
    spec("End", C, Kind::Flag, "The execution (or branch) ends after this state"),
    spec("Default", C, Kind::StateName, "The state to run when no rule matches"),
    spec("Seconds", C, Kind::Integer, "Seconds to wait"),
    spec("Timestamp", C, Kind::Text, "Wait until this RFC 3339 time"),
    spec("SecondsPath", C, Kind::Path, "Seconds to wait, read from the input"),
    spec("TimestampPath", C, Kind::Path, "The time to wait until, read from the input"),
    spec("TimeoutSeconds", C, Kind::Integer, "Fail with States.Timeout after this many seconds"),
    spec("TimeoutSecondsPath", C, Kind::Path, "The timeout, read from the input"),
    spec("HeartbeatSeconds", C, Kind::Integer, "Fail with States.Timeout when no heartbeat comes for this long"),
    spec("HeartbeatSecondsPath", C, Kind::Path, "The heartbeat interval, read from the input"),
    spec("Credentials", C, Kind::Json, "A role to assume for this task"),
    spec("Error", C, Kind::Text, "The error name the execution fails with"),
    spec("Cause", C, Kind::Text, "A description of the failure"),
    spec("ErrorPath", C, Kind::Path, "The error name, read from the input"),
    spec("CausePath", C, Kind::Path, "The cause, read from the input"),
    spec("ItemsPath", C, Kind::Path, "Where the array to iterate over is in the input"),
    spec("Items", C, Kind::Value, "The array to iterate over, or a JSONata expression"),
    spec("ItemSelector", C, Kind::Json, "The input of each iteration"),
    spec("ItemReader", C, Kind::Json, "Read the items from Amazon S3 (distributed Map)"),
    spec("ItemBatcher", C, Kind::Json, "Group items into batches (distributed Map)"),
    spec("ResultWriter", C, Kind::Json, "Write the results to Amazon S3 (distributed Map)"),
    spec("MaxConcurrency", C, Kind::Integer, "Iterations run at once (0: as many as possible)"),
    spec("MaxConcurrencyPath", C, Kind::Path, "The concurrency, read from the input"),
    spec("ToleratedFailurePercentage", C, Kind::Number, "Failed items tolerated, in percent"),
    spec("ToleratedFailurePercentagePath", C, Kind::Path, "The percentage, read from the input"),
    spec("ToleratedFailureCount", C, Kind::Integer, "Failed items tolerated"),
    spec("ToleratedFailureCountPath", C, Kind::Path, "The count, read from the input"),
    spec("Label", C, Kind::Text, "A label for the Map run (distributed Map)"),
    spec("QueryLanguage", C, Kind::Options(LANGUAGES), "The language of this state's expressions"),
    spec("InputPath", IO, Kind::Path, "The part of the input the state works on"),
    spec("Parameters", IO, Kind::Json, "The task's parameters, a payload template"),
    spec("Arguments", IO, Kind::Value, "The task's arguments (JSONata)"),
    spec("Result", IO, Kind::Json, "The Pass state's result"),
    spec("ResultSelector", IO, Kind::Json, "Reshape the result, a payload template"),
    spec("ResultPath", IO, Kind::Path, "Where the result goes in the input"),
    spec("OutputPath", IO, Kind::Path, "The part of the data passed on"),
    spec("Output", IO, Kind::Value, "The state's output (JSONata)"),
    spec("Assign", IO, Kind::Json, "Variables to assign"),
];

/// The fields a state of type `t` in query language `ql` shows.
pub fn state_fields(t: StateType, ql: QueryLanguage) -> Vec<FieldSpec> {
    STATE_FIELDS
        .iter()
        .filter(|f| state_field(t, f.key).is_some_and(|lang| lang.allows(ql)))
        .copied()
        .collect()
}

/// The fields of the machine itself.
pub fn workflow_fields() -> Vec<FieldSpec> {
    [
        spec("Comment", C, Kind::Text, "A description of the state machine"),
        spec("StartAt", C, Kind::StateName, "The first state"),
        spec("TimeoutSeconds", C, Kind::Integer, "The execution fails with States.Timeout after this many seconds"),
        spec("QueryLanguage", C, Kind::Options(LANGUAGES), "The default language of the states' expressions"),
    ]
    .into()
}

/// The fields of one retrier.
pub fn retrier_fields(ql: QueryLanguage) -> Vec<FieldSpec> {
    let all = [
        spec("ErrorEquals", E, Kind::List, "Error names, comma-separated (States.ALL: any)"),
        spec("IntervalSeconds", E, Kind::Integer, "Seconds before the first retry (default 1)"),
        spec("MaxAttempts", E, Kind::Integer, "Retries at most (default 3; 0: never)"),
        spec("BackoffRate", E, Kind::Number, "Interval multiplier per retry (default 2.0)"),
        spec("MaxDelaySeconds", E, Kind::Integer, "Longest interval between retries"),
        spec("JitterStrategy", E, Kind::Options(JITTER), "FULL randomises each interval"),
        spec("Comment", E, Kind::Text, "A description of the retrier"),
    ];
    keep(&all, RETRIER_FIELDS, ql)
}

/// The fields of one catcher.
pub fn catcher_fields(ql: QueryLanguage) -> Vec<FieldSpec> {
    let all = [
        spec("ErrorEquals", E, Kind::List, "Error names, comma-separated (States.ALL: any)"),
        spec("Next", E, Kind::StateName, "The state to run after the error"),
        spec("ResultPath", E, Kind::Path, "Where the error output goes in the input"),
        spec("Output", E, Kind::Value, "The output passed to Next (JSONata)"),
        spec("Assign", E, Kind::Json, "Variables to assign"),
        spec("Comment", E, Kind::Text, "A description of the catcher"),
    ];
    keep(&all, CATCHER_FIELDS, ql)
}

/// The fields of one top-level Choice rule besides its comparison (see `rule_condition`).
pub fn rule_fields(ql: QueryLanguage) -> Vec<FieldSpec> {
    let all = [
        spec("Variable", C, Kind::Path, "The value compared"),
        spec("Condition", C, Kind::Text, "A JSONata expression, {% … %}"),
        spec("Next", C, Kind::StateName, "The state to run when the rule matches"),
        spec("Output", C, Kind::Value, "The output passed to Next (JSONata)"),
        spec("Assign", C, Kind::Json, "Variables to assign"),
        spec("Comment", C, Kind::Text, "A description of the rule"),
    ];
    keep(&all, CHOICE_RULE_FIELDS, ql)
}

fn keep(
    all: &[FieldSpec],
    table: &[(&str, crate::asl::fields::Lang)],
    ql: QueryLanguage,
) -> Vec<FieldSpec> {
    all.iter()
        .filter(|f| lookup(table, f.key).is_some_and(|lang| lang.allows(ql)))
        .copied()
        .collect()
}
