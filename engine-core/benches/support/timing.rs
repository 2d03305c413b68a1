//! The timing loop shared by the benches that measure nanosecond-scale operations.
// Each bench includes this file as its own module and uses part of it.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// How long each measurement runs: `BENCH_MS` milliseconds, else `default_ms`.
pub fn budget(default_ms: u64) -> Duration {
    let ms = std::env::var("BENCH_MS").ok().and_then(|s| s.parse().ok());
    Duration::from_millis(ms.unwrap_or(default_ms))
}

/// Runs `f` for about `budget` after a warm-up, in batches of a thousand calls so the
/// clock is read rarely; returns the mean ns per call and the number of calls timed.
pub fn mean_ns(budget: Duration, mut f: impl FnMut()) -> (f64, u64) {
    const BATCH: u64 = 1_000;
    for _ in 0..BATCH {
        f();
    }
    let mut calls: u64 = 0;
    let start = Instant::now();
    while start.elapsed() < budget {
        for _ in 0..BATCH {
            f();
        }
        calls += BATCH;
    }
    (start.elapsed().as_nanos() as f64 / calls as f64, calls)
}
