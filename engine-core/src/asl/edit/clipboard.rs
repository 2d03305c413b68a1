//! Copy, paste and duplicate of states. The clipboard is a small machine object holding
//! the copied states as written; pasting renames every state in it that would clash
//! (nested ones too), which also renames the transitions between them, then points the
//! transitions leaving the copied set at the paste position's successor.

use super::draft::Draft;
use super::insert::{Position, Slot, Spot};
use super::names::unique_name;
use super::scope::{outgoing, quoted, state_node, state_pointer};
use super::targets::{all_states, Located};
use super::Change;
use crate::json::tree::{escape_token, parse_document, Document, Edit, EditError, NodeId};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Copied states: `{"StartAt": <entry>, "States": {…}}` with each state's text as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clipboard {
    pub text: String,
}

/// Copy the states at `states` (pointers into one scope), in document order. The entry
/// (what a paste position leads to) is the first of them no other copied state leads to.
pub fn copy_states(doc: &Document, states: &[String]) -> Result<Clipboard, EditError> {
    let mut copied: Vec<(String, NodeId, usize)> = Vec::new();
    let mut machine = None;
    for pointer in states {
        let (place, node) = state_node(doc, pointer)?;
        if machine.get_or_insert_with(|| place.machine.clone()) != &place.machine {
            return Err(EditError::Invalid(
                "copied states must share one scope".into(),
            ));
        }
        let start = doc.member_of(node).map_or(0, |m| m.key_span.start);
        if !copied.iter().any(|(_, n, _)| *n == node) {
            copied.push((place.state.unwrap_or_default(), node, start));
        }
    }
    crate::sort::sort_by_key(&mut copied, |(_, _, start)| *start);
    let targeted = |name: &str| {
        copied.iter().any(|(_, node, _)| {
            outgoing(doc, "", *node)
                .iter()
                .any(|(_, target)| target == name)
        })
    };
    let entry = copied
        .iter()
        .find(|(name, _, _)| !targeted(name))
        .or(copied.first())
        .map(|(name, _, _)| name.clone())
        .ok_or_else(|| EditError::Invalid("nothing to copy".into()))?;
    let members: Vec<String> = copied
        .iter()
        .map(|(name, node, _)| format!("{}: {}", quoted(name), doc.source(*node)))
        .collect();
    Ok(Clipboard {
        text: format!(
            "{{\"StartAt\": {}, \"States\": {{{}}}}}",
            quoted(&entry),
            members.join(", ")
        ),
    })
}

/// Paste `clipboard` at `at`: clashing names get ` (n)` suffixes, the position's
/// transition leads to the entry, and transitions leaving the copied set lead to the
/// position's successor (`Next` ones end when there is none; Choice and Catch ones keep a
/// target the destination scope has).
pub fn paste_states(
    doc: &Document,
    clipboard: &Clipboard,
    at: &Position,
) -> Result<Change, EditError> {
    paste_at(doc, clipboard, Spot::of(doc, at)?)
}

/// Copy the states at `states` and paste them after the last of them (on its way out, or
/// unconnected when it has no single way out).
pub fn duplicate_states(doc: &Document, states: &[String]) -> Result<Change, EditError> {
    let clipboard = copy_states(doc, states)?;
    let last = states
        .iter()
        .filter_map(|p| doc.resolve(p).map(|n| (p, doc.node(n).span.start)))
        .max_by_key(|(_, start)| *start)
        .map(|(p, _)| p.clone())
        .ok_or_else(|| EditError::Invalid("nothing to duplicate".into()))?;
    let spot = match Spot::of(doc, &Position::After(last.clone())) {
        Ok(spot) => spot,
        Err(_) => {
            let (place, _) = state_node(doc, &last)?;
            Spot {
                machine: place.machine,
                slot: Slot::Loose,
                after: place.state,
                successor: None,
            }
        }
    };
    paste_at(doc, &clipboard, spot)
}

fn paste_at(doc: &Document, clipboard: &Clipboard, spot: Spot) -> Result<Change, EditError> {
    let mut copy = parse_document(&clipboard.text);
    let root = copy.root().filter(|_| copy.syntax_errors().is_empty());
    if root.and_then(|r| copy.get(r, "States")).is_none() {
        return Err(EditError::BadValue("the clipboard holds no states".into()));
    }
    rename_clashes(doc, &mut copy)?;
    retarget_exits(doc, &mut copy, &spot)?;
    let root = copy.root().unwrap_or(NodeId(0));
    let entry = copy
        .get(root, "StartAt")
        .and_then(|s| copy.as_str(s))
        .map_or_else(String::new, String::from);
    let states = copy.get(root, "States").unwrap_or(root);
    let mut draft = Draft::new(doc);
    let mut after = spot.after.clone();
    let mut selection = Vec::new();
    for member in copy.members(states) {
        draft.apply(&Edit::InsertState {
            states: format!("{}/States", spot.machine),
            name: member.key.clone(),
            definition: copy.source(member.value).into(),
            after: after.clone(),
        })?;
        if after.is_some() {
            after = Some(member.key.clone());
        }
        selection.push(state_pointer(&spot.machine, &member.key));
    }
    draft.apply_all(&spot.link(&entry))?;
    Ok(Change {
        edit: draft.finish(),
        selection,
    })
}

/// Rename each state of `copy` whose name `doc` has, nested ones included.
fn rename_clashes(doc: &Document, copy: &mut Document) -> Result<(), EditError> {
    let mut reserved: Vec<String> = copy
        .all_state_names()
        .into_iter()
        .map(String::from)
        .collect();
    loop {
        let clash = all_states(copy)
            .into_iter()
            .find(|s| doc.all_state_names().contains(&s.name.as_str()));
        let Some(Located { pointer, name, .. }) = clash else {
            return Ok(());
        };
        let fresh = unique_name(doc, &name, &reserved);
        reserved.push(fresh.clone());
        copy.apply(&Edit::RenameState {
            pointer,
            name: fresh,
        })?;
    }
}

/// Point the transitions leaving the copied set at the paste position's successor.
fn retarget_exits(doc: &Document, copy: &mut Document, spot: &Spot) -> Result<(), EditError> {
    let destination: Vec<String> = doc
        .resolve(&format!("{}/States", spot.machine))
        .map(|s| doc.members(s).iter().map(|m| m.key.clone()).collect())
        .unwrap_or_default();
    let root = copy.root().unwrap_or(NodeId(0));
    let states = copy.get(root, "States").unwrap_or(root);
    let names: Vec<String> = copy.members(states).iter().map(|m| m.key.clone()).collect();
    let mut edits = Vec::new();
    for member in copy.members(states) {
        let pointer = format!("/States/{}", escape_token(&member.key));
        for (slot, target) in outgoing(copy, &pointer, member.value) {
            if names.contains(&target) {
                continue;
            }
            let own_next = slot == format!("{pointer}/Next");
            match (&spot.successor, own_next) {
                (Some(next), _) if own_next || !destination.contains(&target) => {
                    edits.push(Edit::Set {
                        pointer: slot,
                        value: quoted(next),
                    });
                }
                (None, true) => {
                    edits.push(Edit::Remove { pointer: slot });
                    edits.push(Edit::Set {
                        pointer: format!("{pointer}/End"),
                        value: "true".into(),
                    });
                }
                _ if destination.contains(&target) => {}
                _ => {
                    return Err(EditError::Invalid(format!(
                        "{:?} leads to {target:?}, which the paste position's scope lacks",
                        member.key
                    )))
                }
            }
        }
    }
    for edit in &edits {
        copy.apply(edit)?;
    }
    Ok(())
}
