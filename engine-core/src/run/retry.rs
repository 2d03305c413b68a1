//! Retry and Catch matching: which errors a retrier or catcher handles, and the
//! back-off delay of a retry.

use super::definition::Retrier;
use crate::failure::errors;
use crate::rng::Rng;

/// Whether `ErrorEquals` handles `error`. `States.ALL` matches anything but
/// `States.Runtime` and `States.DataLimitExceeded`; `States.TaskFailed` anything but
/// `States.Timeout` (and those two); `States.Runtime` is never handled.
pub(crate) fn handles(list: &[alloc::string::String], error: &str) -> bool {
    if error == errors::RUNTIME {
        return false;
    }
    list.iter().any(|name| match name.as_str() {
        n if n == error => true,
        errors::ALL => error != errors::DATA_LIMIT_EXCEEDED,
        errors::TASK_FAILED => !matches!(error, errors::TIMEOUT | errors::DATA_LIMIT_EXCEEDED),
        _ => false,
    })
}

/// Delay in milliseconds before retry number `attempt` (0-based) of `r`:
/// IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds, FULL jitter drawing
/// uniformly from [0, delay].
pub(crate) fn delay_ms(r: &Retrier, attempt: u32, rng: &mut Rng) -> i64 {
    let mut seconds = r.interval_seconds * libm::pow(r.backoff_rate, f64::from(attempt));
    if let Some(cap) = r.max_delay_seconds {
        seconds = seconds.min(cap);
    }
    if r.jitter_full {
        seconds *= rng.next_f64();
    }
    let ms = seconds * 1000.0;
    if ms.is_finite() && ms >= 0.0 { ms.min(1e15) as i64 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    #[test]
    fn all_does_not_catch_runtime_or_data_limit() {
        let all = vec![errors::ALL.to_string()];
        assert!(handles(&all, "Custom"));
        assert!(!handles(&all, errors::RUNTIME));
        assert!(!handles(&all, errors::DATA_LIMIT_EXCEEDED));
        assert!(handles(&[errors::DATA_LIMIT_EXCEEDED.to_string()], errors::DATA_LIMIT_EXCEEDED));
    }

    #[test]
    fn task_failed_does_not_match_timeout() {
        let tf = vec![errors::TASK_FAILED.to_string()];
        assert!(handles(&tf, "Lambda.Unknown"));
        assert!(!handles(&tf, errors::TIMEOUT));
    }

    #[test]
    fn backoff_is_exponential_and_capped() {
        let r = Retrier { errors: vec![], interval_seconds: 5.0, max_attempts: 3, backoff_rate: 2.0, max_delay_seconds: Some(12.0), jitter_full: false };
        let mut rng = Rng::seeded(1);
        assert_eq!(delay_ms(&r, 0, &mut rng), 5000);
        assert_eq!(delay_ms(&r, 1, &mut rng), 10000);
        assert_eq!(delay_ms(&r, 2, &mut rng), 12000);
    }
}
