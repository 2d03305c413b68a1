//! Flow collections (`[a, b]`, `{k: v}`, over several lines if need be) and quoted
//! scalars, which both block and flow content use.

use super::cursor::Cursor;
use super::scalar::resolve_plain;
use super::{YamlError, YamlNode};
use alloc::string::String;
use alloc::vec::Vec;

impl Cursor<'_> {
    /// White space, line breaks and comments inside a flow collection.
    fn skip_flow_space(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'#') if self.at_line_end() => {
                    while !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                }
                _ => return,
            }
        }
    }

    /// A flow sequence or mapping, from its opening bracket.
    pub(super) fn flow_collection(&mut self) -> Result<YamlNode, YamlError> {
        self.enter()?;
        let open = self.pos;
        let is_map = self.peek() == Some(b'{');
        let close = if is_map { b'}' } else { b']' };
        self.pos += 1;
        let mut items = Vec::new();
        let mut entries = Vec::new();
        loop {
            self.skip_flow_space();
            match self.peek() {
                None => return Err(self.error("unclosed flow collection", open)),
                Some(b) if b == close => {
                    self.pos += 1;
                    break;
                }
                _ => {}
            }
            let key_at = self.pos;
            let first = self.flow_node()?;
            self.skip_flow_space();
            let pair = self.peek() == Some(b':');
            if pair {
                self.pos += 1;
                self.skip_flow_space();
                let value = match self.peek() {
                    Some(b',') | Some(b'}') | Some(b']') => YamlNode::Null,
                    _ => self.flow_node()?,
                };
                let key = self.key_text(first, key_at)?;
                if is_map {
                    entries.push((key, value));
                } else {
                    items.push(YamlNode::Mapping(alloc::vec![(key, value)]));
                }
            } else if is_map {
                entries.push((self.key_text(first, key_at)?, YamlNode::Null));
            } else {
                items.push(first);
            }
            self.skip_flow_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b) if b == close => {}
                None => return Err(self.error("unclosed flow collection", open)),
                _ => return Err(self.error("expected `,` or the closing bracket", self.pos)),
            }
        }
        self.leave();
        Ok(if is_map {
            YamlNode::Mapping(entries)
        } else {
            YamlNode::Sequence(items)
        })
    }

    /// A scalar node used as a key, as its text.
    pub(super) fn key_text(&self, key: YamlNode, at: usize) -> Result<String, YamlError> {
        match key {
            YamlNode::Null => Ok(String::from("null")),
            YamlNode::Bool(b) => Ok(String::from(if b { "true" } else { "false" })),
            YamlNode::Number(n) => Ok(n),
            YamlNode::String(s) => Ok(s),
            _ => Err(self.error("only scalar keys are supported", at)),
        }
    }

    /// One node inside a flow collection.
    fn flow_node(&mut self) -> Result<YamlNode, YamlError> {
        match self.peek() {
            Some(b'[' | b'{') => self.flow_collection(),
            Some(b'"') => self.double_quoted(),
            Some(b'\'') => self.single_quoted(),
            Some(b'*') => self.alias(),
            Some(b'&' | b'!') => self.with_properties(|c| c.flow_node_or_empty()),
            _ => {
                let start = self.pos;
                while let Some(b) = self.peek() {
                    let ends = match b {
                        b',' | b'[' | b']' | b'{' | b'}' | b'\n' | b'\r' => true,
                        b':' => matches!(
                            self.peek_at(1),
                            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}')
                        ),
                        b'#' => self.at_line_end(),
                        _ => false,
                    };
                    if ends {
                        break;
                    }
                    self.pos += 1;
                }
                let text = self.src[start..self.pos].trim_end();
                if text.is_empty() {
                    return Err(self.error("expected a value", start));
                }
                Ok(resolve_plain(text))
            }
        }
    }

    fn flow_node_or_empty(&mut self) -> Result<YamlNode, YamlError> {
        match self.peek() {
            Some(b',' | b']' | b'}') => Ok(YamlNode::Null),
            _ => self.flow_node(),
        }
    }

    /// `"..."`: escapes decoded, line breaks folded.
    pub(super) fn double_quoted(&mut self) -> Result<YamlNode, YamlError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err(self.error("unterminated double-quoted string", open));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(YamlNode::String(out));
                }
                '\\' => self.escape(&mut out)?,
                '\n' | '\r' => self.fold_break(&mut out),
                _ => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), YamlError> {
        let at = self.pos;
        self.pos += 1;
        let Some(c) = self.rest().chars().next() else {
            return Err(self.error("unterminated double-quoted string", at));
        };
        self.pos += c.len_utf8();
        let decoded = match c {
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            't' | '\t' => '\t',
            'n' => '\n',
            'v' => '\u{b}',
            'f' => '\u{c}',
            'r' => '\r',
            'e' => '\u{1b}',
            ' ' => ' ',
            '"' => '"',
            '/' => '/',
            '\\' => '\\',
            'N' => '\u{85}',
            '_' => '\u{a0}',
            'L' => '\u{2028}',
            'P' => '\u{2029}',
            'x' | 'u' | 'U' => {
                let len = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex = self.src.get(self.pos..self.pos + len).unwrap_or("");
                let code = u32::from_str_radix(hex, 16)
                    .ok()
                    .filter(|_| hex.len() == len);
                let mut code = code.ok_or_else(|| self.error("invalid hexadecimal escape", at))?;
                self.pos += len;
                // A UTF-16 surrogate pair written as two escapes, as JSON text does.
                if (0xD800..0xDC00).contains(&code) && self.rest().starts_with("\\u") {
                    let low = self
                        .src
                        .get(self.pos + 2..self.pos + 6)
                        .and_then(|h| u32::from_str_radix(h, 16).ok());
                    if let Some(low) = low.filter(|l| (0xDC00..0xE000).contains(l)) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                        self.pos += 6;
                    }
                }
                char::from_u32(code)
                    .ok_or_else(|| self.error("escape is not a Unicode character", at))?
            }
            '\n' | '\r' => {
                // An escaped line break joins the lines without a space.
                if c == '\r' && self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                self.skip_spaces();
                return Ok(());
            }
            _ => return Err(self.error("invalid escape in a double-quoted string", at)),
        };
        out.push(decoded);
        Ok(())
    }

    /// A line break inside a quoted scalar: trailing spaces dropped, one break becomes a
    /// space, each further empty line a `\n`, the next line's indentation dropped.
    fn fold_break(&mut self, out: &mut String) {
        while out.ends_with([' ', '\t']) {
            out.pop();
        }
        let mut breaks = 0;
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            if self.peek() == Some(b'\n')
                || (self.peek() == Some(b'\r') && self.peek_at(1) != Some(b'\n'))
            {
                breaks += 1;
            }
            self.pos += 1;
        }
        if breaks <= 1 {
            out.push(' ');
        } else {
            for _ in 1..breaks {
                out.push('\n');
            }
        }
    }

    /// `'...'`: `''` is a quote, line breaks folded.
    pub(super) fn single_quoted(&mut self) -> Result<YamlNode, YamlError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err(self.error("unterminated single-quoted string", open));
            };
            match c {
                '\'' if self.peek_at(1) == Some(b'\'') => {
                    out.push('\'');
                    self.pos += 2;
                }
                '\'' => {
                    self.pos += 1;
                    return Ok(YamlNode::String(out));
                }
                '\n' | '\r' => self.fold_break(&mut out),
                _ => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// `*name`: a copy of the anchored node.
    pub(super) fn alias(&mut self) -> Result<YamlNode, YamlError> {
        let at = self.pos;
        self.pos += 1;
        let name = self.name();
        match self.anchors.iter().rev().find(|(n, _)| *n == name) {
            Some((_, node)) => Ok(node.clone()),
            None => Err(self.error("alias to an unknown anchor", at)),
        }
    }

    /// An anchor or tag name: up to white space or a flow indicator.
    pub(super) fn name(&mut self) -> String {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if matches!(
                b,
                b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}'
            ) {
                break;
            }
            self.pos += 1;
        }
        String::from(&self.src[start..self.pos])
    }
}
