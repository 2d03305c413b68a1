//! Layout of generated 1,000-state machines. Goal: under 30 ms natively.
//!
//! Two inputs: layout inputs made directly (chains, Choice fan-outs with loops, Catchers,
//! nested Parallels and Maps; tests/layout/generate.rs), and a generated definition taken
//! the studio's whole way (benches/machine.rs): JSON text → `Value` → `StateGraph` →
//! `Diagram` → `Layout`, each stage timed.
//!
//! `cargo bench -p engine-core --bench layout` prints the median and the fastest run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use engine_core::asl::validate;
use engine_core::diagram::svg::{render, Detail, NodeMarks};
use engine_core::diagram::{diagram, Scene};
use engine_core::graph::StateGraph;
use engine_core::json::parse_value;
use engine_core::json::tree::parse_document;
use engine_core::layout::layout;

#[path = "../tests/layout/generate.rs"]
mod generate;
mod machine;

const RUNS: usize = 30;

/// Median and best of `RUNS` timed calls, in milliseconds.
fn time<T>(mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
    )
}

fn main() {
    for (states, seed) in [(100, 7), (1000, 7), (1000, 11)] {
        let input = generate::machine(states, seed);
        let probe = layout(&input);
        let (median, best) = time(|| layout(black_box(&input)));
        println!(
            "layout {states:>5} states (seed {seed:>2}): {} nodes, {} edges, {} lanes, {:.0}x{:.0}: median {median:.2} ms, best {best:.2} ms",
            probe.nodes.len(),
            probe.edges.len(),
            probe.containers.len(),
            probe.width,
            probe.height,
        );
    }

    for states in [100, 1000] {
        let text = machine::definition(states);
        let value = parse_value(&text).expect("the generated definition is JSON");
        let graph = StateGraph::from_definition(&value);
        assert_eq!(graph.graph.node_count(), states);
        let d = diagram(&graph);
        let (parse, _) = time(|| parse_value(black_box(&text)));
        let (build, _) = time(|| StateGraph::from_definition(black_box(&value)));
        let (draw, _) = time(|| diagram(black_box(&graph)));
        let (place, _) = time(|| layout(black_box(&d.input)));
        let scene = Scene::from_definition(&value);
        let (svg, _) = time(|| render(black_box(&scene), Detail::None, &NodeMarks::new(), None));
        let (svg_full, _) =
            time(|| render(black_box(&scene), Detail::All, &NodeMarks::new(), None));
        let (check, _) = time(|| validate(&parse_document(black_box(&text))));
        let (total, best) = time(|| {
            let v = parse_value(black_box(&text)).unwrap();
            layout(&diagram(&StateGraph::from_definition(&v)).input)
        });
        println!(
            "definition {states:>5} states ({} KB, {} edges): parse {parse:.2} ms, graph {build:.2} ms, diagram {draw:.2} ms, layout {place:.2} ms; text to layout median {total:.2} ms, best {best:.2} ms; svg markup {svg:.2} ms (shapes) / {svg_full:.2} ms (full); validate {check:.2} ms",
            text.len() / 1024,
            d.edges.len(),
        );
    }
}
