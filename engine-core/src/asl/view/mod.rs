//! Typed, borrowing views over an ASL document: they read the tree in place, carry the
//! JSON Pointer of what they stand for, and never drop fields they do not know.

mod choice;
mod json;
mod machine;
mod retry;
mod state;

pub use choice::{operator, ChoiceRule, Operand, OPERATORS};
pub use json::{child_pointer, index_pointer, push_token, At, Field, Json};
pub use machine::{Machine, MachineKind, QueryLanguage};
pub use retry::{Catcher, Retrier};
pub use state::{State, StateType};
