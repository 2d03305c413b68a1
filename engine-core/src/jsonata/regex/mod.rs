//! A small backtracking regular-expression engine for JSONata's `/pattern/flags`
//! (JavaScript syntax: classes, groups, lookahead, backreferences, lazy quantifiers,
//! flags `i` and `m`). Patterns compile to a program run with an explicit backtrack
//! stack (no recursion on the input) and a step budget, so no input can hang it.

mod parse;
mod program;

use super::error::JsonataError;
use alloc::string::String;
use alloc::vec::Vec;
use program::Program;

/// A compiled regular expression.
#[derive(Debug)]
pub struct Regex {
    program: Program,
    /// The pattern as written.
    pub source: String,
    /// The number of capture groups.
    pub groups: usize,
}

/// One match: character offsets of the whole match and of each group.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub groups: Vec<Option<(usize, usize)>>,
}

impl Regex {
    /// Compiles `pattern` with `flags` (`i`, `m`; `g` is implied).
    pub fn new(pattern: &str, flags: &str) -> Result<Regex, JsonataError> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut p = parse::Parser::new(&chars);
        let tree = p
            .parse()
            .map_err(|_| JsonataError::new("S0303", "Invalid regular expression").token(pattern))?;
        let groups = p.groups;
        let program = Program::compile(&tree, groups, flags.contains('i'), flags.contains('m'))
            .ok_or_else(|| {
                JsonataError::new("S0303", "Regular expression is too large").token(pattern)
            })?;
        Ok(Regex {
            program,
            source: pattern.into(),
            groups,
        })
    }

    /// The first match starting at or after `from`.
    pub fn find_at(&self, text: &[char], from: usize) -> Result<Option<Match>, JsonataError> {
        let mut budget = program::STEP_BUDGET;
        for start in from..=text.len() {
            if let Some(caps) = self.program.run(text, start, &mut budget) {
                let whole = (caps[0].unwrap_or(start), caps[1].unwrap_or(start));
                let groups = (1..=self.groups)
                    .map(|g| match (caps[2 * g], caps[2 * g + 1]) {
                        (Some(a), Some(b)) => Some((a, b)),
                        _ => None,
                    })
                    .collect();
                return Ok(Some(Match {
                    start: whole.0,
                    end: whole.1,
                    groups,
                }));
            }
            if budget == 0 {
                return Err(JsonataError::new(
                    "U1001",
                    "Regular expression matching exceeded its step budget",
                ));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(p: &str, flags: &str, t: &str) -> Option<(usize, usize)> {
        let chars: Vec<char> = t.chars().collect();
        Regex::new(p, flags)
            .unwrap()
            .find_at(&chars, 0)
            .unwrap()
            .map(|m| (m.start, m.end))
    }

    #[test]
    fn basics() {
        assert_eq!(find("b+", "", "abbbc"), Some((1, 4)));
        assert_eq!(find("b+?", "", "abbbc"), Some((1, 2)));
        assert_eq!(find("^c", "", "abc"), None);
        assert_eq!(find("^c", "m", "ab\nc"), Some((3, 4)));
        assert_eq!(find("[a-c]{2}", "", "xxbca"), Some((2, 4)));
        assert_eq!(find("A", "i", "xa"), Some((1, 2)));
        assert_eq!(find("(a|ab)(c|bcd)(d*)", "", "abcd"), Some((0, 4)));
        assert_eq!(find("(a)\\1", "", "xaa"), Some((1, 3)));
        assert_eq!(find("a(?=b)", "", "acab"), Some((2, 3)));
        assert_eq!(find("\\bfoo\\b", "", "a foo b"), Some((2, 5)));
        assert_eq!(find("(a*)*b", "", "aaac"), None);
    }
}
