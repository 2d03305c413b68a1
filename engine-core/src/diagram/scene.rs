//! A definition drawn: the diagram and its layout together, and where each diagnostic's
//! pointer lands on it.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{diagram, Diagram, DiagramEdge};
use crate::graph::{ScopeId, StateGraph};
use crate::json::Value;
use crate::layout::{layout, EdgeRoute, Layout, NodeBox};

/// Everything the canvas draws for one definition.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub diagram: Diagram,
    pub layout: Layout,
    /// What the graph alone shows is wrong: transitions to missing states, states the
    /// start never reaches, loops with no way out.
    pub findings: Vec<Finding>,
}

/// One problem the graph shows, addressed by JSON Pointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub pointer: String,
    pub is_error: bool,
    pub message: String,
}

/// The graph's own findings, scope by scope.
pub fn findings(g: &StateGraph) -> Vec<Finding> {
    let mut out = Vec::new();
    for d in &g.dangling {
        let field = d.pointer.rsplit('/').next().unwrap_or("");
        let field = if field.chars().all(|c| c.is_ascii_digit()) {
            "Next"
        } else {
            field
        };
        let message = match &d.target {
            Some(t) => format!("{field} names \"{t}\", which is not a state here"),
            None => format!("{field} is not a state name"),
        };
        out.push(Finding {
            pointer: d.pointer.clone(),
            is_error: true,
            message,
        });
    }
    for s in 0..g.scopes.len() {
        let scope = ScopeId(s);
        if g.start_of(scope).is_some() {
            for n in g.unreachable(scope) {
                out.push(Finding {
                    pointer: g.node(n).pointer.clone(),
                    is_error: false,
                    message: "StartAt never leads here".to_string(),
                });
            }
        }
        for members in g.cycles_without_exit(scope) {
            for n in members {
                out.push(Finding {
                    pointer: g.node(n).pointer.clone(),
                    is_error: false,
                    message: "in a loop with no way out".to_string(),
                });
            }
        }
    }
    out
}

impl Scene {
    /// Graph, diagram and layout of `def`, whatever its shape.
    pub fn from_definition(def: &Value) -> Scene {
        let graph = StateGraph::from_definition(def);
        let diagram = diagram(&graph);
        let layout = layout(&diagram.input);
        Scene {
            diagram,
            layout,
            findings: findings(&graph),
        }
    }

    /// The placed box of node `id`.
    pub fn node_box(&self, id: usize) -> Option<&NodeBox> {
        // Boxes come in input order with dense ids, so the index is the id; checked anyway.
        match self.layout.nodes.get(id) {
            Some(b) if b.id == id => Some(b),
            _ => self.layout.nodes.iter().find(|b| b.id == id),
        }
    }

    /// Each drawn edge with its route, in diagram order.
    pub fn routed_edges(&self) -> Vec<(&DiagramEdge, &EdgeRoute)> {
        self.diagram
            .edges
            .iter()
            .filter_map(|e| {
                self.layout
                    .edges
                    .iter()
                    .find(|r| r.from == e.from && r.to == e.to && r.kind == e.kind)
                    .map(|r| (e, r))
            })
            .collect()
    }

    /// The node a JSON Pointer falls in: the state whose pointer is the longest prefix of
    /// it (a diagnostic on `/States/A/Next` marks A; one on a branch state marks that state).
    pub fn node_for_pointer(&self, pointer: &str) -> Option<usize> {
        self.diagram
            .nodes
            .iter()
            .filter(|n| n.state.is_some() && within(pointer, &n.pointer))
            .max_by_key(|n| n.pointer.len())
            .map(|n| n.id)
    }

    /// The worst mark per node for a list of `(pointer, is_error)` diagnostics.
    pub fn marks<'a>(
        &self,
        diagnostics: impl IntoIterator<Item = (&'a str, bool)>,
    ) -> BTreeMap<usize, Mark> {
        let mut out = BTreeMap::new();
        for (pointer, is_error) in diagnostics {
            if let Some(id) = self.node_for_pointer(pointer) {
                let m: &mut Mark = out.entry(id).or_default();
                if is_error {
                    m.errors += 1;
                } else {
                    m.warnings += 1;
                }
            }
        }
        out
    }
}

/// Diagnostics counted on one node.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    pub errors: usize,
    pub warnings: usize,
}

/// Whether `pointer` is `prefix` or lies below it.
fn within(pointer: &str, prefix: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    #[test]
    fn pointers_land_on_the_innermost_state_holding_them() {
        let def = parse_value(
            r#"{"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Next": "PX", "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]},
              "PX": {"Type": "Pass", "End": true}
            }}"#,
        )
        .unwrap();
        let s = Scene::from_definition(&def);
        let id = |name: &str| s.diagram.nodes.iter().find(|n| n.name == name).unwrap().id;
        assert_eq!(
            s.node_for_pointer("/States/P/Branches/0/States/A/Type"),
            Some(id("A"))
        );
        assert_eq!(s.node_for_pointer("/States/P/Branches/0"), Some(id("P")));
        assert_eq!(s.node_for_pointer("/States/PX/End"), Some(id("PX")));
        assert_eq!(s.node_for_pointer("/StartAt"), None);
        let marks = s.marks([
            ("/States/PX", true),
            ("/States/PX/End", false),
            ("/States/P", false),
            ("/Comment", true),
        ]);
        assert_eq!(marks.len(), 2);
        assert_eq!(
            marks[&id("PX")],
            Mark {
                errors: 1,
                warnings: 1
            }
        );
        assert_eq!(
            marks[&id("P")],
            Mark {
                errors: 0,
                warnings: 1
            }
        );
        assert_eq!(s.routed_edges().len(), s.diagram.edges.len());
        assert_eq!(s.node_box(id("A")).map(|b| b.id), Some(id("A")));
        assert!(s.findings.is_empty());
    }

    #[test]
    fn the_graph_finds_missing_targets_unreachable_states_and_endless_loops() {
        let def = parse_value(
            r#"{"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Next": "Gone"},
              "B": {"Type": "Pass", "Next": "C"},
              "C": {"Type": "Pass", "Next": "B"},
              "D": {"Type": "Task", "Resource": "r", "End": true, "Catch": [{"ErrorEquals": ["X"], "Next": 4}]}
            }}"#,
        )
        .unwrap();
        let s = Scene::from_definition(&def);
        let got: Vec<(&str, bool)> = s
            .findings
            .iter()
            .map(|f| (f.pointer.as_str(), f.is_error))
            .collect();
        assert_eq!(
            got,
            [
                ("/States/A/Next", true),
                ("/States/D/Catch/0/Next", true),
                ("/States/B", false),
                ("/States/C", false),
                ("/States/D", false),
                ("/States/B", false),
                ("/States/C", false),
            ]
        );
        assert!(s.findings[0].message.contains("\"Gone\""));
        let marks = s.marks(s.findings.iter().map(|f| (f.pointer.as_str(), f.is_error)));
        let a = s.diagram.nodes.iter().find(|n| n.name == "A").unwrap().id;
        assert_eq!(
            marks[&a],
            Mark {
                errors: 1,
                warnings: 0
            }
        );
    }
}
