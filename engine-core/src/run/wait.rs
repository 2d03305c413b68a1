//! Wait: when the state ends on the virtual clock, with AWS's validation messages.

use super::clock::parse_timestamp;
use super::dataflow::Env;
use super::definition::WaitSpec;
use crate::{Failure, Value};
use alloc::format;

/// The longest wait AWS accepts, in seconds (a Java int).
const MAX_WAIT_SECONDS: i64 = i32::MAX as i64;

/// Virtual time (ms) at which the Wait ends.
pub(crate) fn until_ms(spec: &WaitSpec, effective: &Value, env: &Env, now_ms: i64) -> Result<i64, Failure> {
    let delay_s = match spec {
        WaitSpec::Seconds(v) => match v.as_i64() {
            Some(s) if s >= 0 => s,
            _ => return Err(Failure::runtime(format!("The Seconds field must be a non-negative integer: {}", v.to_json()))),
        },
        WaitSpec::SecondsPath(p) => {
            let Some(v) = p.try_select(&env.scope(effective)) else {
                return Err(Failure::runtime(format!("The SecondsPath parameter does not reference an input value: {}", p.text())));
            };
            match v.as_number() {
                Some(crate::Number::Int(s)) if s >= 0 => s,
                Some(crate::Number::Int(_)) => {
                    return Err(Failure::runtime(format!("The SecondsPath parameter references a negative value: {} == {}", p.text(), v.to_json())))
                }
                _ => {
                    let shown = match &v {
                        Value::String(s) => s.clone(),
                        other => other.to_json(),
                    };
                    return Err(Failure::runtime(format!("The SecondsPath parameter cannot be parsed as a long value: {} == {shown}", p.text())));
                }
            }
        }
        WaitSpec::Timestamp(t) => match parse_timestamp(t) {
            Some(ms) => return until_timestamp(ms, now_ms),
            None => {
                return Err(Failure::runtime(format!("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {t}")))
            }
        },
        WaitSpec::TimestampPath(p) => {
            let v = p.try_select(&env.scope(effective));
            let parsed = v.as_ref().and_then(Value::as_str).and_then(parse_timestamp);
            match parsed {
                Some(ms) => return until_timestamp(ms, now_ms),
                None => {
                    let shown = match &v {
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => other.to_json(),
                        None => alloc::string::String::from("null"),
                    };
                    return Err(Failure::runtime(format!(
                        "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {} == {shown}",
                        p.text()
                    )));
                }
            }
        }
    };
    if delay_s > MAX_WAIT_SECONDS {
        return Err(Failure::runtime("Wait state delay is too long."));
    }
    Ok(now_ms.saturating_add(delay_s * 1000))
}

fn until_timestamp(ms: i64, now_ms: i64) -> Result<i64, Failure> {
    if (ms - now_ms) / 1000 > MAX_WAIT_SECONDS {
        return Err(Failure::runtime("Wait state delay is too long."));
    }
    Ok(ms.max(now_ms))
}
