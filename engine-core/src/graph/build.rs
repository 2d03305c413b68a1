//! Building the graph from a definition, whatever shape it is in: missing fields, wrong
//! types and names that lead nowhere are skipped (and the latter recorded), never fatal.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use petgraph::graph::{DiGraph, NodeIndex};

use super::types::{Dangling, DanglingKind, EdgeKind, Scope, ScopeId, StateNode};
use super::StateGraph;
use crate::json::{Map, Value};

/// Branches and processors nested deeper than this are not read (a hostile paste must
/// not exhaust the stack).
pub const MAX_NESTING: usize = 32;

/// RFC 6901 escaping of one reference token.
pub(crate) fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

struct Builder {
    graph: DiGraph<StateNode, EdgeKind>,
    scopes: Vec<Scope>,
    dangling: Vec<Dangling>,
}

pub(super) fn build(def: &Value) -> StateGraph {
    let mut b = Builder {
        graph: DiGraph::new(),
        scopes: Vec::new(),
        dangling: Vec::new(),
    };
    b.scope(def, String::new(), None, 0, 0);
    StateGraph {
        graph: b.graph,
        scopes: b.scopes,
        dangling: b.dangling,
    }
}

fn text<'v>(state: &'v Value, key: &str) -> Option<&'v str> {
    state.get(key).and_then(Value::as_str)
}

impl Builder {
    /// Adds the scope held by `machine` (an object with `StartAt` and `States`), its states,
    /// their transitions and, recursively, their branches and processors.
    fn scope(
        &mut self,
        machine: &Value,
        pointer: String,
        owner: Option<NodeIndex>,
        lane: usize,
        depth: usize,
    ) -> ScopeId {
        let id = ScopeId(self.scopes.len());
        let start_at = text(machine, "StartAt").map(str::to_string);
        self.scopes.push(Scope {
            owner,
            lane,
            pointer: pointer.clone(),
            start_at: start_at.clone(),
            start: None,
            states: Vec::new(),
        });
        let empty = Map::default();
        let states = machine
            .get("States")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let mut members: Vec<(NodeIndex, &Value)> = Vec::with_capacity(states.len());
        for (name, state) in states {
            let node = self.graph.add_node(StateNode {
                name: name.to_string(),
                pointer: format!("{pointer}/States/{}", escape_token(name)),
                state_type: text(state, "Type").unwrap_or_default().to_string(),
                parent: owner,
                scope: id,
                definition: state.clone(),
            });
            members.push((node, state));
        }
        self.scopes[id.0].states = members.iter().map(|(n, _)| *n).collect();
        let find = |name: &str| states.get_index_of(name).map(|i| members[i].0);

        let start = start_at.as_deref().and_then(find);
        self.scopes[id.0].start = start;
        if start.is_none() {
            self.dangling.push(Dangling {
                from: owner,
                scope: id,
                kind: DanglingKind::StartAt,
                target: start_at,
                pointer: format!("{pointer}/StartAt"),
            });
        }

        for &(node, state) in &members {
            let at = self.graph[node].pointer.clone();
            for (kind, field, target) in transitions(state, &at) {
                match target.as_deref().and_then(find) {
                    Some(to) => {
                        self.graph.add_edge(node, to, kind);
                    }
                    None => self.dangling.push(Dangling {
                        from: Some(node),
                        scope: id,
                        kind: DanglingKind::Edge(kind),
                        target,
                        pointer: field,
                    }),
                }
            }
        }

        if depth < MAX_NESTING {
            for &(node, state) in &members {
                self.children(node, state, depth);
            }
        }
        id
    }

    /// Adds the branches of a Parallel or the processor of a Map, with edges into their starts.
    fn children(&mut self, node: NodeIndex, state: &Value, depth: usize) {
        let at = self.graph[node].pointer.clone();
        match text(state, "Type") {
            Some("Parallel") => {
                let branches = state.get("Branches").and_then(Value::as_array);
                for (i, branch) in branches.into_iter().flatten().enumerate() {
                    let ptr = format!("{at}/Branches/{i}");
                    let scope = self.scope(branch, ptr, Some(node), i, depth + 1);
                    if let Some(start) = self.scopes[scope.0].start {
                        self.graph.add_edge(node, start, EdgeKind::BranchStart(i));
                    }
                }
            }
            Some("Map") => {
                let found = ["ItemProcessor", "Iterator"]
                    .into_iter()
                    .find_map(|k| state.get(k).map(|v| (k, v)));
                if let Some((key, processor)) = found {
                    let scope =
                        self.scope(processor, format!("{at}/{key}"), Some(node), 0, depth + 1);
                    if let Some(start) = self.scopes[scope.0].start {
                        self.graph.add_edge(node, start, EdgeKind::ProcessorStart);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A state's outgoing transitions as written: kind, pointer to the field, target name
/// (`None` when the field is there but not a string).
fn transitions(state: &Value, at: &str) -> Vec<(EdgeKind, String, Option<String>)> {
    let mut out = Vec::new();
    let mut field = |kind, ptr: String, v: Option<&Value>| {
        if let Some(v) = v {
            out.push((kind, ptr, v.as_str().map(str::to_string)));
        }
    };
    field(EdgeKind::Next, format!("{at}/Next"), state.get("Next"));
    if let Some(rules) = state.get("Choices").and_then(Value::as_array) {
        for (i, rule) in rules.iter().enumerate() {
            field(
                EdgeKind::ChoiceRule(i),
                format!("{at}/Choices/{i}/Next"),
                rule.get("Next"),
            );
        }
    }
    field(
        EdgeKind::Default,
        format!("{at}/Default"),
        state.get("Default"),
    );
    if let Some(catchers) = state.get("Catch").and_then(Value::as_array) {
        for (i, catcher) in catchers.iter().enumerate() {
            field(
                EdgeKind::Catch(i),
                format!("{at}/Catch/{i}/Next"),
                catcher.get("Next"),
            );
        }
    }
    out
}
