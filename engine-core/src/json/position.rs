//! Between the studio's selection (a state's JSON Pointer) and places in the text: the span
//! a state's member covers, and the state a cursor offset is in. Offsets come in and go out
//! in UTF-16 code units as well, which is what the browser's editor counts.

use super::tree::{Document, NodeId, NodeKind, Span};
use alloc::string::String;

/// The pointer of the innermost state that contains `pointer`, following ASL's nesting:
/// `/States/<name>`, then any number of `/Branches/<i>/States/<name>`,
/// `/ItemProcessor/States/<name>` or `/Iterator/States/<name>`.
pub fn enclosing_state(pointer: &str) -> Option<&str> {
    let mut rest = pointer.strip_prefix('/')?;
    let mut consumed = 1;
    let mut found = None;
    let mut expect = Expect::States;
    loop {
        let (segment, tail) = match rest.find('/') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let end = consumed + segment.len();
        expect = match (expect, segment) {
            (Expect::States, "States") => Expect::Name,
            (Expect::Name, _) => {
                found = Some(end);
                Expect::Nested
            }
            (Expect::Nested, "Branches") => Expect::BranchIndex,
            (Expect::Nested, "ItemProcessor" | "Iterator") => Expect::States,
            (Expect::BranchIndex, index) if is_array_index(index) => Expect::States,
            _ => break,
        };
        match tail {
            Some(tail) => {
                rest = tail;
                consumed = end + 1;
            }
            None => break,
        }
    }
    found.map(|end| &pointer[..end])
}

#[derive(Clone, Copy)]
enum Expect {
    States,
    Name,
    Nested,
    BranchIndex,
}

/// RFC 6901's array index: `0`, or digits without a leading zero.
fn is_array_index(segment: &str) -> bool {
    !segment.is_empty()
        && segment.bytes().all(|b| b.is_ascii_digit())
        && (segment == "0" || !segment.starts_with('0'))
}

/// The text of what `pointer` names: for an object member, from its key to the end of its
/// value (`"Check": { ... }`); for the root or an array item, the value alone.
pub fn member_span(doc: &Document, pointer: &str) -> Option<Span> {
    let id = doc.resolve(pointer)?;
    let value = doc.node(id).span;
    Some(match doc.member_of(id) {
        Some(member) => Span::new(member.key_span.start, value.end),
        None => value,
    })
}

/// The pointer of the deepest value at byte `offset`; a member's key counts as part of its
/// value, so a cursor on `"Check"` in `"Check": {...}` is in `/States/Check`.
pub fn pointer_at(doc: &Document, offset: usize) -> Option<String> {
    let mut at = doc.root()?;
    if !covers(doc.node(at).span, offset) {
        return None;
    }
    while let Some(inner) = child_at(doc, at, offset) {
        at = inner;
    }
    Some(doc.pointer_of(at))
}

fn child_at(doc: &Document, id: NodeId, offset: usize) -> Option<NodeId> {
    match &doc.node(id).kind {
        NodeKind::Object(members) => members
            .iter()
            .find(|m| {
                covers(
                    Span::new(m.key_span.start, doc.node(m.value).span.end),
                    offset,
                )
            })
            .map(|m| m.value),
        NodeKind::Array(items) => items
            .iter()
            .copied()
            .find(|&item| covers(doc.node(item).span, offset)),
        _ => None,
    }
}

/// Whether a cursor at `offset` is on the span: inside it, or just after its last character.
fn covers(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// The pointer of the state a cursor at byte `offset` is in, if any.
pub fn state_at(doc: &Document, offset: usize) -> Option<String> {
    let pointer = pointer_at(doc, offset)?;
    enclosing_state(&pointer).map(String::from)
}

/// [`state_at`] for a UTF-16 offset.
pub fn state_at_utf16(doc: &Document, utf16_offset: usize) -> Option<String> {
    state_at(doc, doc.byte_offset_of_utf16(utf16_offset))
}

/// `span`, or when it is empty (a place between characters, as a syntax error's "expected
/// here" is) the character after it — or before it at the end of the text — so that it
/// can be underlined and seen when selected.
pub fn visible_span(doc: &Document, span: Span) -> Span {
    if !span.is_empty() {
        return span;
    }
    let text = doc.text();
    let at = span.start.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    if let Some(c) = text[at..].chars().next() {
        Span::new(at, at + c.len_utf8())
    } else if let Some(c) = text[..at].chars().next_back() {
        Span::new(at - c.len_utf8(), at)
    } else {
        Span::new(at, at)
    }
}

/// A byte span as a UTF-16 range `(from, to)`.
pub fn utf16_range(doc: &Document, span: Span) -> (usize, usize) {
    (doc.utf16_offset(span.start), doc.utf16_offset(span.end))
}

/// [`member_span`] as a UTF-16 range, ready to select in the editor.
pub fn member_range_utf16(doc: &Document, pointer: &str) -> Option<(usize, usize)> {
    member_span(doc, pointer).map(|span| utf16_range(doc, span))
}
