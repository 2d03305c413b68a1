//! A scenario's expected outcome and the comparison with what a run gave: the status
//! must match; for a success the output, otherwise the error and cause, when given
//! (the fields of the other kind are kept, unchecked, so switching status loses nothing).

use super::session::CursorResult;
use crate::json::{parse_value, write_compact, write_pretty};
use crate::Failure;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// What a scenario should end with, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expected {
    /// AWS's final status: `SUCCEEDED`, `FAILED`, `TIMED_OUT` or `ABORTED`.
    pub status: String,
    /// The output as JSON text; empty to not check it.
    pub output: String,
    /// The error name; empty to not check it.
    pub error: String,
    /// The cause; empty to not check it.
    pub cause: String,
}

/// One difference between the expected and the actual outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// `status`, `output`, `error` or `cause`.
    pub field: &'static str,
    pub expected: String,
    pub actual: String,
}

/// How a run compares with its scenario's expectation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The scenario states no expected outcome.
    Unchecked,
    Pass,
    Fail(Vec<Mismatch>),
}

impl Expected {
    /// The outcome `result` shows, as an expectation ("expect what it does now").
    pub fn from_result(result: &CursorResult) -> Expected {
        let field = |f: fn(&Failure) -> &Option<String>| {
            result.failure.as_ref().and_then(|x| f(x).clone()).unwrap_or_default()
        };
        Expected {
            status: result.status.to_string(),
            output: result.output.as_deref().map(write_pretty).unwrap_or_default(),
            error: field(|f| &f.error),
            cause: field(|f| &f.cause),
        }
    }
}

/// Compares a finished run with `expected`.
pub fn judge(expected: Option<&Expected>, actual: &CursorResult) -> Verdict {
    let Some(expected) = expected.filter(|e| !e.status.is_empty()) else {
        return Verdict::Unchecked;
    };
    let mut mismatches = Vec::new();
    let mut differ = |field, want: &str, got: &str| {
        mismatches.push(Mismatch {
            field,
            expected: want.to_string(),
            actual: got.to_string(),
        })
    };
    if expected.status != actual.status {
        differ("status", &expected.status, actual.status);
    }
    let success = expected.status == "SUCCEEDED";
    if success && !expected.output.trim().is_empty() {
        let got = actual.output.as_deref().map(write_compact).unwrap_or_default();
        match parse_value(&expected.output) {
            Ok(want) if actual.output.as_deref() == Some(&want) => {}
            Ok(want) => differ("output", &write_compact(&want), &got),
            Err(e) => differ("output", &format!("(not valid JSON: {e})"), &got),
        }
    }
    let failure = actual.failure.as_ref();
    let error = failure.and_then(|f| f.error.clone()).unwrap_or_default();
    let cause = failure.and_then(|f| f.cause.clone()).unwrap_or_default();
    for (field, want, got) in [("error", &expected.error, error), ("cause", &expected.cause, cause)] {
        if !success && !want.is_empty() && *want != got {
            differ(field, want, &got);
        }
    }
    if mismatches.is_empty() {
        Verdict::Pass
    } else {
        Verdict::Fail(mismatches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::rc::Rc;

    fn finished(status: &'static str, output: Option<&str>, failure: Option<(&str, &str)>) -> CursorResult {
        CursorResult {
            status,
            output: output.map(|o| Rc::new(parse_value(o).unwrap())),
            failure: failure.map(|(e, c)| Failure { error: Some(e.into()), cause: Some(c.into()) }),
            transitions: 3,
            elapsed_ms: 0,
        }
    }

    fn expect(status: &str, output: &str, error: &str, cause: &str) -> Expected {
        Expected { status: status.into(), output: output.into(), error: error.into(), cause: cause.into() }
    }

    #[test]
    fn output_is_compared_as_json_not_as_text() {
        let run = finished("SUCCEEDED", Some(r#"{"a":[1,2],"b":"x"}"#), None);
        let e = expect("SUCCEEDED", "{ \"a\": [1, 2],\n \"b\": \"x\" }", "", "");
        assert_eq!(judge(Some(&e), &run), Verdict::Pass);
        let e = expect("SUCCEEDED", r#"{"a":[2,1],"b":"x"}"#, "", "");
        let Verdict::Fail(m) = judge(Some(&e), &run) else { panic!("must fail") };
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].field, "output");
        assert_eq!(m[0].actual, r#"{"a":[1,2],"b":"x"}"#);
    }

    #[test]
    fn status_error_and_cause_are_checked_when_given() {
        let run = finished("FAILED", None, Some(("States.Timeout", "late")));
        assert_eq!(judge(Some(&expect("FAILED", "", "States.Timeout", "")), &run), Verdict::Pass);
        let Verdict::Fail(m) = judge(Some(&expect("SUCCEEDED", "", "", "")), &run) else { panic!() };
        assert_eq!((m[0].field, m[0].expected.as_str(), m[0].actual.as_str()), ("status", "SUCCEEDED", "FAILED"));
        let Verdict::Fail(m) = judge(Some(&expect("FAILED", "", "States.Timeout", "early")), &run) else { panic!() };
        assert_eq!(m.iter().map(|x| x.field).collect::<Vec<_>>(), ["cause"]);
        // Only the fields of the expected kind of outcome are compared.
        assert_eq!(judge(Some(&expect("FAILED", "{", "States.Timeout", "")), &run), Verdict::Pass);
        let ok = finished("SUCCEEDED", Some("{}"), None);
        assert_eq!(judge(Some(&expect("SUCCEEDED", "{}", "E", "c")), &ok), Verdict::Pass);
    }

    #[test]
    fn no_expectation_is_unchecked_and_a_result_becomes_one() {
        let run = finished("SUCCEEDED", Some("[1]"), None);
        assert_eq!(judge(None, &run), Verdict::Unchecked);
        assert_eq!(judge(Some(&Expected::default()), &run), Verdict::Unchecked);
        let e = Expected::from_result(&run);
        assert_eq!(e.status, "SUCCEEDED");
        assert_eq!(judge(Some(&e), &run), Verdict::Pass);
    }
}
