//! Pass 5, coordinate assignment: x for every vertex, and the y band of every rank.
//!
//! Each rank is placed as a whole: every vertex wants to sit at the weighted mean of its
//! neighbours, boxes keep their order and spacing, and the best such placement is found
//! exactly by pool-adjacent-violators (a weighted least-squares fit under ordering
//! constraints). Sweeps down, up, then both ways make chains straight, parents centred
//! over their children and the drawing compact.

use alloc::vec;
use alloc::vec::Vec;

use super::dummies::{Layered, Link};

/// Rounds of (down sweep, up sweep), then of balancing sweeps using both sides.
const DIRECTED_ROUNDS: usize = 4;
const BALANCING_ROUNDS: usize = 2;
/// How strongly a vertex with no neighbours on the sweep's side holds its place.
const STAY_WEIGHT: f64 = 0.01;

/// The vertical extent of every rank.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bands {
    pub top: Vec<f64>,
    pub height: Vec<f64>,
}

impl Bands {
    /// The y just below rank `r`'s tallest box.
    pub fn bottom(&self, r: usize) -> f64 {
        self.top[r] + self.height[r]
    }
}

/// Horizontal gaps used by the pass.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spacing {
    pub node_sep: f64,
    pub edge_sep: f64,
}

/// Runs the x half of the pass: sets `vertex.x` (centres), leftmost box edge at 0.
/// Returns the width taken by the vertices.
pub(crate) fn assign_x(l: &mut Layered, spacing: Spacing) -> f64 {
    let offsets: Vec<Vec<f64>> = l
        .layers
        .iter()
        .map(|layer| offsets(l, layer, spacing))
        .collect();
    for (layer, offs) in l.layers.iter().zip(&offsets) {
        for (&v, &o) in layer.iter().zip(offs) {
            l.vertices[v].x = o;
        }
    }
    let ranks = l.layers.len();
    for _ in 0..DIRECTED_ROUNDS {
        for (r, offs) in offsets.iter().enumerate().skip(1) {
            place_rank(l, r, offs, Side::Up);
        }
        for r in (0..ranks.saturating_sub(1)).rev() {
            place_rank(l, r, &offsets[r], Side::Down);
        }
    }
    for _ in 0..BALANCING_ROUNDS {
        for (r, offs) in offsets.iter().enumerate() {
            place_rank(l, r, offs, Side::Both);
        }
    }

    let left = l
        .vertices
        .iter()
        .map(|v| v.x - v.width / 2.0)
        .fold(f64::INFINITY, f64::min);
    let shift = if left.is_finite() { -left } else { 0.0 };
    let mut right = 0.0f64;
    for v in &mut l.vertices {
        v.x += shift;
        right = right.max(v.x + v.width / 2.0);
    }
    right
}

/// Runs the y half of the pass: rank bands from `top_pad`, `gaps[r]` below rank r.
pub(crate) fn assign_bands(l: &Layered, gaps: &[f64], top_pad: f64) -> Bands {
    let mut bands = Bands::default();
    let mut y = top_pad;
    for (r, layer) in l.layers.iter().enumerate() {
        let h = layer
            .iter()
            .map(|&v| l.vertices[v].height)
            .fold(0.0, f64::max);
        bands.top.push(y);
        bands.height.push(h);
        y += h + gaps.get(r).copied().unwrap_or(0.0);
    }
    bands
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Up,
    Down,
    Both,
}

/// Where each vertex of a rank would sit if packed from 0 with minimum spacing.
fn offsets(l: &Layered, layer: &[usize], spacing: Spacing) -> Vec<f64> {
    let mut out = Vec::with_capacity(layer.len());
    let mut acc = 0.0;
    for (i, &v) in layer.iter().enumerate() {
        if i > 0 {
            let (a, b) = (&l.vertices[layer[i - 1]], &l.vertices[v]);
            let gap = if a.real && b.real {
                spacing.node_sep
            } else {
                spacing.edge_sep
            };
            acc += (a.width + b.width) / 2.0 + gap;
        }
        out.push(acc);
    }
    out
}

fn pull(l: &Layered, links: &[Link], sum: &mut f64, weight: &mut f64) {
    for link in links {
        *sum += link.weight * l.vertices[link.vertex].x;
        *weight += link.weight;
    }
}

/// Places rank `r` as close as its spacing allows to where its neighbours pull it.
fn place_rank(l: &mut Layered, r: usize, offs: &[f64], side: Side) {
    let layer = &l.layers[r];
    // Targets shifted by the packing offsets turn "keep spacing" into "non-decreasing".
    let mut blocks: Vec<(f64, f64, usize)> = Vec::with_capacity(layer.len());
    for (&v, &off) in layer.iter().zip(offs) {
        let (mut sum, mut weight) = (0.0, 0.0);
        if side != Side::Down {
            pull(l, &l.up[v], &mut sum, &mut weight);
        }
        if side != Side::Up {
            pull(l, &l.down[v], &mut sum, &mut weight);
        }
        if weight <= 0.0 {
            sum = STAY_WEIGHT * l.vertices[v].x;
            weight = STAY_WEIGHT;
        }
        let target = sum / weight - off;
        blocks.push((weight, weight * target, 1));
        while blocks.len() >= 2 {
            let (w2, s2, n2) = blocks[blocks.len() - 1];
            let (w1, s1, n1) = blocks[blocks.len() - 2];
            if s1 / w1 <= s2 / w2 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = (w1 + w2, s1 + s2, n1 + n2);
        }
    }
    let mut i = 0;
    let mut xs = vec![0.0; layer.len()];
    for (w, s, n) in blocks {
        for _ in 0..n {
            xs[i] = s / w + offs[i];
            i += 1;
        }
    }
    for (k, &v) in l.layers[r].iter().enumerate() {
        l.vertices[v].x = xs[k];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::dummies::Vertex;

    #[test]
    fn a_parent_is_centred_over_two_children_and_they_keep_their_gap() {
        let vertices = vec![
            Vertex {
                rank: 0,
                width: 100.0,
                height: 40.0,
                real: true,
                x: 0.0,
            },
            Vertex {
                rank: 1,
                width: 100.0,
                height: 40.0,
                real: true,
                x: 0.0,
            },
            Vertex {
                rank: 1,
                width: 100.0,
                height: 40.0,
                real: true,
                x: 0.0,
            },
        ];
        let link = |vertex| Link {
            vertex,
            weight: 1.0,
        };
        let mut l = Layered {
            vertices,
            layers: vec![vec![0], vec![1, 2]],
            down: vec![vec![link(1), link(2)], vec![], vec![]],
            up: vec![vec![], vec![link(0)], vec![link(0)]],
            chains: Vec::new(),
        };
        let width = assign_x(
            &mut l,
            Spacing {
                node_sep: 40.0,
                edge_sep: 10.0,
            },
        );
        let x: Vec<f64> = l.vertices.iter().map(|v| v.x).collect();
        assert_eq!(x, vec![120.0, 50.0, 190.0]);
        assert_eq!(width, 240.0);
    }
}
