//! The states browser's templates: flow states and actions, each in both query languages
//! (JSONPath states pass `Parameters`, JSONata states pass `Arguments`). Resource ARNs and
//! parameter names are those of the Step Functions developer guide's service pages;
//! account-specific values are the guide's placeholders (`123456789012`, `us-east-1`).

use crate::asl::QueryLanguage;
use crate::json::{parse_value, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Where a template is listed in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Flow,
    Action,
}

/// One entry of the states browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// Stable identifier (`lambda-invoke`).
    pub id: &'static str,
    /// What the browser shows, and the base of the new state's name (`Lambda Invoke`).
    pub label: &'static str,
    pub group: Group,
    /// Extra words search matches (service names, API actions).
    pub keywords: &'static [&'static str],
    /// The state's JSON under JSONPath (`Parameters`) and JSONata (`Arguments`).
    jsonpath: &'static str,
    jsonata: &'static str,
}

impl Template {
    /// The state's fields (no transitions: inserting adds `Next`/`End`).
    pub fn definition(&self, language: QueryLanguage) -> Value {
        let text = match language {
            QueryLanguage::JsonPath => self.jsonpath,
            QueryLanguage::Jsonata => self.jsonata,
        };
        // The tables below are checked to parse by the catalogue tests.
        parse_value(text).unwrap_or_default()
    }

    /// The `Type` the template makes.
    pub fn state_type(&self) -> &'static str {
        let at = self.jsonpath.find("\"Type\": \"").map_or(0, |i| i + 9);
        let rest = &self.jsonpath[at..];
        &rest[..rest.find('"').unwrap_or(0)]
    }
}

const fn flow(id: &'static str, keywords: &'static [&'static str], both: &'static str) -> Template {
    Template {
        id,
        label: id,
        group: Group::Flow,
        keywords,
        jsonpath: both,
        jsonata: both,
    }
}

const fn action(
    id: &'static str,
    label: &'static str,
    keywords: &'static [&'static str],
    jsonpath: &'static str,
    jsonata: &'static str,
) -> Template {
    Template {
        id,
        label,
        group: Group::Action,
        keywords,
        jsonpath,
        jsonata,
    }
}

const CATALOGUE: &[Template] = &[
    flow(
        "Pass",
        &["pass", "transform", "inject"],
        r#"{"Type": "Pass"}"#,
    ),
    flow(
        "Wait",
        &["delay", "sleep", "timer", "seconds"],
        r#"{"Type": "Wait", "Seconds": 5}"#,
    ),
    Template {
        id: "Choice",
        label: "Choice",
        group: Group::Flow,
        keywords: &["branch", "if", "condition", "rule"],
        jsonpath: r#"{"Type": "Choice", "Choices": [{"Variable": "$.value", "BooleanEquals": true}]}"#,
        jsonata: r#"{"Type": "Choice", "Choices": [{"Condition": "{% true %}"}]}"#,
    },
    flow(
        "Parallel",
        &["branches", "concurrent", "fan out"],
        r#"{"Type": "Parallel", "Branches": [{"StartAt": "", "States": {}}]}"#,
    ),
    flow(
        "Map",
        &["iterate", "loop", "items", "for each"],
        r#"{"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "", "States": {}}}"#,
    ),
    flow(
        "Succeed",
        &["end", "success", "stop"],
        r#"{"Type": "Succeed"}"#,
    ),
    flow(
        "Fail",
        &["end", "error", "stop", "failure"],
        r#"{"Type": "Fail"}"#,
    ),
    action(
        "lambda-invoke",
        "Lambda Invoke",
        &["lambda", "function", "invoke"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:MyFunction", "Payload.$": "$"}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:MyFunction", "Payload": "{% $states.input %}"}}"#,
    ),
    action(
        "dynamodb-getitem",
        "DynamoDB GetItem",
        &["dynamodb", "getItem", "read", "table"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "Parameters": {"TableName": "MyTable", "Key": {"id": {"S.$": "$.id"}}}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "Arguments": {"TableName": "MyTable", "Key": {"id": {"S": "{% $states.input.id %}"}}}}"#,
    ),
    action(
        "dynamodb-putitem",
        "DynamoDB PutItem",
        &["dynamodb", "putItem", "write", "table"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "Parameters": {"TableName": "MyTable", "Item": {"id": {"S.$": "$.id"}}}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "Arguments": {"TableName": "MyTable", "Item": {"id": {"S": "{% $states.input.id %}"}}}}"#,
    ),
    action(
        "dynamodb-updateitem",
        "DynamoDB UpdateItem",
        &["dynamodb", "updateItem", "write", "table"],
        r##"{"Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem", "Parameters": {"TableName": "MyTable", "Key": {"id": {"S.$": "$.id"}}, "UpdateExpression": "SET #value = :value", "ExpressionAttributeNames": {"#value": "value"}, "ExpressionAttributeValues": {":value": {"S.$": "$.value"}}}}"##,
        r##"{"Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem", "Arguments": {"TableName": "MyTable", "Key": {"id": {"S": "{% $states.input.id %}"}}, "UpdateExpression": "SET #value = :value", "ExpressionAttributeNames": {"#value": "value"}, "ExpressionAttributeValues": {":value": {"S": "{% $states.input.value %}"}}}}"##,
    ),
    action(
        "sns-publish",
        "SNS Publish",
        &["sns", "publish", "notification", "topic"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:MyTopic", "Message.$": "$"}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Arguments": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:MyTopic", "Message": "{% $states.input %}"}}"#,
    ),
    action(
        "sqs-sendmessage",
        "SQS SendMessage",
        &["sqs", "sendMessage", "queue", "message"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/MyQueue", "MessageBody.$": "$"}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Arguments": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/MyQueue", "MessageBody": "{% $states.input %}"}}"#,
    ),
    action(
        "eventbridge-putevents",
        "EventBridge PutEvents",
        &["eventbridge", "events", "putEvents", "bus"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::events:putEvents", "Parameters": {"Entries": [{"Detail.$": "$", "DetailType": "MyDetailType", "EventBusName": "default", "Source": "my.source"}]}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::events:putEvents", "Arguments": {"Entries": [{"Detail": "{% $states.input %}", "DetailType": "MyDetailType", "EventBusName": "default", "Source": "my.source"}]}}"#,
    ),
    action(
        "ecs-runtask",
        "ECS RunTask",
        &["ecs", "fargate", "container", "runTask", "sync"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "Parameters": {"LaunchType": "FARGATE", "Cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/MyCluster", "TaskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/MyTask:1"}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "Arguments": {"LaunchType": "FARGATE", "Cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/MyCluster", "TaskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/MyTask:1"}}"#,
    ),
    action(
        "glue-startjobrun",
        "Glue StartJobRun",
        &["glue", "etl", "job", "startJobRun"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun", "Parameters": {"JobName": "MyJob"}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun", "Arguments": {"JobName": "MyJob"}}"#,
    ),
    action(
        "stepfunctions-startexecution",
        "Step Functions StartExecution",
        &[
            "states",
            "sfn",
            "nested",
            "workflow",
            "startExecution",
            "state machine",
        ],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::states:startExecution", "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:MyStateMachine", "Input.$": "$"}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::states:startExecution", "Arguments": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:MyStateMachine", "Input": "{% $states.input %}"}}"#,
    ),
    action(
        "aws-sdk",
        "AWS SDK call",
        &["sdk", "api", "any service", "s3", "listBuckets"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:listBuckets", "Parameters": {}}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:listBuckets", "Arguments": {}}"#,
    ),
    action(
        "activity",
        "Activity",
        &["activity", "worker", "poll", "getActivityTask"],
        r#"{"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:MyActivity"}"#,
        r#"{"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:MyActivity"}"#,
    ),
];

/// Every template, flow states first, in the browser's order.
pub fn catalogue() -> &'static [Template] {
    CATALOGUE
}

/// The template with this id.
pub fn find_template(id: &str) -> Option<&'static Template> {
    CATALOGUE.iter().find(|t| t.id == id)
}

/// The templates matching every word of `query` (case-insensitive) in their label, id,
/// keywords or resource; all of them for an empty query.
///
/// The catalogue's text is ASCII, so ASCII case folding is exact here; Unicode folding would
/// bring the standard library's case tables (24 KB) into the studio's wasm.
pub fn search(query: &str) -> Vec<&'static Template> {
    let words: Vec<String> = query.split_whitespace().map(str::to_ascii_lowercase).collect();
    CATALOGUE
        .iter()
        .filter(|t| {
            let haystack = format!(
                "{} {} {} {}",
                t.label,
                t.id,
                t.keywords.join(" "),
                resource_of(t.jsonpath)
            )
            .to_ascii_lowercase();
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect()
}

fn resource_of(json: &str) -> &str {
    json.split("\"Resource\": \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("")
}

/// An AWS SDK integration task for `service:action` (`s3`, `listBuckets`), with an empty
/// parameter object (`Parameters` or `Arguments`), and its label as a name base.
pub fn aws_sdk_call(service: &str, action: &str, language: QueryLanguage) -> (String, Value) {
    let mut state = crate::json::Map::default();
    state.insert("Type".into(), Value::String("Task".into()));
    state.insert(
        "Resource".into(),
        Value::String(format!("arn:aws:states:::aws-sdk:{service}:{action}")),
    );
    let field = match language {
        QueryLanguage::JsonPath => "Parameters",
        QueryLanguage::Jsonata => "Arguments",
    };
    state.insert(field.into(), Value::object());
    (
        format!("{service}:{action}"),
        Value::Object(crate::shared::Shared::new(state)),
    )
}
