//! Plain JSON edits by pointer: set (replace or add), remove, insert into an array.

use super::layout::{child_spans, format_value, remove, Placement};
use super::{EditError, TextChange};
use crate::json::tree::pointer::{array_index, split_pointer};
use crate::json::tree::{Document, NodeId, NodeKind, Style};
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// A pointer split into its parent's node and its last token.
pub(super) struct Target {
    pub parent: NodeId,
    pub token: String,
}

impl Document {
    /// The parent container and last token of `pointer` (which must not be the root).
    pub(super) fn target(&self, pointer: &str) -> Result<Target, EditError> {
        let not_found = || EditError::NotFound(pointer.into());
        let mut tokens = split_pointer(pointer)
            .ok_or_else(|| EditError::Invalid("not a JSON Pointer".into()))?;
        let token = tokens.pop().ok_or_else(|| {
            EditError::Invalid("the edit needs a member or item, not the root".into())
        })?;
        let parent_pointer = crate::json::tree::join_pointer(&tokens);
        let parent = self.resolve(&parent_pointer).ok_or_else(not_found)?;
        Ok(Target { parent, token })
    }

    /// The index of `token` among the members of `object` (the last one with that key).
    pub(super) fn member_index(&self, object: NodeId, key: &str) -> Option<usize> {
        self.members(object).iter().rposition(|m| m.key == key)
    }

    pub(super) fn set_changes(
        &self,
        pointer: &str,
        value: &str,
    ) -> Result<Vec<TextChange>, EditError> {
        if pointer.is_empty() {
            let root = self
                .root()
                .ok_or_else(|| EditError::NotFound(pointer.into()))?;
            let text = format_value(value, &Style::detect(self), "")?;
            return Ok(vec![TextChange {
                span: self.node(root).span,
                text,
            }]);
        }
        let Target { parent, token } = self.target(pointer)?;
        let placement = Placement::of(self, parent);
        match &self.node(parent).kind {
            NodeKind::Object(members) => match self.member_index(parent, &token) {
                Some(i) => {
                    let span = self.node(members[i].value).span;
                    Ok(vec![TextChange {
                        span,
                        text: placement.value_text(value)?,
                    }])
                }
                None => {
                    let child = placement.member_text(&token, value)?;
                    let spans = child_spans(self, parent);
                    Ok(vec![placement.insert(
                        self.node(parent).span,
                        &spans,
                        spans.len(),
                        &child,
                    )])
                }
            },
            NodeKind::Array(items) => match (token.as_str(), array_index(&token)) {
                ("-", _) => self.insert_changes(pointer, value),
                (_, Some(i)) if i < items.len() => {
                    let span = self.node(items[i]).span;
                    Ok(vec![TextChange {
                        span,
                        text: placement.value_text(value)?,
                    }])
                }
                _ => Err(EditError::NotFound(pointer.into())),
            },
            _ => Err(EditError::NotFound(pointer.into())),
        }
    }

    pub(super) fn remove_changes(&self, pointer: &str) -> Result<Vec<TextChange>, EditError> {
        let Target { parent, token } = self.target(pointer)?;
        let index = match &self.node(parent).kind {
            NodeKind::Object(_) => self.member_index(parent, &token),
            NodeKind::Array(items) => array_index(&token).filter(|&i| i < items.len()),
            _ => None,
        };
        let index = index.ok_or_else(|| EditError::NotFound(pointer.into()))?;
        Ok(vec![remove(
            self.node(parent).span,
            &child_spans(self, parent),
            index,
        )])
    }

    pub(super) fn insert_changes(
        &self,
        pointer: &str,
        value: &str,
    ) -> Result<Vec<TextChange>, EditError> {
        let Target { parent, token } = self.target(pointer)?;
        let NodeKind::Array(items) = &self.node(parent).kind else {
            return Err(EditError::Invalid(
                "insert needs an array; use set to add a member".into(),
            ));
        };
        let index = match token.as_str() {
            "-" => items.len(),
            _ => array_index(&token)
                .filter(|&i| i <= items.len())
                .ok_or_else(|| EditError::NotFound(pointer.into()))?,
        };
        let placement = Placement::of(self, parent);
        let child = placement.value_text(value)?;
        Ok(vec![placement.insert(
            self.node(parent).span,
            &child_spans(self, parent),
            index,
            &child,
        )])
    }
}
