//! The pieces of a document tree: node ids, spans, nodes, members and syntax errors.

use alloc::string::String;
use alloc::vec::Vec;

/// Index of a node in its `Document`; only meaningful for the document that made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The position of the node in the document's node list.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A byte range `start..end` of the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True for an empty span (a position, not a range).
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `offset` lies in `start..end`.
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// One JSON value of the document and where its text is.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

/// What a node is. Containers list their children in text order.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    /// A number as written: `lexeme` is its span, so `1.0`, `1e3` and 30-digit integers
    /// stay exactly as they are. `Document::lexeme` gives the text.
    Number {
        lexeme: Span,
    },
    /// A string, escapes decoded; the escaped form stays in the text at the node's span.
    String {
        decoded: String,
    },
    Array(Vec<NodeId>),
    /// Members in text order, duplicate keys included.
    Object(Vec<Member>),
}

/// An object member: its decoded key, where the key is written (quotes included), its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: NodeId,
}

/// A syntax problem: what was found or expected, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

/// A 1-based text position; `column` counts characters (Unicode scalar values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}
