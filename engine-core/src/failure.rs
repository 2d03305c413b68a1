//! The one runtime error currency: what Retry and Catch match on, and what an
//! execution reports when it fails.

use alloc::string::{String, ToString};

/// A runtime failure named as AWS names it (`States.Runtime`, `States.TaskFailed`, a
/// custom error from a Task). Both parts are optional because a Fail state may carry
/// neither, and AWS then reports the execution failure without them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub error: Option<String>,
    pub cause: Option<String>,
}

impl Failure {
    /// A failure with both an error name and a cause.
    pub fn new(error: impl Into<String>, cause: impl Into<String>) -> Self {
        Failure { error: Some(error.into()), cause: Some(cause.into()) }
    }

    /// A failure with an error name and no cause.
    pub fn error_only(error: impl Into<String>) -> Self {
        Failure { error: Some(error.into()), cause: None }
    }

    /// The error name, or the empty string when there is none.
    pub fn error_name(&self) -> &str {
        self.error.as_deref().unwrap_or("")
    }

    /// `States.Runtime`: AWS's error for failures no Retry or Catch may handle.
    pub fn runtime(cause: impl ToString) -> Self {
        Failure::new(errors::RUNTIME, cause.to_string())
    }
}

/// AWS's predefined error names, verbatim.
pub mod errors {
    pub const ALL: &str = "States.ALL";
    pub const HEARTBEAT_TIMEOUT: &str = "States.HeartbeatTimeout";
    pub const TIMEOUT: &str = "States.Timeout";
    pub const TASK_FAILED: &str = "States.TaskFailed";
    pub const PERMISSIONS: &str = "States.Permissions";
    pub const RESULT_PATH_MATCH_FAILURE: &str = "States.ResultPathMatchFailure";
    pub const PARAMETER_PATH_FAILURE: &str = "States.ParameterPathFailure";
    pub const QUERY_EVALUATION_ERROR: &str = "States.QueryEvaluationError";
    pub const BRANCH_FAILED: &str = "States.BranchFailed";
    pub const NO_CHOICE_MATCHED: &str = "States.NoChoiceMatched";
    pub const INTRINSIC_FAILURE: &str = "States.IntrinsicFailure";
    pub const EXCEED_TOLERATED_FAILURE_THRESHOLD: &str = "States.ExceedToleratedFailureThreshold";
    pub const ITEM_READER_FAILED: &str = "States.ItemReaderFailed";
    pub const RESULT_WRITER_FAILED: &str = "States.ResultWriterFailed";
    pub const DATA_LIMIT_EXCEEDED: &str = "States.DataLimitExceeded";
    pub const RUNTIME: &str = "States.Runtime";
}
