//! What the keyboard's "Move to…" and "Connect to…" offer, in words: the positions a state
//! can move to, the transitions of a state a person can point somewhere (its outlets), the
//! states those can lead to, and any position described as a person reads it.

use super::insert::Position;
use super::parts::new_catcher_errors;
use super::scope::{locate, state_node, type_of};
use super::targets::drop_positions;
use crate::json::tree::{split_pointer, Document, NodeId};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// A transition of a state that can be pointed at a target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlet {
    /// The slot's pointer (`…/Next`, `…/Choices/0/Next`, `…/Default`, `…/Catch/0/Next`).
    pub slot: String,
    /// In words: `Next`, `Rule 1 ($.x)`, `Default`, `Catch 1 (States.ALL)`.
    pub label: String,
    /// The state it leads to now; `None` when it names none yet (or the state ends).
    pub target: Option<String>,
}

/// The transitions of the state at `state`, in the order the inspector lists them: its
/// `Next` (not for a Choice, Succeed or Fail), each Choice rule, a Choice's `Default`,
/// each Catcher; then a new rule (Choice) or a new catcher (Task, Parallel, Map) that
/// connecting adds. Empty when `state` is not a state.
pub fn outlets(doc: &Document, state: &str) -> Vec<Outlet> {
    let Ok((_, node)) = state_node(doc, state) else {
        return Vec::new();
    };
    let kind = type_of(doc, node);
    let target = |id: Option<NodeId>| id.and_then(|id| doc.as_str(id)).map(String::from);
    let mut out = Vec::new();
    if !matches!(kind, Some("Choice" | "Succeed" | "Fail")) {
        out.push(Outlet {
            slot: format!("{state}/Next"),
            label: "Next".into(),
            target: target(doc.get(node, "Next")),
        });
    }
    let listed = |list: &str| doc.get(node, list).map_or(&[][..], |l| doc.items(l));
    for (i, &rule) in listed("Choices").iter().enumerate() {
        let about = doc
            .get(rule, "Variable")
            .and_then(|v| doc.as_str(v))
            .or_else(|| doc.get(rule, "Condition").and_then(|v| doc.as_str(v)));
        out.push(Outlet {
            slot: format!("{state}/Choices/{i}/Next"),
            label: with_detail(format!("Rule {}", i + 1), about),
            target: target(doc.get(rule, "Next")),
        });
    }
    if kind == Some("Choice") {
        out.push(Outlet {
            slot: format!("{state}/Default"),
            label: "Default".into(),
            target: target(doc.get(node, "Default")),
        });
    }
    for (i, &catcher) in listed("Catch").iter().enumerate() {
        let errors = doc.get(catcher, "ErrorEquals").map(|e| {
            doc.items(e)
                .iter()
                .filter_map(|&x| doc.as_str(x))
                .collect::<Vec<_>>()
                .join(", ")
        });
        out.push(Outlet {
            slot: format!("{state}/Catch/{i}/Next"),
            label: with_detail(format!("Catch {}", i + 1), errors.as_deref()),
            target: target(doc.get(catcher, "Next")),
        });
    }
    // A transition the state does not have yet, made when it is pointed at a target.
    let fresh = |list: &str, label: &str| Outlet {
        slot: format!("{state}/{list}/{NEW_ITEM}/Next"),
        label: label.into(),
        target: None,
    };
    match kind {
        Some("Choice") => out.push(fresh("Choices", "New rule")),
        Some("Task" | "Parallel" | "Map") => {
            let errors = new_catcher_errors(doc, node).join(", ");
            out.push(fresh("Catch", &format!("New catcher ({errors})")));
        }
        _ => {}
    }
    out
}

/// The JSON Pointer token for "one past the last item" (RFC 6901): an outlet whose slot
/// holds it is a rule or catcher `connect` adds.
pub const NEW_ITEM: &str = "-";

impl Outlet {
    /// Whether this is a rule or catcher to be added rather than one already written.
    pub fn is_new(&self) -> bool {
        locate(&self.slot).is_ok_and(|p| p.rest.len() == 3 && p.rest[1] == NEW_ITEM)
    }
}

fn with_detail(label: String, detail: Option<&str>) -> String {
    match detail.filter(|d| !d.is_empty()) {
        Some(d) => format!("{label} ({d})"),
        None => label,
    }
}

/// The state a transition slot belongs to (`/States/A/Catch/0/Next` → `/States/A`);
/// `None` for a scope's `StartAt`.
pub fn slot_owner(slot: &str) -> Option<String> {
    locate(slot).ok()?.state_pointer()
}

/// The names of the states a transition of the state at `state` can lead to: every state
/// of its scope, itself included (a loop), in text order. A scope's `…/StartAt` slot gives
/// the states of that scope.
pub fn scope_targets(doc: &Document, state: &str) -> Vec<String> {
    let Ok(place) = locate(state) else {
        return Vec::new();
    };
    doc.resolve(&place.machine)
        .and_then(|m| doc.get(m, "States"))
        .map(|s| doc.members(s).iter().map(|m| m.key.clone()).collect())
        .unwrap_or_default()
}

/// Every position the state at `state` can move to: the drop positions, less those inside
/// the state itself, its own transitions and the places it is at already; a Choice or a
/// state with Catch stays in its scope (its targets are there).
pub fn move_positions(doc: &Document, state: &str) -> Vec<Position> {
    let Ok((place, node)) = state_node(doc, state) else {
        return Vec::new();
    };
    let name = place.state.clone().unwrap_or_default();
    let inside = format!("{state}/");
    let stays = type_of(doc, node) == Some("Choice") || doc.get(node, "Catch").is_some();
    let leads_to_it = |slot: &str| {
        doc.resolve(slot).and_then(|t| doc.as_str(t)) == Some(name.as_str())
            && locate(slot).is_ok_and(|p| p.machine == place.machine)
    };
    drop_positions(doc)
        .into_iter()
        .filter(|p| {
            let (pointer, scope) = match p {
                Position::Edge(slot) => (slot.as_str(), locate(slot).map(|l| l.machine)),
                Position::Start(scope) => (scope.as_str(), Ok(scope.clone())),
                Position::After(s) => (s.as_str(), locate(s).map(|l| l.machine)),
            };
            if pointer == state || pointer.starts_with(&inside) {
                return false;
            }
            if stays && scope.as_deref().ok() != Some(place.machine.as_str()) {
                return false;
            }
            match p {
                Position::Edge(slot) => !leads_to_it(slot),
                Position::Start(scope) => !leads_to_it(&format!("{scope}/StartAt")),
                Position::After(_) => true,
            }
        })
        .collect()
}

/// A position in words: `Between A and B`, `Start of the machine, before A`, `Start of
/// branch 2 of P (empty)`, `After C (it ends)`, `Rule 1 of C (no target yet)`.
pub fn describe_position(doc: &Document, position: &Position) -> String {
    match position {
        Position::Edge(slot) => describe_edge(doc, slot),
        Position::Start(scope) => {
            let first = doc
                .resolve(scope)
                .and_then(|m| doc.get(m, "StartAt"))
                .and_then(|s| doc.as_str(s))
                .filter(|s| !s.is_empty());
            let whole = scope_name(scope);
            match first {
                Some(first) => format!("Start of {whole}, before {first}"),
                None => format!("Start of {whole} (empty)"),
            }
        }
        Position::After(state) => {
            let next = format!("{state}/Next");
            match doc.resolve(&next).and_then(|n| doc.as_str(n)) {
                Some(_) => describe_edge(doc, &next),
                None => format!("After {} (it ends)", last_name(state)),
            }
        }
    }
}

/// `the machine`, `branch 2 of P`, `the processor of M`.
fn scope_name(scope: &str) -> String {
    if scope.is_empty() {
        return "the machine".into();
    }
    let tokens = split_pointer(scope).unwrap_or_default();
    match tokens.as_slice() {
        [.., owner, branches, i] if branches == "Branches" => {
            let n = i.parse::<usize>().map_or(1, |i| i + 1);
            format!("branch {n} of {owner}")
        }
        [.., owner, _processor] => format!("the processor of {owner}"),
        _ => scope.to_string(),
    }
}

fn last_name(pointer: &str) -> String {
    split_pointer(pointer)
        .and_then(|t| t.last().cloned())
        .unwrap_or_default()
}

fn describe_edge(doc: &Document, slot: &str) -> String {
    let target = doc
        .resolve(slot)
        .and_then(|t| doc.as_str(t))
        .map(String::from);
    let Ok(place) = locate(slot) else {
        return slot.to_string();
    };
    let Some(from) = place.state.clone() else {
        // A scope's StartAt.
        return match target {
            Some(t) => format!("Start of {}, before {t}", scope_name(&place.machine)),
            None => format!("Start of {}", scope_name(&place.machine)),
        };
    };
    let rest: Vec<&str> = place.rest.iter().map(String::as_str).collect();
    let way = match rest.as_slice() {
        ["Next"] => None,
        ["Default"] => Some("default".to_string()),
        ["Choices", i, "Next"] => Some(format!("rule {}", i.parse::<usize>().map_or(1, |i| i + 1))),
        ["Catch", i, "Next"] => Some(format!(
            "catcher {}",
            i.parse::<usize>().map_or(1, |i| i + 1)
        )),
        _ => Some(rest.join("/")),
    };
    match (way, target) {
        (None, Some(t)) => format!("Between {from} and {t}"),
        (None, None) => format!("After {from}"),
        (Some(way), Some(t)) => format!("On {from}'s {way}, before {t}"),
        (Some(way), None) => format!("On {from}'s {way} (no target yet)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::tree::parse_document;

    const MACHINE: &str = r#"{"StartAt": "A", "States": {
      "A": {"Type": "Pass", "Next": "C"},
      "C": {"Type": "Choice", "Choices": [
        {"Variable": "$.x", "BooleanEquals": true, "Next": "T"},
        {"Variable": "$.y", "BooleanEquals": true}]},
      "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]},
      "F": {"Type": "Fail"},
      "P": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}},
        {"StartAt": "", "States": {}}]}
    }}"#;

    #[test]
    fn outlets_follow_the_state_type() {
        let doc = parse_document(MACHINE);
        let labels = |s: &str| -> Vec<(String, Option<String>)> {
            outlets(&doc, s)
                .into_iter()
                .map(|o| (o.label, o.target))
                .collect()
        };
        assert_eq!(labels("/States/A"), [("Next".into(), Some("C".into()))]);
        assert_eq!(
            labels("/States/C"),
            [
                ("Rule 1 ($.x)".into(), Some("T".into())),
                ("Rule 2 ($.y)".into(), None),
                ("Default".into(), None),
                ("New rule".into(), None)
            ]
        );
        assert_eq!(
            labels("/States/T"),
            [
                ("Next".into(), None),
                ("Catch 1 (States.ALL)".into(), Some("F".into())),
                ("New catcher (States.TaskFailed)".into(), None)
            ]
        );
        assert!(labels("/States/F").is_empty());
        assert_eq!(outlets(&doc, "/States/T")[1].slot, "/States/T/Catch/0/Next");
        assert_eq!(scope_targets(&doc, "/States/A"), ["A", "C", "T", "F", "P"]);
        assert_eq!(scope_targets(&doc, "/States/P/Branches/0/States/X"), ["X"]);
        assert_eq!(scope_targets(&doc, "/States/P/Branches/0/StartAt"), ["X"]);
        assert_eq!(
            slot_owner("/States/C/Choices/1/Next").as_deref(),
            Some("/States/C")
        );
        assert_eq!(slot_owner("/States/P/Branches/0/StartAt"), None);
    }

    #[test]
    fn a_state_cannot_move_into_itself_or_where_it_is() {
        let doc = parse_document(MACHINE);
        let moves = move_positions(&doc, "/States/P");
        assert!(moves.iter().all(|p| match p {
            Position::Start(s) | Position::After(s) | Position::Edge(s) =>
                !s.starts_with("/States/P"),
        }));
        assert!(moves.contains(&Position::Edge("/States/A/Next".into())));
        // A is where the machine starts: its start is no move for it; C's rule 2 is.
        let a = move_positions(&doc, "/States/A");
        assert!(!a.contains(&Position::Start(String::new())));
        assert!(!a.contains(&Position::Edge("/States/A/Next".into())));
        assert!(a.contains(&Position::Edge("/States/C/Choices/1/Next".into())));
        assert!(a.contains(&Position::Start("/States/P/Branches/1".into())));
        // T has a Catch: it stays in its scope.
        let t = move_positions(&doc, "/States/T");
        assert!(!t.contains(&Position::Start("/States/P/Branches/1".into())));
        assert!(!t.contains(&Position::Edge("/States/C/Choices/0/Next".into())));
        assert!(t.contains(&Position::Edge("/States/A/Next".into())));
    }

    #[test]
    fn positions_read_as_words() {
        let doc = parse_document(MACHINE);
        let say = |p: Position| describe_position(&doc, &p);
        assert_eq!(
            say(Position::Edge("/States/A/Next".into())),
            "Between A and C"
        );
        assert_eq!(
            say(Position::Edge("/States/C/Choices/0/Next".into())),
            "On C's rule 1, before T"
        );
        assert_eq!(
            say(Position::Edge("/States/C/Choices/1/Next".into())),
            "On C's rule 2 (no target yet)"
        );
        assert_eq!(
            say(Position::Edge("/States/T/Catch/0/Next".into())),
            "On T's catcher 1, before F"
        );
        assert_eq!(
            say(Position::Start(String::new())),
            "Start of the machine, before A"
        );
        assert_eq!(
            say(Position::Start("/States/P/Branches/1".into())),
            "Start of branch 2 of P (empty)"
        );
        assert_eq!(
            say(Position::Start("/States/P/Branches/0".into())),
            "Start of branch 1 of P, before X"
        );
        assert_eq!(
            say(Position::After("/States/P".into())),
            "After P (it ends)"
        );
    }
}
