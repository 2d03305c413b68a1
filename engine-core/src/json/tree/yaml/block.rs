//! Block structure: mappings and sequences by indentation, block scalars, plain scalars
//! over several lines, and the node properties (anchors, tags) in front of a node.

use super::cursor::Cursor;
use super::scalar::{apply_tag, resolve_plain};
use super::{YamlError, YamlNode};
use alloc::string::String;
use alloc::vec::Vec;

/// The one document of a YAML text (empty text is `null`).
pub(super) fn read_document(src: &str) -> Result<YamlNode, YamlError> {
    let mut c = Cursor::new(src);
    if src.starts_with('\u{FEFF}') {
        c.pos = 3;
    }
    loop {
        if !c.next_content()? {
            return Ok(YamlNode::Null);
        }
        if c.column() == 0 && c.peek() == Some(b'%') {
            c.skip_line();
        } else if c.is_document_marker() && c.rest().starts_with("---") {
            c.pos += 3;
            c.skip_spaces();
            if !c.at_line_end() {
                break;
            }
        } else {
            break;
        }
    }
    let node = c.block_node(-1)?;
    if c.next_content()? {
        if c.is_document_marker() && c.rest().starts_with("...") {
            c.pos += 3;
            if !c.next_content()? {
                return Ok(node);
            }
        }
        let message = if c.is_document_marker() {
            "several YAML documents in one text; only one is read"
        } else {
            "unexpected content: check the indentation"
        };
        return Err(c.error(message, c.pos));
    }
    Ok(node)
}

impl Cursor<'_> {
    /// The node starting at the cursor, whose parent is indented `parent` columns.
    pub(super) fn block_node(&mut self, parent: isize) -> Result<YamlNode, YamlError> {
        self.enter()?;
        let column = self.column() as isize;
        let node = if self.is_sequence_entry() {
            self.sequence(column)
        } else if self.is_key_line()? {
            self.mapping(column)
        } else {
            self.inline_value(parent)
        };
        self.leave();
        node
    }

    fn is_sequence_entry(&self) -> bool {
        self.peek() == Some(b'-')
            && matches!(self.peek_at(1), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
    }

    /// Whether the line from the cursor is `key: ...`.
    fn is_key_line(&self) -> Result<bool, YamlError> {
        let bytes = self.src.as_bytes();
        let mut i = self.pos;
        match bytes.get(i) {
            Some(b'?') if matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r')) => {
                return Err(self.error("complex `? ` keys are not supported", i));
            }
            Some(&q @ (b'"' | b'\'')) => {
                i += 1;
                loop {
                    match bytes.get(i) {
                        None | Some(b'\n' | b'\r') => return Ok(false),
                        Some(b'\\') if q == b'"' => i += 2,
                        Some(&b) if b == q && q == b'\'' && bytes.get(i + 1) == Some(&b'\'') => {
                            i += 2
                        }
                        Some(&b) if b == q => break,
                        _ => i += 1,
                    }
                }
                i += 1;
                while let Some(b' ' | b'\t') = bytes.get(i) {
                    i += 1;
                }
                return Ok(
                    bytes.get(i) == Some(&b':') && is_break_or_space(bytes.get(i + 1).copied())
                );
            }
            Some(b'[' | b'{' | b'&' | b'!' | b'*' | b'|' | b'>' | b'#') => return Ok(false),
            _ => {}
        }
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\n' | b'\r' => return Ok(false),
                b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => return Ok(false),
                b':' if is_break_or_space(bytes.get(i + 1).copied()) => return Ok(true),
                _ => i += 1,
            }
        }
        Ok(false)
    }

    /// A key and its colon.
    fn block_key(&mut self) -> Result<String, YamlError> {
        let at = self.pos;
        let key = match self.peek() {
            Some(b'"') => self.double_quoted()?,
            Some(b'\'') => self.single_quoted()?,
            _ => {
                while !(self.peek() == Some(b':') && is_break_or_space(self.peek_at(1))) {
                    self.pos += 1;
                }
                YamlNode::String(String::from(self.src[at..self.pos].trim_end()))
            }
        };
        self.skip_spaces();
        self.pos += 1; // the colon, found by is_key_line
        self.key_text(key, at)
    }

    fn mapping(&mut self, indent: isize) -> Result<YamlNode, YamlError> {
        let mut entries: Vec<(String, YamlNode)> = Vec::new();
        // Keys that came from `<<` merges: a key written in the mapping itself overrides them.
        let mut merged: Vec<String> = Vec::new();
        loop {
            let key = self.block_key()?;
            self.skip_spaces();
            let value = self.block_value(indent, true)?;
            if key == "<<" {
                merge(&mut entries, &mut merged, value);
            } else if let Some(at) = merged.iter().position(|k| *k == key) {
                merged.remove(at);
                if let Some(entry) = entries.iter_mut().find(|(k, _)| *k == key) {
                    entry.1 = value;
                }
            } else {
                entries.push((key, value));
            }
            match self.peek_content_column()? {
                Some(c) if c as isize == indent => {
                    self.next_content()?;
                    if !self.is_key_line()? {
                        return Err(
                            self.error("expected `key: value` at this indentation", self.pos)
                        );
                    }
                }
                Some(c) if c as isize > indent => {
                    self.next_content()?;
                    return Err(self.error("unexpected indentation", self.pos));
                }
                _ => return Ok(YamlNode::Mapping(entries)),
            }
        }
    }

    fn sequence(&mut self, indent: isize) -> Result<YamlNode, YamlError> {
        let mut items = Vec::new();
        loop {
            self.pos += 1; // the dash
            self.skip_spaces();
            let item = if self.at_line_end() {
                self.block_value(indent, false)?
            } else {
                self.block_node(indent)?
            };
            items.push(item);
            match self.peek_content_column()? {
                Some(c) if c as isize == indent => {
                    self.next_content()?;
                    if !self.is_sequence_entry() {
                        return Ok(YamlNode::Sequence(items));
                    }
                }
                Some(c) if c as isize > indent => {
                    self.next_content()?;
                    return Err(self.error("unexpected indentation", self.pos));
                }
                _ => return Ok(YamlNode::Sequence(items)),
            }
        }
    }

    /// The value after `key:` or `-`: on this line, or below it, more indented (a
    /// mapping's value may also be a sequence at the key's own indentation).
    fn block_value(
        &mut self,
        indent: isize,
        indentless_sequence: bool,
    ) -> Result<YamlNode, YamlError> {
        if !self.at_line_end() {
            return self.inline_value(indent);
        }
        let save = self.pos;
        match self.peek_content_column()? {
            Some(c) if c as isize > indent => {
                self.next_content()?;
                self.block_node(indent)
            }
            Some(c) if c as isize == indent && indentless_sequence => {
                self.next_content()?;
                if self.is_sequence_entry() {
                    self.enter()?;
                    let node = self.sequence(indent);
                    self.leave();
                    node
                } else {
                    self.pos = save;
                    Ok(YamlNode::Null)
                }
            }
            _ => Ok(YamlNode::Null),
        }
    }

    /// A value that starts on the current line (parent indented `indent`).
    fn inline_value(&mut self, indent: isize) -> Result<YamlNode, YamlError> {
        let node = match self.peek() {
            Some(b'&' | b'!') => {
                return self.with_properties(|c| {
                    c.skip_spaces();
                    c.block_value(indent, false)
                })
            }
            Some(b'|' | b'>') => return self.block_scalar(indent),
            Some(b'*') => self.alias()?,
            Some(b'[' | b'{') => self.flow_collection()?,
            Some(b'"') => self.double_quoted()?,
            Some(b'\'') => self.single_quoted()?,
            _ => return self.plain(indent),
        };
        self.skip_spaces();
        if !self.at_line_end() {
            return Err(self.error("unexpected text after the value", self.pos));
        }
        Ok(node)
    }

    /// Anchor and tag in front of a node, then the node read by `read`.
    pub(super) fn with_properties(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<YamlNode, YamlError>,
    ) -> Result<YamlNode, YamlError> {
        let (mut anchor, mut tag) = (None, None);
        loop {
            match self.peek() {
                Some(b'&') => {
                    self.pos += 1;
                    anchor = Some(self.name());
                }
                Some(b'!') => tag = Some(self.name()),
                _ => break,
            }
            self.skip_spaces();
        }
        let start = self.pos;
        let mut node = read(self)?;
        if let Some(tag) = tag {
            let source = self.src[start..self.pos].trim();
            node = apply_tag(&tag, node, Some(source)).map_err(|m| self.error(m, start))?;
        }
        if let Some(anchor) = anchor {
            self.anchors.push((anchor, node.clone()));
        }
        Ok(node)
    }

    /// A plain scalar, continued on following lines indented more than `indent`.
    fn plain(&mut self, indent: isize) -> Result<YamlNode, YamlError> {
        let mut text = String::from(self.plain_line()?);
        loop {
            if self.peek() == Some(b'#') {
                break; // a comment ends a plain scalar
            }
            let save = self.pos;
            let mut blank_lines = 0;
            self.skip_line();
            loop {
                self.skip_spaces();
                if self.peek().is_some() && matches!(self.peek(), Some(b'\n' | b'\r')) {
                    blank_lines += 1;
                    self.skip_line();
                    continue;
                }
                let continues = self.peek().is_some()
                    && self.column() as isize > indent
                    && !self.at_line_end()
                    && !self.is_document_marker();
                if !continues {
                    self.pos = save;
                    return Ok(resolve_plain(&text));
                }
                break;
            }
            if blank_lines == 0 {
                text.push(' ');
            }
            for _ in 0..blank_lines {
                text.push('\n');
            }
            text.push_str(self.plain_line()?);
        }
        Ok(resolve_plain(&text))
    }

    /// The rest of a plain scalar's line, trimmed, up to a comment.
    fn plain_line(&mut self) -> Result<&str, YamlError> {
        let start = self.pos;
        while !self.at_line_end() {
            if self.peek() == Some(b':') && is_break_or_space(self.peek_at(1)) {
                return Err(self.error(
                    "a `key: value` cannot start here; check the indentation",
                    self.pos,
                ));
            }
            self.pos += 1;
        }
        Ok(self.src[start..self.pos].trim_end())
    }
}

/// `<<: *base` (or a list of them): the merged mappings' keys that are not there yet.
fn merge(entries: &mut Vec<(String, YamlNode)>, merged: &mut Vec<String>, value: YamlNode) {
    let sources = match value {
        YamlNode::Sequence(items) => items,
        other => alloc::vec![other],
    };
    for source in sources {
        if let YamlNode::Mapping(more) = source {
            for (key, value) in more {
                if !entries.iter().any(|(k, _)| *k == key) {
                    merged.push(key.clone());
                    entries.push((key, value));
                }
            }
        }
    }
}

fn is_break_or_space(b: Option<u8>) -> bool {
    matches!(b, None | Some(b' ' | b'\t' | b'\n' | b'\r'))
}
