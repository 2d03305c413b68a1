//! `StringMatches` patterns: `*` matches any run of characters; `\*` is a literal star
//! and `\\` a literal backslash (ASL specification).

use alloc::string::String;
use alloc::vec::Vec;

/// A compiled pattern: the literal runs between stars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Literal pieces; a star sits between each pair.
    pieces: Vec<String>,
}

impl Pattern {
    /// Compile pattern text (never fails: an unknown escape keeps its backslash).
    pub fn compile(text: &str) -> Pattern {
        let mut pieces = alloc::vec![String::new()];
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '*' => pieces.push(String::new()),
                '\\' => match chars.next() {
                    Some(next @ ('*' | '\\')) => push(&mut pieces, next),
                    Some(other) => {
                        push(&mut pieces, '\\');
                        push(&mut pieces, other);
                    }
                    None => push(&mut pieces, '\\'),
                },
                other => push(&mut pieces, other),
            }
        }
        Pattern { pieces }
    }

    /// Whether the whole of `s` matches.
    pub fn matches(&self, s: &str) -> bool {
        let n = self.pieces.len();
        let first = &self.pieces[0];
        if n == 1 {
            return s == first;
        }
        let last = &self.pieces[n - 1];
        if s.len() < first.len() + last.len() || !s.starts_with(first.as_str()) || !s.ends_with(last.as_str()) {
            return false;
        }
        // Greedy leftmost placement of the middle pieces is optimal for star-only globs.
        let mut rest = &s[first.len()..s.len() - last.len()];
        for piece in &self.pieces[1..n - 1] {
            match rest.find(piece.as_str()) {
                Some(i) => rest = &rest[i + piece.len()..],
                None => return false,
            }
        }
        true
    }
}

fn push(pieces: &mut [String], c: char) {
    if let Some(last) = pieces.last_mut() {
        last.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples() {
        // From the ASL specification's StringMatches description.
        assert!(Pattern::compile("log-*.txt").matches("log-2023.txt"));
        assert!(!Pattern::compile("log-*.txt").matches("log-2023.csv"));
        assert!(Pattern::compile("*").matches(""));
        assert!(Pattern::compile("a*b*c").matches("abc"));
        assert!(Pattern::compile("a*b*c").matches("axxbyyc"));
        assert!(!Pattern::compile("a*b*c").matches("acb"));
        assert!(Pattern::compile("a\\*b").matches("a*b"));
        assert!(!Pattern::compile("a\\*b").matches("axb"));
        assert!(Pattern::compile("a\\\\b").matches("a\\b"));
        assert!(!Pattern::compile("ab*ab").matches("ab"));
    }
}
