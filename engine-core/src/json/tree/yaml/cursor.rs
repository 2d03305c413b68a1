//! A position in YAML text and the questions the reader asks about lines around it.

use super::{YamlError, YamlNode};
use crate::json::tree::lines::LineIndex;
use crate::json::tree::Span;
use alloc::string::String;
use alloc::vec::Vec;

/// Deepest nesting read; deeper input is an error, not a stack overflow.
pub(super) const MAX_DEPTH: usize = 256;

pub(super) struct Cursor<'a> {
    pub src: &'a str,
    pub pos: usize,
    pub anchors: Vec<(String, YamlNode)>,
    pub depth: usize,
    lines: LineIndex,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Cursor {
            src,
            pos: 0,
            anchors: Vec::new(),
            depth: 0,
            lines: LineIndex::new(src),
        }
    }

    pub(super) fn error(&self, message: impl Into<String>, at: usize) -> YamlError {
        let at = at.min(self.src.len());
        YamlError {
            message: message.into(),
            span: Span::new(at, at),
            at: self.lines.line_col(self.src, at),
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    pub(super) fn peek_at(&self, offset: usize) -> Option<u8> {
        self.src.as_bytes().get(self.pos + offset).copied()
    }

    pub(super) fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    /// Where the line holding `at` starts.
    pub(super) fn line_start(&self, at: usize) -> usize {
        self.src[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
    }

    /// The column (in bytes; indentation is spaces) of the cursor.
    pub(super) fn column(&self) -> usize {
        self.pos - self.line_start(self.pos)
    }

    /// True at a line break, the end, or a comment (`#` at a line start or after white space).
    pub(super) fn at_line_end(&self) -> bool {
        match self.peek() {
            None | Some(b'\n' | b'\r') => true,
            Some(b'#') => {
                self.pos == 0
                    || matches!(
                        self.src.as_bytes()[self.pos - 1],
                        b' ' | b'\t' | b'\n' | b'\r'
                    )
            }
            _ => false,
        }
    }

    pub(super) fn skip_spaces(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Past the rest of this line (comment included) and its line break.
    pub(super) fn skip_line(&mut self) {
        while !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
            self.pos += 1;
        }
        if self.peek() == Some(b'\r') {
            self.pos += 1;
        }
        if self.peek() == Some(b'\n') {
            self.pos += 1;
        }
    }

    /// To the first character of the next line with content (skipping blank and comment
    /// lines); `false` at the end of the text. Tabs may not indent block content.
    pub(super) fn next_content(&mut self) -> Result<bool, YamlError> {
        loop {
            self.skip_spaces();
            if self.at_line_end() {
                if self.peek().is_none() {
                    return Ok(false);
                }
                self.skip_line();
                continue;
            }
            let start = self.line_start(self.pos);
            if self.src[start..self.pos].contains('\t') {
                return Err(self.error("tabs cannot indent YAML block content; use spaces", start));
            }
            return Ok(true);
        }
    }

    /// Like `next_content`, but the cursor stays put; returns the column of that content.
    pub(super) fn peek_content_column(&mut self) -> Result<Option<usize>, YamlError> {
        let save = self.pos;
        let found = self.next_content()?;
        let column = self.column();
        let is_marker = self.is_document_marker();
        self.pos = save;
        Ok(if found && !is_marker {
            Some(column)
        } else {
            None
        })
    }

    /// `---` or `...` at the start of a line, alone or before white space.
    pub(super) fn is_document_marker(&self) -> bool {
        let rest = self.rest();
        self.column() == 0
            && (rest.starts_with("---") || rest.starts_with("..."))
            && matches!(
                rest.as_bytes().get(3),
                None | Some(b' ' | b'\t' | b'\n' | b'\r')
            )
    }

    /// Guard one more level of nesting.
    pub(super) fn enter(&mut self) -> Result<(), YamlError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nesting deeper than 256 levels", self.pos));
        }
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth -= 1;
    }
}
