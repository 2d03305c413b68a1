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
//! | `style` | detecting a document's indentation, line breaks and separators |
//! | `edit` | edits by pointer with their inverses; state machine edits (rename, insert, delete, move) |
//! | `yaml` | YAML definitions and templates read into the same model |
//! | `write` | writing a node in a style, lexemes and escapes kept |

mod document;
mod edit;
mod errors;
mod lex;
mod lines;
mod node;
mod parse;
mod pointer;
mod style;
mod to_value;
mod write;
mod yaml;

pub use document::{parse_document, parse_document_bytes, Document};
pub use edit::{Edit, EditError, TextChange};
pub use errors::MAX_ERRORS;
pub use node::{LineCol, Member, Node, NodeId, NodeKind, Span, SyntaxError};
pub use parse::MAX_NESTING;
pub use pointer::{array_index, escape_token, join_pointer, split_pointer};
pub use style::Style;
pub use to_value::number_of;
pub use yaml::{parse_yaml_document, yaml_to_json, YamlError};

#[cfg(test)]
mod tests;
