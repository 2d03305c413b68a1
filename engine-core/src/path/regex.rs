//! The regular expressions of `=~` filters (`[?(@.name =~ /ab.*/i)]`): the common Java
//! syntax (literals, `.`, classes, `\d \w \s` and their negations, anchors, groups,
//! alternation, `* + ? {n,m}`), matched against the whole string as AWS's engine does.
//! Compiled to a small program run as a Pike VM: linear time, no backtracking blow-up.

use super::PathSyntaxError;
use alloc::vec::Vec;

/// Largest compiled program accepted (counted repeats multiply the body).
const MAX_PROGRAM: usize = 20_000;
/// Deepest group nesting accepted.
const MAX_DEPTH: usize = 64;

/// A compiled regular expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Regex {
    program: Vec<Inst>,
    ignore_case: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum Inst {
    Char(char),
    Any,
    Class(Class),
    Split(usize, usize),
    Jmp(usize),
    Start,
    End,
    Match,
}

#[derive(Clone, Debug, PartialEq)]
struct Class {
    negated: bool,
    items: Vec<Item>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Item {
    Range(char, char),
    Perl(Perl, bool),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Perl {
    Digit,
    Word,
    Space,
}

#[derive(Clone, Debug)]
enum Node {
    Char(char),
    Any,
    Class(Class),
    Start,
    End,
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { node: alloc::boxed::Box<Node>, min: u32, max: Option<u32> },
}

impl Regex {
    /// Compile `pattern` with Java-style `flags` (only `i` changes matching).
    pub fn compile(pattern: &str, flags: &str) -> Result<Regex, PathSyntaxError> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut p = Parser { chars: &chars, pos: 0, depth: 0 };
        let node = p.alt()?;
        if p.pos != chars.len() {
            return Err(p.error("unbalanced ')' in regular expression"));
        }
        let mut program = Vec::new();
        emit(&node, &mut program)?;
        program.push(Inst::Match);
        Ok(Regex { program, ignore_case: flags.contains('i') })
    }

    /// Whether the whole of `text` matches.
    pub fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let n = self.program.len();
        let mut current: Vec<usize> = Vec::new();
        let mut next: Vec<usize> = Vec::new();
        let mut seen = alloc::vec![usize::MAX; n];
        self.add(&mut current, &mut seen, 0, 0, chars.len(), 0);
        for (pos, &c) in chars.iter().enumerate() {
            if current.is_empty() {
                return false;
            }
            next.clear();
            for &pc in &current {
                let step = match &self.program[pc] {
                    Inst::Char(x) => self.same(*x, c),
                    Inst::Any => c != '\n' && c != '\r',
                    Inst::Class(class) => self.in_class(class, c),
                    _ => false,
                };
                if step {
                    self.add(&mut next, &mut seen, pc + 1, pos + 1, chars.len(), pos + 1);
                }
            }
            core::mem::swap(&mut current, &mut next);
        }
        current.iter().any(|&pc| self.program[pc] == Inst::Match)
    }

    /// Follow jumps, splits and anchors from `pc`, adding the threads that consume input.
    fn add(&self, list: &mut Vec<usize>, seen: &mut [usize], pc: usize, pos: usize, len: usize, generation: usize) {
        let mut stack = alloc::vec![pc];
        while let Some(pc) = stack.pop() {
            if seen[pc] == generation {
                continue;
            }
            seen[pc] = generation;
            match self.program[pc] {
                Inst::Jmp(to) => stack.push(to),
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                Inst::Start if pos == 0 => stack.push(pc + 1),
                Inst::End if pos == len => stack.push(pc + 1),
                Inst::Start | Inst::End => {}
                _ => list.push(pc),
            }
        }
    }

    fn same(&self, a: char, b: char) -> bool {
        a == b || (self.ignore_case && fold(a) == fold(b))
    }

    fn in_class(&self, class: &Class, c: char) -> bool {
        let hit = |c: char| {
            class.items.iter().any(|item| match *item {
                Item::Range(lo, hi) => (lo..=hi).contains(&c),
                Item::Perl(kind, negated) => perl(kind, c) != negated,
            })
        };
        let found = hit(c) || (self.ignore_case && (hit(fold(c)) || hit(upper(c))));
        found != class.negated
    }
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

fn perl(kind: Perl, c: char) -> bool {
    match kind {
        Perl::Digit => c.is_ascii_digit(),
        Perl::Word => c.is_ascii_alphanumeric() || c == '_',
        Perl::Space => matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}'),
    }
}

fn emit(node: &Node, out: &mut Vec<Inst>) -> Result<(), PathSyntaxError> {
    if out.len() > MAX_PROGRAM {
        return Err(PathSyntaxError { offset: 0, message: "regular expression too large".into() });
    }
    match node {
        Node::Char(c) => out.push(Inst::Char(*c)),
        Node::Any => out.push(Inst::Any),
        Node::Class(c) => out.push(Inst::Class(c.clone())),
        Node::Start => out.push(Inst::Start),
        Node::End => out.push(Inst::End),
        Node::Concat(items) => {
            for item in items {
                emit(item, out)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    emit(branch, out)?;
                    jumps.push(out.len());
                    out.push(Inst::Jmp(0));
                    let next = out.len();
                    out[split] = Inst::Split(split + 1, next);
                } else {
                    emit(branch, out)?;
                }
            }
            let end = out.len();
            for j in jumps {
                out[j] = Inst::Jmp(end);
            }
        }
        Node::Repeat { node, min, max } => {
            for _ in 0..*min {
                emit(node, out)?;
            }
            match max {
                None => {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    emit(node, out)?;
                    out.push(Inst::Jmp(split));
                    let end = out.len();
                    out[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(out.len());
                        out.push(Inst::Split(0, 0));
                        emit(node, out)?;
                    }
                    let end = out.len();
                    for s in splits {
                        out[s] = Inst::Split(s + 1, end);
                    }
                }
            }
        }
    }
    Ok(())
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> PathSyntaxError {
        PathSyntaxError { offset: self.pos, message: message.into() }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn alt(&mut self) -> Result<Node, PathSyntaxError> {
        let mut branches = alloc::vec![self.concat()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Node::Concat(Vec::new())) } else { Node::Alt(branches) })
    }

    fn concat(&mut self) -> Result<Node, PathSyntaxError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn quantified(&mut self, mut atom: Node) -> Result<Node, PathSyntaxError> {
        loop {
            let (min, max) = match self.peek() {
                Some('*') => (0, None),
                Some('+') => (1, None),
                Some('?') => (0, Some(1)),
                Some('{') if self.chars.get(self.pos + 1).is_some_and(char::is_ascii_digit) => {
                    self.pos += 1;
                    let min = self.number()?;
                    let max = if self.peek() == Some(',') {
                        self.pos += 1;
                        if self.peek() == Some('}') { None } else { Some(self.number()?) }
                    } else {
                        Some(min)
                    };
                    if self.peek() != Some('}') || max.is_some_and(|m| m < min) {
                        return Err(self.error("invalid {n,m} repetition"));
                    }
                    (min, max)
                }
                _ => return Ok(atom),
            };
            self.pos += 1;
            // Lazy and possessive forms match the same strings as a whole-string test.
            if let Some('?' | '+') = self.peek() {
                self.pos += 1;
            }
            atom = Node::Repeat { node: alloc::boxed::Box::new(atom), min, max };
        }
    }

    fn number(&mut self) -> Result<u32, PathSyntaxError> {
        let mut v: u32 = 0;
        let start = self.pos;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            v = v.saturating_mul(10).saturating_add(d);
            self.pos += 1;
        }
        if self.pos == start || v > 1000 {
            return Err(self.error("invalid repetition count"));
        }
        Ok(v)
    }

    fn atom(&mut self) -> Result<Node, PathSyntaxError> {
        let c = self.peek().ok_or_else(|| self.error("unexpected end of regular expression"))?;
        self.pos += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '(' => {
                if self.depth >= MAX_DEPTH {
                    return Err(self.error("regular expression nested too deeply"));
                }
                if self.chars[self.pos..].starts_with(&['?', ':']) {
                    self.pos += 2;
                }
                self.depth += 1;
                let inner = self.alt()?;
                self.depth -= 1;
                if self.peek() != Some(')') {
                    return Err(self.error("expected ')' in regular expression"));
                }
                self.pos += 1;
                inner
            }
            '[' => Node::Class(self.class()?),
            '\\' => match self.escape()? {
                Item::Range(a, _) => Node::Char(a),
                perl @ Item::Perl(..) => Node::Class(Class { negated: false, items: alloc::vec![perl] }),
            },
            '*' | '+' | '?' => return Err(self.error("nothing to repeat")),
            other => Node::Char(other),
        })
    }

    fn escape(&mut self) -> Result<Item, PathSyntaxError> {
        let c = self.peek().ok_or_else(|| self.error("trailing backslash"))?;
        self.pos += 1;
        Ok(match c {
            'd' => Item::Perl(Perl::Digit, false),
            'D' => Item::Perl(Perl::Digit, true),
            'w' => Item::Perl(Perl::Word, false),
            'W' => Item::Perl(Perl::Word, true),
            's' => Item::Perl(Perl::Space, false),
            'S' => Item::Perl(Perl::Space, true),
            't' => Item::Range('\t', '\t'),
            'n' => Item::Range('\n', '\n'),
            'r' => Item::Range('\r', '\r'),
            'f' => Item::Range('\u{c}', '\u{c}'),
            other if other.is_ascii_alphanumeric() => return Err(self.error("unsupported escape in regular expression")),
            other => Item::Range(other, other),
        })
    }

    fn class(&mut self) -> Result<Class, PathSyntaxError> {
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let c = self.peek().ok_or_else(|| self.error("unterminated character class"))?;
            self.pos += 1;
            if c == ']' && !first {
                return Ok(Class { negated, items });
            }
            first = false;
            let item = if c == '\\' { self.escape()? } else { Item::Range(c, c) };
            match item {
                Item::Range(lo, _) if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&n| n != ']') => {
                    self.pos += 1;
                    let hi = self.peek().ok_or_else(|| self.error("unterminated character class"))?;
                    self.pos += 1;
                    let hi = if hi == '\\' {
                        match self.escape()? {
                            Item::Range(h, _) => h,
                            Item::Perl(..) => return Err(self.error("invalid class range")),
                        }
                    } else {
                        hi
                    };
                    if hi < lo {
                        return Err(self.error("invalid class range"));
                    }
                    items.push(Item::Range(lo, hi));
                }
                other => items.push(other),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, flags: &str, s: &str) -> bool {
        Regex::compile(p, flags).unwrap().is_match(s)
    }

    #[test]
    fn whole_string_matching() {
        assert!(m("ab.*", "", "abc"));
        assert!(!m("b", "", "abc"));
        assert!(m("a(b|c)+d", "", "abcbd"));
        assert!(!m("a(b|c)+d", "", "ad"));
        assert!(m("[a-c]{2,3}x?", "", "abc"));
        assert!(!m("[a-c]{2,3}", "", "abcd"));
        assert!(m("[^0-9]+", "", "abc"));
        assert!(m("\\d{3}-\\w+", "", "123-ab_c"));
        assert!(m("HELLO", "i", "hello"));
        assert!(m("^a$", "", "a"));
        assert!(m("(a*)*b", "", &alloc::format!("{}b", "a".repeat(50))));
    }

    #[test]
    fn pathological_patterns_stay_linear() {
        let text = alloc::format!("{}c", "a".repeat(3000));
        assert!(!m("(a|aa)*b", "", &text));
    }

    #[test]
    fn rejects_bad_patterns() {
        for bad in ["(", "a)", "[a", "*a", "a{2,1}", "\\q"] {
            assert!(Regex::compile(bad, "").is_err(), "{bad}");
        }
    }
}
