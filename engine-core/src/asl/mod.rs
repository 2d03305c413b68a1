//! Amazon States Language over the document tree: typed views (`Machine`, `State`,
//! Choice rules, retriers and catchers) and [`validate`], which reports every problem
//! at once with a stable code, a JSON Pointer and a line:column.
//!
//! | file | does |
//! |---|---|
//! | `view/` | borrowing views: `Json`/`Field` reads, `Machine`, `State`, `ChoiceRule`, `Retrier`, `Catcher` |
//! | `fields.rs` | which fields each state type takes, per query language |
//! | `diagnostic.rs` | `Diagnostic`, `Severity` |
//! | `codes.rs` | the codes (CODES.md has a snippet for each) |
//! | `edit/` | the visual editor's operations (catalogue, insert, delete, move, connect, parts, clipboard, inspector), each one `Edit` with an exact inverse |
//! | `check/` | the passes: names, machine, state, choice, errors (Retry/Catch), map, paths, templates, values, jsonata (syntax), variables (`$states` members, undefined variables), flow |

mod check;
pub mod codes;
mod diagnostic;
pub mod edit;
pub mod fields;
pub mod form;
pub mod view;

pub use diagnostic::{Diagnostic, Severity};
pub use view::{Machine, QueryLanguage, State, StateType};

use crate::json::tree::Document;
use alloc::vec::Vec;

/// Every problem in `doc`: JSON syntax, then the ASL rules, ordered by position.
pub fn validate(doc: &Document) -> Vec<Diagnostic> {
    check::run(doc)
}
