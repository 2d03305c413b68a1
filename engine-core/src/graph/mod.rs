//! The state machine as a petgraph graph: one node per state (branch and processor states
//! included, linked to their Parallel or Map), one edge per transition.
//!
//! | file | does |
//! |---|---|
//! | `types.rs` | `StateNode`, `EdgeKind`, `Scope`, `Dangling` |
//! | `build.rs` | `StateGraph::from_definition`, tolerant of any input |
//! | `analysis.rs` | starts, reachability, terminal states, loops with no way out |
//!
//! Built from the runtime `json::Value`, so it serves the validator, the studio's diagram
//! and the CLI alike. Transitions are read from the fields as written (`Next`, `Default`,
//! `Choices[i].Next`, `Catch[i].Next`) whatever the state's `Type`; branches are read from
//! a Parallel's `Branches`, the processor from a Map's `ItemProcessor` (or `Iterator`).

mod analysis;
mod build;
mod types;

pub use build::MAX_NESTING;
pub use petgraph::graph::NodeIndex;
pub use types::{Dangling, DanglingKind, EdgeKind, Scope, ScopeId, StateNode};

use alloc::vec::Vec;
use petgraph::graph::DiGraph;

use crate::json::Value;

/// A machine's states and transitions, scope by scope.
#[derive(Clone, Debug)]
pub struct StateGraph {
    /// Nodes in definition order, a scope's states before its branches' states.
    pub graph: DiGraph<StateNode, EdgeKind>,
    /// Scope 0 is the top level; the others in the order their Parallel or Map appears.
    pub scopes: Vec<Scope>,
    /// Transitions (and `StartAt`s) naming no state of their scope.
    pub dangling: Vec<Dangling>,
}

impl StateGraph {
    /// Builds the graph of `def`; never fails: what cannot be read is left out.
    pub fn from_definition(def: &Value) -> StateGraph {
        build::build(def)
    }

    /// The state at `index`.
    pub fn node(&self, index: NodeIndex) -> &StateNode {
        &self.graph[index]
    }

    /// Every state, in node order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &StateNode)> {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }

    /// The state whose pointer is `pointer`.
    pub fn find_pointer(&self, pointer: &str) -> Option<NodeIndex> {
        self.nodes()
            .find(|(_, n)| n.pointer == pointer)
            .map(|(i, _)| i)
    }

    /// The scopes a Parallel or Map holds (its branches, or its processor), in lane order.
    pub fn scopes_of(&self, owner: NodeIndex) -> Vec<ScopeId> {
        (0..self.scopes.len())
            .filter(|&i| self.scopes[i].owner == Some(owner))
            .map(ScopeId)
            .collect()
    }
}

#[cfg(test)]
mod tests;
