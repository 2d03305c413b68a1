//! A document's own layout conventions, so new text matches what is around it.

use super::{Document, NodeKind};
use alloc::string::String;

/// How JSON text is laid out: indentation unit, line break, and the separators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Style {
    /// One level of indentation (`"  "`, `"    "`, `"\t"`); empty for one-line text.
    pub indent: String,
    /// `"\n"` or `"\r\n"`.
    pub newline: String,
    /// Between a key and its value: `": "`, `":"`, ...
    pub colon: String,
    /// Between items of one-line text: `", "` or `","`.
    pub comma: String,
}

impl Style {
    /// Indented by `indent`, `\n` line breaks, `": "` after keys.
    pub fn pretty(indent: &str) -> Style {
        Style {
            indent: indent.into(),
            newline: "\n".into(),
            colon: ": ".into(),
            comma: ", ".into(),
        }
    }

    /// Everything on one line with no spaces, as AWS prints payloads.
    pub fn compact() -> Style {
        Style {
            indent: String::new(),
            newline: "\n".into(),
            colon: ":".into(),
            comma: ",".into(),
        }
    }

    /// True when containers are written on one line.
    pub fn is_one_line(&self) -> bool {
        self.indent.is_empty()
    }

    /// The conventions `doc` follows: the indentation step between the first container
    /// written over several lines and its first child, the first line break, the text
    /// between the first key and its value, the text after the first comma. Two spaces,
    /// `\n` and `": "` where the document shows nothing.
    pub fn detect(doc: &Document) -> Style {
        let text = doc.text();
        let mut style = Style::pretty("  ");
        if let Some(i) = text.find('\n') {
            if i > 0 && text.as_bytes()[i - 1] == b'\r' {
                style.newline = "\r\n".into();
            }
        }
        let mut found_indent = false;
        let mut found_colon = false;
        let mut found_comma = false;
        let mut multi_line = false;
        for index in 0..doc.node_count() {
            let node = doc.node(super::NodeId(index as u32));
            let first_child_start = match &node.kind {
                NodeKind::Object(members) => {
                    if let (false, Some(m)) = (found_colon, members.first()) {
                        let between = &text[m.key_span.end..doc.node(m.value).span.start];
                        if !between.contains(['\n', '\r']) {
                            style.colon = between.into();
                            found_colon = true;
                        }
                    }
                    members.first().map(|m| m.key_span.start)
                }
                NodeKind::Array(items) => items.first().map(|&i| doc.node(i).span.start),
                _ => None,
            };
            let Some(child) = first_child_start else {
                continue;
            };
            if !found_comma {
                if let Some(after) = comma_gap(&text[child..node.span.end]) {
                    style.comma = after.into();
                    found_comma = true;
                }
            }
            let child_on_new_line = text[node.span.start..child].contains(['\n', '\r']);
            multi_line |= child_on_new_line;
            if !found_indent && child_on_new_line {
                let outer = line_indent(text, node.span.start);
                let inner = line_indent(text, child);
                if inner.len() > outer.len() && inner.starts_with(outer) {
                    style.indent = inner[outer.len()..].into();
                    found_indent = true;
                }
            }
            if found_indent && found_colon && found_comma {
                break;
            }
        }
        if !multi_line && text.trim_end().lines().count() <= 1 && doc.root().is_some() {
            style.indent = String::new();
        }
        style
    }
}

/// The white space after the first `,` of a one-line run, if the run has a comma on it.
fn comma_gap(text: &str) -> Option<&str> {
    let line = text.split(['\n', '\r']).next()?;
    let at = line.find(',')?;
    let rest = &line[at + 1..];
    let len = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    Some(&line[at..at + 1 + len])
}

/// The leading white space of the line holding `offset`.
pub(super) fn line_indent(text: &str, offset: usize) -> &str {
    let start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = &text[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}
