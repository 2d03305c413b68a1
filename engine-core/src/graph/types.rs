//! The state graph's data: nodes, edges, scopes, and the transitions that lead nowhere.

use alloc::string::String;
use alloc::vec::Vec;
use petgraph::graph::NodeIndex;

use crate::json::Value;

/// A list of states sharing one `StartAt`: the machine's top level, one of a Parallel's
/// `Branches`, or a Map's `ItemProcessor` (`Iterator` in older definitions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ScopeId(pub usize);

impl ScopeId {
    /// The machine's top level.
    pub const TOP: ScopeId = ScopeId(0);
}

/// One state of the machine.
#[derive(Clone, Debug, PartialEq)]
pub struct StateNode {
    /// The state's key in its `States` object.
    pub name: String,
    /// RFC 6901 pointer to the state, e.g. `/States/P/Branches/0/States/B`.
    pub pointer: String,
    /// The state's `Type` as written; empty when missing or not a string.
    pub state_type: String,
    /// The Parallel or Map whose branch or processor holds this state.
    pub parent: Option<NodeIndex>,
    /// The scope whose `States` object holds this state.
    pub scope: ScopeId,
    /// The state's definition (shared, not copied), for views that show more than the name.
    pub definition: Value,
}

/// Why one state may follow another, in ASL's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// The state's `Next`.
    Next,
    /// A Choice state's `Default`.
    Default,
    /// The `Next` of the n-th entry of a Choice state's `Choices`.
    ChoiceRule(usize),
    /// The `Next` of the n-th entry of a state's `Catch`.
    Catch(usize),
    /// From a Parallel to the `StartAt` state of its n-th branch.
    BranchStart(usize),
    /// From a Map to the `StartAt` state of its item processor.
    ProcessorStart,
}

impl EdgeKind {
    /// A transition between two states of the same scope (not into a branch or processor).
    pub fn is_transition(self) -> bool {
        !matches!(self, EdgeKind::BranchStart(_) | EdgeKind::ProcessorStart)
    }
}

/// A scope's place in the machine.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    /// The Parallel or Map holding this scope; `None` for the top level.
    pub owner: Option<NodeIndex>,
    /// The branch index for a Parallel; 0 for a Map's processor and the top level.
    pub lane: usize,
    /// Pointer to the object holding `StartAt` and `States` (`""` for the top level).
    pub pointer: String,
    /// `StartAt` as written, when it is a string.
    pub start_at: Option<String>,
    /// The state `StartAt` names, when it exists in this scope.
    pub start: Option<NodeIndex>,
    /// The scope's states in definition order.
    pub states: Vec<NodeIndex>,
}

/// A transition whose target is not a state of the scope (or not a string at all).
#[derive(Clone, Debug, PartialEq)]
pub struct Dangling {
    /// The state the transition leaves, or the scope's owner for a missing `StartAt` target.
    pub from: Option<NodeIndex>,
    pub scope: ScopeId,
    pub kind: DanglingKind,
    /// The name written, if the field held a string.
    pub target: Option<String>,
    /// Pointer to the field naming the target (`.../Next`, `.../StartAt`, ...).
    pub pointer: String,
}

/// Which field a dangling transition comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DanglingKind {
    /// A scope's `StartAt`.
    StartAt,
    /// A state's `Next`, `Default`, Choice rule or Catcher.
    Edge(EdgeKind),
}
