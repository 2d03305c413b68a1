//! A definition drawn: the diagram and its layout together, and where each diagnostic's
//! pointer lands on it.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

use super::{diagram, Diagram, DiagramEdge};
use crate::graph::StateGraph;
use crate::json::Value;
use crate::layout::{layout, EdgeRoute, Layout, NodeBox};

/// Everything the canvas draws for one definition.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub diagram: Diagram,
    pub layout: Layout,
}

impl Scene {
    /// Graph, diagram and layout of `def`, whatever its shape.
    pub fn from_definition(def: &Value) -> Scene {
        let diagram = diagram(&StateGraph::from_definition(def));
        let layout = layout(&diagram.input);
        Scene { diagram, layout }
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
        let same =
            |e: &DiagramEdge, r: &EdgeRoute| r.from == e.from && r.to == e.to && r.kind == e.kind;
        let (edges, routes) = (&self.diagram.edges, &self.layout.edges);
        // The layout keeps its input's edge order and drops none of ours: pair them up,
        // and search only if that ever stops being so.
        if edges.len() == routes.len() && edges.iter().zip(routes).all(|(e, r)| same(e, r)) {
            return edges.iter().zip(routes).collect();
        }
        edges
            .iter()
            .filter_map(|e| routes.iter().find(|r| same(e, r)).map(|r| (e, r)))
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
    }
}
