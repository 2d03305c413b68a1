//! Layered auto-layout of a state-machine graph, as a flat list of named passes.
//!
//! | pass | file | does |
//! |---|---|---|
//! | 0 | `prepare.rs` | index nodes, drop dangling edges, clamp sizes, split into scopes |
//! | 1 | `acyclic.rs` | find loop back-edges by a depth-first search from the Start |
//! | 2 | `rank.rs` | longest-path ranks; End markers sink to the bottom |
//! | 3 | `dummies.rs` | split long edges into one-rank segments |
//! | 4 | `order.rs` | barycenter sweeps against crossings |
//! | 5 | `position.rs` | x by ordered least squares, y by rank bands |
//! | 6 | `route.rs` | polylines through dummies; back-edges up a right-hand lane |
//! | 7 | `labels.rs` | where edge labels go |
//! | 8 | `containers.rs` | lanes innermost first, containers grown, absolute placement |
//!
//! Passes 1–7 run once per scope (`scope.rs`): the top level and each Parallel branch or
//! Map processor. The layout is pure and deterministic: equal input gives equal output,
//! bit for bit, and no input makes it panic.

mod acyclic;
mod containers;
mod dummies;
mod labels;
mod order;
mod position;
mod prepare;
mod rank;
mod route;
mod scope;
mod types;
mod view;

pub use types::{
    ContainerBox, ContainerRef, EdgeKind, EdgeRoute, Layout, LayoutEdge, LayoutInput, LayoutNode,
    LayoutOptions, NodeBox, NodeKind, Point, Rect, MAX_CONTAINER_DEPTH,
};
pub use view::Transform;

/// Lays out `input` with the default spacing.
pub fn layout(input: &LayoutInput) -> Layout {
    layout_with(input, &LayoutOptions::default())
}

/// Lays out `input` with the given spacing (non-finite or negative values fall back to the defaults).
pub fn layout_with(input: &LayoutInput, options: &LayoutOptions) -> Layout {
    let options = sanitise(options);
    let prepared = prepare::prepare(input);
    containers::lay_out_all(&prepared, &options)
}

/// Largest spacing accepted, so sums of many gaps stay finite.
const MAX_SPACING: f64 = 1.0e4;
/// Smallest gap between ranks: room for two stubs and a run between them.
const MIN_RANK_SEP: f64 = 8.0;

fn sanitise(o: &LayoutOptions) -> LayoutOptions {
    let d = LayoutOptions::default();
    let pick = |v: f64, fallback: f64| {
        if v.is_finite() && v >= 0.0 {
            v.min(MAX_SPACING)
        } else {
            fallback
        }
    };
    let rank_sep = pick(o.rank_sep, d.rank_sep).max(MIN_RANK_SEP);
    LayoutOptions {
        node_sep: pick(o.node_sep, d.node_sep),
        edge_sep: pick(o.edge_sep, d.edge_sep),
        rank_sep,
        label_sep: pick(o.label_sep, d.label_sep),
        // Stubs above and below one gap must not meet, so the run between them, where
        // labels go, always has a length and edges never turn upwards.
        port_stub: pick(o.port_stub, d.port_stub).clamp(1.0, rank_sep / 2.0 - 1.0),
        // A loop's lane must stand clear of the boxes it passes.
        back_edge_sep: pick(o.back_edge_sep, d.back_edge_sep).max(1.0),
        container_header: pick(o.container_header, d.container_header),
        container_padding: pick(o.container_padding, d.container_padding),
        lane_padding: pick(o.lane_padding, d.lane_padding),
    }
}
