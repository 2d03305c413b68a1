//! The flow between states, read from `crate::graph`: transitions to missing states or
//! into another scope, unreachable states, scopes without a terminal state, and loops
//! that can never be left.

use super::names::AllNames;
use super::MAX_MACHINE_DEPTH;
use super::{codes, Checker};
use crate::asl::view::{child_pointer, Json, State};
use crate::graph::{DanglingKind, EdgeKind, ScopeId, StateGraph};
use crate::json::tree::{NodeId, Span};
use crate::json::Value;
use crate::Map;
use alloc::collections::BTreeMap;
use alloc::format;

/// Check the flow of every scope of the document.
pub fn check(c: &mut Checker, root: NodeId, states: &[State], all: &AllNames) {
    let graph = StateGraph::from_definition(&skeleton(Json::new(c.doc, root), 0));
    // `extend` inserts one by one; `collect` would add a copy of the stable sort.
    let mut name_span: BTreeMap<&str, Span> = BTreeMap::new();
    name_span.extend(states.iter().map(|s| (s.pointer.as_str(), s.name_span)));
    let span_of = |c: &Checker, pointer: &str| {
        name_span
            .get(pointer)
            .copied()
            .or_else(|| c.doc.resolve(pointer).map(|id| c.doc.node(id).span))
            .unwrap_or_default()
    };
    for d in &graph.dangling {
        let Some(target) = &d.target else { continue };
        let field = match d.kind {
            DanglingKind::StartAt => "StartAt",
            DanglingKind::Edge(EdgeKind::Default) => "Default",
            DanglingKind::Edge(_) => "Next",
        };
        let span = span_of(c, &d.pointer);
        if all.contains(target.as_str()) {
            c.error(
                codes::TRANSITION_OUT_OF_SCOPE,
                d.pointer.clone(),
                span,
                format!(
                    "'{field}' target '{target}' is in another scope: no transition may enter or leave a Parallel branch or Map processor"
                ),
            );
        } else {
            c.error(
                codes::MISSING_TRANSITION_TARGET,
                d.pointer.clone(),
                span,
                format!("Missing '{field}' target: {target}"),
            );
        }
    }
    for (i, scope) in graph.scopes.iter().enumerate() {
        let id = ScopeId(i);
        if scope.states.is_empty() {
            continue;
        }
        if scope.start.is_some() {
            for n in graph.unreachable(id) {
                let node = graph.node(n);
                c.error(
                    codes::UNREACHABLE_STATE,
                    node.pointer.clone(),
                    span_of(c, &node.pointer),
                    format!("State \"{}\" is not reachable.", node.name),
                );
            }
        }
        if graph.terminal_states(id).is_empty() {
            let pointer = child_pointer(&scope.pointer, "States");
            let span = span_of(c, &pointer);
            c.error(
                codes::MISSING_END_STATE,
                pointer,
                span,
                "No terminal state: add 'End: true', a Succeed or a Fail state".into(),
            );
        }
        for cycle in graph.cycles_without_exit(id) {
            let Some(first) = cycle.first() else { continue };
            let node = graph.node(*first);
            let names: alloc::vec::Vec<&str> =
                cycle.iter().map(|n| graph.node(*n).name.as_str()).collect();
            c.warning(
                codes::LOOP_WITHOUT_EXIT,
                node.pointer.clone(),
                span_of(c, &node.pointer),
                format!(
                    "These states loop forever, with no way out: {}",
                    names.join(", ")
                ),
            );
        }
    }
}

/// The fields the graph reads (`StartAt`, `States`, `Type`, `Next`, `End`, `Default`,
/// `Choices[i].Next`, `Catch[i].Next`, `Branches`, `ItemProcessor`/`Iterator`), as a
/// runtime value: converting the whole document would cost more than the checks.
fn skeleton(machine: Json, depth: usize) -> Value {
    let mut m = Map::default();
    if let Some(f) = machine.get("StartAt") {
        m.insert("StartAt".into(), scalar(f.value));
    }
    if let Some(f) = machine.get("States") {
        let mut states = Map::default();
        for s in f.value.fields() {
            states.insert(s.key.into(), state_skeleton(s.value, depth));
        }
        m.insert("States".into(), Value::from(states));
    }
    Value::from(m)
}

fn state_skeleton(state: Json, depth: usize) -> Value {
    let mut m = Map::default();
    for f in state.fields() {
        let v = match f.key {
            "Type" | "Next" | "End" | "Default" => scalar(f.value),
            "Choices" | "Catch" => Value::array(
                f.value
                    .items()
                    .map(|item| {
                        let mut rule = Map::default();
                        if let Some(next) = item.get("Next") {
                            rule.insert("Next".into(), scalar(next.value));
                        }
                        Value::from(rule)
                    })
                    .collect(),
            ),
            "Branches" if depth < MAX_MACHINE_DEPTH => {
                Value::array(f.value.items().map(|b| skeleton(b, depth + 1)).collect())
            }
            "ItemProcessor" | "Iterator" if depth < MAX_MACHINE_DEPTH => {
                skeleton(f.value, depth + 1)
            }
            _ => continue,
        };
        m.insert(f.key.into(), v);
    }
    Value::from(m)
}

/// Strings and booleans as they are; anything else as `null` (the graph only reads those two).
fn scalar(v: Json) -> Value {
    if let Some(s) = v.as_str() {
        Value::from(s)
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else {
        Value::Null
    }
}
