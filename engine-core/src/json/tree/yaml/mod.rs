//! YAML definitions and templates read into the same document model: the YAML is
//! converted to JSON text (key order kept, numbers as written where JSON allows), which
//! is then parsed as any JSON document.
//!
//! The reader covers what state machine definitions, CloudFormation and SAM templates
//! use: block mappings and sequences (compact `- key: v` items included), flow `[...]`
//! and `{...}`, plain, single- and double-quoted scalars over several lines, literal `|`
//! and folded `>` block scalars with chomping, comments, anchors and aliases, `<<`
//! merge keys, and CloudFormation's short-form tags (`!Sub x` reads as `{"Fn::Sub": x}`,
//! `!Ref x` as `{"Ref": x}`, `!GetAtt a.b` as `{"Fn::GetAtt": ["a", "b"]}`). Scalars
//! resolve as the YAML 1.2 core schema says. Not covered: complex `? ` keys, several
//! documents in one text, and non-scalar keys; each is reported where it appears.
//!
//! | file | purpose |
//! | --- | --- |
//! | `cursor` | position, lines, indentation and comments |
//! | `block` | block mappings and sequences, plain scalars, anchors and tags |
//! | `block_scalar` | literal and folded block scalars |
//! | `flow` | flow collections and quoted scalars |
//! | `scalar` | plain scalar resolution and tags |

mod block;
mod block_scalar;
mod cursor;
mod flow;
mod scalar;

use super::{parse_document, Document, LineCol, Span, Style};
use crate::json::{write_compact, Value};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// A YAML problem and where it is in the YAML text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    /// Byte offsets into the YAML text.
    pub span: Span,
    /// 1-based line and character column of `span.start`.
    pub at: LineCol,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.at.line, self.at.column, self.message)
    }
}

/// A YAML node, converted to JSON terms as it is read.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum YamlNode {
    Null,
    Bool(bool),
    /// A JSON number lexeme.
    Number(String),
    String(String),
    Sequence(Vec<YamlNode>),
    Mapping(Vec<(String, YamlNode)>),
}

/// The JSON text a YAML text stands for, indented by two spaces.
pub fn yaml_to_json(yaml: &str) -> Result<String, YamlError> {
    let node = block::read_document(yaml)?;
    let mut compact = String::new();
    write_node(&node, &mut compact);
    Ok(parse_document(&compact).reformat(&Style::pretty("  ")))
}

/// A YAML text as a document of its JSON equivalent (see `yaml_to_json`).
pub fn parse_yaml_document(yaml: &str) -> Result<Document, YamlError> {
    yaml_to_json(yaml).map(|json| parse_document(&json))
}

fn write_node(node: &YamlNode, out: &mut String) {
    match node {
        YamlNode::Null => out.push_str("null"),
        YamlNode::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        YamlNode::Number(lexeme) => out.push_str(lexeme),
        YamlNode::String(s) => out.push_str(&write_compact(&Value::String(s.clone()))),
        YamlNode::Sequence(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_node(item, out);
            }
            out.push(']');
        }
        YamlNode::Mapping(entries) => {
            out.push('{');
            for (i, (key, value)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&write_compact(&Value::String(key.clone())));
                out.push(':');
                write_node(value, out);
            }
            out.push('}');
        }
    }
}
