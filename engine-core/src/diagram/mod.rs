//! From a `StateGraph` to what the studio draws: the layout's input (boxes sized to
//! their text) plus, per node and edge, the words shown on it. Pure and deterministic.
//!
//! | file | does |
//! |---|---|
//! | `build.rs` | nodes, sizes, details, tooltips; transitions and their labels |
//! | `service.rs` | a Task's service from its `Resource` |
//! | `rule.rs` | Choice rule and Catcher labels |
//! | `text.rs` | text width estimate, wrapping, ellipsis |
//! | `scene.rs` | diagram plus layout; diagnostics' pointers onto nodes |
//! | `svg/` | the scene as escaped SVG markup, full detail where it is looked at |
//! | `navigate.rs` | arrow-key movement between boxes |
//! | `drop.rs` | what lies under a dragged item: an edge (as an insert position) or a box |
//! | `gesture.rs` | drag-to-pan and two-pointer pinch as transform steps |
//! | `viewport.rs` | zoom about a point, pan, the minimap's view rectangle |
//!
//! What is drawn as an edge: every transition whose target exists in its scope (`Next`,
//! `Default`, each Choice rule's `Next`, each Catcher's `Next`), one from the Start marker
//! to the top-level `StartAt` state, and one from each top-level terminal state (`End:
//! true`, Succeed, Fail) to the End marker. Branch and processor starts are shown by
//! nesting the states inside their Parallel or Map, not by edges.

mod build;
pub mod drop;
pub mod gesture;
pub mod navigate;
pub mod rule;
mod scene;
pub mod svg;
pub mod service;
pub mod text;
pub mod viewport;

use alloc::string::String;
use alloc::vec::Vec;

pub use build::diagram;
pub use scene::{Mark, Scene};
pub use service::{task_service, IntegrationPattern, TaskService};

use crate::graph::NodeIndex;
use crate::layout::{ContainerRef, EdgeKind, LayoutInput, NodeKind};

/// Sizes the studio draws with, in CSS pixels at zoom 1.
pub mod metrics {
    /// Font size of a state's name.
    pub const NAME_FONT: f64 = 13.0;
    /// Font size of the detail line under the name and of edge labels.
    pub const DETAIL_FONT: f64 = 11.0;
    /// Height of one line of the name.
    pub const LINE_HEIGHT: f64 = 17.0;
    /// Height of the detail line.
    pub const DETAIL_HEIGHT: f64 = 14.0;
    /// Space left and right of the text inside a box.
    pub const PAD_X: f64 = 12.0;
    /// Space above the name and below the detail line.
    pub const PAD_Y: f64 = 8.0;
    /// Narrowest state box.
    pub const MIN_WIDTH: f64 = 120.0;
    /// Widest line of text before a name wraps.
    pub const MAX_TEXT_WIDTH: f64 = 240.0;
    /// Size of the Start and End markers.
    pub const MARKER_WIDTH: f64 = 56.0;
    pub const MARKER_HEIGHT: f64 = 26.0;
    /// Height of a Parallel's or Map's title strip (the layout's `container_header`).
    pub const CONTAINER_HEADER: f64 = 32.0;
    /// Narrowest Parallel or Map.
    pub const CONTAINER_MIN_WIDTH: f64 = 160.0;
}

/// One box: a state, or the Start or End marker.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramNode {
    /// The layout id, equal to this node's index in `Diagram::nodes`.
    pub id: usize,
    /// The state drawn; `None` for a marker.
    pub state: Option<NodeIndex>,
    pub kind: NodeKind,
    /// The state's name (`Start` / `End` for the markers).
    pub name: String,
    /// The state's JSON Pointer; empty for a marker.
    pub pointer: String,
    /// The state's `Type` as written (empty when missing).
    pub state_type: String,
    /// The name as drawn, wrapped; joined they give `name`.
    pub name_lines: Vec<String>,
    /// The line under the name: the Task's service, a Choice's rule count, ...
    pub detail: String,
    /// Everything about the node in words: name, type, service, resource, comment.
    pub tooltip: String,
    /// For a Task whose `Resource` has a known form.
    pub service: Option<TaskService>,
    /// The `StartAt` state of its scope.
    pub is_start: bool,
    /// A terminal state: `End: true`, Succeed or Fail.
    pub is_end: bool,
}

/// One drawn edge.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// The label drawn (shortened).
    pub label: Option<String>,
    /// The label in full, for a tooltip.
    pub title: Option<String>,
}

/// One lane of a Parallel or Map: a branch or the item processor.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramLane {
    /// The container's node id and the lane's number.
    pub at: ContainerRef,
    /// The pointer of the lane's machine object (`/States/P/Branches/1`, `/States/M/ItemProcessor`).
    pub pointer: String,
    /// Whether it holds no state yet (drawn as a box to drop the first one into).
    pub empty: bool,
}

/// The drawing's content; `input` is what `layout::layout` takes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diagram {
    pub nodes: Vec<DiagramNode>,
    pub edges: Vec<DiagramEdge>,
    /// Every lane, in scope order.
    pub lanes: Vec<DiagramLane>,
    pub input: LayoutInput,
}

impl Diagram {
    /// The lane drawn as `at`.
    pub fn lane(&self, at: ContainerRef) -> Option<&DiagramLane> {
        self.lanes.iter().find(|l| l.at == at)
    }
}

impl Diagram {
    /// The node drawing the state at `pointer`.
    pub fn node_at(&self, pointer: &str) -> Option<&DiagramNode> {
        self.nodes
            .iter()
            .find(|n| n.state.is_some() && n.pointer == pointer)
    }

    /// The edge drawn from `from` to `to` as `kind` (unique: a state has one edge per kind).
    pub fn edge(&self, from: usize, to: usize, kind: EdgeKind) -> Option<&DiagramEdge> {
        self.edges
            .iter()
            .find(|e| e.from == from && e.to == to && e.kind == kind)
    }
}
