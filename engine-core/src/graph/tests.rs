//! Hand-written definitions, read as the ASL specification describes them.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use alloc::{format, vec};

use super::*;
use crate::json::parse_value;

fn graph(text: &str) -> StateGraph {
    StateGraph::from_definition(&parse_value(text).expect("test JSON parses"))
}

fn idx(g: &StateGraph, pointer: &str) -> NodeIndex {
    g.find_pointer(pointer)
        .unwrap_or_else(|| panic!("no state at {pointer}"))
}

fn names(g: &StateGraph, nodes: impl IntoIterator<Item = NodeIndex>) -> Vec<String> {
    nodes.into_iter().map(|n| g.node(n).name.clone()).collect()
}

/// Every edge as (from name, kind, to name), in the order built.
fn edges(g: &StateGraph) -> Vec<(String, EdgeKind, String)> {
    let mut out = Vec::new();
    for (i, n) in g.nodes() {
        for (kind, to) in g.outgoing(i) {
            out.push((n.name.clone(), kind, g.node(to).name.clone()));
        }
    }
    out
}

fn e(from: &str, kind: EdgeKind, to: &str) -> (String, EdgeKind, String) {
    (from.to_string(), kind, to.to_string())
}

const POLLER: &str = r#"{
  "StartAt": "Submit",
  "States": {
    "Submit": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Wait",
               "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Failed"},
                         {"ErrorEquals": ["States.ALL"], "Next": "Failed"}]},
    "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Status"},
    "Status": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Done?"},
    "Done?": {"Type": "Choice",
              "Choices": [{"Variable": "$.s", "StringEquals": "OK", "Next": "Ok"},
                          {"Variable": "$.s", "StringEquals": "BAD", "Next": "Failed"}],
              "Default": "Wait"},
    "Ok": {"Type": "Succeed"},
    "Failed": {"Type": "Fail", "Error": "E"}
  }
}"#;

#[test]
fn every_transition_is_an_edge_of_its_kind() {
    let g = graph(POLLER);
    assert_eq!(g.graph.node_count(), 6);
    assert_eq!(
        edges(&g),
        vec![
            e("Submit", EdgeKind::Next, "Wait"),
            e("Submit", EdgeKind::Catch(0), "Failed"),
            e("Submit", EdgeKind::Catch(1), "Failed"),
            e("Wait", EdgeKind::Next, "Status"),
            e("Status", EdgeKind::Next, "Done?"),
            e("Done?", EdgeKind::ChoiceRule(0), "Ok"),
            e("Done?", EdgeKind::ChoiceRule(1), "Failed"),
            e("Done?", EdgeKind::Default, "Wait"),
        ]
    );
    assert!(g.dangling.is_empty());
    assert_eq!(g.start_of(ScopeId::TOP), Some(idx(&g, "/States/Submit")));
    assert_eq!(g.node(idx(&g, "/States/Wait")).state_type, "Wait");
    // A loop with a way out (the Choice's rules) is not reported.
    assert!(g.cycles_without_exit(ScopeId::TOP).is_empty());
    assert_eq!(names(&g, g.terminal_states(ScopeId::TOP)), ["Ok", "Failed"]);
    assert!(g.unreachable(ScopeId::TOP).is_empty());
}

const NESTED: &str = r#"{
  "StartAt": "P",
  "States": {
    "P": {"Type": "Parallel", "Next": "M", "Branches": [
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}},
      {"StartAt": "C", "States": {"C": {"Type": "Succeed"}}}
    ]},
    "M": {"Type": "Map", "End": true, "ItemProcessor": {
      "ProcessorConfig": {"Mode": "INLINE"},
      "StartAt": "Inner", "States": {
        "Inner": {"Type": "Map", "End": true, "Iterator": {"StartAt": "Leaf", "States": {"Leaf": {"Type": "Pass", "End": true}}}}
      }
    }}
  }
}"#;

#[test]
fn branches_and_processors_are_child_scopes_with_start_edges() {
    let g = graph(NESTED);
    assert_eq!(g.graph.node_count(), 7);
    assert_eq!(g.scopes.len(), 5);
    let (p, m) = (idx(&g, "/States/P"), idx(&g, "/States/M"));
    let a = idx(&g, "/States/P/Branches/0/States/A");
    let c = idx(&g, "/States/P/Branches/1/States/C");
    let inner = idx(&g, "/States/M/ItemProcessor/States/Inner");
    let leaf = idx(
        &g,
        "/States/M/ItemProcessor/States/Inner/Iterator/States/Leaf",
    );
    assert_eq!(g.node(a).parent, Some(p));
    assert_eq!(g.node(c).parent, Some(p));
    assert_eq!(g.node(inner).parent, Some(m));
    assert_eq!(g.node(leaf).parent, Some(inner));
    assert_eq!(g.node(p).parent, None);
    assert_eq!(
        g.outgoing(p),
        vec![
            (EdgeKind::Next, m),
            (EdgeKind::BranchStart(0), a),
            (EdgeKind::BranchStart(1), c)
        ]
    );
    assert_eq!(g.outgoing(m), vec![(EdgeKind::ProcessorStart, inner)]);
    assert_eq!(g.outgoing(inner), vec![(EdgeKind::ProcessorStart, leaf)]);
    assert_eq!(g.transitions(p), vec![(EdgeKind::Next, m)]);
    let branches = g.scopes_of(p);
    assert_eq!(branches.len(), 2);
    assert_eq!(g.scopes[branches[1].0].lane, 1);
    assert_eq!(g.scopes[branches[1].0].pointer, "/States/P/Branches/1");
    assert_eq!(g.node(c).scope, branches[1]);
    // Reachability and ends stay inside a scope.
    assert_eq!(names(&g, g.reachable_from_start(ScopeId::TOP)), ["P", "M"]);
    assert_eq!(names(&g, g.reachable_from_start(branches[0])), ["A", "B"]);
    assert_eq!(names(&g, g.terminal_states(branches[0])), ["B"]);
    assert_eq!(names(&g, g.terminal_states(ScopeId::TOP)), ["M"]);
}

#[test]
fn unreachable_states_are_those_the_start_never_reaches() {
    let g = graph(
        r#"{"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "C"},
          "B": {"Type": "Pass", "Next": "C"},
          "C": {"Type": "Succeed"},
          "D": {"Type": "Pass", "Next": "D"}
        }}"#,
    );
    assert_eq!(names(&g, g.unreachable(ScopeId::TOP)), ["B", "D"]);
    // D names itself and nothing else: a loop with no way out, even though unreachable.
    assert_eq!(
        g.cycles_without_exit(ScopeId::TOP),
        vec![vec![idx(&g, "/States/D")]]
    );
}

#[test]
fn loops_with_no_exit_are_found_and_loops_with_one_are_not() {
    let g = graph(
        r#"{"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Next": "B"},
          "B": {"Type": "Wait", "Seconds": 1, "Next": "C"},
          "C": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Next": "B"},
          "X": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "Y"}], "Default": "Y"},
          "Y": {"Type": "Pass", "Next": "X"},
          "R": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Next": "S",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Out"}]},
          "S": {"Type": "Pass", "Next": "R"},
          "Out": {"Type": "Succeed"}
        }}"#,
    );
    let loops: Vec<Vec<String>> = g
        .cycles_without_exit(ScopeId::TOP)
        .into_iter()
        .map(|l| names(&g, l))
        .collect();
    // B<->C never leaves; X<->Y only ever goes round; R<->S leaves through its Catcher.
    assert_eq!(loops, vec![vec!["B", "C"], vec!["X", "Y"]]);
}

#[test]
fn a_loop_in_a_branch_is_found_in_the_branch_scope() {
    let g = graph(
        r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}}}
        ]}}}"#,
    );
    assert!(g.cycles_without_exit(ScopeId::TOP).is_empty());
    let branch = g.scopes_of(idx(&g, "/States/P"))[0];
    assert_eq!(g.cycles_without_exit(branch).len(), 1);
}

#[test]
fn dangling_and_mistyped_transitions_are_recorded_not_drawn() {
    let g = graph(
        r#"{"StartAt": "Nowhere", "States": {
          "A": {"Type": "Choice", "Choices": [{"Next": "Gone"}, {"Next": 7}, "not a rule"], "Default": "A"},
          "B": {"Type": "Task", "Next": ["A"], "Catch": [{"Next": "Missing"}, 3]},
          "C": "not a state",
          "D": {"Next": "A"}
        }}"#,
    );
    assert_eq!(g.graph.node_count(), 4);
    assert_eq!(g.start_of(ScopeId::TOP), None);
    assert!(g.reachable_from_start(ScopeId::TOP).is_empty());
    assert_eq!(g.node(idx(&g, "/States/C")).state_type, "");
    assert_eq!(g.node(idx(&g, "/States/D")).state_type, "");
    assert_eq!(
        edges(&g),
        vec![e("A", EdgeKind::Default, "A"), e("D", EdgeKind::Next, "A")]
    );
    let dangling: Vec<(Option<&str>, &str)> = g
        .dangling
        .iter()
        .map(|d| (d.target.as_deref(), d.pointer.as_str()))
        .collect();
    assert_eq!(
        dangling,
        vec![
            (Some("Nowhere"), "/StartAt"),
            (Some("Gone"), "/States/A/Choices/0/Next"),
            (None, "/States/A/Choices/1/Next"),
            (None, "/States/B/Next"),
            (Some("Missing"), "/States/B/Catch/0/Next"),
        ]
    );
    assert_eq!(g.dangling[0].kind, DanglingKind::StartAt);
    assert_eq!(
        g.dangling[1].kind,
        DanglingKind::Edge(EdgeKind::ChoiceRule(0))
    );
    // A's Default names A itself and its only rule leads nowhere: no way out.
    assert_eq!(g.cycles_without_exit(ScopeId::TOP).len(), 1);
}

#[test]
fn anything_that_is_not_a_machine_gives_an_empty_graph() {
    for text in [
        "null",
        "[]",
        "\"text\"",
        "{}",
        r#"{"States": []}"#,
        r#"{"StartAt": 1, "States": "x"}"#,
    ] {
        let g = graph(text);
        assert_eq!(g.graph.node_count(), 0, "{text}");
        assert_eq!(g.scopes.len(), 1);
        assert!(g.cycles_without_exit(ScopeId::TOP).is_empty());
        assert!(g.terminal_states(ScopeId::TOP).is_empty());
    }
    // Scopes that do not exist answer with nothing.
    let g = graph("{}");
    assert_eq!(g.start_of(ScopeId(9)), None);
    assert!(g.states_in(ScopeId(9)).is_empty());
}

#[test]
fn broken_branches_and_processors_are_tolerated() {
    let g = graph(
        r#"{"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Branches": [null, {"States": {"X": {"Type": "Pass"}}}, {"StartAt": "Y"}]},
          "M": {"Type": "Map", "ItemProcessor": 5},
          "N": {"Type": "Map"},
          "Q": {"Type": "Parallel", "Branches": {"StartAt": "Z"}}
        }}"#,
    );
    assert_eq!(g.graph.node_count(), 5);
    let p = idx(&g, "/States/P");
    assert_eq!(g.scopes_of(p).len(), 3);
    assert_eq!(g.scopes_of(idx(&g, "/States/M")).len(), 1);
    assert!(g.scopes_of(idx(&g, "/States/N")).is_empty());
    assert!(g.scopes_of(idx(&g, "/States/Q")).is_empty());
    // No branch has a start that exists, so no branch-start edge is drawn.
    assert!(g.outgoing(p).is_empty());
    assert_eq!(
        g.node(idx(&g, "/States/P/Branches/1/States/X")).parent,
        Some(p)
    );
}

#[test]
fn names_are_escaped_in_pointers() {
    let g = graph(
        r#"{"StartAt": "a/b", "States": {"a/b": {"Type": "Pass", "Next": "c~d"}, "c~d": {"Type": "Succeed"}}}"#,
    );
    assert_eq!(g.node(idx(&g, "/States/a~1b")).name, "a/b");
    assert_eq!(g.node(idx(&g, "/States/c~0d")).name, "c~d");
    assert_eq!(edges(&g), vec![e("a/b", EdgeKind::Next, "c~d")]);
}

#[test]
fn deep_nesting_stops_at_the_limit() {
    let mut text =
        String::from(r#"{"StartAt": "L", "States": {"L": {"Type": "Pass", "End": true}}}"#);
    for _ in 0..(MAX_NESTING + 8) {
        text = format!(
            r#"{{"StartAt": "P", "States": {{"P": {{"Type": "Parallel", "End": true, "Branches": [{text}]}}}}}}"#
        );
    }
    let g = graph(&text);
    assert_eq!(g.graph.node_count(), MAX_NESTING + 1);
    assert_eq!(g.scopes.len(), MAX_NESTING + 1);
}
