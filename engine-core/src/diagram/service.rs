//! What a Task calls, read from its `Resource` the way the Step Functions developer guide
//! spells the forms: optimized integrations `arn:aws:states:::<service>:<action>[.sync|
//! .sync:2|.waitForTaskToken]`, SDK integrations `arn:aws:states:::aws-sdk:<service>:
//! <action>[.<pattern>]`, activities `arn:aws:states:<region>:<account>:activity:<name>`
//! and the legacy Lambda form `arn:aws:lambda:<region>:<account>:function:<name>`.

use alloc::format;
use alloc::string::{String, ToString};

/// How Step Functions waits for the call (the Resource's suffix).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntegrationPattern {
    /// No suffix: on to the next state once the service answers.
    RequestResponse,
    /// `.sync` (or `.sync:2`): wait for the job to finish.
    Sync,
    /// `.waitForTaskToken`: wait for the task token to come back.
    WaitForTaskToken,
}

/// A Task's target, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskService {
    /// The service's display name: `Lambda`, `DynamoDB`, `aws-sdk:s3`, `Activity`, ...
    pub service: String,
    /// The API action, Lambda function or activity name, when the Resource names one.
    pub action: Option<String>,
    pub pattern: IntegrationPattern,
}

impl TaskService {
    /// One short line: `ECS: runTask (.sync)`, `Lambda: invoke`, `Activity: approve`.
    pub fn label(&self) -> String {
        let mut s = self.service.clone();
        if let Some(a) = &self.action {
            s = format!("{s}: {a}");
        }
        match self.pattern {
            IntegrationPattern::RequestResponse => s,
            IntegrationPattern::Sync => format!("{s} (.sync)"),
            IntegrationPattern::WaitForTaskToken => format!("{s} (.waitForTaskToken)"),
        }
    }
}

/// Display names of the optimized integrations, keyed by the service part of the ARN.
const SERVICES: &[(&str, &str)] = &[
    ("lambda", "Lambda"),
    ("dynamodb", "DynamoDB"),
    ("sns", "SNS"),
    ("sqs", "SQS"),
    ("ecs", "ECS"),
    ("glue", "Glue"),
    ("batch", "Batch"),
    ("states", "Step Functions"),
    ("events", "EventBridge"),
    ("http", "HTTP"),
    ("apigateway", "API Gateway"),
    ("athena", "Athena"),
    ("bedrock", "Bedrock"),
    ("codebuild", "CodeBuild"),
    ("eks", "EKS"),
    ("elasticmapreduce", "EMR"),
    ("emr-containers", "EMR on EKS"),
    ("emr-serverless", "EMR Serverless"),
    ("databrew", "Glue DataBrew"),
    ("mediaconvert", "MediaConvert"),
    ("sagemaker", "SageMaker"),
];

/// The display name of an optimized integration's service key.
fn service_name(key: &str) -> String {
    SERVICES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or_else(|| key.to_string(), |(_, name)| name.to_string())
}

/// Splits `runTask.sync` into the action and its integration pattern.
fn split_pattern(action: &str) -> (&str, IntegrationPattern) {
    if let Some(i) = action.find(".waitForTaskToken") {
        return (&action[..i], IntegrationPattern::WaitForTaskToken);
    }
    if let Some(i) = action.find(".sync") {
        return (&action[..i], IntegrationPattern::Sync);
    }
    (action, IntegrationPattern::RequestResponse)
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Reads a Task's `Resource`; `None` when it is not an ARN of a known form.
pub fn task_service(resource: &str) -> Option<TaskService> {
    let parts: alloc::vec::Vec<&str> = resource.split(':').collect();
    if parts.len() < 6 || parts[0] != "arn" {
        return None;
    }
    let plain = |service: String, action: Option<String>| TaskService {
        service,
        action,
        pattern: IntegrationPattern::RequestResponse,
    };
    match (parts[2], parts[5]) {
        ("lambda", "function") => Some(plain(
            "Lambda".to_string(),
            parts.get(6).copied().and_then(non_empty),
        )),
        ("states", "activity") => Some(plain(
            "Activity".to_string(),
            parts.get(6).copied().and_then(non_empty),
        )),
        ("states", "aws-sdk") => {
            let sdk = parts.get(6).copied().filter(|s| !s.is_empty())?;
            // `.sync:2`-style suffixes split across a colon; the action is the part before.
            let (action, pattern) = split_pattern(parts.get(7).copied().unwrap_or(""));
            Some(TaskService {
                service: format!("aws-sdk:{sdk}"),
                action: non_empty(action),
                pattern,
            })
        }
        ("states", key) if !key.is_empty() => {
            let (action, pattern) = split_pattern(parts.get(6).copied().unwrap_or(""));
            Some(TaskService {
                service: service_name(key),
                action: non_empty(action),
                pattern,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(resource: &str) -> Option<String> {
        task_service(resource).map(|s| s.label())
    }

    // Resource strings as the developer guide's service pages write them.
    #[test]
    fn optimized_integrations() {
        for (resource, want) in [
            ("arn:aws:states:::lambda:invoke", "Lambda: invoke"),
            (
                "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Lambda: invoke (.waitForTaskToken)",
            ),
            ("arn:aws:states:::dynamodb:putItem", "DynamoDB: putItem"),
            ("arn:aws:states:::sns:publish", "SNS: publish"),
            (
                "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "SQS: sendMessage (.waitForTaskToken)",
            ),
            ("arn:aws:states:::ecs:runTask.sync", "ECS: runTask (.sync)"),
            (
                "arn:aws:states:::glue:startJobRun.sync",
                "Glue: startJobRun (.sync)",
            ),
            (
                "arn:aws:states:::batch:submitJob.sync",
                "Batch: submitJob (.sync)",
            ),
            (
                "arn:aws:states:::states:startExecution.sync:2",
                "Step Functions: startExecution (.sync)",
            ),
            (
                "arn:aws:states:::events:putEvents",
                "EventBridge: putEvents",
            ),
            ("arn:aws:states:::http:invoke", "HTTP: invoke"),
            (
                "arn:aws:states:::elasticmapreduce:createCluster.sync",
                "EMR: createCluster (.sync)",
            ),
            ("arn:aws-us-gov:states:::sns:publish", "SNS: publish"),
        ] {
            assert_eq!(label(resource).as_deref(), Some(want), "{resource}");
        }
    }

    #[test]
    fn sdk_integrations_keep_the_service_name() {
        assert_eq!(
            label("arn:aws:states:::aws-sdk:ec2:describeInstances").as_deref(),
            Some("aws-sdk:ec2: describeInstances")
        );
        let s = task_service("arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken").unwrap();
        assert_eq!(s.service, "aws-sdk:s3");
        assert_eq!(s.action.as_deref(), Some("getObject"));
        assert_eq!(s.pattern, IntegrationPattern::WaitForTaskToken);
        // An integration the table does not name shows its key.
        assert_eq!(
            label("arn:aws:states:::newservice:doThing").as_deref(),
            Some("newservice: doThing")
        );
    }

    #[test]
    fn activities_and_legacy_lambda_functions() {
        assert_eq!(
            label("arn:aws:states:us-east-1:123456789012:activity:HelloWorld").as_deref(),
            Some("Activity: HelloWorld")
        );
        assert_eq!(
            label("arn:aws:lambda:us-east-1:123456789012:function:HelloFunction").as_deref(),
            Some("Lambda: HelloFunction")
        );
        let aliased =
            task_service("arn:aws:lambda:us-east-1:123456789012:function:HelloFunction:prod")
                .unwrap();
        assert_eq!(aliased.action.as_deref(), Some("HelloFunction"));
    }

    #[test]
    fn anything_else_is_not_a_service() {
        for resource in [
            "",
            "lambda",
            "arn:aws:states",
            "arn:aws:states:::",
            "arn:aws:states:::aws-sdk",
            "arn:aws:s3:::bucket",
            "{% $resource %}",
            ":::::::",
        ] {
            assert_eq!(task_service(resource), None, "{resource:?}");
        }
    }
}
