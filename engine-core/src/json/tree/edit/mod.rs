//! Edits addressed by JSON Pointer. Every edit becomes a few text changes, so only the
//! bytes it touches change; applying one returns its inverse, which restores the text
//! byte for byte (undo), and whose own inverse is the edit again (redo).

mod asl;
mod json_ops;
mod layout;
mod scope;

use super::{Document, Span};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// Replace the text of `span` with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextChange {
    pub span: Span,
    pub text: String,
}

/// A change to a document. Pointers are RFC 6901; values are JSON text, laid out anew in
/// the document's style (their numbers and strings kept as written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Raw text changes (non-overlapping, any order): what inverses are made of.
    Text(Vec<TextChange>),
    /// Replace the value at `pointer`, or add the member when its object lacks it.
    Set { pointer: String, value: String },
    /// Remove the object member or array item at `pointer`.
    Remove { pointer: String },
    /// Insert an array item before index `pointer`'s last token (`-` appends).
    Insert { pointer: String, value: String },
    /// Rename the state at `pointer` (`/States/A`, `/States/P/Branches/0/States/B`) and
    /// every `StartAt`, `Next`, `Default`, Choice rule `Next` and Catch `Next` naming it
    /// in its scope (nested Parallel branches and Map processors are scopes of their own).
    RenameState { pointer: String, name: String },
    /// Add a state, written as JSON text, to the `States` object at `states`: after the
    /// state named `after`, or last.
    InsertState {
        states: String,
        name: String,
        definition: String,
        after: Option<String>,
    },
    /// Delete the state at `pointer`. References to it in its scope are pointed at its
    /// `Next` when it has one; otherwise they are left for validation to report.
    DeleteState { pointer: String },
    /// Move the state at `pointer` into the `States` object at `to` (another branch,
    /// processor or the top level, or its own to reorder), after the state named `after`,
    /// or last. Its text keeps its own layout.
    MoveState {
        pointer: String,
        to: String,
        after: Option<String>,
    },
}

impl Edit {
    /// `Set` of a runtime value (laid out in the document's style when applied).
    pub fn set_value(pointer: &str, value: &crate::json::Value) -> Edit {
        Edit::Set {
            pointer: pointer.into(),
            value: value.to_json(),
        }
    }

    /// `Insert` of a runtime value into an array.
    pub fn insert_value(pointer: &str, value: &crate::json::Value) -> Edit {
        Edit::Insert {
            pointer: pointer.into(),
            value: value.to_json(),
        }
    }
}

/// Why an edit could not be applied; the document is then unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// Nothing at this pointer (or at its parent, for an addition).
    NotFound(String),
    /// The pointer names something this edit cannot work on.
    Invalid(String),
    /// The value text is not JSON.
    BadValue(String),
    /// A state of this name exists already in the machine.
    NameTaken(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NotFound(p) => write!(f, "nothing at {p:?}"),
            EditError::Invalid(m) => f.write_str(m),
            EditError::BadValue(m) => write!(f, "the value is not JSON: {m}"),
            EditError::NameTaken(n) => write!(f, "a state named {n:?} exists already"),
        }
    }
}

impl Document {
    /// Apply `edit`; returns the edit that undoes it.
    pub fn apply(&mut self, edit: &Edit) -> Result<Edit, EditError> {
        let changes = self.changes_for(edit)?;
        self.apply_changes(changes)
    }

    /// The text changes `edit` stands for, without applying them.
    pub fn changes_for(&self, edit: &Edit) -> Result<Vec<TextChange>, EditError> {
        match edit {
            Edit::Text(changes) => Ok(changes.clone()),
            Edit::Set { pointer, value } => self.set_changes(pointer, value),
            Edit::Remove { pointer } => self.remove_changes(pointer),
            Edit::Insert { pointer, value } => self.insert_changes(pointer, value),
            Edit::RenameState { pointer, name } => self.rename_state_changes(pointer, name),
            Edit::InsertState {
                states,
                name,
                definition,
                after,
            } => self.insert_state_changes(states, name, definition, after.as_deref()),
            Edit::DeleteState { pointer } => self.delete_state_changes(pointer),
            Edit::MoveState { pointer, to, after } => {
                self.move_state_changes(pointer, to, after.as_deref())
            }
        }
    }

    /// Apply text changes at once and reparse; returns their inverse.
    fn apply_changes(&mut self, mut changes: Vec<TextChange>) -> Result<Edit, EditError> {
        crate::sort::sort_by_key(&mut changes, |c| (c.span.start, c.span.end));
        let text = self.text();
        let mut previous_end = 0;
        for c in &changes {
            let inside = c.span.start <= c.span.end && c.span.end <= text.len();
            if !inside || !text.is_char_boundary(c.span.start) || !text.is_char_boundary(c.span.end)
            {
                return Err(EditError::Invalid("a change lies outside the text".into()));
            }
            if c.span.start < previous_end {
                return Err(EditError::Invalid("changes overlap".into()));
            }
            previous_end = c.span.end;
        }
        let mut out = String::with_capacity(text.len());
        let mut inverse = Vec::with_capacity(changes.len());
        let mut copied = 0;
        for c in &changes {
            out.push_str(&text[copied..c.span.start]);
            let start = out.len();
            out.push_str(&c.text);
            inverse.push(TextChange {
                span: Span::new(start, out.len()),
                text: text[c.span.start..c.span.end].into(),
            });
            copied = c.span.end;
        }
        out.push_str(&text[copied..]);
        *self = Document::from_text(out, Vec::new());
        Ok(Edit::Text(inverse))
    }
}
