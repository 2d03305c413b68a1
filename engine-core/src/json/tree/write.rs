//! Writing a node in a given style. Numbers and strings are copied as written (lexemes
//! and escapes survive); only the white space between tokens is chosen anew.

use super::{Document, NodeId, NodeKind, Style};
use alloc::string::String;
use alloc::vec::Vec;

/// An open container while writing: its id, the next child to write, its indentation.
struct Open {
    id: NodeId,
    next: usize,
    depth: usize,
}

impl Document {
    /// The node `id` written in `style`. `base` is the indentation of the line the value
    /// starts on: inner lines get `base` plus one `style.indent` per level, and the first
    /// line is not indented (the caller has placed it).
    pub fn write_node(&self, id: NodeId, style: &Style, base: &str) -> String {
        let mut out = String::new();
        let mut stack: Vec<Open> = Vec::new();
        self.open_or_scalar(id, 0, &mut out, &mut stack);
        while let Some(top) = stack.last_mut() {
            let (id, index, depth) = (top.id, top.next, top.depth);
            top.next += 1;
            let child = match &self.node(id).kind {
                NodeKind::Object(members) => {
                    members.get(index).map(|m| (Some(m.key_span), m.value))
                }
                NodeKind::Array(items) => items.get(index).map(|&item| (None, item)),
                _ => None,
            };
            match child {
                Some((key, value)) => {
                    if index > 0 {
                        out.push_str(if style.is_one_line() {
                            &style.comma
                        } else {
                            ","
                        });
                    }
                    line_break(&mut out, style, base, depth + 1);
                    if let Some(key) = key {
                        out.push_str(self.slice(key));
                        out.push_str(&style.colon);
                    }
                    self.open_or_scalar(value, depth + 1, &mut out, &mut stack);
                }
                None => {
                    stack.pop();
                    line_break(&mut out, style, base, depth);
                    out.push(if matches!(self.node(id).kind, NodeKind::Object(_)) {
                        '}'
                    } else {
                        ']'
                    });
                }
            }
        }
        out
    }

    /// Write a scalar or an empty container whole; open a non-empty container.
    fn open_or_scalar(&self, id: NodeId, depth: usize, out: &mut String, stack: &mut Vec<Open>) {
        match &self.node(id).kind {
            NodeKind::Object(m) if m.is_empty() => out.push_str("{}"),
            NodeKind::Array(a) if a.is_empty() => out.push_str("[]"),
            NodeKind::Object(_) => {
                out.push('{');
                stack.push(Open { id, next: 0, depth });
            }
            NodeKind::Array(_) => {
                out.push('[');
                stack.push(Open { id, next: 0, depth });
            }
            NodeKind::Null => out.push_str("null"),
            NodeKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            NodeKind::Number { .. } | NodeKind::String { .. } => out.push_str(self.source(id)),
        }
    }

    /// The whole document rewritten in `style` (empty when there is no value).
    pub fn reformat(&self, style: &Style) -> String {
        self.root()
            .map(|root| self.write_node(root, style, ""))
            .unwrap_or_default()
    }
}

fn line_break(out: &mut String, style: &Style, base: &str, depth: usize) {
    if style.is_one_line() {
        return;
    }
    out.push_str(&style.newline);
    out.push_str(base);
    for _ in 0..depth {
        out.push_str(&style.indent);
    }
}
