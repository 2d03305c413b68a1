//! Pass 7, label positions: where a Choice rule's condition or a Catch's error names go.
//!
//! A forward edge's label sits on its first run between ranks, right under its source:
//! the gap there was widened for labels and holds no boxes. When one state has several
//! labelled edges (a Choice's fan-out), their labels alternate between the far and the
//! near end of their runs, so neighbouring labels sit on different heights instead of
//! on top of each other. A back-edge's label sits halfway up its lane, right of the drawing.

use alloc::vec;
use alloc::vec::Vec;

use super::scope::ScopeGraph;
use super::types::Point;

/// How far along its run a label sits: alone, then alternately for siblings.
const ALONE: f64 = 0.5;
const STAGGER: [f64; 2] = [0.72, 0.3];

/// Runs the pass for one scope: a label anchor per labelled edge.
pub(crate) fn place_all(
    g: &ScopeGraph,
    routes: &[Vec<Point>],
    back: &[bool],
) -> Vec<Option<Point>> {
    let mut siblings: Vec<Vec<usize>> = vec![Vec::new(); g.kinds.len()];
    for (k, e) in g.edges.iter().enumerate() {
        if e.labelled && !back[k] {
            siblings[e.from].push(k);
        }
    }
    let mut along = vec![ALONE; g.edges.len()];
    for list in &mut siblings {
        if list.len() < 2 {
            continue;
        }
        let port = |k: usize| routes[k].first().map_or(0.0, |p| p.x);
        crate::sort::sort_by(list, |&a, &b| port(a).total_cmp(&port(b)).then(a.cmp(&b)));
        for (i, &k) in list.iter().enumerate() {
            along[k] = STAGGER[i % 2];
        }
    }
    (0..g.edges.len())
        .map(|k| {
            g.edges[k]
                .labelled
                .then(|| place(&routes[k], back[k], along[k]))
                .flatten()
        })
        .collect()
}

/// The anchor on one route, `along` of the way down its first run between ranks.
pub(crate) fn place(points: &[Point], is_back_edge: bool, along: f64) -> Option<Point> {
    // Forward routes start [port, stub end, ...]; back-edges [port, drop, lane foot, lane top, ...].
    let (segment, t) = if is_back_edge { (2, 0.5) } else { (1, along) };
    match (points.get(segment), points.get(segment + 1)) {
        (Some(a), Some(b)) => Some(lerp(*a, *b, t)),
        _ => halfway(points),
    }
}

fn lerp(a: Point, b: Point, t: f64) -> Point {
    Point {
        x: a.x + (b.x - a.x) * t,
        y: a.y + (b.y - a.y) * t,
    }
}

/// The point halfway along a polyline, by length; for routes of unusual shape.
fn halfway(points: &[Point]) -> Option<Point> {
    let length = |a: &Point, b: &Point| libm::hypot(b.x - a.x, b.y - a.y);
    let total: f64 = points.windows(2).map(|w| length(&w[0], &w[1])).sum();
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let d = length(&w[0], &w[1]);
        if d > 0.0 && left <= d {
            return Some(lerp(w[0], w[1], left / d));
        }
        left -= d;
    }
    points.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_labels_sit_on_the_first_run_between_ranks() {
        let pts = [
            Point { x: 0.0, y: 0.0 },
            Point { x: 0.0, y: 10.0 },
            Point { x: 40.0, y: 50.0 },
            Point { x: 40.0, y: 60.0 },
        ];
        assert_eq!(place(&pts, false, 0.5), Some(Point { x: 20.0, y: 30.0 }));
    }

    #[test]
    fn short_routes_fall_back_to_halfway() {
        let pts = [Point { x: 0.0, y: 0.0 }, Point { x: 0.0, y: 10.0 }];
        assert_eq!(place(&pts, false, 0.5), Some(Point { x: 0.0, y: 5.0 }));
        assert_eq!(place(&[], false, 0.5), None);
    }
}
