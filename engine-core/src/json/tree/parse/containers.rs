//! What an open object or array accepts next, and how each unexpected token is reported
//! and recovered from (missing colons and commas, stray and trailing commas, closers of
//! the wrong kind, values where keys belong).

use super::{ArrayState, Frame, ObjectState, Parser};
use crate::json::tree::lex::{Token, TokenKind};
use crate::json::tree::Span;
use alloc::format;
use alloc::string::String;

impl Parser<'_> {
    fn set_object_state(&mut self, new: ObjectState) {
        if let Some(Frame::Object { state, .. }) = self.stack.last_mut() {
            *state = new;
        }
    }

    fn set_array_state(&mut self, new: ArrayState) {
        if let Some(Frame::Array { state, .. }) = self.stack.last_mut() {
            *state = new;
        }
    }

    fn set_key(&mut self, new: Option<(String, Span)>) {
        if let Some(Frame::Object { key, .. }) = self.stack.last_mut() {
            *key = new;
        }
    }

    pub(super) fn in_object(&mut self, tok: Token) {
        let Some(Frame::Object { state, .. }) = self.stack.last() else {
            return;
        };
        let state = *state;
        match (state, tok.kind) {
            (_, TokenKind::RBracket) => self.mismatched(TokenKind::RBracket, tok.span, "`}`"),
            (
                ObjectState::KeyOrEnd | ObjectState::Key(_) | ObjectState::AfterValue,
                TokenKind::RBrace,
            ) => {
                if let ObjectState::Key(comma) = state {
                    self.error("trailing comma before `}`", comma);
                }
                self.close(tok.span.end);
            }
            (ObjectState::Colon | ObjectState::Value, TokenKind::RBrace) => {
                self.error("expected a value for this key", self.key_span_or(tok.span));
                self.close(tok.span.end);
            }
            (ObjectState::KeyOrEnd | ObjectState::Key(_), TokenKind::String(s)) => {
                self.key(s, tok.span)
            }
            (ObjectState::KeyOrEnd | ObjectState::Key(_), TokenKind::Word) => {
                self.error("property names must be double-quoted strings", tok.span);
                let word = String::from(&self.lex.text()[tok.span.start..tok.span.end]);
                self.key(word, tok.span);
            }
            (ObjectState::KeyOrEnd | ObjectState::Key(_), TokenKind::Comma) => {
                self.unexpected(tok.span, "expected a string key");
            }
            (ObjectState::KeyOrEnd | ObjectState::Key(_), TokenKind::Colon) => {
                self.unexpected(tok.span, "expected a string key before `:`");
                self.set_object_state(ObjectState::Value);
            }
            (ObjectState::KeyOrEnd | ObjectState::Key(_), kind) => {
                // A value where a key belongs: report it, parse it so its insides are
                // checked too, and drop it.
                let tok = Token {
                    kind,
                    span: tok.span,
                };
                self.unexpected(tok.span, "expected a string key");
                self.object_value(tok);
            }
            (ObjectState::Colon, TokenKind::Colon) => self.set_object_state(ObjectState::Value),
            (ObjectState::Colon | ObjectState::Value, TokenKind::Comma) => {
                self.error("expected a value for this key", self.key_span_or(tok.span));
                self.set_key(None);
                self.set_object_state(ObjectState::Key(tok.span));
            }
            (ObjectState::Colon, kind) => {
                let at = Span::new(tok.span.start, tok.span.start);
                self.error("expected `:` after the key", at);
                self.object_value(Token {
                    kind,
                    span: tok.span,
                });
            }
            (ObjectState::Value, TokenKind::Colon)
            | (ObjectState::AfterValue, TokenKind::Colon) => {
                self.unexpected(tok.span, "expected a value");
            }
            (ObjectState::Value, kind) => self.object_value(Token {
                kind,
                span: tok.span,
            }),
            (ObjectState::AfterValue, TokenKind::Comma) => {
                self.set_object_state(ObjectState::Key(tok.span))
            }
            (ObjectState::AfterValue, TokenKind::String(s)) => {
                self.error(
                    "expected `,` between members",
                    Span::new(tok.span.start, tok.span.start),
                );
                self.key(s, tok.span);
            }
            (ObjectState::AfterValue, TokenKind::Word) => {
                self.error(
                    "expected `,` between members",
                    Span::new(tok.span.start, tok.span.start),
                );
                self.set_object_state(ObjectState::KeyOrEnd);
                self.in_object(Token {
                    kind: TokenKind::Word,
                    span: tok.span,
                });
            }
            (ObjectState::AfterValue, kind) => {
                let tok = Token {
                    kind,
                    span: tok.span,
                };
                self.unexpected(tok.span, "expected `,` or `}`");
                self.set_key(None);
                self.object_value(tok);
            }
            (ObjectState::Child, _) => {}
        }
    }

    fn key_span_or(&self, fallback: Span) -> Span {
        match self.stack.last() {
            Some(Frame::Object {
                key: Some((_, span)),
                ..
            }) => *span,
            _ => fallback,
        }
    }

    fn key(&mut self, key: String, span: Span) {
        self.set_key(Some((key, span)));
        self.set_object_state(ObjectState::Colon);
    }

    fn object_value(&mut self, tok: Token) {
        self.set_object_state(ObjectState::Child);
        self.value(tok);
    }

    pub(super) fn in_array(&mut self, tok: Token) {
        let Some(Frame::Array { state, .. }) = self.stack.last() else {
            return;
        };
        let state = *state;
        match (state, tok.kind) {
            (_, TokenKind::RBrace) => self.mismatched(TokenKind::RBrace, tok.span, "`]`"),
            (ArrayState::Child, _) => {}
            (_, TokenKind::Colon) => {
                self.unexpected(tok.span, "arrays hold values, not `key: value` members")
            }
            (ArrayState::Value(comma), TokenKind::RBracket) => {
                self.error("trailing comma before `]`", comma);
                self.close(tok.span.end);
            }
            (_, TokenKind::RBracket) => self.close(tok.span.end),
            (ArrayState::AfterValue, TokenKind::Comma) => {
                self.set_array_state(ArrayState::Value(tok.span))
            }
            (_, TokenKind::Comma) => self.unexpected(tok.span, "expected a value"),
            (ArrayState::AfterValue, kind) => {
                self.error(
                    "expected `,` between array items",
                    Span::new(tok.span.start, tok.span.start),
                );
                self.set_array_state(ArrayState::Child);
                self.value(Token {
                    kind,
                    span: tok.span,
                });
            }
            (_, kind) => {
                self.set_array_state(ArrayState::Child);
                self.value(Token {
                    kind,
                    span: tok.span,
                });
            }
        }
    }

    /// A closer that belongs to an enclosing container: close this one (reporting the
    /// missing closer) and let the enclosing one take the token; or skip a stray closer.
    fn mismatched(&mut self, kind: TokenKind, span: Span, expected: &str) {
        let is_object_closer = kind == TokenKind::RBrace;
        let tok = Token { kind, span };
        let enclosing = self
            .stack
            .iter()
            .rev()
            .skip(1)
            .any(|f| matches!(f, Frame::Object { .. }) == is_object_closer);
        if enclosing {
            self.error(
                format!("expected {expected} before this"),
                Span::new(tok.span.start, tok.span.start),
            );
            self.close(tok.span.start);
            self.pushback = Some(tok);
        } else {
            self.unexpected(span, &format!("expected {expected}"));
        }
    }
}
