//! Where the transitions into states that leave their place (deleted or moved) go: to the
//! successor when it is the only one, to `End: true` when a leaving state ended the flow
//! and the transition is a plain `Next`; anything else is a question for the person.

use super::scope::{incoming, is_state_next, locate, quoted, state_names, type_of};
use super::{Answer, Question};
use crate::json::tree::{Document, Edit, NodeId, NodeKind};
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// What comes after a leaving state, looking through other leaving states.
enum Exit {
    To(String),
    End,
    Choose(Vec<String>),
}

/// The edits that rewire the transitions into `leaving` (state names of the scope
/// `machine`, at pointer `machine_pointer`), or the questions to ask first.
pub(super) fn rewire(
    doc: &Document,
    machine_pointer: &str,
    machine: NodeId,
    leaving: &[String],
    answers: &[Answer],
) -> (Vec<Edit>, Vec<Question>) {
    let mut edits = Vec::new();
    let mut questions = Vec::new();
    let remaining: Vec<String> = state_names(doc, machine)
        .into_iter()
        .filter(|n| !leaving.contains(n))
        .collect();
    for name in leaving {
        let exit = exit_of(doc, machine, name, leaving);
        for slot in incoming(doc, machine, name) {
            let place = locate(&slot).ok();
            let from_leaving = place.as_ref().is_some_and(|p| {
                p.machine == machine_pointer
                    && p.state.as_ref().is_some_and(|s| leaving.contains(s))
            });
            if from_leaving {
                continue;
            }
            if let Some(answer) = answers.iter().find(|a| a.reference == slot) {
                edits.push(set(&slot, &answer.target));
                continue;
            }
            let is_start = place.as_ref().is_some_and(|p| p.state.is_none());
            let options = match &exit {
                Exit::To(next) => {
                    edits.push(set(&slot, next));
                    continue;
                }
                Exit::End if is_state_next(&slot) => {
                    edits.push(Edit::Remove {
                        pointer: slot.clone(),
                    });
                    edits.push(Edit::Set {
                        pointer: format!("{}/End", &slot[..slot.len() - "/Next".len()]),
                        value: "true".into(),
                    });
                    continue;
                }
                Exit::Choose(targets) if !targets.is_empty() => targets.clone(),
                _ => remaining.clone(),
            };
            if is_start && remaining.is_empty() {
                edits.push(set(&slot, ""));
                continue;
            }
            questions.push(Question {
                reference: slot,
                leaving: format!(
                    "{machine_pointer}/States/{}",
                    crate::json::tree::escape_token(name)
                ),
                options,
            });
        }
    }
    (edits, questions)
}

fn set(slot: &str, target: &str) -> Edit {
    Edit::Set {
        pointer: slot.into(),
        value: quoted(target),
    }
}

fn exit_of(doc: &Document, machine: NodeId, name: &str, leaving: &[String]) -> Exit {
    let mut seen = vec![String::from(name)];
    let mut at = String::from(name);
    loop {
        let Some(node) = doc.get(machine, "States").and_then(|s| doc.get(s, &at)) else {
            return Exit::Choose(Vec::new());
        };
        match type_of(doc, node) {
            Some("Succeed" | "Fail") => return Exit::End,
            Some("Choice") => {
                let mut targets: Vec<String> = Vec::new();
                let rules = doc.get(node, "Choices").map_or(&[][..], |c| doc.items(c));
                let nexts = rules.iter().map(|&r| doc.get(r, "Next"));
                for target in nexts.chain([doc.get(node, "Default")]).flatten() {
                    if let Some(t) = doc.as_str(target) {
                        if !leaving.iter().any(|l| l == t) && !targets.iter().any(|x| x == t) {
                            targets.push(t.into());
                        }
                    }
                }
                return match targets.len() {
                    1 => Exit::To(targets.remove(0)),
                    _ => Exit::Choose(targets),
                };
            }
            _ => {}
        }
        if let Some(next) = doc.get(node, "Next").and_then(|n| doc.as_str(n)) {
            if !leaving.iter().any(|l| l == next) {
                return Exit::To(next.into());
            }
            if seen.iter().any(|s| s == next) {
                return Exit::Choose(Vec::new());
            }
            seen.push(next.into());
            at = next.into();
            continue;
        }
        let ends = doc
            .get(node, "End")
            .is_some_and(|e| doc.node(e).kind == NodeKind::Bool(true));
        return if ends {
            Exit::End
        } else {
            Exit::Choose(Vec::new())
        };
    }
}
