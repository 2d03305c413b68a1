//! Tokens of JSON text, with recovery: a bad token is reported and skipped, never fatal.
//!
//! The lexer also recognises what people paste by mistake (comments, single-quoted
//! strings, bare words) so the parser can say what is wrong instead of "unexpected".

use super::errors::ErrorSink;
use super::Span;
use crate::json::parse::simple_escape;
use alloc::format;
use alloc::string::String;

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum TokenKind {
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Colon,
    Comma,
    /// A string and its decoded content (also single-quoted ones, already reported).
    String(String),
    /// A well-formed JSON number.
    Number,
    True,
    False,
    Null,
    /// Letters without quotes: an unquoted key or a misspelt literal; the parser reports it.
    Word,
    /// Anything else; already reported.
    Invalid,
    Eof,
}

/// A token and its span.
#[derive(Clone, Debug)]
pub(super) struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

pub(super) struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    pub errors: ErrorSink,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        // RFC 8259 lets parsers ignore a byte order mark; editors add one on Windows.
        let pos = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos,
            errors: ErrorSink::default(),
        }
    }

    pub(super) fn text(&self) -> &'a str {
        self.text
    }

    /// The next token, after white space and (reported) comments.
    pub(super) fn next(&mut self) -> Token {
        self.skip_trivia();
        let start = self.pos;
        let Some(&b) = self.bytes.get(start) else {
            return Token {
                kind: TokenKind::Eof,
                span: Span::new(start, start),
            };
        };
        let kind = match b {
            b'{' => self.single(TokenKind::LBrace),
            b'}' => self.single(TokenKind::RBrace),
            b'[' => self.single(TokenKind::LBracket),
            b']' => self.single(TokenKind::RBracket),
            b':' => self.single(TokenKind::Colon),
            b',' => self.single(TokenKind::Comma),
            b'"' => TokenKind::String(self.string(b'"')),
            b'\'' => {
                let decoded = self.string(b'\'');
                self.errors
                    .push("strings must use double quotes", Span::new(start, self.pos));
                TokenKind::String(decoded)
            }
            b'-' | b'0'..=b'9' => self.number(),
            b if is_word_byte(b) => self.word(),
            _ => {
                let c = self.text[start..].chars().next().unwrap_or('\u{FFFD}');
                self.pos += c.len_utf8();
                self.errors.push(
                    format!("unexpected character `{}`", c.escape_debug()),
                    Span::new(start, self.pos),
                );
                TokenKind::Invalid
            }
        };
        Token {
            kind,
            span: Span::new(start, self.pos),
        }
    }

    fn single(&mut self, kind: TokenKind) -> TokenKind {
        self.pos += 1;
        kind
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.bytes.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    let start = self.pos;
                    while !matches!(self.bytes.get(self.pos), None | Some(b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                    self.errors.push(
                        "comments are not allowed in JSON",
                        Span::new(start, self.pos),
                    );
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    let start = self.pos;
                    let close = self.text[start + 2..].find("*/");
                    self.pos = close.map_or(self.bytes.len(), |i| start + 2 + i + 2);
                    let message = match close {
                        Some(_) => "comments are not allowed in JSON",
                        None => "unterminated comment (comments are not allowed in JSON)",
                    };
                    self.errors.push(message, Span::new(start, self.pos));
                }
                _ => return,
            }
        }
    }

    /// A bare run of letters, digits and `_$.+-`: `true`, `false`, `null`, or a `Word`.
    fn word(&mut self) -> TokenKind {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(|&b| is_word_byte(b)) {
            self.pos += 1;
        }
        match &self.text[start..self.pos] {
            "true" => TokenKind::True,
            "false" => TokenKind::False,
            "null" => TokenKind::Null,
            _ => TokenKind::Word,
        }
    }

    /// A number per RFC 8259; a malformed one (`01`, `1.`, `.5`, `-`, `1e`) is reported whole.
    fn number(&mut self) -> TokenKind {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(|&b| is_word_byte(b)) {
            self.pos += 1;
        }
        let lexeme = &self.text[start..self.pos];
        if is_json_number(lexeme.as_bytes()) {
            TokenKind::Number
        } else {
            self.errors.push(
                format!("invalid number `{lexeme}`"),
                Span::new(start, self.pos),
            );
            TokenKind::Invalid
        }
    }

    /// A quoted string from its opening quote; escapes decoded, problems reported. A line
    /// break ends an unterminated string so the next lines still parse.
    fn string(&mut self, quote: u8) -> String {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == quote || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run..self.pos]);
            match self.bytes.get(self.pos) {
                Some(&b) if b == quote => {
                    self.pos += 1;
                    return out;
                }
                None | Some(b'\n' | b'\r') => {
                    self.errors.push(
                        "unterminated string: expected `\"`",
                        Span::new(start, self.pos),
                    );
                    return out;
                }
                Some(b'\\') => self.escape(&mut out),
                Some(&b) => {
                    self.errors.push(
                        format!("control character U+{b:04X} must be escaped in a string"),
                        Span::new(self.pos, self.pos + 1),
                    );
                    out.push(b as char);
                    self.pos += 1;
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) {
        let start = self.pos;
        self.pos += 1;
        let letter = match self.bytes.get(self.pos) {
            Some(b'u') => {
                self.pos += 1;
                return self.unicode_escape(start, out);
            }
            None | Some(b'\n' | b'\r') => {
                out.push('\\');
                return;
            }
            Some(&b) => b,
        };
        if let Some(c) = simple_escape(letter) {
            self.pos += 1;
            out.push(c);
            return;
        }
        let c = self.text[self.pos..].chars().next().unwrap_or('\u{FFFD}');
        self.pos += c.len_utf8();
        let message = format!("invalid escape `\\{}`", c.escape_debug());
        self.errors.push(message, Span::new(start, self.pos));
        out.push('\\');
        out.push(c);
    }

    /// `\uXXXX`, pairing surrogates; a lone surrogate decodes to U+FFFD (as JSON allows it).
    fn unicode_escape(&mut self, start: usize, out: &mut String) {
        let Some(high) = self.hex4() else {
            self.errors.push(
                "invalid `\\u` escape: expected four hex digits",
                Span::new(start, self.pos),
            );
            out.push('\u{FFFD}');
            return;
        };
        let mut code = high;
        if (0xD800..0xDC00).contains(&high) && self.bytes[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            match self.hex4() {
                Some(low) if (0xDC00..0xE000).contains(&low) => {
                    code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                }
                _ => self.pos = save,
            }
        }
        out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let mut code = 0u32;
        for &d in digits {
            code = code * 16 + (d as char).to_digit(16)?;
        }
        self.pos += 4;
        Some(code)
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'+' | b'-')
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
pub(super) fn is_json_number(s: &[u8]) -> bool {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let from = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > from
    };
    if s.first() == Some(&b'-') {
        i += 1;
    }
    match s.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = s.get(i) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == s.len()
}
