//! Task resources: what kind of integration a `Resource` ARN names (and so which
//! history events AWS writes for it), the service pattern, timeouts, and how a mocked
//! result is shaped.
//!
//! Lambda result shaping (documented rule): for `arn:aws:states:::lambda:invoke` (the
//! request-response integration), AWS returns `{ExecutedVersion, Payload,
//! SdkHttpMetadata, SdkResponseMetadata, StatusCode}`. A mock that returns an object
//! with a `Payload` member is taken as that full response, unchanged. Any other mocked
//! value is taken to be only the function's payload and is wrapped as
//! `{"ExecutedVersion": "$LATEST", "Payload": <value>, "SdkHttpMetadata": {...},
//! "SdkResponseMetadata": {...}, "StatusCode": 200}`. A Lambda ARN used directly as
//! `Resource` returns the payload itself, so its mock is used as is.

use super::definition::DefinitionError;
use crate::path::CompiledPath;
use crate::{Map, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};

/// How the Task talks to its resource; decides the history event family.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Integration {
    /// A Lambda function ARN used directly: `LambdaFunction*` events.
    Lambda,
    /// An activity ARN: `Activity*` events.
    Activity,
    /// `arn:aws:states:::service:action[.sync|.waitForTaskToken]`: `Task*` events.
    Service { resource_type: Rc<str>, resource: Rc<str> },
}

/// The service integration pattern.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Pattern {
    RequestResponse,
    Sync,
    WaitForTaskToken,
}

/// A number of seconds given as a constant or read through a path.
#[derive(Debug)]
pub(crate) enum Seconds {
    Absent,
    Constant(i64),
    Path(CompiledPath),
}

/// A compiled Task's resource and limits.
#[derive(Debug)]
pub(crate) struct TaskSpec {
    /// Shared with every event that names it.
    pub resource_arn: Rc<str>,
    pub integration: Integration,
    pub pattern: Pattern,
    pub timeout: Seconds,
    pub heartbeat: Seconds,
    pub credentials: Option<Value>,
}

impl TaskSpec {
    /// Reads `Resource`, `TimeoutSeconds[Path]`, `HeartbeatSeconds[Path]`, `Credentials`.
    /// In JSONata mode the last three may be expressions: they are compiled with the
    /// state's JSONata fields and evaluated when the Task is scheduled.
    pub fn compile(m: &Map, ptr: &str, jsonata: bool) -> Result<TaskSpec, DefinitionError> {
        let bad = |key: &str, message: &str| DefinitionError { pointer: format!("{ptr}/{key}"), message: message.to_string() };
        let arn = m.get("Resource").and_then(Value::as_str).ok_or_else(|| bad("Resource", "a Task needs a Resource string"))?;
        let (integration, pattern) = classify(arn);
        let seconds = |key: &str| -> Result<Seconds, DefinitionError> {
            if jsonata {
                return Ok(Seconds::Absent);
            }
            if let Some(v) = m.get(key) {
                return v.as_i64().filter(|s| *s > 0).map(Seconds::Constant).ok_or_else(|| bad(key, &format!("{key} must be a positive integer")));
            }
            let path_key = format!("{key}Path");
            match m.get(path_key.as_str()).and_then(Value::as_str) {
                None => Ok(Seconds::Absent),
                Some(t) => CompiledPath::compile(t).map(Seconds::Path).map_err(|e| bad(&path_key, &e.message)),
            }
        };
        Ok(TaskSpec {
            resource_arn: Rc::from(arn),
            integration,
            pattern,
            timeout: seconds("TimeoutSeconds")?,
            heartbeat: seconds("HeartbeatSeconds")?,
            credentials: if jsonata { None } else { m.get("Credentials").cloned() },
        })
    }

    /// Whether the result needs Lambda's response envelope (see the module doc).
    pub fn wraps_lambda_payload(&self) -> bool {
        matches!(&self.integration, Integration::Service { resource_type, resource } if &**resource_type == "lambda" && &**resource == "invoke")
    }
}

impl TaskSpec {
    /// Checks the parameters a service validates before the Task starts; a bad one fails
    /// the state with `States.Runtime` before `TaskScheduled`, as AWS records it. API
    /// Gateway (`apigateway:invoke`) takes `Headers` only as an object of arrays of strings.
    pub fn check_parameters(&self, params: &Value) -> Result<(), crate::Failure> {
        let Integration::Service { resource_type, resource } = &self.integration else { return Ok(()) };
        if &**resource_type != "apigateway" || !resource.starts_with("invoke") {
            return Ok(());
        }
        let headers_ok = params.get("Headers").is_none_or(|h| {
            h.as_object().is_some_and(|m| m.values().all(|v| v.as_array().is_some_and(|l| l.iter().all(|x| x.as_str().is_some()))))
        });
        if headers_ok {
            return Ok(());
        }
        Err(crate::Failure::runtime(format!(
            "The Parameters '{}' could not be used to start the Task: [The value of the field 'Headers' has an invalid format]",
            params.to_json()
        )))
    }
}

fn classify(arn: &str) -> (Integration, Pattern) {
    let parts: alloc::vec::Vec<&str> = arn.splitn(6, ':').collect();
    if parts.len() >= 6 && parts[2] == "states" && parts[3].is_empty() && parts[4].is_empty() {
        // arn:aws:states:::service:action[.pattern]  (aws-sdk:service:action has one more ':')
        let rest = parts[5];
        let (service, action) = match rest.strip_prefix("aws-sdk:") {
            Some(r) => match r.split_once(':') {
                Some((svc, act)) => (format!("aws-sdk:{svc}"), act.to_string()),
                None => (String::from("aws-sdk"), r.to_string()),
            },
            None => match rest.split_once(':') {
                Some((svc, act)) => (svc.to_string(), act.to_string()),
                None => (rest.to_string(), String::new()),
            },
        };
        let pattern = if action.ends_with(".waitForTaskToken") {
            Pattern::WaitForTaskToken
        } else if action.ends_with(".sync") || action.ends_with(".sync:2") {
            Pattern::Sync
        } else {
            Pattern::RequestResponse
        };
        return (Integration::Service { resource_type: Rc::from(service), resource: Rc::from(action) }, pattern);
    }
    if parts.len() >= 6 && parts[2] == "states" && parts[5].starts_with("activity") {
        return (Integration::Activity, Pattern::RequestResponse);
    }
    if parts.len() >= 6 && parts[2] == "lambda" {
        return (Integration::Lambda, Pattern::RequestResponse);
    }
    // Unknown ARNs are treated as services so they still produce Task events.
    (Integration::Service { resource_type: Rc::from("unknown"), resource: Rc::from(arn) }, Pattern::RequestResponse)
}

/// Shapes a mocked `lambda:invoke` result as AWS returns it (see the module doc).
pub(crate) fn shape_lambda_invoke(result: Value) -> Value {
    if matches!(&result, Value::Object(m) if m.contains_key("Payload")) {
        return result;
    }
    let mut headers = Map::default();
    headers.insert("X-Amz-Executed-Version".into(), Value::from("$LATEST"));
    let mut http = Map::default();
    http.insert("HttpHeaders".into(), Value::from(headers));
    http.insert("HttpStatusCode".into(), Value::from(200i64));
    let mut meta = Map::default();
    meta.insert("RequestId".into(), Value::from("00000000-0000-4000-8000-000000000000"));
    let mut out = Map::default();
    out.insert("ExecutedVersion".into(), Value::from("$LATEST"));
    out.insert("Payload".into(), result);
    out.insert("SdkHttpMetadata".into(), Value::from(http));
    out.insert("SdkResponseMetadata".into(), Value::from(meta));
    out.insert("StatusCode".into(), Value::from(200i64));
    Value::from(out)
}
