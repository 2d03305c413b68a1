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
    pieces: Vec<Piece>,
}

impl<'a> Draft<'a> {
    pub(super) fn new(original: &'a Document) -> Draft<'a> {
        Draft {
            original,
            current: original.clone(),
            pieces: vec![Piece::Kept(Span::new(0, original.text().len()))],
        }
    }

    /// Apply one step; on error the draft is unchanged.
    pub(super) fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        let mut changes = self.current.changes_for(edit)?;
        changes.sort_by_key(|c| (c.span.start, c.span.end));
        self.current.apply(&Edit::Text(changes.clone()))?;
        self.pieces = splice(&self.pieces, &changes);
        Ok(())
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
}
