//! Pass 2, rank assignment: each node's row, by the longest path from where it is entered.
//!
//! Every forward edge then points from a lower rank to a strictly higher one. End markers
//! that lead nowhere sink to the bottom row, so a machine reads top to bottom.

use alloc::collections::VecDeque;
use alloc::vec;
use alloc::vec::Vec;

use super::scope::ScopeGraph;
use super::types::NodeKind;

/// Runs the pass over the edges not marked in `back`; returns one rank per node.
pub(crate) fn longest_path(g: &ScopeGraph, back: &[bool]) -> Vec<usize> {
    let n = g.kinds.len();
    let mut indegree = vec![0usize; n];
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (e, &is_back) in g.edges.iter().zip(back) {
        if !is_back {
            indegree[e.to] += 1;
            out[e.from].push(e.to);
        }
    }
    let mut rank = vec![0usize; n];
    // Kahn's order, seeded in input order: a deterministic topological sweep.
    let mut queue: VecDeque<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    while let Some(v) = queue.pop_front() {
        for &w in &out[v] {
            rank[w] = rank[w].max(rank[v] + 1);
            indegree[w] -= 1;
            if indegree[w] == 0 {
                queue.push_back(w);
            }
        }
    }

    let bottom = (0..n)
        .filter(|&v| g.kinds[v] != NodeKind::End)
        .map(|v| rank[v] + 1)
        .max();
    if let Some(bottom) = bottom {
        for v in 0..n {
            if g.kinds[v] == NodeKind::End && out[v].is_empty() {
                rank[v] = rank[v].max(bottom);
            }
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::scope::LocalEdge;
    use crate::layout::types::EdgeKind;

    #[test]
    fn ranks_follow_the_longest_path_and_end_sinks() {
        use NodeKind::*;
        // Start -> A -> B -> C, A -> C, A -> End: End sinks below C.
        let kinds = vec![Start, Task, Task, Task, End];
        let pairs = [(0, 1), (1, 2), (2, 3), (1, 3), (1, 4)];
        let g = ScopeGraph {
            sizes: kinds.iter().map(|_| (10.0, 10.0)).collect(),
            kinds,
            edges: pairs
                .iter()
                .map(|&(from, to)| LocalEdge {
                    from,
                    to,
                    kind: EdgeKind::Next,
                    labelled: false,
                })
                .collect(),
        };
        let ranks = longest_path(&g, &[false; 5]);
        assert_eq!(ranks, vec![0, 1, 2, 3, 4]);
    }
}
