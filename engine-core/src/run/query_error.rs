//! `States.QueryEvaluationError`: the failures a JSONata-mode field raises, with AWS's
//! cause texts, and the field (`location`) the `EvaluationFailed` event names.
//!
//! Fields are named relative to the state: `Output`, `Output/a/b`, `Items`,
//! `Arguments/Payload[0]`, `Assign/x`, `Choices[1]/Condition`, `Catch[0]/Output` — `/`
//! before an object key, `[i]` for an array index.

use crate::failure::errors;
use crate::{Failure, Value};
use alloc::format;
use alloc::string::String;

/// A failure raised while a JSONata-mode state evaluated its fields, with the field it
/// happened in (AWS's `location`), when there is one.
#[derive(Clone, Debug)]
pub(crate) struct QueryFailure {
    pub failure: Failure,
    pub location: Option<String>,
}

impl From<Failure> for QueryFailure {
    fn from(failure: Failure) -> Self {
        QueryFailure {
            failure,
            location: None,
        }
    }
}

impl QueryFailure {
    /// A `States.QueryEvaluationError` raised in `field`.
    pub fn at(field: &str, cause: String) -> QueryFailure {
        QueryFailure {
            failure: Failure::new(errors::QUERY_EVALUATION_ERROR, cause),
            location: Some(String::from(field)),
        }
    }

    /// A `States.QueryEvaluationError` that names no field (e.g. a Map input that is not an array).
    pub fn unlocated(cause: String) -> QueryFailure {
        QueryFailure {
            failure: Failure::new(errors::QUERY_EVALUATION_ERROR, cause),
            location: None,
        }
    }

    /// Whether AWS records this failure with an `EvaluationFailed` event.
    pub fn is_evaluation_error(&self) -> bool {
        self.failure.error.as_deref() == Some(errors::QUERY_EVALUATION_ERROR)
    }
}

/// The expression produced no value.
pub(crate) fn undefined(expression: &str, field: &str) -> QueryFailure {
    QueryFailure::at(field, format!("The JSONata expression '{expression}' specified for the field '{field}' returned nothing (undefined)."))
}

/// The expression produced something that is not JSON (a function).
pub(crate) fn unsupported(expression: &str, field: &str) -> QueryFailure {
    QueryFailure::at(field, format!("The JSONata expression '{expression}' specified for the field '{field}' returned an unsupported result type."))
}

/// The expression produced JSON of the wrong type for its field (`Items` needs an array).
pub(crate) fn unexpected_type(
    expression: &str,
    field: &str,
    expected: &str,
    value: &Value,
) -> QueryFailure {
    QueryFailure::at(
        field,
        format!(
            "The JSONata expression '{expression}' specified for the field '{field}' returned an unexpected result type. Expected '{expected}', but was '{}' for value: {}",
            value.type_name(),
            value.to_json()
        ),
    )
}

/// The expression raised an error (`code` is JSONata's, e.g. `T2001`).
pub(crate) fn thrown(expression: &str, field: &str, code: &str, message: &str) -> QueryFailure {
    let detail = if code.is_empty() {
        format!(": {message}")
    } else {
        format!(". {code}: {message}")
    };
    QueryFailure::at(field, format!("The JSONata expression '{expression}' specified for the field '{field}' threw an error during evaluation{detail}"))
}

/// A field's value (constant or computed) is not valid for the field, e.g. a Timestamp
/// that is not RFC 3339: the JSONPath wording, reported as a query evaluation error.
pub(crate) fn invalid_value(field: &str, f: Failure) -> QueryFailure {
    QueryFailure::at(field, f.cause.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Texts as recorded from AWS (conformance corpus, scenarios.test_base_scenarios and
    // assign.test_assign_reference_variables), after the state prefix.
    #[test]
    fn causes_match_the_recorded_texts() {
        let u = undefined("$doesNotExist", "Arguments/FunctionName");
        assert_eq!(
            u.failure.error.as_deref(),
            Some("States.QueryEvaluationError")
        );
        assert_eq!(
            u.failure.cause.as_deref(),
            Some("The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined).")
        );
        assert_eq!(u.location.as_deref(), Some("Arguments/FunctionName"));
        let t = unexpected_type(
            "{'foo': 'bar'}",
            "Items",
            "array",
            &crate::json::parse_value(r#"{"foo":"bar"}"#).unwrap(),
        );
        assert_eq!(
            t.failure.cause.as_deref(),
            Some("The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}")
        );
        let f = unsupported("$fn := function($x){$x}", "Items");
        assert_eq!(f.failure.cause.as_deref(), Some("The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type."));
    }
}
