//! State machine edits: rename a state with every reference to it, insert, delete and
//! move states. Each is a handful of text changes on top of the JSON edits.

use super::layout::{child_spans, quote, reindent, remove, Placement};
use super::{EditError, TextChange};
use crate::json::tree::style::line_indent;
use crate::json::tree::{Document, NodeId, NodeKind};
use alloc::format;
use alloc::vec::Vec;

/// State names are 1 to 80 characters (AWS's limit).
const MAX_NAME_CHARS: usize = 80;

fn check_name(name: &str) -> Result<(), EditError> {
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS {
        return Err(EditError::Invalid(format!(
            "a state name has 1 to {MAX_NAME_CHARS} characters"
        )));
    }
    Ok(())
}

impl Document {
    fn check_free(&self, name: &str) -> Result<(), EditError> {
        check_name(name)?;
        if self.all_state_names().contains(&name) {
            return Err(EditError::NameTaken(name.into()));
        }
        Ok(())
    }

    /// Replace each reference node's text with `name` quoted.
    fn retarget(&self, refs: &[NodeId], name: &str) -> Vec<TextChange> {
        refs.iter()
            .map(|&r| TextChange {
                span: self.node(r).span,
                text: quote(name),
            })
            .collect()
    }

    pub(super) fn rename_state_changes(
        &self,
        pointer: &str,
        name: &str,
    ) -> Result<Vec<TextChange>, EditError> {
        let state = self.state_at(pointer)?;
        if state.name == name {
            return Ok(Vec::new());
        }
        self.check_free(name)?;
        let key_span = self.members(state.states)[state.index].key_span;
        let mut changes =
            self.retarget(&self.references_in_scope(state.machine, &state.name), name);
        changes.push(TextChange {
            span: key_span,
            text: quote(name),
        });
        Ok(changes)
    }

    /// The index among `states`' members after the state named `after` (last when `None`).
    fn position_after(&self, states: NodeId, after: Option<&str>) -> Result<usize, EditError> {
        match after {
            None => Ok(self.members(states).len()),
            Some(a) => self
                .member_index(states, a)
                .map(|i| i + 1)
                .ok_or_else(|| EditError::NotFound(a.into())),
        }
    }

    pub(super) fn insert_state_changes(
        &self,
        states_pointer: &str,
        name: &str,
        definition: &str,
        after: Option<&str>,
    ) -> Result<Vec<TextChange>, EditError> {
        let (_, states) = self.states_at(states_pointer)?;
        self.check_free(name)?;
        let index = self.position_after(states, after)?;
        let placement = Placement::of(self, states);
        let child = placement.member_text(name, definition)?;
        Ok(alloc::vec![placement.insert(
            self.node(states).span,
            &child_spans(self, states),
            index,
            &child
        )])
    }

    pub(super) fn delete_state_changes(&self, pointer: &str) -> Result<Vec<TextChange>, EditError> {
        let state = self.state_at(pointer)?;
        let removal = remove(
            self.node(state.states).span,
            &child_spans(self, state.states),
            state.index,
        );
        let mut changes = alloc::vec![removal.clone()];
        let successor = self.get(state.node, "Next").and_then(|n| self.as_str(n));
        if let Some(next) = successor.filter(|&n| n != state.name) {
            let refs: Vec<NodeId> = self
                .references_in_scope(state.machine, &state.name)
                .into_iter()
                .filter(|&r| !removal.span.contains(self.node(r).span.start))
                .collect();
            changes.extend(self.retarget(&refs, next));
        }
        Ok(changes)
    }

    pub(super) fn move_state_changes(
        &self,
        pointer: &str,
        to: &str,
        after: Option<&str>,
    ) -> Result<Vec<TextChange>, EditError> {
        let state = self.state_at(pointer)?;
        let (_, destination) = self.states_at(to)?;
        let index = self.position_after(destination, after)?;
        if destination == state.states && (index == state.index || index == state.index + 1) {
            // Already there: the text stays as it is.
            return Ok(Vec::new());
        }
        let state_span = self.node(state.node).span;
        let destination_span = self.node(destination).span;
        if state_span.start <= destination_span.start && destination_span.end <= state_span.end {
            return Err(EditError::Invalid(
                "a state cannot move into its own branches".into(),
            ));
        }
        let placement = Placement::of(self, destination);
        let member = &self.members(state.states)[state.index];
        let body = match &self.node(state.node).kind {
            // Keep the state's own formatting, shifted to its new indentation.
            NodeKind::Object(_) if !placement.is_one_line() => reindent(
                self.source(state.node),
                line_indent(self.text(), member.key_span.start),
                placement.child_indent(),
            ),
            _ => placement.value_text(self.source(state.node))?,
        };
        let child = format!("{}{}{body}", quote(&state.name), placement.colon());
        let removal = remove(
            self.node(state.states).span,
            &child_spans(self, state.states),
            state.index,
        );
        let insertion = placement.insert(
            destination_span,
            &child_spans(self, destination),
            index,
            &child,
        );
        Ok(alloc::vec![removal, insertion])
    }
}
