//! Pass 6, edge routing: a polyline per edge, from the source's bottom to the target's top.
//!
//! Forward edges leave and enter vertically (down to a short stub past their rank band),
//! slant only inside the gaps between bands, and pass each rank they skip vertically
//! through their dummy, so they never cut a box. Several edges on one side of
//! a box get spread-out ports, ordered by where they head, so parallel edges stay apart.
//! Back-edges drop below their source, run up a lane right of everything, and come
//! down into the target: every loop is visible and crosses no box.

use alloc::vec;
use alloc::vec::Vec;

use super::dummies::Layered;
use super::position::Bands;
use super::scope::ScopeGraph;
use super::types::{Point, Rect};

/// Geometry the router needs besides the graph.
pub(crate) struct RouteFrame<'a> {
    pub bands: &'a Bands,
    pub back: &'a [bool],
    /// x of the first back-edge lane; later lanes step right by `lane_sep`.
    pub first_lane: f64,
    pub lane_sep: f64,
    pub stub: f64,
    /// Largest distance a back-edge's horizontal run may keep from its box's band.
    pub max_offset: f64,
}

/// A real vertex's box, from its centre x and its rank band.
pub(crate) fn box_of(l: &Layered, bands: &Bands, v: usize) -> Rect {
    let vx = &l.vertices[v];
    let top = bands.top[vx.rank] + (bands.height[vx.rank] - vx.height) / 2.0;
    Rect {
        x: vx.x - vx.width / 2.0,
        y: top,
        width: vx.width,
        height: vx.height,
    }
}

/// Back-edges in lane order: short loops hug the drawing, long ones go further out.
pub(crate) fn lane_order(l: &Layered, g: &ScopeGraph, back: &[bool]) -> Vec<usize> {
    let mut lanes: Vec<usize> = (0..g.edges.len()).filter(|&k| back[k]).collect();
    let span = |k: usize| {
        let e = &g.edges[k];
        l.vertices[e.from].rank.abs_diff(l.vertices[e.to].rank)
    };
    crate::sort::sort_by_key(&mut lanes, |&k| (span(k), k));
    lanes
}

/// Runs the pass: one polyline per local edge.
pub(crate) fn edges(g: &ScopeGraph, l: &Layered, f: &RouteFrame) -> Vec<Vec<Point>> {
    let lanes = lane_order(l, g, f.back);
    let mut lane_x = vec![0.0; g.edges.len()];
    let mut offset = vec![0.0; g.edges.len()];
    for (j, &k) in lanes.iter().enumerate() {
        lane_x[k] = f.first_lane + f.lane_sep * j as f64;
        offset[k] = (f.stub + (j % 4) as f64 * 3.0).min(f.max_offset);
    }

    // Where each edge heads when it leaves its source, and comes from when it enters.
    let n = g.kinds.len();
    let mut leaving: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
    let mut entering: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
    for (k, e) in g.edges.iter().enumerate() {
        let (aim_out, aim_in) = if f.back[k] {
            (lane_x[k], lane_x[k])
        } else {
            let chain = &l.chains[k];
            let first = chain.first().copied().unwrap_or(e.to);
            let last = chain.last().copied().unwrap_or(e.from);
            (l.vertices[first].x, l.vertices[last].x)
        };
        leaving[e.from].push((aim_out, k));
        entering[e.to].push((aim_in, k));
    }
    let mut out_x = vec![0.0; g.edges.len()];
    let mut in_x = vec![0.0; g.edges.len()];
    for v in 0..n {
        let b = box_of(l, f.bands, v);
        spread_ports(&mut leaving[v], b, &mut out_x);
        spread_ports(&mut entering[v], b, &mut in_x);
    }

    g.edges
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let (s, t) = (box_of(l, f.bands, e.from), box_of(l, f.bands, e.to));
            let (sx, tx) = (out_x[k], in_x[k]);
            let mut pts = vec![Point {
                x: sx,
                y: s.y + s.height,
            }];
            if f.back[k] {
                let below = f.bands.bottom(l.vertices[e.from].rank) + offset[k];
                let above = f.bands.top[l.vertices[e.to].rank] - offset[k];
                pts.push(Point { x: sx, y: below });
                pts.push(Point {
                    x: lane_x[k],
                    y: below,
                });
                pts.push(Point {
                    x: lane_x[k],
                    y: above,
                });
                pts.push(Point { x: tx, y: above });
            } else {
                // Slanted runs stay inside the gaps between bands: a box shorter than its
                // band is left and entered straight down first.
                let below = f.bands.bottom(l.vertices[e.from].rank) + f.stub;
                let above = f.bands.top[l.vertices[e.to].rank] - f.stub;
                pts.push(Point { x: sx, y: below });
                for &d in &l.chains[k] {
                    let r = l.vertices[d].rank;
                    let x = l.vertices[d].x;
                    pts.push(Point {
                        x,
                        y: f.bands.top[r],
                    });
                    pts.push(Point {
                        x,
                        y: f.bands.bottom(r),
                    });
                }
                pts.push(Point { x: tx, y: above });
            }
            pts.push(Point { x: tx, y: t.y });
            pts.dedup();
            pts
        })
        .collect()
}

/// Spreads the edges on one side of a box evenly across it, left to right by aim.
fn spread_ports(side: &mut [(f64, usize)], b: Rect, port_x: &mut [f64]) {
    crate::sort::sort_by(side, |p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)));
    let n = side.len() as f64;
    for (i, &(_, k)) in side.iter().enumerate() {
        port_x[k] = b.x + b.width * (i as f64 + 1.0) / (n + 1.0);
    }
}

/// Routes an edge between boxes of different scopes (not produced by valid ASL): down
/// and across when the target is lower, otherwise around the right of both boxes.
pub(crate) fn across_scopes(s: Rect, t: Rect, stub: f64) -> (Vec<Point>, bool) {
    let (sx, sy) = (s.x + s.width / 2.0, s.y + s.height);
    let (tx, ty) = (t.x + t.width / 2.0, t.y);
    let mut pts = vec![Point { x: sx, y: sy }];
    let backwards = ty < sy + 2.0 * stub;
    if backwards {
        let lane = (s.x + s.width).max(t.x + t.width) + 2.0 * stub;
        pts.push(Point {
            x: sx,
            y: sy + stub,
        });
        pts.push(Point {
            x: lane,
            y: sy + stub,
        });
        pts.push(Point {
            x: lane,
            y: ty - stub,
        });
        pts.push(Point {
            x: tx,
            y: ty - stub,
        });
    } else {
        let mid = (sy + ty) / 2.0;
        pts.push(Point { x: sx, y: mid });
        pts.push(Point { x: tx, y: mid });
    }
    pts.push(Point { x: tx, y: ty });
    pts.dedup();
    (pts, backwards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_split_a_side_evenly_by_aim() {
        let mut side = [(50.0, 0), (-10.0, 1), (10.0, 2)];
        let mut x = [0.0; 3];
        spread_ports(
            &mut side,
            Rect {
                x: 0.0,
                y: 0.0,
                width: 100.0,
                height: 10.0,
            },
            &mut x,
        );
        assert_eq!(x, [75.0, 25.0, 50.0]);
    }

    #[test]
    fn an_upward_cross_scope_edge_goes_round_the_right() {
        let s = Rect {
            x: 0.0,
            y: 100.0,
            width: 10.0,
            height: 10.0,
        };
        let t = Rect {
            x: 0.0,
            y: 0.0,
            width: 20.0,
            height: 10.0,
        };
        let (pts, backwards) = across_scopes(s, t, 5.0);
        assert!(backwards);
        assert_eq!(pts.first(), Some(&Point { x: 5.0, y: 110.0 }));
        assert_eq!(pts.last(), Some(&Point { x: 10.0, y: 0.0 }));
        assert!(pts.iter().any(|p| p.x == 30.0));
    }
}
