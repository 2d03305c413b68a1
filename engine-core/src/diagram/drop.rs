//! What lies under the pointer while something is dragged over the drawing: an edge (the
//! transition it draws, as an insert [`Position`]), an empty branch or processor, or a
//! state's box. Edges win within a tolerance, so a drop between two boxes lands on the
//! arrow joining them.

use alloc::format;

use super::{DiagramEdge, Scene};
use crate::asl::edit::Position;
use crate::layout::{ContainerRef, EdgeKind, NodeKind, Point};

/// The thing under the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropSpot {
    /// The n-th edge of `Diagram::edges`.
    Edge(usize),
    /// The box of node `id` (a state; markers are never a spot).
    Node(usize),
    /// The n-th lane of `Layout::containers`, one holding no state yet.
    Lane(usize),
}

/// The transition `edge` draws, as the position a state inserted on it takes: a state's
/// `Next`, `Default`, a rule's or catcher's `Next`, the top-level `StartAt`, or, for the
/// edge into the End marker, after the terminal state. `None` for an edge nothing can go on
/// (into End from a Succeed or Fail).
pub fn edge_position(scene: &Scene, edge: &DiagramEdge) -> Option<Position> {
    let from = scene.diagram.nodes.get(edge.from)?;
    let slot = |rest: &str| Some(Position::Edge(format!("{}{rest}", from.pointer)));
    match edge.kind {
        EdgeKind::Start => Some(Position::Edge("/StartAt".into())),
        EdgeKind::Next => slot("/Next"),
        EdgeKind::Default => slot("/Default"),
        EdgeKind::ChoiceRule(i) => slot(&format!("/Choices/{i}/Next")),
        EdgeKind::Catch(i) => slot(&format!("/Catch/{i}/Next")),
        EdgeKind::End => (!matches!(from.kind, NodeKind::Succeed | NodeKind::Fail))
            .then(|| Position::After(from.pointer.clone())),
    }
}

/// Where a drop into the n-th lane of `Layout::containers` lands: first in it, when it
/// holds no state yet.
pub fn lane_position(scene: &Scene, i: usize) -> Option<Position> {
    let c = scene.layout.containers.get(i)?;
    let lane = scene.diagram.lane(ContainerRef {
        node: c.node,
        lane: c.lane,
    })?;
    lane.empty.then(|| Position::Start(lane.pointer.clone()))
}

/// The spot at `at` (drawing coordinates): the nearest edge within `tolerance`, else an
/// empty lane holding the point, else the innermost state box holding it.
pub fn drop_spot(scene: &Scene, at: Point, tolerance: f64) -> Option<DropSpot> {
    let nearest_edge = scene
        .routed_edges()
        .into_iter()
        .enumerate()
        .filter(|(_, (e, _))| edge_position(scene, e).is_some())
        .map(|(i, (_, route))| (i, distance_to_polyline(at, &route.points)))
        .filter(|&(_, d)| d <= tolerance)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((i, _)) = nearest_edge {
        return Some(DropSpot::Edge(i));
    }
    let empty_lane = scene.layout.containers.iter().enumerate().find(|(i, c)| {
        at.x >= c.x
            && at.x <= c.x + c.width
            && at.y >= c.y
            && at.y <= c.y + c.height
            && lane_position(scene, *i).is_some()
    });
    if let Some((i, _)) = empty_lane {
        return Some(DropSpot::Lane(i));
    }
    box_at(scene, at).map(DropSpot::Node)
}

/// The innermost state box holding `at` (a transition's new target, a drop's box).
pub fn box_at(scene: &Scene, at: Point) -> Option<usize> {
    scene
        .layout
        .nodes
        .iter()
        .filter(|b| {
            scene
                .diagram
                .nodes
                .get(b.id)
                .is_some_and(|n| n.state.is_some())
        })
        .filter(|b| at.x >= b.x && at.x <= b.x + b.width && at.y >= b.y && at.y <= b.y + b.height)
        .min_by(|a, b| (a.width * a.height).total_cmp(&(b.width * b.height)))
        .map(|b| b.id)
}

/// Shortest distance from `p` to a polyline.
fn distance_to_polyline(p: Point, points: &[Point]) -> f64 {
    points
        .windows(2)
        .map(|w| distance_to_segment(p, w[0], w[1]))
        .fold(f64::INFINITY, f64::min)
}

fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    libm::sqrt(cx * cx + cy * cy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn scene(text: &str) -> Scene {
        Scene::from_definition(&parse_value(text).unwrap())
    }

    fn centre_of(s: &Scene, id: usize) -> Point {
        let b = s.node_box(id).unwrap();
        Point {
            x: b.x + b.width / 2.0,
            y: b.y + b.height / 2.0,
        }
    }

    fn id(s: &Scene, name: &str) -> usize {
        s.diagram
            .nodes
            .iter()
            .find(|n| n.name == name && n.state.is_some())
            .unwrap()
            .id
    }

    /// The middle of the route of the edge `from`→`to`.
    fn on_edge(s: &Scene, from: usize, to: usize) -> (usize, Point) {
        let (i, (_, r)) = s
            .routed_edges()
            .into_iter()
            .enumerate()
            .find(|(_, (e, _))| e.from == from && e.to == to)
            .unwrap();
        let (a, b) = (r.points[0], r.points[r.points.len() - 1]);
        (
            i,
            Point {
                x: (a.x + b.x) / 2.0,
                y: (a.y + b.y) / 2.0,
            },
        )
    }

    const CHAIN: &str = r#"{"StartAt": "A", "States": {
      "A": {"Type": "Pass", "Next": "C"},
      "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "BooleanEquals": true, "Next": "B"}], "Default": "F"},
      "B": {"Type": "Pass", "End": true},
      "F": {"Type": "Fail"}
    }}"#;

    #[test]
    fn edges_are_the_slots_they_draw() {
        let s = scene(CHAIN);
        let slot = |from: &str, to: &str| {
            let e =
                s.diagram.edges.iter().find(|e| {
                    s.diagram.nodes[e.from].name == from && s.diagram.nodes[e.to].name == to
                });
            edge_position(&s, e.unwrap())
        };
        let edge = |p: &str| Some(Position::Edge(p.into()));
        assert_eq!(slot("Start", "A"), edge("/StartAt"));
        assert_eq!(slot("A", "C"), edge("/States/A/Next"));
        assert_eq!(slot("C", "B"), edge("/States/C/Choices/0/Next"));
        assert_eq!(slot("C", "F"), edge("/States/C/Default"));
        assert_eq!(slot("B", "End"), Some(Position::After("/States/B".into())));
        assert_eq!(slot("F", "End"), None, "nothing goes after a Fail");
    }

    #[test]
    fn the_pointer_finds_edges_first_then_the_innermost_box() {
        let s = scene(CHAIN);
        let (a, c) = (id(&s, "A"), id(&s, "C"));
        let (i, mid) = on_edge(&s, a, c);
        assert_eq!(drop_spot(&s, mid, 8.0), Some(DropSpot::Edge(i)));
        assert_eq!(
            drop_spot(&s, centre_of(&s, a), 8.0),
            Some(DropSpot::Node(a))
        );
        let far = Point {
            x: -500.0,
            y: -500.0,
        };
        assert_eq!(drop_spot(&s, far, 8.0), None);
        // The Start marker is a box but never a spot.
        assert_eq!(drop_spot(&s, centre_of(&s, 0), 0.0), None);

        let nested = scene(
            r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}]}}}"#,
        );
        let (p, x) = (id(&nested, "P"), id(&nested, "X"));
        assert_eq!(
            drop_spot(&nested, centre_of(&nested, x), 0.0),
            Some(DropSpot::Node(x))
        );
        let pb = nested.node_box(p).unwrap();
        let header = Point {
            x: pb.x + 4.0,
            y: pb.y + 4.0,
        };
        assert_eq!(drop_spot(&nested, header, 0.0), Some(DropSpot::Node(p)));
    }

    #[test]
    fn empty_branches_and_processors_are_drop_targets() {
        let s = scene(
            r#"{"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Next": "M", "Branches": [
                {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}},
                {"StartAt": "", "States": {}}]},
              "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "", "States": {}}}}}"#,
        );
        // Every lane is drawn, the empty ones with room for a state.
        assert_eq!(s.layout.containers.len(), 3);
        let spots: alloc::vec::Vec<_> = (0..3).map(|i| lane_position(&s, i)).collect();
        assert_eq!(
            spots,
            [
                None,
                Some(Position::Start("/States/P/Branches/1".into())),
                Some(Position::Start("/States/M/ItemProcessor".into())),
            ]
        );
        for i in [1, 2] {
            let c = s.layout.containers[i];
            assert!(c.width >= 120.0 && c.height >= 48.0);
            let middle = Point {
                x: c.x + c.width / 2.0,
                y: c.y + c.height / 2.0,
            };
            assert_eq!(drop_spot(&s, middle, 0.0), Some(DropSpot::Lane(i)));
        }
        // The lane holding X is not a target of its own: X's box is.
        let x = id(&s, "X");
        assert_eq!(
            drop_spot(&s, centre_of(&s, x), 0.0),
            Some(DropSpot::Node(x))
        );
        // The lanes sit inside their containers, side by side.
        let p = s.node_box(id(&s, "P")).unwrap();
        let (a, b) = (s.layout.containers[0], s.layout.containers[1]);
        assert!(a.x + a.width <= b.x && b.x + b.width <= p.x + p.width);
    }

    #[test]
    fn distance_to_a_segment_is_measured_to_its_nearest_point() {
        let (a, b) = (Point { x: 0.0, y: 0.0 }, Point { x: 10.0, y: 0.0 });
        assert_eq!(distance_to_segment(Point { x: 5.0, y: 3.0 }, a, b), 3.0);
        assert_eq!(distance_to_segment(Point { x: 13.0, y: 4.0 }, a, b), 5.0);
        assert_eq!(
            distance_to_polyline(Point { x: 1.0, y: 1.0 }, &[a]),
            f64::INFINITY
        );
    }
}
