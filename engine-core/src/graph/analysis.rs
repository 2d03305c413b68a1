//! Questions the validator and the studio ask of a scope: where it starts, what its start
//! reaches, where it may end, and which loops can never be left.

use alloc::collections::BTreeSet;
use alloc::vec::Vec;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::types::{EdgeKind, ScopeId};
use super::StateGraph;
use crate::json::Value;

impl StateGraph {
    /// The state the scope's `StartAt` names, if it exists.
    pub fn start_of(&self, scope: ScopeId) -> Option<NodeIndex> {
        self.scopes.get(scope.0).and_then(|s| s.start)
    }

    /// The scope's states in definition order.
    pub fn states_in(&self, scope: ScopeId) -> &[NodeIndex] {
        self.scopes.get(scope.0).map_or(&[], |s| &s.states)
    }

    /// A state's transitions to states of its own scope, in definition order
    /// (`Next`, the Choice rules, `Default`, the Catchers).
    pub fn transitions(&self, node: NodeIndex) -> Vec<(EdgeKind, NodeIndex)> {
        self.outgoing(node)
            .into_iter()
            .filter(|(k, _)| k.is_transition())
            .collect()
    }

    /// Every edge leaving `node`, transitions and branch/processor starts, in the order built.
    pub fn outgoing(&self, node: NodeIndex) -> Vec<(EdgeKind, NodeIndex)> {
        let mut edges: Vec<_> = self.graph.edges(node).collect();
        crate::sort::sort_by_key(&mut edges, |e| e.id());
        edges.iter().map(|e| (*e.weight(), e.target())).collect()
    }

    /// The states of `scope` that its start reaches by transitions (the start included);
    /// empty when `StartAt` names no state.
    pub fn reachable_from_start(&self, scope: ScopeId) -> BTreeSet<NodeIndex> {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<NodeIndex> = self.start_of(scope).into_iter().collect();
        while let Some(n) = stack.pop() {
            if seen.insert(n) {
                stack.extend(self.transitions(n).into_iter().map(|(_, to)| to));
            }
        }
        seen
    }

    /// The states of `scope` its start never reaches, in definition order.
    pub fn unreachable(&self, scope: ScopeId) -> Vec<NodeIndex> {
        let reached = self.reachable_from_start(scope);
        self.states_in(scope)
            .iter()
            .copied()
            .filter(|n| !reached.contains(n))
            .collect()
    }

    /// Whether the state ends its scope: `"End": true`, or a Succeed or Fail state.
    pub fn is_terminal(&self, node: NodeIndex) -> bool {
        let n = &self.graph[node];
        matches!(n.state_type.as_str(), "Succeed" | "Fail")
            || n.definition.get("End").and_then(Value::as_bool) == Some(true)
    }

    /// The terminal states of `scope`, in definition order.
    pub fn terminal_states(&self, scope: ScopeId) -> Vec<NodeIndex> {
        self.states_in(scope)
            .iter()
            .copied()
            .filter(|&n| self.is_terminal(n))
            .collect()
    }

    /// Loops in `scope` that can never be left: strongly connected sets of states (a single
    /// state only when it names itself) with no transition to a state outside the set and
    /// no terminal state inside it. Each loop lists its states in definition order; the
    /// loops come in the order of their first state. A transition to a missing state is
    /// not a way out.
    pub fn cycles_without_exit(&self, scope: ScopeId) -> Vec<Vec<NodeIndex>> {
        let states = self.states_in(scope);
        // A compact graph of the scope alone, with indices local to it.
        let mut local: DiGraph<(), ()> = DiGraph::with_capacity(states.len(), states.len());
        let mut index_of = alloc::collections::BTreeMap::new();
        for (i, &n) in states.iter().enumerate() {
            local.add_node(());
            index_of.insert(n, i);
        }
        for (i, &n) in states.iter().enumerate() {
            for (_, to) in self.transitions(n) {
                if let Some(&j) = index_of.get(&to) {
                    local.add_edge(NodeIndex::new(i), NodeIndex::new(j), ());
                }
            }
        }
        let mut loops: Vec<Vec<NodeIndex>> = Vec::new();
        // Kosaraju walks with an explicit stack: Tarjan recurses once per state and overflows on long chains.
        for component in kosaraju_scc(&local) {
            // `extend` inserts one by one; `collect` would add a copy of the stable sort.
            let mut members = BTreeSet::new();
            members.extend(component.iter().map(|n| n.index()));
            let first = component[0];
            let is_loop = members.len() > 1 || local.contains_edge(first, first);
            let leaves = members.iter().any(|&i| {
                local
                    .neighbors(NodeIndex::new(i))
                    .any(|t| !members.contains(&t.index()))
            });
            let ends = members.iter().any(|&i| self.is_terminal(states[i]));
            if is_loop && !leaves && !ends {
                loops.push(members.into_iter().map(|i| states[i]).collect());
            }
        }
        crate::sort::sort_by(&mut loops, |a, b| a.cmp(b));
        loops
    }
}
