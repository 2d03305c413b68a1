//! Layout of a generated 1,000-state machine (chains, Choice fan-outs with loops,
//! Catchers, nested Parallels and Maps). Goal: under 30 ms natively.
//!
//! `cargo bench -p engine-core --bench layout` prints the median and the fastest run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use engine_core::layout::layout;

#[path = "../tests/layout/generate.rs"]
mod generate;

const RUNS: usize = 30;

fn main() {
    for (states, seed) in [(100, 7), (1000, 7), (1000, 11)] {
        let input = generate::machine(states, seed);
        let probe = layout(&input);
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                black_box(layout(black_box(&input)));
                start.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "layout {states:>5} states (seed {seed:>2}): {} nodes, {} edges, {} lanes, {:.0}x{:.0}: median {:.2} ms, best {:.2} ms",
            probe.nodes.len(),
            probe.edges.len(),
            probe.containers.len(),
            probe.width,
            probe.height,
            times[RUNS / 2].as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
        );
    }
}
