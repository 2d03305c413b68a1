//! The layered layout of one scope (the top level, or one container lane), as the flat
//! list of passes it is. Coordinates are local: the scope's top-left corner is (0, 0).

use alloc::vec;
use alloc::vec::Vec;

use super::position::Spacing;
use super::types::{EdgeKind, LayoutOptions, NodeKind, Point, Rect};
use super::{acyclic, dummies, labels, order, position, rank, route};

/// One scope's graph with dense local indices; containers already at their grown size.
#[derive(Clone, Debug)]
pub(crate) struct ScopeGraph {
    /// (width, height) per node.
    pub sizes: Vec<(f64, f64)>,
    pub kinds: Vec<NodeKind>,
    pub edges: Vec<LocalEdge>,
}

/// An edge between two nodes of the scope, by local index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LocalEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub labelled: bool,
}

/// The drawn path of a local edge.
#[derive(Clone, Debug)]
pub(crate) struct Route {
    pub points: Vec<Point>,
    pub label_at: Option<Point>,
    pub is_back_edge: bool,
}

/// A laid-out scope.
#[derive(Clone, Debug, Default)]
pub(crate) struct ScopeLayout {
    pub boxes: Vec<Rect>,
    pub routes: Vec<Route>,
    pub width: f64,
    pub height: f64,
}

/// Runs every pass over one scope.
pub(crate) fn lay_out(g: &ScopeGraph, o: &LayoutOptions) -> ScopeLayout {
    if g.kinds.is_empty() {
        return ScopeLayout::default();
    }
    let back = acyclic::back_edges(g);
    let ranks = rank::longest_path(g, &back);
    let mut layered = dummies::insert(g, &ranks, &back);
    order::minimise_crossings(&mut layered);
    let spacing = Spacing {
        node_sep: o.node_sep,
        edge_sep: o.edge_sep,
    };
    let content_width = position::assign_x(&mut layered, spacing);

    // Vertical room: wider gaps under ranks whose edges carry labels, and a margin above
    // or below when a back-edge turns there.
    let depth = layered.layers.len();
    let mut gaps = vec![o.rank_sep; depth];
    let (mut top_pad, mut bottom_pad) = (0.0, 0.0);
    let margin = o.rank_sep / 2.0;
    for (k, e) in g.edges.iter().enumerate() {
        if back[k] {
            if ranks[e.to] == 0 {
                top_pad = margin;
            }
            if ranks[e.from] + 1 == depth {
                bottom_pad = margin;
            }
        } else if e.labelled {
            gaps[ranks[e.from]] = o.rank_sep + o.label_sep;
        }
    }
    let bands = position::assign_bands(&layered, &gaps, top_pad);

    let lanes = back.iter().filter(|&&b| b).count();
    let first_lane = content_width + o.back_edge_sep;
    let frame = route::RouteFrame {
        bands: &bands,
        back: &back,
        first_lane,
        lane_sep: o.back_edge_sep,
        stub: o.port_stub,
        max_offset: margin,
    };
    let points = route::edges(g, &layered, &frame);
    let anchors = labels::place_all(g, &points, &back);
    let routes = points
        .into_iter()
        .zip(anchors)
        .zip(&back)
        .map(|((points, label_at), &is_back_edge)| Route {
            points,
            label_at,
            is_back_edge,
        })
        .collect();

    let boxes = (0..g.kinds.len())
        .map(|v| route::box_of(&layered, &bands, v))
        .collect();
    let width = if lanes > 0 {
        first_lane + o.back_edge_sep * lanes as f64
    } else {
        content_width
    };
    let height = bands.bottom(depth - 1) + bottom_pad;
    ScopeLayout {
        boxes,
        routes,
        width,
        height,
    }
}
