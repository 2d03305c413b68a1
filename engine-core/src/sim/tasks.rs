//! The Task states a machine calls (nested ones in Parallel branches and Map processors
//! too), each with a starter mock response shaped like its resource's real result, so
//! the mocks panel opens with something runnable.

use crate::json::parse_value;
use crate::Value;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// One Task state the mocks panel lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskSlot {
    /// The state's name (mocks are keyed by it, as in Step Functions Local).
    pub name: String,
    /// Its `Resource` ARN (empty when missing).
    pub resource: String,
    /// JSON Pointer of the state in the definition.
    pub pointer: String,
}

/// Every Task state of `definition`, depth first in document order.
pub fn task_states(definition: &Value) -> Vec<TaskSlot> {
    let mut out = Vec::new();
    walk_states(definition, "", &mut |name, pointer, state| {
        if state.get("Type").and_then(Value::as_str) == Some("Task") {
            let resource = state.get("Resource").and_then(Value::as_str).unwrap_or("");
            out.push(TaskSlot {
                name: name.to_string(),
                resource: resource.to_string(),
                pointer: pointer.to_string(),
            });
        }
    });
    out
}

/// Calls `visit(name, pointer, state)` for every state of `scope`, depth first in
/// document order, entering Parallel branches and Map processors.
pub(super) fn walk_states(scope: &Value, at: &str, visit: &mut dyn FnMut(&str, &str, &Value)) {
    let Some(states) = scope.get("States").and_then(Value::as_object) else {
        return;
    };
    for (name, state) in states {
        let pointer = alloc::format!("{at}/States/{}", escape(name));
        visit(name, &pointer, state);
        match state.get("Type").and_then(Value::as_str) {
            Some("Parallel") => {
                for (i, branch) in state
                    .get("Branches")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    walk_states(branch, &alloc::format!("{pointer}/Branches/{i}"), visit);
                }
            }
            Some("Map") => {
                for key in ["ItemProcessor", "Iterator"] {
                    if let Some(processor) = state.get(key) {
                        walk_states(processor, &alloc::format!("{pointer}/{key}"), visit);
                    }
                }
            }
            _ => {}
        }
    }
}

fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// A plausible first response for a Task calling `resource`: the Lambda invoke
/// integration's response shape (AWS: `ExecutedVersion`, `Payload`, `StatusCode`), an
/// empty object for DynamoDB writes and everything else (what `PutItem` returns without
/// `ReturnValues`), `{"Item": {}}` for DynamoDB `getItem`.
pub fn starter_response(resource: &str) -> Value {
    let text = if resource.starts_with("arn:aws:states:::lambda:invoke") {
        r#"{"ExecutedVersion": "$LATEST", "Payload": {}, "StatusCode": 200}"#
    } else if resource.starts_with("arn:aws:states:::dynamodb:getItem") {
        r#"{"Item": {}}"#
    } else {
        "{}"
    };
    parse_value(text).unwrap_or_else(|_| Value::object())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(text: &str) -> Value {
        parse_value(text).unwrap()
    }

    #[test]
    fn lists_nested_tasks_with_pointers() {
        let d = def(r#"{"StartAt":"P","States":{
            "P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}],"Next":"M"},
            "M":{"Type":"Map","ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","End":true}}},"Next":"a/b"},
            "a/b":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}}}"#);
        let names: Vec<_> = task_states(&d)
            .into_iter()
            .map(|t| (t.name, t.pointer))
            .collect();
        assert_eq!(
            names,
            [
                ("A".to_string(), "/States/P/Branches/0/States/A".to_string()),
                (
                    "B".to_string(),
                    "/States/M/ItemProcessor/States/B".to_string()
                ),
                ("a/b".to_string(), "/States/a~1b".to_string()),
            ]
        );
    }

    #[test]
    fn starters_follow_the_resource() {
        let lambda = starter_response("arn:aws:states:::lambda:invoke");
        assert_eq!(lambda.get("StatusCode").and_then(Value::as_i64), Some(200));
        assert!(lambda.get("Payload").is_some());
        assert_eq!(
            starter_response("arn:aws:states:::dynamodb:putItem"),
            Value::object()
        );
        assert!(starter_response("arn:aws:states:::dynamodb:getItem")
            .get("Item")
            .is_some());
    }
}
