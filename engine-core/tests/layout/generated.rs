//! Properties on many generated inputs: random graphs with every kind of oddity, and
//! realistic machines up to the 1,000 states of the benchmark.

use engine_core::layout::{ContainerRef, EdgeKind, LayoutEdge, LayoutInput, LayoutNode, NodeKind};
use engine_core::rng::Rng;

use crate::generate::machine;
use crate::support::lay_out_checked;

const KINDS: [NodeKind; 10] = [
    NodeKind::Task,
    NodeKind::Pass,
    NodeKind::Choice,
    NodeKind::Wait,
    NodeKind::Succeed,
    NodeKind::Fail,
    NodeKind::Parallel,
    NodeKind::Map,
    NodeKind::Start,
    NodeKind::End,
];

/// Any graph at all: random kinds and sizes, parents that may be missing or cyclic,
/// edges that may dangle, loop, repeat or cross scopes.
fn random_graph(rng: &mut Rng) -> LayoutInput {
    let n = rng.int_in(0, 30) as usize;
    let mut input = LayoutInput::default();
    for id in 0..n {
        let kind = KINDS[rng.int_in(0, 9) as usize];
        let parent = (rng.int_in(0, 2) == 0).then(|| ContainerRef {
            node: rng.int_in(0, n as i64) as usize,
            lane: rng.int_in(0, 2) as usize,
        });
        input.nodes.push(LayoutNode {
            id,
            label: String::new(),
            kind,
            width: rng.int_in(1, 300) as f64,
            height: rng.int_in(1, 120) as f64,
            parent,
        });
    }
    let edges = rng.int_in(0, 2 * n as i64 + 2);
    for _ in 0..edges {
        let (from, to) = (
            rng.int_in(0, n as i64) as usize,
            rng.int_in(0, n as i64) as usize,
        );
        let kind = match rng.int_in(0, 3) {
            0 => EdgeKind::Next,
            1 => EdgeKind::ChoiceRule(rng.int_in(0, 3) as usize),
            2 => EdgeKind::Catch(0),
            _ => EdgeKind::Default,
        };
        let label = (rng.int_in(0, 1) == 0).then(|| "label".to_string());
        input.edges.push(LayoutEdge {
            from,
            to,
            kind,
            label,
        });
    }
    input
}

#[test]
fn random_graphs_keep_every_property() {
    for seed in 0..400 {
        let mut rng = Rng::seeded(seed);
        let input = random_graph(&mut rng);
        let result = std::panic::catch_unwind(|| lay_out_checked(&input));
        assert!(result.is_ok(), "seed {seed} failed: {input:?}");
    }
}

#[test]
fn generated_machines_keep_every_property() {
    for (states, seed) in [(10, 1), (50, 2), (200, 3), (200, 4), (1000, 7)] {
        let input = machine(states, seed);
        let real = input
            .nodes
            .iter()
            .filter(|n| !matches!(n.kind, NodeKind::Start | NodeKind::End))
            .count();
        assert_eq!(real, states);
        let l = lay_out_checked(&input);
        assert!(!l.containers.is_empty() || states < 50);
        assert!(l.edges.iter().any(|e| e.is_back_edge) || states < 200);
    }
}
