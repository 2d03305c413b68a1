//! Pass 0, prepare: turn arbitrary input into a clean, indexed graph split into scopes.
//!
//! Everything later may rely on what this pass guarantees: node indices are unique and
//! dense, sizes are finite and positive, every edge has both ends, and each node belongs
//! to exactly one scope (the top level or one container lane) at a bounded depth.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

use super::types::{EdgeKind, LayoutInput, NodeKind, MAX_CONTAINER_DEPTH};

/// Largest box side accepted; bigger (or non-finite) sizes are clamped.
const MAX_SIDE: f64 = 1.0e6;
/// Smallest box side, so that every box has an inside.
const MIN_SIDE: f64 = 1.0;

/// A node that survived de-duplication, by index into `Prepared::nodes`.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub id: usize,
    pub kind: NodeKind,
    pub width: f64,
    pub height: f64,
    /// Index into `Prepared::scopes`.
    pub scope: usize,
    /// Scopes this node contains (its lanes), in lane order; empty for a non-container.
    pub lanes: Vec<usize>,
}

/// An edge whose ends both exist, by node index.
#[derive(Clone, Debug)]
pub(crate) struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub labelled: bool,
}

/// The top level (`owner == None`) or one lane of a container.
#[derive(Clone, Debug)]
pub(crate) struct Scope {
    /// The container node index and lane number.
    pub owner: Option<(usize, usize)>,
    pub depth: usize,
    /// Node indices, in input order.
    pub members: Vec<usize>,
    /// Edge indices whose two ends lie in this scope, in input order.
    pub edges: Vec<usize>,
}

/// The cleaned graph.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub scopes: Vec<Scope>,
}

fn clean_side(v: f64) -> f64 {
    if v.is_finite() && v >= MIN_SIDE {
        v.min(MAX_SIDE)
    } else {
        MIN_SIDE
    }
}

/// Runs the pass. The first node with a given id wins; later duplicates are ignored.
pub(crate) fn prepare(input: &LayoutInput) -> Prepared {
    let mut index_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut nodes = Vec::new();
    let mut raw_parent = Vec::new();
    for n in &input.nodes {
        if index_of.contains_key(&n.id) {
            continue;
        }
        index_of.insert(n.id, nodes.len());
        nodes.push(Node {
            id: n.id,
            kind: n.kind,
            width: clean_side(n.width),
            height: clean_side(n.height),
            scope: 0,
            lanes: Vec::new(),
        });
        raw_parent.push(n.parent);
    }

    // A parent counts only if it exists, is a container and is not the node itself.
    let parent_of: Vec<Option<(usize, usize)>> = raw_parent
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let p = (*p)?;
            let pi = *index_of.get(&p.node)?;
            (pi != i && nodes[pi].kind.is_container()).then_some((pi, p.lane))
        })
        .collect();

    // A node is nested only if its parent chain reaches the top within the depth limit;
    // parent cycles and over-deep chains fall back to the top level.
    let depth_of: Vec<Option<usize>> = (0..nodes.len())
        .map(|i| {
            let mut cur = i;
            for steps in 0..=MAX_CONTAINER_DEPTH {
                match parent_of[cur] {
                    None => return Some(steps),
                    Some((p, _)) => cur = p,
                }
            }
            None
        })
        .collect();

    let mut scopes = alloc::vec![Scope {
        owner: None,
        depth: 0,
        members: Vec::new(),
        edges: Vec::new()
    }];
    let mut scope_of_lane: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for i in 0..nodes.len() {
        let nested = match (parent_of[i], depth_of[i]) {
            (Some(owner), Some(depth)) if depth > 0 => Some((owner, depth)),
            _ => None,
        };
        let scope = match nested {
            None => 0,
            Some((owner, depth)) => *scope_of_lane.entry(owner).or_insert_with(|| {
                scopes.push(Scope {
                    owner: Some(owner),
                    depth,
                    members: Vec::new(),
                    edges: Vec::new(),
                });
                scopes.len() - 1
            }),
        };
        nodes[i].scope = scope;
        scopes[scope].members.push(i);
    }
    // Lanes that hold no node yet are scopes too, one level below their container.
    for lane in &input.empty_lanes {
        let Some(&c) = index_of.get(&lane.node) else {
            continue;
        };
        let depth = match depth_of[c] {
            Some(d) if d < MAX_CONTAINER_DEPTH && nodes[c].kind.is_container() => d + 1,
            _ => continue,
        };
        scope_of_lane.entry((c, lane.lane)).or_insert_with(|| {
            scopes.push(Scope {
                owner: Some((c, lane.lane)),
                depth,
                members: Vec::new(),
                edges: Vec::new(),
            });
            scopes.len() - 1
        });
    }
    // BTreeMap order is (container, lane), so each container's lanes come out sorted.
    for (&(container, _), &scope) in &scope_of_lane {
        nodes[container].lanes.push(scope);
    }

    // Edges joining different scopes stay out of every scope; they are routed after placement.
    let mut edges = Vec::new();
    for e in &input.edges {
        let (Some(&from), Some(&to)) = (index_of.get(&e.from), index_of.get(&e.to)) else {
            continue;
        };
        let k = edges.len();
        edges.push(Edge {
            from,
            to,
            kind: e.kind,
            labelled: e.label.is_some(),
        });
        if nodes[from].scope == nodes[to].scope {
            scopes[nodes[from].scope].edges.push(k);
        }
    }
    Prepared {
        nodes,
        edges,
        scopes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::types::{ContainerRef, LayoutEdge, LayoutNode};
    use alloc::string::String;

    fn node(id: usize, kind: NodeKind, parent: Option<(usize, usize)>) -> LayoutNode {
        LayoutNode {
            id,
            label: String::new(),
            kind,
            width: 10.0,
            height: 10.0,
            parent: parent.map(|(node, lane)| ContainerRef { node, lane }),
        }
    }

    #[test]
    fn parent_cycles_and_missing_parents_fall_back_to_the_top_level() {
        let input = LayoutInput {
            nodes: alloc::vec![
                node(1, NodeKind::Parallel, Some((2, 0))),
                node(2, NodeKind::Parallel, Some((1, 0))),
                node(3, NodeKind::Task, Some((99, 0))),
                node(4, NodeKind::Task, Some((5, 0))),
                node(5, NodeKind::Task, None),
            ],
            edges: alloc::vec![],
            ..Default::default()
        };
        let p = prepare(&input);
        assert_eq!(p.scopes.len(), 1);
        assert!(p.nodes.iter().all(|n| n.scope == 0));
    }

    #[test]
    fn duplicates_and_dangling_edges_are_dropped() {
        let mut input = LayoutInput {
            nodes: alloc::vec![node(1, NodeKind::Task, None), node(1, NodeKind::Pass, None)],
            edges: alloc::vec![],
            ..Default::default()
        };
        input.edges.push(LayoutEdge {
            from: 1,
            to: 7,
            kind: EdgeKind::Next,
            label: None,
        });
        input.edges.push(LayoutEdge {
            from: 1,
            to: 1,
            kind: EdgeKind::Next,
            label: None,
        });
        input.nodes[0].width = f64::NAN;
        let p = prepare(&input);
        assert_eq!(p.nodes.len(), 1);
        assert_eq!(p.nodes[0].kind, NodeKind::Task);
        assert_eq!(p.nodes[0].width, MIN_SIDE);
        assert_eq!(p.edges.len(), 1);
        assert_eq!(p.scopes[0].edges, alloc::vec![0]);
    }

    #[test]
    fn lanes_are_scopes_in_lane_order() {
        let input = LayoutInput {
            nodes: alloc::vec![
                node(1, NodeKind::Parallel, None),
                node(2, NodeKind::Task, Some((1, 3))),
                node(3, NodeKind::Task, Some((1, 0))),
            ],
            edges: alloc::vec![],
            ..Default::default()
        };
        let p = prepare(&input);
        let lanes: Vec<_> = p.nodes[0]
            .lanes
            .iter()
            .map(|&s| p.scopes[s].owner)
            .collect();
        assert_eq!(lanes, alloc::vec![Some((0, 0)), Some((0, 3))]);
    }
}
