//! Several pointer edits applied one after another, returned as one text edit against the
//! document they started from. A piece table records which stretches of the original text
//! survive, so the composed edit touches only what the steps touched.

use crate::json::tree::{Document, Edit, EditError, Span, TextChange};
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// A stretch of the current text: kept from the original, or written by a step.
#[derive(Clone, Debug)]
enum Piece {
    Kept(Span),
    New(String),
}

impl Piece {
    fn len(&self) -> usize {
        match self {
            Piece::Kept(span) => span.end - span.start,
            Piece::New(text) => text.len(),
        }
    }

    /// The part from `from` to `to` (offsets inside this piece).
    fn part(&self, from: usize, to: usize) -> Piece {
        match self {
            Piece::Kept(span) => Piece::Kept(Span::new(span.start + from, span.start + to)),
            Piece::New(text) => Piece::New(text[from..to].into()),
        }
    }
}

/// A document being changed step by step; `finish` gives the one edit for all steps.
pub(super) struct Draft<'a> {
    original: &'a Document,
    current: Document,
    /// The last step's changes, applied to `current` only when another step needs it, so
    /// the last step costs no reparse.
    unapplied: Vec<TextChange>,
    pieces: Vec<Piece>,
}

impl<'a> Draft<'a> {
    pub(super) fn new(original: &'a Document) -> Draft<'a> {
        Draft {
            original,
            current: original.clone(),
            unapplied: Vec::new(),
            pieces: vec![Piece::Kept(Span::new(0, original.text().len()))],
        }
    }

    /// Apply one step; on error the draft is unchanged.
    pub(super) fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        if !self.unapplied.is_empty() {
            let last = core::mem::take(&mut self.unapplied);
            self.current.apply(&Edit::Text(last))?;
        }
        let mut changes = self.current.changes_for(edit)?;
        crate::sort::sort_by_key(&mut changes, |c| (c.span.start, c.span.end));
        check_changes(self.current.text(), &changes, Touching::Allowed)?;
        self.pieces = splice(&self.pieces, &changes);
        self.unapplied = changes;
        Ok(())
    }

    /// Apply edits that each address the current text as one step when their changes do
    /// not overlap (one reparse instead of one each), else one after another.
    pub(super) fn apply_together(&mut self, edits: &[Edit]) -> Result<(), EditError> {
        if !self.unapplied.is_empty() {
            let last = core::mem::take(&mut self.unapplied);
            self.current.apply(&Edit::Text(last))?;
        }
        let mut changes = Vec::new();
        for edit in edits {
            changes.extend(self.current.changes_for(edit)?);
        }
        crate::sort::sort_by_key(&mut changes, |c| (c.span.start, c.span.end));
        if check_changes(self.current.text(), &changes, Touching::Conflict).is_err() {
            return self.apply_all(edits);
        }
        self.apply(&Edit::Text(changes))
    }

    /// Apply each step in order.
    pub(super) fn apply_all(&mut self, edits: &[Edit]) -> Result<(), EditError> {
        edits.iter().try_for_each(|e| self.apply(e))
    }

    /// The text changes, against the original, that give the current text.
    pub(super) fn finish(self) -> Edit {
        let original = self.original.text();
        let mut changes = Vec::new();
        let mut kept_to = 0;
        let mut pending = String::new();
        for piece in &self.pieces {
            match piece {
                // Kept stretches are in original order: steps only write new text.
                Piece::Kept(span) if span.start >= kept_to => {
                    if !pending.is_empty() || span.start > kept_to {
                        changes.push(TextChange {
                            span: Span::new(kept_to, span.start),
                            text: core::mem::take(&mut pending),
                        });
                    }
                    kept_to = span.end;
                }
                Piece::Kept(span) => pending.push_str(&original[span.start..span.end]),
                Piece::New(text) => pending.push_str(text),
            }
        }
        if !pending.is_empty() || kept_to < original.len() {
            changes.push(TextChange {
                span: Span::new(kept_to, original.len()),
                text: pending,
            });
        }
        Edit::Text(changes)
    }
}

/// Whether a change may start where the previous one ends. One edit's own changes may
/// (they were made together); changes of separate edits may not, since two insertions
/// at one place (two members into `{}`) were each written as if alone.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Touching {
    Allowed,
    Conflict,
}

/// Changes that `Document::apply` would take: sorted, inside the text, on character
/// boundaries, not overlapping.
fn check_changes(text: &str, changes: &[TextChange], touching: Touching) -> Result<(), EditError> {
    let mut previous_end = None;
    for c in changes {
        let after_previous = match (previous_end, touching) {
            (None, _) => true,
            (Some(end), Touching::Allowed) => end <= c.span.start,
            (Some(end), Touching::Conflict) => end < c.span.start,
        };
        let inside = after_previous && c.span.start <= c.span.end && c.span.end <= text.len();
        if !inside || !text.is_char_boundary(c.span.start) || !text.is_char_boundary(c.span.end) {
            return Err(EditError::Invalid(
                "changes overlap or lie outside the text".into(),
            ));
        }
        previous_end = Some(c.span.end);
    }
    Ok(())
}

/// The pieces of the text after `changes` (sorted, against the text `pieces` make up).
fn splice(pieces: &[Piece], changes: &[TextChange]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut cursor = 0;
    for change in changes {
        take(pieces, cursor, change.span.start, &mut out);
        if !change.text.is_empty() {
            out.push(Piece::New(change.text.clone()));
        }
        cursor = change.span.end;
    }
    take(pieces, cursor, usize::MAX, &mut out);
    out
}

/// Push the parts of `pieces` between text offsets `from` and `to`.
fn take(pieces: &[Piece], from: usize, to: usize, out: &mut Vec<Piece>) {
    let mut start = 0;
    for piece in pieces {
        let end = start + piece.len();
        let (a, b) = (from.max(start), to.min(end));
        if a < b {
            out.push(piece.part(a - start, b - start));
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::tree::parse_document;

    #[test]
    fn composes_steps_into_changes_against_the_original() {
        let doc = parse_document("{\"a\": 1, \"b\": 2, \"c\": 3}");
        let mut draft = Draft::new(&doc);
        draft
            .apply(&Edit::Set {
                pointer: "/a".into(),
                value: "10".into(),
            })
            .unwrap();
        draft
            .apply(&Edit::Set {
                pointer: "/a".into(),
                value: "11".into(),
            })
            .unwrap();
        draft
            .apply(&Edit::Remove {
                pointer: "/c".into(),
            })
            .unwrap();
        let edit = draft.finish();
        let Edit::Text(changes) = &edit else { panic!() };
        assert_eq!(
            changes,
            &[
                TextChange {
                    span: Span::new(6, 7),
                    text: "11".into()
                },
                TextChange {
                    span: Span::new(15, 23),
                    text: "".into()
                },
            ]
        );
        let mut applied = doc.clone();
        let undo = applied.apply(&edit).unwrap();
        assert_eq!(applied.text(), "{\"a\": 11, \"b\": 2}");
        applied.apply(&undo).unwrap();
        assert_eq!(applied.text(), doc.text());
    }

    #[test]
    fn edits_together_in_one_step_or_one_after_another_when_they_overlap() {
        let doc = parse_document("{\"a\": {}, \"b\": 1}");
        let set = |pointer: &str, value: &str| Edit::Set {
            pointer: pointer.into(),
            value: value.into(),
        };
        let mut draft = Draft::new(&doc);
        // Both fill the same empty object: their changes overlap, so one goes after the other.
        draft
            .apply_together(&[set("/a/x", "1"), set("/a/y", "2"), set("/b", "3")])
            .unwrap();
        let mut applied = doc.clone();
        applied.apply(&draft.finish()).unwrap();
        assert_eq!(applied.text(), "{\"a\": {\"x\": 1, \"y\": 2}, \"b\": 3}");
    }
}
