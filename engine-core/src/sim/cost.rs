//! What an execution would cost on AWS, from its transitions and virtual duration.
//!
//! Rates are AWS's published on-demand prices for US East (N. Virginia), without free
//! tier: Standard workflows $0.025 per 1,000 state transitions; Express workflows
//! $1.00 per million requests plus $0.00001667 per GB-second, duration billed in 100 ms
//! steps at 64 MB of memory (the minimum billed memory) unless more is given.

/// The estimate for one execution, in US dollars.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CostEstimate {
    pub standard_usd: f64,
    pub express_usd: f64,
}

const STANDARD_PER_TRANSITION: f64 = 0.025 / 1000.0;
const EXPRESS_PER_REQUEST: f64 = 1.0 / 1_000_000.0;
const EXPRESS_PER_GB_SECOND: f64 = 0.000_016_67;
const EXPRESS_MIN_MEMORY_MB: u64 = 64;
const EXPRESS_BILLING_STEP_MS: i64 = 100;

/// The cost of one execution with `transitions` state transitions lasting `duration_ms`
/// (virtual), billed at `memory_mb` (rounded up to 64 MB steps) for Express.
pub fn estimate_cost(transitions: u64, duration_ms: i64, memory_mb: u64) -> CostEstimate {
    let standard_usd = transitions as f64 * STANDARD_PER_TRANSITION;
    let steps = (duration_ms.max(0) + EXPRESS_BILLING_STEP_MS - 1) / EXPRESS_BILLING_STEP_MS;
    let billed_ms = steps.max(1) * EXPRESS_BILLING_STEP_MS;
    let memory = memory_mb.max(1).div_ceil(EXPRESS_MIN_MEMORY_MB) * EXPRESS_MIN_MEMORY_MB;
    let gb_seconds = (memory as f64 / 1024.0) * (billed_ms as f64 / 1000.0);
    let express_usd = EXPRESS_PER_REQUEST + gb_seconds * EXPRESS_PER_GB_SECOND;
    CostEstimate { standard_usd, express_usd }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_is_a_fortieth_of_a_cent_per_transition() {
        // AWS: "$0.025 per 1,000 state transitions".
        let cost = estimate_cost(1000, 0, 64);
        assert!((cost.standard_usd - 0.025).abs() < 1e-12);
    }

    #[test]
    fn express_bills_100ms_steps_of_64mb() {
        // 150 ms is billed as 200 ms; 64 MB = 0.0625 GB → 0.0125 GB-s.
        let cost = estimate_cost(3, 150, 64);
        let expected = 1e-6 + 0.0625 * 0.2 * 0.000_016_67;
        assert!((cost.express_usd - expected).abs() < 1e-15);
        // 65 MB rounds up to 128 MB.
        let bigger = estimate_cost(3, 150, 65);
        assert!((bigger.express_usd - (1e-6 + 0.125 * 0.2 * 0.000_016_67)).abs() < 1e-15);
    }
}
