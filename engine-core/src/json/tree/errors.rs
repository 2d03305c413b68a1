//! Collecting syntax errors, with a ceiling so garbage input cannot flood memory.

use super::{Span, SyntaxError};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Most errors kept for one document; later ones are counted in a closing note.
pub const MAX_ERRORS: usize = 1000;

/// The errors found so far, in the order they were found.
#[derive(Default)]
pub(super) struct ErrorSink {
    list: Vec<SyntaxError>,
    dropped: usize,
}

impl ErrorSink {
    pub(super) fn push(&mut self, message: impl Into<String>, span: Span) {
        if self.list.len() < MAX_ERRORS {
            self.list.push(SyntaxError {
                message: message.into(),
                span,
            });
        } else {
            self.dropped += 1;
        }
    }

    /// The collected errors sorted by position, with a note when some were left out.
    pub(super) fn finish(mut self, text_len: usize) -> Vec<SyntaxError> {
        crate::sort::sort_by_key(&mut self.list, |e| (e.span.start, e.span.end));
        if self.dropped > 0 {
            let message = format!("{} more syntax errors not listed", self.dropped);
            self.list.push(SyntaxError {
                message,
                span: Span::new(text_len, text_len),
            });
        }
        self.list
    }
}
