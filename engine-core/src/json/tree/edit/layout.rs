//! Where new text goes and how it is laid out, so an edit touches only its own bytes
//! and new text looks like its neighbours: the container's own one-line or multi-line
//! form, the document's indentation unit and line break.

use super::{EditError, TextChange};
use crate::json::tree::style::line_indent;
use crate::json::tree::{parse_document, Document, NodeId, NodeKind, Span, Style};
use crate::json::{write_compact, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// A key as JSON string text.
pub(super) fn quote(key: &str) -> String {
    write_compact(&Value::String(key.into()))
}

/// How new children of one container are written.
pub(super) struct Placement {
    /// Between two children: `",\n    "` or `", "`.
    separator: String,
    /// The indentation of the children's lines (empty on one line).
    child_indent: String,
    /// The indentation of the line holding the closing bracket.
    outer_indent: String,
    style: Style,
}

impl Placement {
    /// How children of `container` are laid out: like its existing children; for an empty
    /// one, like the document.
    pub(super) fn of(doc: &Document, container: NodeId) -> Placement {
        let text = doc.text();
        let span = doc.node(container).span;
        let mut style = Style::detect(doc);
        let outer_indent = String::from(line_indent(text, span.start));
        let first_child = match &doc.node(container).kind {
            NodeKind::Object(members) => members.first().map(|m| m.key_span.start),
            NodeKind::Array(items) => items.first().map(|&i| doc.node(i).span.start),
            _ => None,
        };
        let one_line = match first_child {
            Some(_) => !text[span.start..span.end].contains(['\n', '\r']),
            None => style.is_one_line(),
        };
        if one_line {
            // The gap after this container's first comma, else spaced like its colons.
            let children = child_spans(doc, container);
            let comma = match children.get(1) {
                Some(second) => {
                    let gap = &text[children[0].end..second.start];
                    String::from(gap.find(',').map_or(", ", |at| &gap[at..]))
                }
                None if style.colon.ends_with(' ') => String::from(", "),
                None => String::from(","),
            };
            style = Style {
                indent: String::new(),
                comma,
                ..style
            };
            let separator = style.comma.clone();
            return Placement {
                separator,
                child_indent: String::new(),
                outer_indent,
                style,
            };
        }
        let child_indent = match first_child {
            Some(start)
                if text[..start]
                    .trim_end_matches([' ', '\t'])
                    .ends_with(['\n', '\r']) =>
            {
                String::from(line_indent(text, start))
            }
            _ => format!("{outer_indent}{}", style.indent),
        };
        let separator = format!(",{}{child_indent}", style.newline);
        Placement {
            separator,
            child_indent,
            outer_indent,
            style,
        }
    }

    /// True when the container's children share its line.
    pub(super) fn is_one_line(&self) -> bool {
        self.style.is_one_line()
    }

    /// The indentation of the children's lines.
    pub(super) fn child_indent(&self) -> &str {
        &self.child_indent
    }

    /// What goes between a key and its value here.
    pub(super) fn colon(&self) -> &str {
        &self.style.colon
    }

    /// `value` (JSON text) laid out for a child position of this container.
    pub(super) fn value_text(&self, value: &str) -> Result<String, EditError> {
        format_value(value, &self.style, &self.child_indent)
    }

    /// `"key": value` for this container.
    pub(super) fn member_text(&self, key: &str, value: &str) -> Result<String, EditError> {
        Ok(format!(
            "{}{}{}",
            quote(key),
            self.style.colon,
            self.value_text(value)?
        ))
    }

    /// The change that puts `child` (already laid out) at position `index` of the
    /// container's children, whose spans are `children`.
    pub(super) fn insert(
        &self,
        container: Span,
        children: &[Span],
        index: usize,
        child: &str,
    ) -> TextChange {
        if children.is_empty() {
            let inner = Span::new(container.start + 1, container.end - 1);
            let text = if self.style.is_one_line() {
                String::from(child)
            } else {
                let nl = &self.style.newline;
                format!("{nl}{}{child}{nl}{}", self.child_indent, self.outer_indent)
            };
            return TextChange { span: inner, text };
        }
        match children.get(index) {
            Some(next) => TextChange {
                span: Span::new(next.start, next.start),
                text: format!("{child}{}", self.separator),
            },
            None => {
                let end = children[children.len() - 1].end;
                TextChange {
                    span: Span::new(end, end),
                    text: format!("{}{child}", self.separator),
                }
            }
        }
    }
}

/// `value` (JSON text) written in `style`, inner lines starting with `base`.
pub(super) fn format_value(value: &str, style: &Style, base: &str) -> Result<String, EditError> {
    let payload = parse_document(value);
    if let Some(e) = payload.syntax_errors().first() {
        return Err(EditError::BadValue(format!(
            "{} at byte {}",
            e.message, e.span.start
        )));
    }
    let root = payload
        .root()
        .ok_or_else(|| EditError::BadValue("no JSON value".into()))?;
    Ok(payload.write_node(root, style, base))
}

/// The change that removes child `index` of a container, its separator with it:
/// the comma before it (or after it, for the first), so the rest stays well-formed.
pub(super) fn remove(container: Span, children: &[Span], index: usize) -> TextChange {
    let span = if children.len() == 1 {
        Span::new(container.start + 1, container.end - 1)
    } else if index == 0 {
        Span::new(children[0].start, children[1].start)
    } else {
        Span::new(children[index - 1].end, children[index].end)
    };
    TextChange {
        span,
        text: String::new(),
    }
}

/// The spans of a container's children, a member's from its key to its value's end.
pub(super) fn child_spans(doc: &Document, container: NodeId) -> Vec<Span> {
    match &doc.node(container).kind {
        NodeKind::Object(members) => members
            .iter()
            .map(|m| Span::new(m.key_span.start, doc.node(m.value).span.end))
            .collect(),
        NodeKind::Array(items) => items.iter().map(|&i| doc.node(i).span).collect(),
        _ => Vec::new(),
    }
}

/// `text` (a value's source, first line already placed) moved from indentation `from`
/// to `to`: each later line's leading `from` becomes `to`. JSON strings hold no raw line
/// breaks, so only layout changes.
pub(super) fn reindent(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split_inclusive('\n');
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        match line.strip_prefix(from) {
            Some(rest) => {
                out.push_str(to);
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
}
