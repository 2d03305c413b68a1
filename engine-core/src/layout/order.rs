//! Pass 4, ordering: arrange each rank left to right so that few edges cross.
//!
//! A depth-first first guess (so a Choice's rules start in reading order), then
//! barycenter sweeps down and up; the order with the fewest crossings is kept. Ties keep
//! the current order, so the result depends on nothing but the input.

use alloc::vec;
use alloc::vec::Vec;

use super::dummies::{Layered, Link};

/// Upper bound on sweeps; each is linear-ish, so this bounds the pass on big machines.
const MAX_SWEEPS: usize = 24;
/// Stop after this many sweeps without fewer crossings.
const PATIENCE: usize = 4;

/// Runs the pass, rewriting `l.layers`.
pub(crate) fn minimise_crossings(l: &mut Layered) {
    initial_order(l);
    if l.layers.len() < 2 {
        return;
    }
    let mut pos = positions(l);
    let mut best = l.layers.clone();
    let mut best_crossings = crossings(l, &pos);
    let mut stale = 0;
    for sweep in 0..MAX_SWEEPS {
        if best_crossings == 0 || stale >= PATIENCE {
            break;
        }
        if sweep % 2 == 0 {
            for r in 1..l.layers.len() {
                reorder(&mut l.layers[r], &mut pos, &l.up);
            }
        } else {
            for r in (0..l.layers.len() - 1).rev() {
                reorder(&mut l.layers[r], &mut pos, &l.down);
            }
        }
        let c = crossings(l, &pos);
        if c < best_crossings {
            best_crossings = c;
            best.clone_from(&l.layers);
            stale = 0;
        } else {
            stale += 1;
        }
    }
    l.layers = best;
}

/// Depth-first from the top, children in reading order: a vertex joins its rank when first reached.
fn initial_order(l: &mut Layered) {
    let n = l.vertices.len();
    let mut roots: Vec<usize> = (0..n).collect();
    crate::sort::sort_by_key(&mut roots, |&v| (l.vertices[v].rank, v));
    let mut seen = vec![false; n];
    for layer in &mut l.layers {
        layer.clear();
    }
    let mut stack = Vec::new();
    for root in roots {
        stack.push(root);
        while let Some(v) = stack.pop() {
            if seen[v] {
                continue;
            }
            seen[v] = true;
            l.layers[l.vertices[v].rank].push(v);
            stack.extend(l.down[v].iter().rev().map(|link| link.vertex));
        }
    }
}

fn positions(l: &Layered) -> Vec<usize> {
    let mut pos = vec![0; l.vertices.len()];
    for layer in &l.layers {
        for (i, &v) in layer.iter().enumerate() {
            pos[v] = i;
        }
    }
    pos
}

/// Sorts one rank by the mean position of each vertex's neighbours on the fixed side;
/// vertices without neighbours there keep their slot.
fn reorder(layer: &mut [usize], pos: &mut [usize], neighbours: &[Vec<Link>]) {
    let mut movable: Vec<(f64, usize, usize)> = Vec::new();
    let mut fixed: Vec<(usize, usize)> = Vec::new();
    for (i, &v) in layer.iter().enumerate() {
        let links = &neighbours[v];
        if links.is_empty() {
            fixed.push((i, v));
        } else {
            let sum: usize = links.iter().map(|link| pos[link.vertex]).sum();
            movable.push((sum as f64 / links.len() as f64, i, v));
        }
    }
    crate::sort::sort_by(&mut movable, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut f, mut m) = (0, 0);
    for (slot, out) in layer.iter_mut().enumerate() {
        let take_fixed = f < fixed.len() && (fixed[f].0 <= slot || m >= movable.len());
        *out = if take_fixed {
            f += 1;
            fixed[f - 1].1
        } else {
            m += 1;
            movable[m - 1].2
        };
        pos[*out] = slot;
    }
}

/// Edge crossings between every pair of adjacent ranks, counted with a Fenwick tree.
pub(crate) fn crossings(l: &Layered, pos: &[usize]) -> u64 {
    let mut total = 0u64;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for r in 0..l.layers.len().saturating_sub(1) {
        pairs.clear();
        for &u in &l.layers[r] {
            pairs.extend(l.down[u].iter().map(|link| (pos[u], pos[link.vertex])));
        }
        crate::sort::sort_by(&mut pairs, |a, b| a.cmp(b));
        let width = l.layers[r + 1].len();
        let mut tree = vec![0u64; width + 1];
        for (seen, &(_, b)) in pairs.iter().enumerate() {
            // Count earlier segments ending strictly right of b: they cross this one.
            let mut not_greater = 0u64;
            let mut i = b + 1;
            while i > 0 {
                not_greater += tree[i];
                i &= i - 1;
            }
            total += seen as u64 - not_greater;
            let mut i = b + 1;
            while i <= width {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::dummies::Vertex;

    fn layered(ranks: &[usize], edges: &[(usize, usize)]) -> Layered {
        let n = ranks.len();
        let mut l = Layered {
            vertices: ranks
                .iter()
                .map(|&rank| Vertex {
                    rank,
                    width: 10.0,
                    height: 10.0,
                    real: true,
                    x: 0.0,
                })
                .collect(),
            layers: vec![Vec::new(); ranks.iter().max().map_or(0, |m| m + 1)],
            down: vec![Vec::new(); n],
            up: vec![Vec::new(); n],
            chains: Vec::new(),
        };
        for &(a, b) in edges {
            l.down[a].push(Link {
                vertex: b,
                weight: 1.0,
            });
            l.up[b].push(Link {
                vertex: a,
                weight: 1.0,
            });
        }
        for (v, &rank) in ranks.iter().enumerate() {
            l.layers[rank].push(v);
        }
        l
    }

    #[test]
    fn counts_crossings_of_a_twisted_pair() {
        let l = layered(&[0, 0, 1, 1], &[(0, 3), (1, 2)]);
        assert_eq!(crossings(&l, &positions(&l)), 1);
    }

    #[test]
    fn untwists_a_twisted_pair() {
        // Two chains a->c->e and b->d->f with the middle rank given twisted.
        let mut l = layered(&[0, 0, 1, 1, 2, 2], &[(0, 3), (1, 2), (3, 4), (2, 5)]);
        minimise_crossings(&mut l);
        assert_eq!(crossings(&l, &positions(&l)), 0);
    }
}
