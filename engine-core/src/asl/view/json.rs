//! `Json`: a borrowed node of the document tree with the reads the ASL views need.

use crate::json::tree::{Document, Member, Node, NodeId, NodeKind, Span};
use alloc::string::String;

/// One node of a document, borrowed.
#[derive(Clone, Copy)]
pub struct Json<'d> {
    pub doc: &'d Document,
    pub id: NodeId,
}

/// A member of an object: its key, where the key is written, and its value.
#[derive(Clone, Copy)]
pub struct Field<'d> {
    pub key: &'d str,
    pub key_span: Span,
    pub value: Json<'d>,
}

impl<'d> Field<'d> {
    /// The field of `member` in `doc`.
    pub fn of(doc: &'d Document, member: &'d Member) -> Field<'d> {
        Field {
            key: &member.key,
            key_span: member.key_span,
            value: Json {
                doc,
                id: member.value,
            },
        }
    }

    /// From the key's opening quote to the end of the value.
    pub fn span(&self) -> Span {
        Span::new(
            self.key_span.start,
            self.value.span().end.max(self.key_span.end),
        )
    }
}

impl<'d> Json<'d> {
    /// The node `id` of `doc`.
    pub fn new(doc: &'d Document, id: NodeId) -> Json<'d> {
        Json { doc, id }
    }

    /// The tree node.
    pub fn node(self) -> &'d Node {
        self.doc.node(self.id)
    }

    /// Where the value is written.
    pub fn span(self) -> Span {
        self.node().span
    }

    /// The members of an object (none for other values), duplicates included, in text order.
    pub fn members(self) -> &'d [Member] {
        match &self.node().kind {
            NodeKind::Object(members) => members,
            _ => &[],
        }
    }

    /// The fields of an object, in text order.
    pub fn fields(self) -> impl Iterator<Item = Field<'d>> + 'd {
        let doc = self.doc;
        self.members().iter().map(move |m| Field::of(doc, m))
    }

    /// The items of an array (none for other values).
    pub fn items(self) -> impl Iterator<Item = Json<'d>> + 'd {
        let doc = self.doc;
        let ids: &'d [NodeId] = match &self.node().kind {
            NodeKind::Array(items) => items,
            _ => &[],
        };
        ids.iter().map(move |id| Json { doc, id: *id })
    }

    /// Number of array items (0 for other values).
    pub fn len(self) -> usize {
        match &self.node().kind {
            NodeKind::Array(items) => items.len(),
            NodeKind::Object(members) => members.len(),
            _ => 0,
        }
    }

    /// True for an empty array or object, and for scalars.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The last member called `key` (the one a runtime reader keeps).
    pub fn get(self, key: &str) -> Option<Field<'d>> {
        self.members()
            .iter()
            .rev()
            .find(|m| m.key == key)
            .map(|m| Field::of(self.doc, m))
    }

    /// True for an object.
    pub fn is_object(self) -> bool {
        matches!(self.node().kind, NodeKind::Object(_))
    }

    /// True for an array.
    pub fn is_array(self) -> bool {
        matches!(self.node().kind, NodeKind::Array(_))
    }

    /// True for `null`.
    pub fn is_null(self) -> bool {
        matches!(self.node().kind, NodeKind::Null)
    }

    /// The decoded text of a string.
    pub fn as_str(self) -> Option<&'d str> {
        match &self.node().kind {
            NodeKind::String { decoded } => Some(decoded),
            _ => None,
        }
    }

    /// A boolean's value.
    pub fn as_bool(self) -> Option<bool> {
        match self.node().kind {
            NodeKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// A number's value as `f64` (huge integers round).
    pub fn as_f64(self) -> Option<f64> {
        match self.node().kind {
            NodeKind::Number { lexeme } => self
                .doc
                .text()
                .get(lexeme.start..lexeme.end)?
                .parse::<f64>()
                .ok(),
            _ => None,
        }
    }

    /// A number with no fractional part.
    pub fn as_integer(self) -> Option<f64> {
        self.as_f64()
            .filter(|f| f.is_finite() && libm::trunc(*f) == *f)
    }

    /// The JSON type's name, as error messages say it.
    pub fn type_name(self) -> &'static str {
        match self.node().kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "boolean",
            NodeKind::Number { .. } => "number",
            NodeKind::String { .. } => "string",
            NodeKind::Array(_) => "array",
            NodeKind::Object(_) => "object",
        }
    }
}

/// Where a field is: its object's pointer and its key, written out as a JSON Pointer only
/// when a diagnostic needs it (most fields are fine, and strings cost allocations).
#[derive(Clone, Copy)]
pub struct At<'a> {
    base: &'a str,
    key: &'a str,
}

impl<'a> At<'a> {
    /// The member `key` of the object at `base`.
    pub fn new(base: &'a str, key: &'a str) -> At<'a> {
        At { base, key }
    }

    /// The JSON Pointer.
    pub fn pointer(self) -> String {
        child_pointer(self.base, self.key)
    }
}

/// Append `/token` to `pointer`, escaped per RFC 6901 (`~` → `~0`, `/` → `~1`).
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    if !token.contains(['~', '/']) {
        pointer.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// `pointer/token`, escaped.
pub fn child_pointer(pointer: &str, token: &str) -> String {
    let mut p = String::with_capacity(pointer.len() + token.len() + 1);
    p.push_str(pointer);
    push_token(&mut p, token);
    p
}

/// `pointer/index`.
pub fn index_pointer(pointer: &str, index: usize) -> String {
    use core::fmt::Write;
    let mut p = String::with_capacity(pointer.len() + 4);
    p.push_str(pointer);
    // Writing into a String never fails.
    let _ = write!(p, "/{index}");
    p
}
