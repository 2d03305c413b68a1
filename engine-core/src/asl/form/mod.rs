//! The inspector's forms: which fields a state shows, grouped as Workflow Studio's tabs
//! (Configuration, Input/Output, Error handling), the text each field holds, and the edits
//! a typed value becomes. Every change is a pointer-addressed edit of the lossless
//! document, so the code view, the graph and undo stay in step with the form.

mod catalogue;
mod input;
mod rule;

pub use catalogue::{catcher_fields, retrier_fields, rule_fields, state_fields, workflow_fields};
pub use input::{apply, edits_for, read};
pub use rule::{rule_condition, set_rule_operator};

/// The tab a field is shown under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Configuration,
    InputOutput,
    ErrorHandling,
}

/// What a field's text means, and so how typed text is checked and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string, written as typed.
    Text,
    /// A reference path; the word `null` writes JSON `null` (AWS: discard the data).
    Path,
    /// The name of a state in the same scope.
    StateName,
    /// A whole number (or, in a JSONata state, a `{% %}` expression).
    Integer,
    /// A number (or, in a JSONata state, a `{% %}` expression).
    Number,
    /// `true` present, absent otherwise (`End`).
    Flag,
    /// JSON text (objects such as `Parameters`).
    Json,
    /// JSON text; anything that is not JSON is taken as a string (JSONata's
    /// `{% %}` expressions in `Output`, `Arguments`, `Items`).
    Value,
    /// A comma-separated list of strings (`ErrorEquals`).
    List,
    /// One of fixed strings.
    Options(&'static [&'static str]),
}

/// One field of a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub group: Group,
    pub kind: Kind,
    /// A short help text shown beside the field.
    pub hint: &'static str,
}

#[cfg(test)]
mod tests;
