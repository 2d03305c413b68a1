//! Inputs no valid definition produces, which the studio still meets while a person types.

use engine_core::layout::{
    layout, layout_with, ContainerRef, EdgeKind, LayoutEdge, LayoutInput, LayoutNode,
    LayoutOptions, NodeKind, MAX_CONTAINER_DEPTH,
};

use crate::support::{bits, check, lay_out_checked, node_box};

fn node(id: usize, kind: NodeKind, parent: Option<(usize, usize)>) -> LayoutNode {
    LayoutNode {
        id,
        label: format!("n{id}"),
        kind,
        width: 120.0,
        height: 40.0,
        parent: parent.map(|(node, lane)| ContainerRef { node, lane }),
    }
}

fn edge(from: usize, to: usize) -> LayoutEdge {
    LayoutEdge {
        from,
        to,
        kind: EdgeKind::Next,
        label: None,
    }
}

#[test]
fn empty_input_gives_an_empty_layout() {
    let l = lay_out_checked(&LayoutInput::default());
    assert!(l.nodes.is_empty() && l.edges.is_empty() && l.containers.is_empty());
    assert_eq!((l.width, l.height), (0.0, 0.0));
}

#[test]
fn dangling_edges_are_left_out() {
    let input = LayoutInput {
        nodes: vec![node(1, NodeKind::Task, None), node(2, NodeKind::Task, None)],
        edges: vec![edge(1, 99), edge(98, 2), edge(1, 2)],
        ..Default::default()
    };
    let l = lay_out_checked(&input);
    assert_eq!(l.edges.len(), 1);
}

#[test]
fn self_loops_and_start_less_cycles_are_back_edges() {
    let input = LayoutInput {
        nodes: vec![
            node(1, NodeKind::Task, None),
            node(2, NodeKind::Task, None),
            node(3, NodeKind::Task, None),
        ],
        edges: vec![edge(1, 1), edge(1, 2), edge(2, 3), edge(3, 1), edge(2, 2)],
        ..Default::default()
    };
    let l = lay_out_checked(&input);
    let back: Vec<bool> = l.edges.iter().map(|e| e.is_back_edge).collect();
    assert_eq!(back, vec![true, false, false, true, true]);
}

#[test]
fn parallel_edges_get_separate_ports() {
    let mut input = LayoutInput {
        nodes: vec![
            node(1, NodeKind::Choice, None),
            node(2, NodeKind::Task, None),
        ],
        edges: vec![edge(1, 2), edge(1, 2)],
        ..Default::default()
    };
    input.edges[1].kind = EdgeKind::Default;
    let l = lay_out_checked(&input);
    assert_ne!(l.edges[0].points[0], l.edges[1].points[0]);
}

#[test]
fn bad_parents_fall_back_to_the_top_level() {
    let input = LayoutInput {
        nodes: vec![
            node(1, NodeKind::Task, Some((42, 0))), // missing parent
            node(2, NodeKind::Task, Some((3, 0))),  // parent is not a container
            node(3, NodeKind::Task, None),
            node(4, NodeKind::Parallel, Some((5, 0))), // parent cycle
            node(5, NodeKind::Parallel, Some((4, 0))),
            node(6, NodeKind::Map, Some((6, 0))), // its own parent
        ],
        edges: vec![edge(1, 2), edge(2, 3), edge(4, 5)],
        ..Default::default()
    };
    let l = lay_out_checked(&input);
    assert!(l.containers.is_empty());
}

#[test]
fn duplicate_ids_keep_the_first_node() {
    let mut second = node(1, NodeKind::Pass, None);
    second.width = 999.0;
    let input = LayoutInput {
        nodes: vec![node(1, NodeKind::Task, None), second],
        edges: vec![edge(1, 1)],
        ..Default::default()
    };
    let l = lay_out_checked(&input);
    assert_eq!(l.nodes.len(), 1);
    assert_eq!(l.nodes[0].width, 120.0);
}

#[test]
fn unusable_sizes_are_clamped() {
    let mut input = LayoutInput {
        nodes: (0..5).map(|i| node(i, NodeKind::Task, None)).collect(),
        edges: (0..4).map(|i| edge(i, i + 1)).collect(),
        ..Default::default()
    };
    for (n, w) in input
        .nodes
        .iter_mut()
        .zip([f64::NAN, f64::INFINITY, -5.0, 0.0, 1e300])
    {
        n.width = w;
        n.height = w;
    }
    let l = lay_out_checked(&input);
    assert!(l.nodes.iter().all(|b| b.width >= 1.0 && b.width <= 1e6));
}

#[test]
fn nesting_to_the_limit_nests_and_beyond_it_flattens() {
    for depth in [MAX_CONTAINER_DEPTH, MAX_CONTAINER_DEPTH + 5] {
        // Containers 0..depth, each in the previous one; a Task at nesting depth `depth`.
        let mut nodes = vec![node(0, NodeKind::Parallel, None)];
        for d in 1..depth {
            let kind = if d % 2 == 0 {
                NodeKind::Map
            } else {
                NodeKind::Parallel
            };
            nodes.push(node(d, kind, Some((d - 1, 0))));
        }
        nodes.push(node(depth, NodeKind::Task, Some((depth - 1, 0))));
        let l = lay_out_checked(&LayoutInput {
            nodes,
            edges: vec![],
            ..Default::default()
        });
        assert_eq!(
            l.containers.len(),
            MAX_CONTAINER_DEPTH.min(depth),
            "depth {depth}"
        );
        let task_nested = l.containers.iter().any(|c| c.node == depth - 1);
        assert_eq!(task_nested, depth <= MAX_CONTAINER_DEPTH, "depth {depth}");
    }
}

#[test]
fn a_very_deep_nesting_does_not_overflow_the_stack() {
    let mut nodes = vec![node(0, NodeKind::Parallel, None)];
    for d in 1..100_000 {
        nodes.push(node(d, NodeKind::Parallel, Some((d - 1, 0))));
    }
    let l = layout(&LayoutInput {
        nodes,
        edges: vec![edge(5, 99_999)],
        ..Default::default()
    });
    assert_eq!(l.nodes.len(), 100_000);
}

#[test]
fn edges_between_scopes_are_still_drawn() {
    let input = LayoutInput {
        nodes: vec![
            node(1, NodeKind::Task, None),
            node(2, NodeKind::Parallel, None),
            node(3, NodeKind::Task, Some((2, 0))),
            node(4, NodeKind::Task, Some((2, 1))),
        ],
        edges: vec![edge(1, 2), edge(3, 1), edge(3, 4), edge(1, 3), edge(3, 2)],
        ..Default::default()
    };
    let l = lay_out_checked(&input);
    assert_eq!(l.edges.len(), 5);
    assert!(
        l.edges[1].is_back_edge,
        "child to a node above its container goes back up"
    );
    assert!(!l.edges[3].is_back_edge);
}

#[test]
fn a_back_edge_into_the_first_rank_stays_inside_the_drawing() {
    let input = LayoutInput {
        nodes: vec![node(1, NodeKind::Task, None), node(2, NodeKind::Task, None)],
        edges: vec![edge(1, 2), edge(2, 1)],
        ..Default::default()
    };
    let l = lay_out_checked(&input);
    assert!(l.edges[1].is_back_edge);
    assert!(
        node_box(&l, 1).y > 0.0,
        "room above the first rank for the loop's turn"
    );
}

#[test]
fn odd_options_fall_back_and_keep_the_properties() {
    let input = LayoutInput {
        nodes: (0..4).map(|i| node(i, NodeKind::Choice, None)).collect(),
        edges: vec![edge(0, 1), edge(0, 2), edge(1, 3), edge(2, 3), edge(3, 0)],
        ..Default::default()
    };
    let weird = LayoutOptions {
        node_sep: f64::NAN,
        edge_sep: -1.0,
        rank_sep: 0.0,
        label_sep: f64::INFINITY,
        port_stub: 1e9,
        back_edge_sep: 0.0,
        container_header: f64::NAN,
        container_padding: 0.0,
        lane_padding: 0.0,
    };
    let l = layout_with(&input, &weird);
    assert_eq!(bits(&l), bits(&layout_with(&input, &weird)));
    check(&input, &l);
}

#[test]
fn a_huge_fan_in_to_one_end_stays_within_the_dummy_budget() {
    // 3,000 states in a chain, every one also wired to the End marker: millions of dummies
    // unbounded; the layout must still finish with every edge drawn.
    let n = 3000;
    let mut nodes: Vec<LayoutNode> = (0..n).map(|i| node(i, NodeKind::Task, None)).collect();
    nodes.push(node(n, NodeKind::End, None));
    let mut edges: Vec<LayoutEdge> = (0..n - 1).map(|i| edge(i, i + 1)).collect();
    edges.extend((0..n).map(|i| LayoutEdge {
        from: i,
        to: n,
        kind: EdgeKind::End,
        label: None,
    }));
    let l = layout(&LayoutInput {
        nodes,
        edges,
        ..Default::default()
    });
    assert_eq!(l.edges.len(), 2 * n - 1);
    for e in &l.edges {
        assert!(
            e.points.windows(2).all(|w| w[1].y >= w[0].y),
            "still downward"
        );
    }
}
