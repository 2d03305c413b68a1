//! Byte offsets to line:column, in characters (what people count) and in UTF-16 code
//! units (what the browser's editor counts).

use super::LineCol;
use alloc::vec::Vec;

/// Where each line starts. `\n`, `\r\n` and a lone `\r` each end a line, as editors agree.
#[derive(Clone, Debug, Default)]
pub(super) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(super) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
        starts.push(0);
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// How many lines the text has (an empty text has one).
    pub(super) fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where the 1-based `line` starts, if there is such a line.
    pub(super) fn line_start(&self, line: u32) -> Option<usize> {
        self.starts.get((line as usize).checked_sub(1)?).copied()
    }

    /// 0-based line of `offset` and the offset where that line starts.
    fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        (line, self.starts[line])
    }

    /// 1-based line and character column of `offset` (clamped into the text, moved back to
    /// a character boundary).
    pub(super) fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset);
        let (line, start) = self.locate(offset);
        let column = text[start..offset].chars().count();
        LineCol {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// 1-based line and UTF-16 column of `offset`.
    pub(super) fn line_col_utf16(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset);
        let (line, start) = self.locate(offset);
        let column = utf16_len(&text[start..offset]);
        LineCol {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// The byte offset of a 1-based line and character column; past the line's end
    /// gives the line's end.
    pub(super) fn offset_of(&self, text: &str, at: LineCol) -> usize {
        let Some(start) = self.line_start(at.line.max(1)) else {
            return text.len();
        };
        let end = self.line_start(at.line.max(1) + 1).unwrap_or(text.len());
        let line = &text[start..end];
        let content = line.trim_end_matches(['\n', '\r']);
        let skip = (at.column.max(1) - 1) as usize;
        start
            + content
                .char_indices()
                .nth(skip)
                .map_or(content.len(), |(i, _)| i)
    }
}

/// The largest character boundary not after `offset` (and not past the end).
pub(super) fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Length of `s` in UTF-16 code units.
pub(super) fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The byte offset of a UTF-16 offset into `text` (clamped to the end; inside a
/// surrogate pair it gives the character's start).
pub(super) fn byte_offset_of_utf16(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > utf16 {
            return i;
        }
    }
    text.len()
}
