//! Where a state dropped onto another state lands (also the keyboard's "insert after the
//! selection"): the state's first open transition (a Choice rule or Catcher without `Next`,
//! a Choice without `Default`), else its first empty branch or processor, else after it.

use super::insert::Position;
use super::scope::{state_node, type_of};
use crate::json::tree::{Document, NodeId};
use alloc::format;
use alloc::string::String;

/// The position a drop onto the state at `state` means; `None` when nothing can go there
/// (a Succeed or Fail, a Choice whose every way out is taken).
pub fn position_on(doc: &Document, state: &str) -> Option<Position> {
    let (_, node) = state_node(doc, state).ok()?;
    if let Some(slot) = open_slot(doc, state, node) {
        return Some(Position::Edge(slot));
    }
    if let Some(scope) = empty_scope(doc, state, node) {
        return Some(Position::Start(scope));
    }
    let leads_on = doc.get(node, "Next").is_some() || doc.get(node, "End").is_some();
    let can_lead = !matches!(type_of(doc, node), Some("Choice" | "Succeed" | "Fail"));
    (leads_on && can_lead).then(|| Position::After(state.into()))
}

/// The first transition of the state that names no target yet.
fn open_slot(doc: &Document, state: &str, node: NodeId) -> Option<String> {
    for list in ["Choices", "Catch"] {
        let items = doc.get(node, list).map_or(&[][..], |l| doc.items(l));
        if let Some(i) = items
            .iter()
            .position(|&item| doc.get(item, "Next").is_none())
        {
            return Some(format!("{state}/{list}/{i}/Next"));
        }
    }
    let choice = type_of(doc, node) == Some("Choice");
    (choice && doc.get(node, "Default").is_none()).then(|| format!("{state}/Default"))
}

/// The first of a Parallel's branches, or a Map's processor, holding no state.
fn empty_scope(doc: &Document, state: &str, node: NodeId) -> Option<String> {
    let is_empty = |scope: NodeId| {
        doc.get(scope, "States")
            .is_none_or(|s| doc.members(s).is_empty())
    };
    if let Some(branches) = doc.get(node, "Branches") {
        let i = doc.items(branches).iter().position(|&b| is_empty(b))?;
        return Some(format!("{state}/Branches/{i}"));
    }
    ["ItemProcessor", "Iterator"].into_iter().find_map(|key| {
        let scope = doc.get(node, key)?;
        is_empty(scope).then(|| format!("{state}/{key}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::tree::parse_document;

    fn on(text: &str, state: &str) -> Option<Position> {
        position_on(&parse_document(text), state)
    }

    #[test]
    fn open_rules_catchers_and_default_come_first() {
        let text = r#"{"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [
            {"Variable": "$.a", "BooleanEquals": true, "Next": "T"},
            {"Variable": "$.b", "BooleanEquals": true}]},
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Catch": [{"ErrorEquals": ["States.ALL"]}]},
          "D": {"Type": "Choice", "Choices": [{"Variable": "$.a", "BooleanEquals": true, "Next": "T"}]},
          "E": {"Type": "Choice", "Choices": [{"Variable": "$.a", "BooleanEquals": true, "Next": "T"}], "Default": "T"}
        }}"#;
        assert_eq!(
            on(text, "/States/C"),
            Some(Position::Edge("/States/C/Choices/1/Next".into()))
        );
        assert_eq!(
            on(text, "/States/T"),
            Some(Position::Edge("/States/T/Catch/0/Next".into()))
        );
        assert_eq!(
            on(text, "/States/D"),
            Some(Position::Edge("/States/D/Default".into()))
        );
        // A Choice with every way out taken has no single place after it.
        assert_eq!(on(text, "/States/E"), None);
    }

    #[test]
    fn empty_branches_and_processors_then_after() {
        let text = r#"{"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "M", "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
            {"StartAt": "", "States": {}}]},
          "M": {"Type": "Map", "Next": "S", "ItemProcessor": {"StartAt": "", "States": {}}},
          "S": {"Type": "Succeed"}
        }}"#;
        assert_eq!(
            on(text, "/States/P"),
            Some(Position::Start("/States/P/Branches/1".into()))
        );
        assert_eq!(
            on(text, "/States/M"),
            Some(Position::Start("/States/M/ItemProcessor".into()))
        );
        assert_eq!(
            on(text, "/States/P/Branches/0/States/A"),
            Some(Position::After("/States/P/Branches/0/States/A".into()))
        );
        assert_eq!(on(text, "/States/S"), None);
        assert_eq!(on(text, "/States/Nope"), None);
    }
}
