//! What the layout reads and what it returns: plain data, no geometry logic.

use alloc::string::String;
use alloc::vec::Vec;

/// A graph to lay out: states (and Start/End markers) and the transitions between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayoutInput {
    pub nodes: Vec<LayoutNode>,
    pub edges: Vec<LayoutEdge>,
    /// Lanes drawn although no node sits in them (a new branch, an empty processor), so
    /// there is a box to drop a first state into.
    pub empty_lanes: Vec<ContainerRef>,
}

/// One box to place. `width`/`height` are the box's size as the studio draws it; for a
/// container (Parallel, Map) they are a minimum, grown to fit its children.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutNode {
    pub id: usize,
    pub label: String,
    pub kind: NodeKind,
    pub width: f64,
    pub height: f64,
    /// The container lane this node sits in; `None` for the top level.
    pub parent: Option<ContainerRef>,
}

/// A state's `Type`, plus the Start and End markers the studio draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    Task,
    Pass,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
    Start,
    End,
}

impl NodeKind {
    /// Parallel and Map hold other states.
    pub fn is_container(self) -> bool {
        matches!(self, NodeKind::Parallel | NodeKind::Map)
    }
}

/// A lane of a container: one of a Parallel's `Branches`, or a Map's `ItemProcessor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContainerRef {
    /// The id of the Parallel or Map node.
    pub node: usize,
    /// The branch index; 0 for a Map's processor.
    pub lane: usize,
}

/// A transition from one node to another.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub label: Option<String>,
}

/// Why a transition exists, in ASL's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    Next,
    Default,
    /// The n-th entry of a Choice state's `Choices`.
    ChoiceRule(usize),
    /// The n-th entry of a state's `Catch`.
    Catch(usize),
    Start,
    End,
}

/// A point in layout coordinates: x grows right, y grows down.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned rectangle, top-left corner plus size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Where a node was placed (top-left corner and size, containers grown to fit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeBox {
    pub id: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// One lane inside a container node: a Parallel branch or a Map processor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ContainerBox {
    pub node: usize,
    pub lane: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The drawn path of one input edge.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeRoute {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// A polyline from the source box's boundary to the target box's boundary.
    pub points: Vec<Point>,
    /// Where to centre the edge's label, when it has one.
    pub label_at: Option<Point>,
    /// A loop edge (or self-loop), routed up the right-hand side.
    pub is_back_edge: bool,
}

/// The whole drawing: boxes in input order, lanes, one route per drawable input edge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub nodes: Vec<NodeBox>,
    pub containers: Vec<ContainerBox>,
    pub edges: Vec<EdgeRoute>,
    pub width: f64,
    pub height: f64,
}

/// Spacing knobs, in layout units (the studio draws 1 unit = 1 CSS pixel at zoom 1).
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Horizontal gap between neighbouring boxes in a rank.
    pub node_sep: f64,
    /// Horizontal gap beside an edge passing through a rank.
    pub edge_sep: f64,
    /// Vertical gap between ranks.
    pub rank_sep: f64,
    /// Extra vertical gap below a rank whose outgoing edges carry labels.
    pub label_sep: f64,
    /// Length of the straight vertical piece where an edge meets a box.
    pub port_stub: f64,
    /// Horizontal distance between the right-hand lanes of back-edges.
    pub back_edge_sep: f64,
    /// Height of a container's title strip above its lanes.
    pub container_header: f64,
    /// Space between a container's frame and its lanes, and between lanes.
    pub container_padding: f64,
    /// Space between a lane's frame and the boxes inside it.
    pub lane_padding: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            node_sep: 40.0,
            edge_sep: 16.0,
            rank_sep: 48.0,
            label_sep: 20.0,
            port_stub: 10.0,
            back_edge_sep: 14.0,
            container_header: 32.0,
            container_padding: 12.0,
            lane_padding: 16.0,
        }
    }
}

/// Containers nested deeper than this are laid out at the top level instead.
pub const MAX_CONTAINER_DEPTH: usize = 32;
