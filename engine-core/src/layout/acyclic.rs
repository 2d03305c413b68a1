//! Pass 1, cycle breaking: find the back-edges of loops so the rest is a DAG.
//!
//! A depth-first search from the Start marker (then from nodes nothing enters, then from
//! anything left, each in input order) follows a node's edges in ASL's reading order:
//! `Next`, the Choice rules, `Default`, then the Catchers. An edge into a node still on
//! the search stack closes a loop; it is the back-edge, drawn up the right-hand side.

use alloc::vec;
use alloc::vec::Vec;

use super::scope::ScopeGraph;
use super::types::{EdgeKind, NodeKind};

/// The order in which a node's outgoing edges are explored (and initially laid out).
pub(crate) fn reading_order(kind: EdgeKind) -> (u8, usize) {
    match kind {
        EdgeKind::Start => (0, 0),
        EdgeKind::Next => (1, 0),
        EdgeKind::ChoiceRule(i) => (2, i),
        EdgeKind::Default => (3, 0),
        EdgeKind::Catch(i) => (4, i),
        EdgeKind::End => (5, 0),
    }
}

/// Outgoing edge indices per node, in reading order (ties by input order).
pub(crate) fn out_edges(g: &ScopeGraph) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); g.kinds.len()];
    for (k, e) in g.edges.iter().enumerate() {
        out[e.from].push(k);
    }
    for list in &mut out {
        crate::sort::sort_by_key(list, |&k| (reading_order(g.edges[k].kind), k));
    }
    out
}

/// Runs the pass: `true` for each edge that is a back-edge (self-loops included).
pub(crate) fn back_edges(g: &ScopeGraph) -> Vec<bool> {
    let n = g.kinds.len();
    let out = out_edges(g);
    let mut has_incoming = vec![false; n];
    for e in &g.edges {
        if e.from != e.to {
            has_incoming[e.to] = true;
        }
    }
    let starts = (0..n).filter(|&v| g.kinds[v] == NodeKind::Start);
    let sources = (0..n).filter(|&v| !has_incoming[v]);
    let roots = starts.chain(sources).chain(0..n);

    const NEW: u8 = 0;
    const ON_STACK: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; n];
    let mut back = vec![false; g.edges.len()];
    // Explicit stack of (node, position in its edge list): no recursion on user data.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in roots {
        if state[root] != NEW {
            continue;
        }
        state[root] = ON_STACK;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (v, i) = *top;
            if let Some(&k) = out[v].get(i) {
                top.1 += 1;
                let w = g.edges[k].to;
                match state[w] {
                    NEW => {
                        state[w] = ON_STACK;
                        stack.push((w, 0));
                    }
                    ON_STACK => back[k] = true,
                    _ => {}
                }
            } else {
                state[v] = DONE;
                stack.pop();
            }
        }
    }
    back
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::scope::{LocalEdge, ScopeGraph};

    fn graph(kinds: &[NodeKind], edges: &[(usize, usize, EdgeKind)]) -> ScopeGraph {
        ScopeGraph {
            sizes: kinds.iter().map(|_| (10.0, 10.0)).collect(),
            kinds: kinds.to_vec(),
            edges: edges
                .iter()
                .map(|&(from, to, kind)| LocalEdge {
                    from,
                    to,
                    kind,
                    labelled: false,
                })
                .collect(),
        }
    }

    #[test]
    fn the_loop_closing_edge_is_the_back_edge() {
        use EdgeKind::{Default, Next};
        use NodeKind::{Choice, Task, Wait};
        // The job poller's loop: Wait -> GetStatus -> IsDone -Default-> Wait.
        let g = graph(
            &[Choice, Task, Wait, Task, NodeKind::Start],
            &[
                (0, 2, Default),
                (1, 2, Next),
                (2, 3, Next),
                (3, 0, Next),
                (4, 1, EdgeKind::Start),
            ],
        );
        assert_eq!(back_edges(&g), vec![true, false, false, false, false]);
    }

    #[test]
    fn self_loops_are_back_edges_and_a_cycle_without_start_still_breaks() {
        use EdgeKind::Next;
        use NodeKind::Task;
        let g = graph(&[Task, Task], &[(0, 0, Next), (0, 1, Next), (1, 0, Next)]);
        assert_eq!(back_edges(&g), vec![true, false, true]);
    }
}
