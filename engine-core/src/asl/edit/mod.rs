//! The editing operations of the visual editor: each one looks at a document and returns
//! one [`Edit`] (text changes against that document), so applying it gives the inverse
//! that undoes it byte for byte, and every byte outside the touched regions stays as it was.
//!
//! | file | does |
//! |---|---|
//! | `draft.rs` | composing several pointer edits into one text edit against the original |
//! | `scope.rs` | where a pointer sits in the machine: its scope, its state, transition slots |
//! | `names.rs` | fresh state names (`Lambda Invoke`, `Lambda Invoke (1)`, …) |
//! | `catalogue.rs` | state templates for both query languages, with search |
//! | `insert.rs` | [`Position`] and inserting a template on an edge, at a scope's start, after a state |
//! | `detach.rs` | where a state's incoming transitions go when it leaves: its successor, or a question |
//! | `delete.rs` | deleting states |
//! | `relocate.rs` | moving a state to another position, across branches too |
//! | `parts.rs` | adding a Choice rule, a Parallel branch, a Catch, a Retry |
//! | `connect.rs` | setting, reconnecting and ending transitions |
//! | `clipboard.rs` | copy, paste and duplicate of states |
//! | `onto.rs` | where a drop onto a state lands: an open transition, an empty branch, after it |
//! | `choices.rs` | the keyboard's lists in words: move positions, a state's outlets, their targets |
//! | `targets.rs` | every state with its scope, and every position a state can be dropped at |
//! | `inspector.rs` | setting and clearing fields by pointer; workflow settings; rename |

mod catalogue;
mod choices;
mod clipboard;
mod connect;
mod delete;
mod detach;
mod draft;
mod insert;
mod inspector;
mod names;
mod parts;
mod relocate;
mod scope;
mod onto;
mod targets;

pub use catalogue::{aws_sdk_call, catalogue, find_template, search, Group, Template};
pub use choices::{
    describe_position, move_positions, outlets, scope_targets, slot_owner, Outlet,
};
pub use clipboard::{copy_states, duplicate_states, paste_states, Clipboard};
pub use connect::{connect, connect_state, end_here};
pub use delete::delete_states;
pub use insert::{insert_state, insert_template, Position};
pub use inspector::{
    clear_field, rename_state, set_comment, set_field, set_query_language, set_timeout_seconds,
};
pub use names::unique_name;
pub use parts::{add_branch, add_catch, add_choice_rule, add_retry};
pub use relocate::move_state;
pub use onto::position_on;
pub use targets::{all_states, drop_positions, Located};

use crate::json::tree::Edit;
use alloc::string::String;
use alloc::vec::Vec;

/// What an operation does: the edit to apply, and the pointers (after the edit) of what
/// it created or moved, for the studio to select.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub edit: Edit,
    pub selection: Vec<String>,
}

/// A transition that an operation cannot rewire by itself: the person picks its new target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The transition slot (`…/Next`, `…/Default`, `…/Choices/0/Next`, `…/Catch/0/Next`,
    /// `…/StartAt`) that points at a state leaving its place.
    pub reference: String,
    /// The pointer of the state leaving.
    pub leaving: String,
    /// The state names that would be sensible targets (the leaving state's own targets
    /// when it has several, else the states that remain in the scope).
    pub options: Vec<String>,
}

/// A person's answer to a [`Question`]: point `reference` at the state named `target`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub reference: String,
    pub target: String,
}

/// The result of an operation that may need a person's choice first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done(Change),
    /// Nothing changed; ask these, then call again with the answers.
    Ask(Vec<Question>),
}
