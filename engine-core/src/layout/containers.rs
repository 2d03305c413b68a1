//! Pass 8, containers: lay scopes out innermost first, grow each Parallel and Map to hold
//! its lanes side by side, then place every scope at its absolute position.
//!
//! Nesting is handled by ordering scopes by depth, not by recursion, so a deep input
//! costs loops, never stack.

use alloc::vec;
use alloc::vec::Vec;

use super::prepare::Prepared;
use super::route;
use super::scope::{self, LocalEdge, ScopeGraph, ScopeLayout};
use super::types::{ContainerBox, EdgeRoute, Layout, LayoutOptions, NodeBox, Point, Rect};

/// The content size of a lane holding no state: about one state box.
const EMPTY_LANE: (f64, f64) = (120.0, 48.0);

/// A container's lanes relative to its own top-left corner, and where each lane's
/// content starts inside it.
#[derive(Clone, Debug, Default)]
struct Frame {
    lanes: Vec<(usize, Rect, Point)>,
}

/// Runs the pass and assembles the final `Layout`.
pub(crate) fn lay_out_all(p: &Prepared, o: &LayoutOptions) -> Layout {
    let mut sizes: Vec<(f64, f64)> = p.nodes.iter().map(|n| (n.width, n.height)).collect();
    let mut frames: Vec<Frame> = vec![Frame::default(); p.nodes.len()];
    let mut layouts: Vec<ScopeLayout> = vec![ScopeLayout::default(); p.scopes.len()];
    let mut local = vec![0usize; p.nodes.len()];

    let mut innermost_first: Vec<usize> = (0..p.scopes.len()).collect();
    crate::sort::sort_by_key(&mut innermost_first, |&s| (core::cmp::Reverse(p.scopes[s].depth), s));
    for &s in &innermost_first {
        let scope = &p.scopes[s];
        for (i, &n) in scope.members.iter().enumerate() {
            local[n] = i;
            if !p.nodes[n].lanes.is_empty() {
                let (size, frame) = frame_lanes(&p.nodes[n].lanes, &layouts, sizes[n], o);
                sizes[n] = size;
                frames[n] = frame;
            }
        }
        let g = ScopeGraph {
            sizes: scope.members.iter().map(|&n| sizes[n]).collect(),
            kinds: scope.members.iter().map(|&n| p.nodes[n].kind).collect(),
            edges: scope
                .edges
                .iter()
                .map(|&k| {
                    let e = &p.edges[k];
                    LocalEdge {
                        from: local[e.from],
                        to: local[e.to],
                        kind: e.kind,
                        labelled: e.labelled,
                    }
                })
                .collect(),
        };
        layouts[s] = scope::lay_out(&g, o);
        if scope.members.is_empty() && scope.owner.is_some() {
            // An empty lane keeps room for a first state to be dropped in.
            layouts[s].width = EMPTY_LANE.0;
            layouts[s].height = EMPTY_LANE.1;
        }
    }

    // Outermost first: a scope's origin is known before its containers' lanes need it.
    let mut origin = vec![Point::default(); p.scopes.len()];
    let mut boxes = vec![Rect::default(); p.nodes.len()];
    let mut containers = Vec::new();
    for &s in innermost_first.iter().rev() {
        let at = origin[s];
        for (i, &n) in p.scopes[s].members.iter().enumerate() {
            let b = layouts[s].boxes[i];
            boxes[n] = Rect {
                x: at.x + b.x,
                y: at.y + b.y,
                ..b
            };
            for &(lane_scope, lane, content) in &frames[n].lanes {
                origin[lane_scope] = Point {
                    x: boxes[n].x + content.x,
                    y: boxes[n].y + content.y,
                };
                let lane_no = p.scopes[lane_scope].owner.map_or(0, |(_, l)| l);
                containers.push((
                    n,
                    ContainerBox {
                        node: p.nodes[n].id,
                        lane: lane_no,
                        x: boxes[n].x + lane.x,
                        y: boxes[n].y + lane.y,
                        width: lane.width,
                        height: lane.height,
                    },
                ));
            }
        }
    }
    // Lanes listed by their container's input order, then lane number.
    crate::sort::sort_by_key(&mut containers, |(n, c)| (*n, c.lane));

    let mut next_in_scope = vec![0usize; p.scopes.len()];
    let mut scope_of_edge = vec![None; p.edges.len()];
    for (s, scope) in p.scopes.iter().enumerate() {
        for &k in &scope.edges {
            scope_of_edge[k] = Some(s);
        }
    }
    let edges = p
        .edges
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let (points, label_at, is_back_edge) = match scope_of_edge[k] {
                Some(s) => {
                    let r = &layouts[s].routes[next_in_scope[s]];
                    next_in_scope[s] += 1;
                    let shift = |q: Point| Point {
                        x: q.x + origin[s].x,
                        y: q.y + origin[s].y,
                    };
                    (
                        r.points.iter().map(|&q| shift(q)).collect(),
                        r.label_at.map(shift),
                        r.is_back_edge,
                    )
                }
                None => {
                    let (points, back) =
                        route::across_scopes(boxes[e.from], boxes[e.to], o.port_stub);
                    let label = super::labels::place(&points, false, 0.5);
                    (points, label, back)
                }
            };
            let label_at = if e.labelled { label_at } else { None };
            EdgeRoute {
                from: p.nodes[e.from].id,
                to: p.nodes[e.to].id,
                kind: e.kind,
                points,
                label_at,
                is_back_edge,
            }
        })
        .collect();

    let nodes = p
        .nodes
        .iter()
        .zip(&boxes)
        .map(|(n, b)| NodeBox {
            id: n.id,
            x: b.x,
            y: b.y,
            width: b.width,
            height: b.height,
        })
        .collect();
    let mut out = Layout {
        nodes,
        containers: containers.into_iter().map(|(_, c)| c).collect(),
        edges,
        width: layouts[0].width,
        height: layouts[0].height,
    };
    fit_origin(&mut out);
    out
}

/// Routes between scopes may stray above or left of the top-level drawing; shift
/// everything so the drawing starts at the origin and `width`/`height` cover it all.
fn fit_origin(l: &mut Layout) {
    let b = l.bounds();
    let (dx, dy) = ((-b.x).max(0.0), (-b.y).max(0.0));
    if dx > 0.0 || dy > 0.0 {
        let shift = |p: &mut Point| {
            p.x += dx;
            p.y += dy;
        };
        for n in &mut l.nodes {
            n.x += dx;
            n.y += dy;
        }
        for c in &mut l.containers {
            c.x += dx;
            c.y += dy;
        }
        for e in &mut l.edges {
            e.points
                .iter_mut()
                .chain(e.label_at.iter_mut())
                .for_each(shift);
        }
    }
    l.width = (l.width + dx).max(b.x + dx + b.width);
    l.height = (l.height + dy).max(b.y + dy + b.height);
}

/// Sizes a container around its laid-out lanes: a title strip, then the lanes side by
/// side at one common height, centred if the container's own minimum is wider.
fn frame_lanes(
    lanes: &[usize],
    layouts: &[ScopeLayout],
    min: (f64, f64),
    o: &LayoutOptions,
) -> ((f64, f64), Frame) {
    let inner_h = lanes.iter().map(|&s| layouts[s].height).fold(0.0, f64::max);
    let lane_h = inner_h + 2.0 * o.lane_padding;
    let row: f64 = lanes
        .iter()
        .map(|&s| layouts[s].width + 2.0 * o.lane_padding)
        .sum::<f64>()
        + o.container_padding * (lanes.len().saturating_sub(1)) as f64;
    let width = min.0.max(row + 2.0 * o.container_padding);
    let height = min.1.max(o.container_header + lane_h + o.container_padding);
    let mut x = (width - row) / 2.0;
    let mut frame = Frame::default();
    for &s in lanes {
        let lane_w = layouts[s].width + 2.0 * o.lane_padding;
        let lane = Rect {
            x,
            y: o.container_header,
            width: lane_w,
            height: lane_h,
        };
        let content = Point {
            x: x + o.lane_padding,
            y: o.container_header + o.lane_padding,
        };
        frame.lanes.push((s, lane, content));
        x += lane_w + o.container_padding;
    }
    ((width, height), frame)
}
