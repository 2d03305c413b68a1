//! Block scalars: literal `|` keeps line breaks, folded `>` joins lines; `-` strips the
//! final line breaks, `+` keeps them all, the default keeps one.

use super::cursor::Cursor;
use super::{YamlError, YamlNode};
use alloc::string::String;
use alloc::vec::Vec;

#[derive(Clone, Copy, PartialEq)]
enum Chomp {
    Strip,
    Clip,
    Keep,
}

impl Cursor<'_> {
    /// `|` (literal) or `>` (folded), with optional chomping and indentation indicators.
    pub(super) fn block_scalar(&mut self, indent: isize) -> Result<YamlNode, YamlError> {
        let folded = self.peek() == Some(b'>');
        self.pos += 1;
        let (mut chomp, mut explicit) = (Chomp::Clip, None);
        loop {
            match self.peek() {
                Some(b'-') => chomp = Chomp::Strip,
                Some(b'+') => chomp = Chomp::Keep,
                Some(d @ b'1'..=b'9') => explicit = Some((d - b'0') as usize),
                _ => break,
            }
            self.pos += 1;
        }
        self.skip_spaces();
        if !self.at_line_end() {
            return Err(self.error(
                "expected a line break after the block scalar indicator",
                self.pos,
            ));
        }
        self.skip_line();
        let mut content_indent = explicit.map(|d| indent.max(0) as usize + d);
        let mut lines: Vec<&str> = Vec::new();
        while self.pos < self.src.len() {
            let line_start = self.pos;
            let line_end = self.src[line_start..]
                .find(['\n', '\r'])
                .map_or(self.src.len(), |i| line_start + i);
            let line = &self.src[line_start..line_end];
            let spaces = line.len() - line.trim_start_matches(' ').len();
            if line.trim().is_empty() {
                lines.push("");
                self.skip_line();
                continue;
            }
            let need = *content_indent.get_or_insert(spaces);
            if spaces < need || need as isize <= indent {
                self.pos = line_start;
                break;
            }
            lines.push(&line[need..]);
            self.skip_line();
        }
        let trailing = lines.iter().rev().take_while(|l| l.is_empty()).count();
        let body = &lines[..lines.len() - trailing];
        let mut out = if folded { fold(body) } else { body.join("\n") };
        match chomp {
            _ if body.is_empty() && chomp != Chomp::Keep => out.clear(),
            Chomp::Strip => {}
            Chomp::Clip => out.push('\n'),
            Chomp::Keep => {
                if !body.is_empty() {
                    out.push('\n');
                }
                for _ in 0..trailing {
                    out.push('\n');
                }
            }
        }
        Ok(YamlNode::String(out))
    }
}

/// Folded block scalar lines: neighbouring text lines join with a space; empty lines
/// are line breaks; more-indented lines keep theirs.
fn fold(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut previous_plain: Option<bool> = None;
    let mut empty = 0;
    for line in lines {
        if line.is_empty() {
            empty += 1;
            continue;
        }
        let plain = !line.starts_with([' ', '\t']);
        match previous_plain {
            None => {}
            Some(true) if plain && empty == 0 => out.push(' '),
            Some(true) if plain => {}
            _ => out.push('\n'),
        }
        for _ in 0..empty {
            out.push('\n');
        }
        out.push_str(line);
        previous_plain = Some(plain);
        empty = 0;
    }
    out
}
