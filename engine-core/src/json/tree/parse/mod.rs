//! The recovering parser: tokens to an arena of nodes, every syntax error collected.
//!
//! It keeps an explicit stack of open containers instead of recursing, so nesting depth
//! costs heap, not call stack: 10,000 `[` are an error message, not a crash.

mod containers;

use super::lex::{Lexer, Token, TokenKind};
use super::{Member, Node, NodeId, NodeKind, Span, SyntaxError};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Deepest nesting reported as fine; deeper documents still parse, with one error.
pub const MAX_NESTING: usize = 512;

/// Where a node sits in its parent: `(parent, index of the member or item)`.
pub(super) type ParentLink = Option<(NodeId, u32)>;

/// What `parse` produces for a `Document`.
pub(super) struct Parsed {
    pub nodes: Vec<Node>,
    pub parents: Vec<ParentLink>,
    pub root: Option<NodeId>,
    pub errors: Vec<SyntaxError>,
}

/// Parse `text`, never failing.
pub(super) fn parse(text: &str) -> Parsed {
    let mut p = Parser {
        lex: Lexer::new(text),
        nodes: Vec::with_capacity(text.len() / 8),
        parents: Vec::with_capacity(text.len() / 8),
        stack: Vec::new(),
        root: None,
        root_done: false,
        pushback: None,
        too_deep_reported: false,
    };
    p.run();
    let errors = p.lex.errors.finish(text.len());
    Parsed {
        nodes: p.nodes,
        parents: p.parents,
        root: p.root,
        errors,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum ObjectState {
    /// After `{`.
    KeyOrEnd,
    /// After a `,` (remembering where it was, for a trailing comma).
    Key(Span),
    Colon,
    Value,
    /// A container value is open above this frame.
    Child,
    AfterValue,
}

#[derive(Clone, Copy, PartialEq)]
enum ArrayState {
    ValueOrEnd,
    Value(Span),
    Child,
    AfterValue,
}

enum Frame {
    Object {
        id: NodeId,
        members: Vec<Member>,
        key: Option<(String, Span)>,
        state: ObjectState,
    },
    Array {
        id: NodeId,
        items: Vec<NodeId>,
        state: ArrayState,
    },
}

struct Parser<'a> {
    lex: Lexer<'a>,
    nodes: Vec<Node>,
    parents: Vec<ParentLink>,
    stack: Vec<Frame>,
    root: Option<NodeId>,
    /// The top-level value has been read (it may have been invalid and so have no node).
    root_done: bool,
    pushback: Option<Token>,
    too_deep_reported: bool,
}

fn is_value_start(kind: &TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::LBrace
            | TokenKind::LBracket
            | TokenKind::String(_)
            | TokenKind::Number
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Null
            | TokenKind::Word
            | TokenKind::Invalid
    )
}

impl Parser<'_> {
    fn next(&mut self) -> Token {
        self.pushback.take().unwrap_or_else(|| self.lex.next())
    }

    fn error(&mut self, message: impl Into<String>, span: Span) {
        self.lex.errors.push(message, span);
    }

    fn run(&mut self) {
        loop {
            let tok = self.next();
            if tok.kind == TokenKind::Eof {
                self.end_of_text(tok.span);
                return;
            }
            match self.stack.last() {
                None if self.root_done => {
                    let span = Span::new(tok.span.start, self.lex.text().len());
                    self.error("unexpected text after the JSON value", span);
                    return;
                }
                None => self.top_level(tok),
                Some(Frame::Object { .. }) => self.in_object(tok),
                Some(Frame::Array { .. }) => self.in_array(tok),
            }
        }
    }

    fn end_of_text(&mut self, at: Span) {
        if let Some(frame) = self.stack.last() {
            let expected = if matches!(frame, Frame::Object { .. }) {
                "`}`"
            } else {
                "`]`"
            };
            self.error(format!("unexpected end of text: expected {expected}"), at);
            while !self.stack.is_empty() {
                self.close(at.end);
            }
        } else if !self.root_done {
            self.error("expected a JSON value", at);
        }
    }

    fn top_level(&mut self, tok: Token) {
        if is_value_start(&tok.kind) {
            self.value(tok);
        } else {
            self.unexpected(tok.span, "expected a JSON value");
        }
    }

    fn unexpected(&mut self, span: Span, expected: &str) {
        let found = &self.lex.text()[span.start..span.end];
        self.error(format!("unexpected `{found}`: {expected}"), span);
    }

    /// Start a value: a scalar becomes a node at once, a container opens a frame.
    fn value(&mut self, tok: Token) {
        let span = tok.span;
        let kind = match tok.kind {
            TokenKind::LBrace | TokenKind::LBracket => {
                let id = self.push_node(span, NodeKind::Null);
                if self.stack.len() == MAX_NESTING && !self.too_deep_reported {
                    self.too_deep_reported = true;
                    self.error(format!("nesting deeper than {MAX_NESTING} levels"), span);
                }
                self.stack.push(if tok.kind == TokenKind::LBrace {
                    Frame::Object {
                        id,
                        members: Vec::new(),
                        key: None,
                        state: ObjectState::KeyOrEnd,
                    }
                } else {
                    Frame::Array {
                        id,
                        items: Vec::new(),
                        state: ArrayState::ValueOrEnd,
                    }
                });
                return;
            }
            TokenKind::String(s) => NodeKind::String { decoded: s },
            TokenKind::Number => NodeKind::Number { lexeme: span },
            TokenKind::True => NodeKind::Bool(true),
            TokenKind::False => NodeKind::Bool(false),
            TokenKind::Null => NodeKind::Null,
            TokenKind::Word => {
                let word = &self.lex.text()[span.start..span.end];
                let message = match word.to_ascii_lowercase().as_str() {
                    "true" | "false" | "null" => format!("`{word}`: JSON literals are lower-case"),
                    _ => format!("unexpected `{word}`: expected a JSON value"),
                };
                self.error(message, span);
                self.attach(None);
                return;
            }
            _ => {
                // Already reported by the lexer.
                self.attach(None);
                return;
            }
        };
        let id = self.push_node(span, kind);
        self.attach(Some(id));
    }

    fn push_node(&mut self, span: Span, kind: NodeKind) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node { span, kind });
        self.parents.push(None);
        id
    }

    /// A value is complete (or was invalid, `None`): hand it to the enclosing container.
    fn attach(&mut self, value: Option<NodeId>) {
        match self.stack.last_mut() {
            None => {
                // An invalid root still counts as the value, so text after it is reported
                // once as trailing text.
                self.root = value;
                self.root_done = true;
            }
            Some(Frame::Object {
                id,
                members,
                key,
                state,
            }) => {
                if let (Some(value), Some((key, key_span))) = (value, key.take()) {
                    self.parents[value.index()] = Some((*id, members.len() as u32));
                    members.push(Member {
                        key,
                        key_span,
                        value,
                    });
                }
                *state = ObjectState::AfterValue;
            }
            Some(Frame::Array { id, items, state }) => {
                if let Some(value) = value {
                    self.parents[value.index()] = Some((*id, items.len() as u32));
                    items.push(value);
                }
                *state = ArrayState::AfterValue;
            }
        }
    }

    /// Close the innermost container at byte `end` and attach it to its parent.
    fn close(&mut self, end: usize) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let (id, kind) = match frame {
            Frame::Object { id, members, .. } => (id, NodeKind::Object(members)),
            Frame::Array { id, items, .. } => (id, NodeKind::Array(items)),
        };
        let node = &mut self.nodes[id.index()];
        node.span.end = end;
        node.kind = kind;
        self.attach(Some(id));
    }
}
