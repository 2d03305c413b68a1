//! Pass 7, label positions: where a Choice rule's condition or a Catch's error names go.
//!
//! A forward edge's label sits halfway along its first run between ranks, right under
//! its source: the gap there was widened for labels, it holds no boxes, and the labels of
//! a Choice's fan-out land side by side in reading order. A back-edge's label sits
//! halfway up its lane, right of the drawing.

use super::types::Point;

/// Runs the pass for one route.
pub(crate) fn place(points: &[Point], is_back_edge: bool) -> Option<Point> {
    // Forward routes start [port, stub end, ...]; back-edges [port, drop, lane foot, lane top, ...].
    let segment = if is_back_edge { 2 } else { 1 };
    match (points.get(segment), points.get(segment + 1)) {
        (Some(a), Some(b)) => Some(midpoint(*a, *b)),
        _ => halfway(points),
    }
}

fn midpoint(a: Point, b: Point) -> Point {
    Point { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 }
}

/// The point halfway along a polyline, by length; for routes of unusual shape.
fn halfway(points: &[Point]) -> Option<Point> {
    let length = |a: &Point, b: &Point| libm::hypot(b.x - a.x, b.y - a.y);
    let total: f64 = points.windows(2).map(|w| length(&w[0], &w[1])).sum();
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let d = length(&w[0], &w[1]);
        if d > 0.0 && left <= d {
            let t = left / d;
            return Some(Point { x: w[0].x + (w[1].x - w[0].x) * t, y: w[0].y + (w[1].y - w[0].y) * t });
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
        assert_eq!(place(&pts, false), Some(Point { x: 20.0, y: 30.0 }));
    }

    #[test]
    fn short_routes_fall_back_to_halfway() {
        let pts = [Point { x: 0.0, y: 0.0 }, Point { x: 0.0, y: 10.0 }];
        assert_eq!(place(&pts, false), Some(Point { x: 0.0, y: 5.0 }));
        assert_eq!(place(&[], false), None);
    }
}
