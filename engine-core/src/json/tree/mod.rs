//! The lossless document tree the studio edits: ordered, spanned JSON that keeps key
//! order, duplicate keys, number lexemes and string escapes, so `text()` after parsing is
//! the original text byte for byte. Parsing never fails: it collects every syntax error.
//!
//! | file | purpose |
//! | --- | --- |
//! | `node` | ids, spans, nodes, members, syntax errors, line:col |
//! | `lex` | tokens, with recovery for what people paste by mistake |
//! | `parse` | the recovering, iterative parser |
//! | `document` | `Document`: text, tree, navigation, pointers, positions |
//! | `lines` | byte offset to line:column in characters and UTF-16 units |
//! | `pointer` | RFC 6901 escaping and splitting |
//! | `to_value` | a node as a runtime `Value` |

mod document;
mod errors;
mod lex;
mod lines;
mod node;
mod parse;
mod pointer;
mod to_value;

pub use document::{parse_document, parse_document_bytes, Document};
pub use errors::MAX_ERRORS;
pub use node::{LineCol, Member, Node, NodeId, NodeKind, Span, SyntaxError};
pub use parse::MAX_NESTING;
pub use pointer::{array_index, escape_token, join_pointer, split_pointer};
pub use to_value::number_of;

#[cfg(test)]
mod tests;
