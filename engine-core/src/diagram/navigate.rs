//! Keyboard movement between the boxes of a drawn diagram: along edges up and down,
//! to the nearest neighbour left and right.

use super::Diagram;
use crate::layout::{ContainerRef, Layout, NodeBox};

/// An arrow key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

fn boxed(layout: &Layout, id: usize) -> Option<&NodeBox> {
    layout.nodes.iter().find(|b| b.id == id)
}

fn is_state(d: &Diagram, id: usize) -> bool {
    d.nodes.get(id).is_some_and(|n| n.state.is_some())
}

/// The state the arrow key moves to from state `from`, if any.
///
/// Down follows the first outgoing edge to a state (a Parallel or Map with none enters its
/// first lane's start); Up follows the first incoming edge from a state (a lane's start
/// with none goes up to its Parallel or Map); Left and Right go to the nearest box whose
/// middle lies within this box's height band, else the nearest one on that side.
pub fn navigate(d: &Diagram, layout: &Layout, from: usize, dir: Direction) -> Option<usize> {
    if !is_state(d, from) {
        return None;
    }
    let parent = d.input.nodes.get(from).and_then(|n| n.parent);
    match dir {
        Direction::Down => d
            .edges
            .iter()
            .find(|e| e.from == from && is_state(d, e.to))
            .map(|e| e.to)
            .or_else(|| lane_start(d, from)),
        Direction::Up => d
            .edges
            .iter()
            .find(|e| e.to == from && is_state(d, e.from))
            .map(|e| e.from)
            .or(parent.map(|p| p.node)),
        Direction::Left | Direction::Right => sideways(d, layout, from, dir == Direction::Right),
    }
}

/// The start state of lane 0 of container `id` (or its first state).
fn lane_start(d: &Diagram, id: usize) -> Option<usize> {
    let lane0 = Some(ContainerRef { node: id, lane: 0 });
    let mut members = d
        .nodes
        .iter()
        .filter(|n| d.input.nodes.get(n.id).is_some_and(|l| l.parent == lane0));
    let first = members.clone().next().map(|n| n.id);
    members.find(|n| n.is_start).map(|n| n.id).or(first)
}

/// Whether container `outer` holds `inner`, directly or deeper.
fn encloses(d: &Diagram, outer: usize, inner: usize) -> bool {
    let mut at = inner;
    // Bounded by the node count, so a malformed parent chain cannot loop.
    for _ in 0..d.input.nodes.len() {
        match d.input.nodes.get(at).and_then(|n| n.parent) {
            Some(p) if p.node == outer => return true,
            Some(p) => at = p.node,
            None => return false,
        }
    }
    false
}

fn sideways(d: &Diagram, layout: &Layout, from: usize, right: bool) -> Option<usize> {
    let here = boxed(layout, from)?;
    let (cx, cy) = (here.x + here.width / 2.0, here.y + here.height / 2.0);
    let mut same_band: Option<(f64, usize)> = None;
    let mut anywhere: Option<(f64, usize)> = None;
    for b in &layout.nodes {
        if b.id == from || !is_state(d, b.id) || encloses(d, b.id, from) {
            continue;
        }
        let (bx, by) = (b.x + b.width / 2.0, b.y + b.height / 2.0);
        let dx = if right { bx - cx } else { cx - bx };
        if dx <= 0.0 {
            continue;
        }
        let dy = by - cy;
        let in_band = by >= here.y && by <= here.y + here.height;
        let (slot, score) = if in_band {
            (&mut same_band, dx)
        } else {
            (&mut anywhere, dx * dx + 4.0 * dy * dy)
        };
        if slot.is_none_or(|(s, _)| score < s) {
            *slot = Some((score, b.id));
        }
    }
    same_band.or(anywhere).map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::diagram;
    use crate::graph::StateGraph;
    use crate::json::parse_value;
    use crate::layout::layout;

    fn setup(text: &str) -> (Diagram, Layout) {
        let d = diagram(&StateGraph::from_definition(&parse_value(text).unwrap()));
        let l = layout(&d.input);
        (d, l)
    }

    fn id(d: &Diagram, name: &str) -> usize {
        d.nodes
            .iter()
            .find(|n| n.state.is_some() && n.name == name)
            .unwrap()
            .id
    }

    const MACHINE: &str = r#"{"StartAt": "A", "States": {
      "A": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "B"}], "Default": "C"},
      "B": {"Type": "Pass", "Next": "P"},
      "C": {"Type": "Pass", "Next": "P"},
      "P": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}},
        {"StartAt": "Y", "States": {"Y": {"Type": "Pass", "End": true}}}
      ]}
    }}"#;

    #[test]
    fn up_and_down_follow_edges_and_enter_and_leave_containers() {
        let (d, l) = setup(MACHINE);
        let go = |from: &str, dir| navigate(&d, &l, id(&d, from), dir);
        assert_eq!(go("A", Direction::Down), Some(id(&d, "B")));
        assert_eq!(go("B", Direction::Down), Some(id(&d, "P")));
        assert_eq!(go("P", Direction::Down), Some(id(&d, "X")));
        assert_eq!(go("X", Direction::Up), Some(id(&d, "P")));
        assert_eq!(go("C", Direction::Up), Some(id(&d, "A")));
        // The Start marker is not a state: nothing above A, nothing below a branch end.
        assert_eq!(go("A", Direction::Up), None);
        assert_eq!(go("X", Direction::Down), None);
    }

    #[test]
    fn left_and_right_reach_the_neighbour_on_that_side() {
        let (d, l) = setup(MACHINE);
        let go = |from: &str, dir| navigate(&d, &l, id(&d, from), dir);
        // B (the first rule) is left of C (the Default) in the same rank.
        assert_eq!(go("B", Direction::Right), Some(id(&d, "C")));
        assert_eq!(go("C", Direction::Left), Some(id(&d, "B")));
        assert_eq!(go("X", Direction::Right), Some(id(&d, "Y")));
        assert_eq!(go("Y", Direction::Left), Some(id(&d, "X")));
        assert_eq!(go("Y", Direction::Right), None);
    }

    #[test]
    fn markers_and_unknown_ids_go_nowhere() {
        let (d, l) = setup(MACHINE);
        assert_eq!(navigate(&d, &l, 0, Direction::Down), None);
        assert_eq!(navigate(&d, &l, 999, Direction::Left), None);
    }
}
