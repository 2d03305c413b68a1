//! The diagram's nodes and edges, in a fixed order: the Start marker, the states in graph
//! order, the End marker; the Start edge, then each state's transitions and End edge.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::metrics::*;
use super::rule::{catch_text, rule_text, shorten};
use super::service::task_service;
use super::text::{ellipsize, text_width, wrap};
use super::{Diagram, DiagramEdge, DiagramLane, DiagramNode};
use crate::graph::{self, NodeIndex, ScopeId, StateGraph, StateNode};
use crate::json::Value;
use crate::layout::{ContainerRef, EdgeKind, LayoutEdge, LayoutNode, NodeKind};

/// The layout kind drawing a state `Type`; an unknown or missing type is drawn as a Pass.
fn kind_of(state_type: &str) -> NodeKind {
    match state_type {
        "Task" => NodeKind::Task,
        "Choice" => NodeKind::Choice,
        "Wait" => NodeKind::Wait,
        "Succeed" => NodeKind::Succeed,
        "Fail" => NodeKind::Fail,
        "Parallel" => NodeKind::Parallel,
        "Map" => NodeKind::Map,
        _ => NodeKind::Pass,
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The detail line of a state that is not a Task.
fn detail_of(node: &StateNode, g: &StateGraph, index: NodeIndex) -> String {
    let def = &node.definition;
    let len = |key: &str| def.get(key).and_then(Value::as_array).map(Vec::len);
    match node.state_type.as_str() {
        "" => "(no Type)".to_string(),
        "Choice" => format!(
            "Choice · {}",
            count(len("Choices").unwrap_or(0), "rule", "rules")
        ),
        "Parallel" => format!(
            "Parallel · {}",
            count(g.scopes_of(index).len(), "branch", "branches")
        ),
        "Wait" => match def.get("Seconds").and_then(Value::as_number) {
            Some(n) => format!("Wait · {n} s"),
            None => "Wait".to_string(),
        },
        "Fail" => match def.get("Error").and_then(Value::as_str) {
            Some(e) => format!("Fail · {e}"),
            None => "Fail".to_string(),
        },
        other => other.to_string(),
    }
}

/// Builds the diagram of `g`.
pub fn diagram(g: &StateGraph) -> Diagram {
    let mut d = Diagram::default();
    let top_start = g.start_of(ScopeId::TOP);
    let starts: Vec<Option<NodeIndex>> = g.scopes.iter().map(|s| s.start).collect();
    let top_ends: Vec<NodeIndex> = g.terminal_states(ScopeId::TOP);

    if top_start.is_some() {
        push_marker(&mut d, NodeKind::Start, "Start");
    }
    // Layout id of each state, by graph index.
    let first_state = d.nodes.len();
    let id_of = |i: NodeIndex| first_state + i.index();
    for (index, node) in g.nodes() {
        push_state(&mut d, g, index, node, &starts, id_of);
    }
    let end = (!top_ends.is_empty()).then(|| push_marker(&mut d, NodeKind::End, "End"));
    for scope in &g.scopes {
        let Some(owner) = scope.owner else { continue };
        let at = ContainerRef {
            node: id_of(owner),
            lane: scope.lane,
        };
        let empty = scope.states.is_empty();
        if empty {
            d.input.empty_lanes.push(at);
        }
        d.lanes.push(DiagramLane {
            at,
            pointer: scope.pointer.clone(),
            empty,
        });
    }

    if let Some(s) = top_start {
        push_edge(&mut d, 0, id_of(s), EdgeKind::Start, None);
    }
    for (index, node) in g.nodes() {
        for (kind, to) in g.transitions(index) {
            let (kind, text) = edge_of(node, kind);
            push_edge(&mut d, id_of(index), id_of(to), kind, text);
        }
        if let (Some(end), true) = (end, node.scope == ScopeId::TOP && g.is_terminal(index)) {
            push_edge(&mut d, id_of(index), end, EdgeKind::End, None);
        }
    }
    d
}

fn push_marker(d: &mut Diagram, kind: NodeKind, name: &str) -> usize {
    let id = d.nodes.len();
    d.nodes.push(DiagramNode {
        id,
        state: None,
        kind,
        name: name.to_string(),
        pointer: String::new(),
        state_type: String::new(),
        name_lines: alloc::vec![name.to_string()],
        detail: String::new(),
        tooltip: name.to_string(),
        service: None,
        is_start: false,
        is_end: false,
    });
    d.input.nodes.push(LayoutNode {
        id,
        label: name.to_string(),
        kind,
        width: MARKER_WIDTH,
        height: MARKER_HEIGHT,
        parent: None,
    });
    id
}

fn push_state(
    d: &mut Diagram,
    g: &StateGraph,
    index: NodeIndex,
    node: &StateNode,
    starts: &[Option<NodeIndex>],
    id_of: impl Fn(NodeIndex) -> usize,
) {
    let id = d.nodes.len();
    let kind = kind_of(&node.state_type);
    let resource = node.definition.get("Resource").and_then(Value::as_str);
    let service = match (kind, resource) {
        (NodeKind::Task, Some(r)) => task_service(r),
        _ => None,
    };
    let detail = match (&service, kind) {
        (Some(s), _) => s.label(),
        (None, NodeKind::Task) => "Task".to_string(),
        _ => detail_of(node, g, index),
    };

    let mut tooltip = format!("{}\n{}", node.name, detail);
    if let Some(r) = resource {
        tooltip = format!("{tooltip}\n{r}");
    }
    if let Some(c) = node.definition.get("Comment").and_then(Value::as_str) {
        tooltip = format!("{tooltip}\n{c}");
    }

    let (name_lines, detail, width, height) = if kind.is_container() {
        // A title strip holds one line: the box widens to fit the name and its type.
        let w = text_width(&node.name, NAME_FONT, true)
            + text_width(&detail, DETAIL_FONT, false)
            + 3.0 * PAD_X;
        (
            alloc::vec![node.name.clone()],
            detail,
            w.max(CONTAINER_MIN_WIDTH),
            CONTAINER_HEADER + 16.0,
        )
    } else {
        let lines = wrap(&node.name, MAX_TEXT_WIDTH, NAME_FONT, true);
        let detail = ellipsize(&detail, MAX_TEXT_WIDTH, DETAIL_FONT);
        let text_w = lines
            .iter()
            .map(|l| text_width(l, NAME_FONT, true))
            .chain([text_width(&detail, DETAIL_FONT, false)])
            .fold(0.0, f64::max);
        let h = 2.0 * PAD_Y + LINE_HEIGHT * lines.len() as f64 + DETAIL_HEIGHT;
        (
            lines,
            detail,
            libm::ceil((text_w + 2.0 * PAD_X).max(MIN_WIDTH)),
            h,
        )
    };

    let parent = node.parent.map(|p| ContainerRef {
        node: id_of(p),
        lane: g.scopes[node.scope.0].lane,
    });
    d.nodes.push(DiagramNode {
        id,
        state: Some(index),
        kind,
        name: node.name.clone(),
        pointer: node.pointer.clone(),
        state_type: node.state_type.clone(),
        name_lines,
        detail,
        tooltip,
        service,
        is_start: starts.get(node.scope.0).copied().flatten() == Some(index),
        is_end: g.is_terminal(index),
    });
    d.input.nodes.push(LayoutNode {
        id,
        label: node.name.clone(),
        kind,
        width: libm::ceil(width),
        height,
        parent,
    });
}

/// The layout kind and label text of one transition.
fn edge_of(node: &StateNode, kind: graph::EdgeKind) -> (EdgeKind, Option<String>) {
    let item = |key: &str, i: usize| {
        node.definition
            .get(key)
            .and_then(Value::as_array)
            .and_then(|a| a.get(i))
    };
    match kind {
        graph::EdgeKind::Next => (EdgeKind::Next, None),
        graph::EdgeKind::Default => (EdgeKind::Default, Some("Default".to_string())),
        graph::EdgeKind::ChoiceRule(i) => {
            (EdgeKind::ChoiceRule(i), item("Choices", i).map(rule_text))
        }
        graph::EdgeKind::Catch(i) => (EdgeKind::Catch(i), item("Catch", i).map(catch_text)),
        // Not transitions; `transitions` never yields them.
        graph::EdgeKind::BranchStart(_) | graph::EdgeKind::ProcessorStart => (EdgeKind::Next, None),
    }
}

fn push_edge(d: &mut Diagram, from: usize, to: usize, kind: EdgeKind, text: Option<String>) {
    let label = text.as_deref().map(shorten);
    d.input.edges.push(LayoutEdge {
        from,
        to,
        kind,
        label: label.clone(),
    });
    d.edges.push(DiagramEdge {
        from,
        to,
        kind,
        label,
        title: text,
    });
}
