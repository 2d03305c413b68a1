//! The document: its text, the tree parsed from it, and the questions asked of both.

use super::lines::{byte_offset_of_utf16, floor_char_boundary, utf16_len, LineIndex};
use super::parse::{parse, ParentLink};
use super::pointer::{array_index, escape_token, split_pointer};
use super::{LineCol, Member, Node, NodeId, NodeKind, Span, SyntaxError};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// A JSON text and its ordered, spanned tree. The text is kept as given, so printing
/// the document gives back exactly what was parsed.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    nodes: Vec<Node>,
    parents: Vec<ParentLink>,
    root: Option<NodeId>,
    errors: Vec<SyntaxError>,
    lines: LineIndex,
}

/// Parse JSON text into a document; never fails: problems are in `syntax_errors()`.
pub fn parse_document(text: &str) -> Document {
    Document::from_text(String::from(text), Vec::new())
}

/// Parse bytes that should be UTF-8 JSON. Invalid UTF-8 sequences become U+FFFD in the
/// document's text, each reported as a syntax error where it now stands.
pub fn parse_document_bytes(bytes: &[u8]) -> Document {
    let mut text = String::with_capacity(bytes.len());
    let mut errors = Vec::new();
    let mut rest = bytes;
    loop {
        match core::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // Checked valid just above, so this cannot fail.
                text.push_str(core::str::from_utf8(valid).unwrap_or_default());
                let at = text.len();
                let message = format!(
                    "invalid UTF-8 at byte {}",
                    bytes.len() - rest.len() + valid.len()
                );
                text.push('\u{FFFD}');
                errors.push(SyntaxError {
                    message,
                    span: Span::new(at, text.len()),
                });
                let skip = e.error_len().unwrap_or(after.len());
                rest = &after[skip..];
            }
        }
    }
    Document::from_text(text, errors)
}

impl Document {
    pub(super) fn from_text(text: String, mut errors: Vec<SyntaxError>) -> Document {
        let parsed = parse(&text);
        if errors.is_empty() {
            errors = parsed.errors;
        } else {
            errors.extend(parsed.errors);
            crate::sort::sort_by_key(&mut errors, |e| (e.span.start, e.span.end));
        }
        let lines = LineIndex::new(&text);
        Document {
            text,
            nodes: parsed.nodes,
            parents: parsed.parents,
            root: parsed.root,
            errors,
            lines,
        }
    }

    /// The document text, exactly as parsed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text taken out of the document.
    pub fn into_text(self) -> String {
        self.text
    }

    /// The top-level value, if there is one.
    pub fn root(&self) -> Option<NodeId> {
        self.root
    }

    /// The node `id` (ids come from this document).
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    /// How many nodes the tree has (including any dropped while recovering from errors).
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Every syntax error, in text order.
    pub fn syntax_errors(&self) -> &[SyntaxError] {
        &self.errors
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// The text of a node, exactly as written.
    pub fn source(&self, id: NodeId) -> &str {
        self.slice(self.node(id).span)
    }

    /// A number node's lexeme as written (`1.0`, `1e3`, `123456789012345678901234567890`).
    pub fn lexeme(&self, id: NodeId) -> Option<&str> {
        match self.node(id).kind {
            NodeKind::Number { lexeme } => Some(self.slice(lexeme)),
            _ => None,
        }
    }

    /// A string node's decoded content.
    pub fn as_str(&self, id: NodeId) -> Option<&str> {
        match &self.node(id).kind {
            NodeKind::String { decoded } => Some(decoded),
            _ => None,
        }
    }

    /// An object's members in text order (empty for other nodes).
    pub fn members(&self, id: NodeId) -> &[Member] {
        match &self.node(id).kind {
            NodeKind::Object(members) => members,
            _ => &[],
        }
    }

    /// An array's items in order (empty for other nodes).
    pub fn items(&self, id: NodeId) -> &[NodeId] {
        match &self.node(id).kind {
            NodeKind::Array(items) => items,
            _ => &[],
        }
    }

    /// The member `key` of an object; with duplicate keys, the last one (as JSON
    /// readers, and AWS, take it).
    pub fn member(&self, id: NodeId, key: &str) -> Option<&Member> {
        self.members(id).iter().rev().find(|m| m.key == key)
    }

    /// The value of member `key` of an object (the last one when duplicated).
    pub fn get(&self, id: NodeId, key: &str) -> Option<NodeId> {
        self.member(id, key).map(|m| m.value)
    }

    /// The container holding `id`, and the index of its member or item there.
    pub fn parent(&self, id: NodeId) -> Option<(NodeId, usize)> {
        self.parents[id.index()].map(|(p, i)| (p, i as usize))
    }

    /// The member whose value is `id`, when `id` sits in an object.
    pub fn member_of(&self, id: NodeId) -> Option<&Member> {
        let (parent, index) = self.parent(id)?;
        self.members(parent).get(index)
    }

    /// How many containers enclose `id`.
    pub fn depth(&self, id: NodeId) -> usize {
        let mut depth = 0;
        let mut at = id;
        while let Some((parent, _)) = self.parent(at) {
            depth += 1;
            at = parent;
        }
        depth
    }

    /// The RFC 6901 pointer of a node, `""` for the root.
    pub fn pointer_of(&self, id: NodeId) -> String {
        let mut tokens = Vec::new();
        let mut at = id;
        while let Some((parent, index)) = self.parent(at) {
            match &self.node(parent).kind {
                NodeKind::Object(members) => tokens.push(escape_token(&members[index].key)),
                _ => tokens.push(format!("{index}")),
            }
            at = parent;
        }
        let mut out = String::new();
        for t in tokens.iter().rev() {
            out.push('/');
            out.push_str(t);
        }
        out
    }

    /// The node a pointer names, if any (duplicated keys resolve to the last member).
    pub fn resolve(&self, pointer: &str) -> Option<NodeId> {
        let mut at = self.root?;
        for token in split_pointer(pointer)? {
            at = match &self.node(at).kind {
                NodeKind::Object(_) => self.get(at, &token)?,
                NodeKind::Array(items) => *items.get(array_index(&token)?)?,
                _ => return None,
            };
        }
        Some(at)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, byte_offset: usize) -> LineCol {
        self.lines.line_col(&self.text, byte_offset)
    }

    /// 1-based line and column in UTF-16 code units, as the browser's editor counts.
    pub fn line_col_utf16(&self, byte_offset: usize) -> LineCol {
        self.lines.line_col_utf16(&self.text, byte_offset)
    }

    /// The 1-based UTF-16 column of a byte offset.
    pub fn utf16_column(&self, byte_offset: usize) -> u32 {
        self.line_col_utf16(byte_offset).column
    }

    /// A byte offset as a UTF-16 offset from the start of the text.
    pub fn utf16_offset(&self, byte_offset: usize) -> usize {
        utf16_len(&self.text[..floor_char_boundary(&self.text, byte_offset)])
    }

    /// A UTF-16 offset from the start of the text as a byte offset.
    pub fn byte_offset_of_utf16(&self, utf16_offset: usize) -> usize {
        byte_offset_of_utf16(&self.text, utf16_offset)
    }

    /// The byte offset of a 1-based line and character column.
    pub fn offset_of(&self, at: LineCol) -> usize {
        self.lines.offset_of(&self.text, at)
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.lines.line_count()
    }

    /// The deepest node whose span contains `byte_offset` (for hover and click-to-select).
    pub fn node_at(&self, byte_offset: usize) -> Option<NodeId> {
        let mut at = self.root?;
        if !self.node(at).span.contains(byte_offset) {
            return None;
        }
        loop {
            let inner = match &self.node(at).kind {
                NodeKind::Object(members) => members
                    .iter()
                    .map(|m| m.value)
                    .find(|&v| self.node(v).span.contains(byte_offset)),
                NodeKind::Array(items) => items
                    .iter()
                    .copied()
                    .find(|&v| self.node(v).span.contains(byte_offset)),
                _ => None,
            };
            match inner {
                Some(next) => at = next,
                None => return Some(at),
            }
        }
    }
}
