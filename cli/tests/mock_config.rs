//! `statelab run --mocks MockConfigFile --test-case NAME`: the MockConfigFile of the AWS
//! developer guide's "Using mocked service integrations" (Step Functions Local) —
//! `StateMachines`/`TestCases`/`MockedResponses`, responses keyed by call number ("0")
//! or range ("1-2") — and the failure when a Task has no mocked response left.

use engine_core::json::parse_value;
use engine_core::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The guide's example configuration, as written there.
const MOCK_CONFIG: &str = r#"{
  "StateMachines": {
    "LambdaSQSIntegration": {
      "TestCases": {
        "HappyPath": {"LambdaState": "MockedLambdaSuccess", "SQSState": "MockedSQSSuccess"},
        "RetryPath": {"LambdaState": "MockedLambdaRetry", "SQSState": "MockedSQSSuccess"},
        "HybridPath": {"LambdaState": "MockedLambdaSuccess"}
      }
    }
  },
  "MockedResponses": {
    "MockedLambdaSuccess": {"0": {"Return": {"StatusCode": 200, "Payload": {"StatusCode": 200, "body": "Hello from Lambda!"}}}},
    "LambdaMockedResourceNotReady": {"0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready."}}},
    "MockedSQSSuccess": {"0": {"Return": {"MD5OfMessageBody": "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51", "MessageId": "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}}},
    "MockedLambdaRetry": {
      "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready."}},
      "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "Lambda timed out."}},
      "3": {"Return": {"StatusCode": 200, "Payload": {"StatusCode": 200, "body": "Hello from Lambda!"}}}
    }
  }
}"#;

/// A Lambda call retried on the guide's two errors (one second apart), then an SQS send.
const DEFINITION: &str = r#"{
  "StartAt": "LambdaState",
  "States": {
    "LambdaState": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "HelloFunction"},
      "Retry": [{"ErrorEquals": ["Lambda.ResourceNotReadyException", "Lambda.TimeoutException"], "IntervalSeconds": 1, "BackoffRate": 1, "MaxAttempts": 3}],
      "ResultSelector": {"body.$": "$.Payload.body"},
      "ResultPath": "$.lambda",
      "Next": "SQSState"
    },
    "SQSState": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sqs:sendMessage",
      "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/queue", "MessageBody.$": "$.lambda.body"},
      "ResultSelector": {"MessageId.$": "$.MessageId"},
      "ResultPath": "$.sqs",
      "End": true
    }
  }
}"#;

fn files() -> (PathBuf, PathBuf) {
    // One folder per call: the tests run in parallel threads of one process.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("statelab-mock-config-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (definition, config) = (dir.join("machine.asl.json"), dir.join("MockConfigFile.json"));
    std::fs::write(&definition, DEFINITION).unwrap();
    std::fs::write(&config, MOCK_CONFIG).unwrap();
    (definition, config)
}

fn run(extra: &[&str]) -> Output {
    let (definition, config) = files();
    let out = Command::new(env!("CARGO_BIN_EXE_statelab"))
        .arg("run")
        .arg(&definition)
        .args(["--input", r#"{"order": 7}"#, "--history", "--mocks"])
        .arg(&config)
        .args(extra)
        .output()
        .expect("statelab runs");
    if let Some(dir) = definition.parent() {
        let _ = std::fs::remove_dir_all(dir);
    }
    out
}

fn result(extra: &[&str]) -> Value {
    let out = run(extra);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    parse_value(&String::from_utf8_lossy(&out.stdout)).expect("one JSON object")
}

fn event_types(result: &Value) -> Vec<String> {
    let history = result.get("history").and_then(Value::as_array).expect("history");
    history.iter().filter_map(|e| e.get("type").and_then(Value::as_str)).map(String::from).collect()
}

#[test]
fn happy_path_takes_response_zero_of_each_state() {
    let r = result(&["--test-case", "HappyPath"]);
    assert_eq!(r.get("status").and_then(Value::as_str), Some("SUCCEEDED"));
    let want = parse_value(
        r#"{"order": 7, "lambda": {"body": "Hello from Lambda!"}, "sqs": {"MessageId": "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}}"#,
    )
    .unwrap();
    assert_eq!(r.get("output"), Some(&want));
}

#[test]
fn retry_path_walks_the_keys_in_call_order() {
    // Calls 0, 1 and 2 throw ("0", then "1-2"), call 3 returns: three retries, one second apart.
    let r = result(&["--test-case", "RetryPath"]);
    assert_eq!(r.get("status").and_then(Value::as_str), Some("SUCCEEDED"));
    assert_eq!(r.get("virtualDurationSeconds").and_then(Value::as_i64), Some(3));
    let types = event_types(&r);
    assert_eq!(types.iter().filter(|t| *t == "TaskFailed").count(), 3, "{types:?}");
    let history = r.get("history").and_then(Value::as_array).unwrap();
    let errors: Vec<&str> =
        history.iter().filter_map(|e| e.get("taskFailedEventDetails")).filter_map(|d| d.get("error").and_then(Value::as_str)).collect();
    assert_eq!(errors, ["Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException"]);
    assert_eq!(r.get("output").and_then(|o| o.get("lambda")), parse_value(r#"{"body": "Hello from Lambda!"}"#).ok().as_ref());
}

#[test]
fn a_task_with_no_response_left_fails_with_a_named_runtime_error() {
    // HybridPath mocks only LambdaState: SQSState's first call has nothing to answer it.
    let r = result(&["--test-case", "HybridPath"]);
    assert_eq!(r.get("status").and_then(Value::as_str), Some("FAILED"));
    assert_eq!(r.get("error").and_then(Value::as_str), Some("States.Runtime"));
    let cause = r.get("cause").and_then(Value::as_str).unwrap_or("");
    assert!(cause.contains("'SQSState'") && cause.contains("call #1"), "{cause}");
    let types = event_types(&r);
    assert_eq!(types.last().map(String::as_str), Some("ExecutionFailed"));
    // Only LambdaState was scheduled: a call that cannot be answered never is.
    assert_eq!(types.iter().filter(|t| *t == "TaskScheduled").count(), 1, "{types:?}");
}

#[test]
fn a_mock_config_needs_a_known_test_case() {
    let missing = run(&[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("--test-case"));
    let unknown = run(&["--test-case", "NoSuchCase"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("NoSuchCase"));
}
