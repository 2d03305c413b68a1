//! JSON values at run time: the data an execution moves between states.
//!
//! The lossless, spanned document tree that the studio edits lives beside this in
//! `json::tree`; runtime data needs order but not formatting, so it is a plain `Value`.

mod key;
mod number;
pub(crate) mod parse;
pub mod position;
pub mod tree;
mod value;
mod write;

pub use key::Key;
pub use number::Number;
pub use parse::{parse_value, ParseError, MAX_DEPTH};
pub use value::{Map, Value};
pub use write::{write_compact, write_pretty};
