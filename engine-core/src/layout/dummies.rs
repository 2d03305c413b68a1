//! Pass 3, dummy nodes: split every forward edge that skips ranks into one-rank segments.
//!
//! The zero-width dummies take part in ordering and positioning like real boxes, which is
//! what keeps long edges straight and out of the boxes they pass.

use alloc::vec;
use alloc::vec::Vec;

use super::scope::ScopeGraph;

/// Weights pulling neighbours into line: long edges straight first, then boxes.
const WEIGHT_REAL: f64 = 1.0;
const WEIGHT_ONE_DUMMY: f64 = 2.0;
const WEIGHT_DUMMIES: f64 = 8.0;
/// Most dummies one scope may hold. A graph whose long edges need more (thousands of
/// states each wired to one far-away End) would cost memory quadratic in its size; the
/// edges past the budget are drawn as straight runs instead.
pub(crate) const MAX_DUMMIES: usize = 200_000;

/// A box or a dummy in the layered graph.
#[derive(Clone, Debug)]
pub(crate) struct Vertex {
    pub rank: usize,
    pub width: f64,
    pub height: f64,
    pub real: bool,
    /// Centre x, set by the position pass.
    pub x: f64,
}

/// A neighbour in the next rank up or down, and how strongly it pulls.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Link {
    pub vertex: usize,
    pub weight: f64,
}

/// The graph the ordering and positioning passes work on: only one-rank segments.
#[derive(Clone, Debug)]
pub(crate) struct Layered {
    /// Real nodes first (vertex i is local node i), then dummies.
    pub vertices: Vec<Vertex>,
    /// Vertex indices per rank, left to right once ordered.
    pub layers: Vec<Vec<usize>>,
    /// Neighbours in rank + 1.
    pub down: Vec<Vec<Link>>,
    /// Neighbours in rank - 1.
    pub up: Vec<Vec<Link>>,
    /// Per local edge, the dummies it passes, top to bottom (empty for short or back-edges).
    pub chains: Vec<Vec<usize>>,
}

impl Layered {
    fn link(&mut self, a: usize, b: usize) {
        let weight = match (self.vertices[a].real, self.vertices[b].real) {
            (true, true) => WEIGHT_REAL,
            (false, false) => WEIGHT_DUMMIES,
            _ => WEIGHT_ONE_DUMMY,
        };
        self.down[a].push(Link { vertex: b, weight });
        self.up[b].push(Link { vertex: a, weight });
    }

    fn add_dummy(&mut self, rank: usize) -> usize {
        self.vertices.push(Vertex {
            rank,
            width: 0.0,
            height: 0.0,
            real: false,
            x: 0.0,
        });
        self.down.push(Vec::new());
        self.up.push(Vec::new());
        self.vertices.len() - 1
    }
}

/// Runs the pass. Back-edges (marked in `back`) are left out: they are routed separately,
/// as are edges past the dummy budget.
pub(crate) fn insert(g: &ScopeGraph, ranks: &[usize], back: &[bool]) -> Layered {
    let n = g.kinds.len();
    let vertices = (0..n)
        .map(|v| Vertex {
            rank: ranks[v],
            width: g.sizes[v].0,
            height: g.sizes[v].1,
            real: true,
            x: 0.0,
        })
        .collect();
    let mut l = Layered {
        vertices,
        layers: Vec::new(),
        down: vec![Vec::new(); n],
        up: vec![Vec::new(); n],
        chains: vec![Vec::new(); g.edges.len()],
    };
    // Edges in reading order, so the first ordering already lists a Choice's rules in order.
    let order = super::acyclic::out_edges(g);
    for &k in order.iter().flatten() {
        let e = &g.edges[k];
        if back[k] {
            continue;
        }
        let (top, bottom) = (ranks[e.from], ranks[e.to]);
        let needed = bottom.saturating_sub(top + 1);
        if bottom <= top || (needed > 0 && l.vertices.len() - n + needed > MAX_DUMMIES) {
            continue;
        }
        let mut prev = e.from;
        for rank in top + 1..bottom {
            let d = l.add_dummy(rank);
            l.link(prev, d);
            l.chains[k].push(d);
            prev = d;
        }
        l.link(prev, e.to);
    }
    let depth = l.vertices.iter().map(|v| v.rank + 1).max().unwrap_or(0);
    l.layers = vec![Vec::new(); depth];
    for (i, v) in l.vertices.iter().enumerate() {
        l.layers[v.rank].push(i);
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::scope::LocalEdge;
    use crate::layout::types::{EdgeKind, NodeKind};

    #[test]
    fn a_three_rank_edge_gets_two_dummies() {
        let g = ScopeGraph {
            sizes: vec![(10.0, 10.0); 2],
            kinds: vec![NodeKind::Task; 2],
            edges: vec![LocalEdge {
                from: 0,
                to: 1,
                kind: EdgeKind::Next,
                labelled: false,
            }],
        };
        let l = insert(&g, &[0, 3], &[false]);
        assert_eq!(l.chains[0], vec![2, 3]);
        assert_eq!(l.layers, vec![vec![0], vec![2], vec![3], vec![1]]);
        assert_eq!(l.down[3][0].vertex, 1);
        assert_eq!(l.up[2][0].vertex, 0);
    }
}
