//! Regular-expression syntax (the JavaScript dialect JSONata uses) to a small tree.

use alloc::boxed::Box;
use alloc::vec::Vec;

/// A parsed pattern.
#[derive(Debug, Clone)]
pub enum Node {
    Empty,
    Char(char),
    /// `.`: anything but a line terminator.
    Any,
    Class(Class),
    LineStart,
    LineEnd,
    WordBoundary(bool),
    Group(Box<Node>, Option<usize>),
    Look(Box<Node>, bool),
    Backref(usize),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

/// A bracket expression or class escape.
#[derive(Debug, Clone)]
pub struct Class {
    pub negated: bool,
    pub items: Vec<ClassItem>,
}

#[derive(Debug, Clone, Copy)]
pub enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

/// Why a pattern did not parse.
#[derive(Debug)]
pub struct SyntaxError;

/// Counted repetition beyond this is refused (it expands the program).
const MAX_COUNT: u32 = 1000;
const MAX_NESTING: usize = 100;

pub struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    pub groups: usize,
    depth: usize,
}

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

pub fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl ClassItem {
    pub fn matches(self, c: char, fold: bool) -> bool {
        match self {
            ClassItem::Range(a, b) => {
                if a <= c && c <= b {
                    return true;
                }
                if fold {
                    let lower = c.to_lowercase().next().unwrap_or(c);
                    let upper = c.to_uppercase().next().unwrap_or(c);
                    return (a <= lower && lower <= b) || (a <= upper && upper <= b);
                }
                false
            }
            ClassItem::Digit(neg) => c.is_ascii_digit() != neg,
            ClassItem::Word(neg) => is_word(c) != neg,
            ClassItem::Space(neg) => is_space(c) != neg,
        }
    }
}

impl<'a> Parser<'a> {
    pub fn new(chars: &'a [char]) -> Self {
        Parser {
            chars,
            at: 0,
            groups: 0,
            depth: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    pub fn parse(&mut self) -> Result<Node, SyntaxError> {
        let n = self.alternation()?;
        if self.at != self.chars.len() {
            return Err(SyntaxError);
        }
        Ok(n)
    }

    fn alternation(&mut self) -> Result<Node, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(SyntaxError);
        }
        let mut alts = alloc::vec![self.concat()?];
        while self.eat('|') {
            alts.push(self.concat()?);
        }
        self.depth -= 1;
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self) -> Result<Node, SyntaxError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.repeat(atom)?);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        let mut v: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            v = v.saturating_mul(10).saturating_add(d);
            self.at += 1;
        }
        (self.at > start).then_some(v)
    }

    fn repeat(&mut self, atom: Node) -> Result<Node, SyntaxError> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                let save = self.at;
                self.at += 1;
                let Some(min) = self.number() else {
                    self.at = save;
                    return Ok(atom);
                };
                let max = if self.eat(',') {
                    self.number()
                } else {
                    Some(min)
                };
                if !self.eat('}') {
                    self.at = save;
                    return Ok(atom);
                }
                self.at -= 1;
                if min > MAX_COUNT || max.is_some_and(|m| m > MAX_COUNT || m < min) {
                    return Err(SyntaxError);
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.at += 1;
        let greedy = !self.eat('?');
        if matches!(
            atom,
            Node::LineStart | Node::LineEnd | Node::WordBoundary(_)
        ) {
            return Err(SyntaxError);
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    fn atom(&mut self) -> Result<Node, SyntaxError> {
        let Some(c) = self.peek() else {
            return Err(SyntaxError);
        };
        self.at += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::LineStart,
            '$' => Node::LineEnd,
            '(' => {
                let node = if self.eat('?') {
                    if self.eat(':') {
                        Node::Group(Box::new(self.alternation()?), None)
                    } else if self.eat('=') {
                        Node::Look(Box::new(self.alternation()?), false)
                    } else if self.eat('!') {
                        Node::Look(Box::new(self.alternation()?), true)
                    } else if self.eat('<') {
                        while let Some(c) = self.peek() {
                            self.at += 1;
                            if c == '>' {
                                break;
                            }
                        }
                        self.groups += 1;
                        let index = self.groups;
                        Node::Group(Box::new(self.alternation()?), Some(index))
                    } else {
                        return Err(SyntaxError);
                    }
                } else {
                    self.groups += 1;
                    let index = self.groups;
                    Node::Group(Box::new(self.alternation()?), Some(index))
                };
                if !self.eat(')') {
                    return Err(SyntaxError);
                }
                node
            }
            ')' => return Err(SyntaxError),
            '[' => Node::Class(self.class()?),
            '*' | '+' | '?' => return Err(SyntaxError),
            '\\' => self.escape()?,
            c => Node::Char(c),
        })
    }

    fn escape(&mut self) -> Result<Node, SyntaxError> {
        let Some(c) = self.peek() else {
            return Err(SyntaxError);
        };
        self.at += 1;
        Ok(match c {
            'b' => Node::WordBoundary(true),
            'B' => Node::WordBoundary(false),
            '1'..='9' => {
                self.at -= 1;
                let n = self.number().unwrap_or(0) as usize;
                Node::Backref(n)
            }
            _ => match self.class_escape(c)? {
                Ok(item) => Node::Class(Class {
                    negated: false,
                    items: alloc::vec![item],
                }),
                Err(ch) => Node::Char(ch),
            },
        })
    }

    /// An escape usable inside and outside brackets: a class item or a literal char.
    fn class_escape(&mut self, c: char) -> Result<Result<ClassItem, char>, SyntaxError> {
        Ok(match c {
            'd' => Ok(ClassItem::Digit(false)),
            'D' => Ok(ClassItem::Digit(true)),
            'w' => Ok(ClassItem::Word(false)),
            'W' => Ok(ClassItem::Word(true)),
            's' => Ok(ClassItem::Space(false)),
            'S' => Ok(ClassItem::Space(true)),
            'n' => Err('\n'),
            'r' => Err('\r'),
            't' => Err('\t'),
            'f' => Err('\u{c}'),
            'v' => Err('\u{b}'),
            '0' => Err('\0'),
            'x' => Err(self.hex(2)?),
            'u' => Err(self.hex(4)?),
            other => Err(other),
        })
    }

    fn hex(&mut self, n: usize) -> Result<char, SyntaxError> {
        let mut v = 0;
        for _ in 0..n {
            let d = self
                .peek()
                .and_then(|c| c.to_digit(16))
                .ok_or(SyntaxError)?;
            v = v * 16 + d;
            self.at += 1;
        }
        char::from_u32(v).ok_or(SyntaxError)
    }

    fn class_char(&mut self) -> Result<Result<ClassItem, char>, SyntaxError> {
        let c = self.peek().ok_or(SyntaxError)?;
        self.at += 1;
        if c == '\\' {
            let e = self.peek().ok_or(SyntaxError)?;
            self.at += 1;
            if e == 'b' {
                return Ok(Err('\u{8}'));
            }
            return self.class_escape(e);
        }
        Ok(Err(c))
    }

    fn class(&mut self) -> Result<Class, SyntaxError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None => return Err(SyntaxError),
                Some(']') => {
                    self.at += 1;
                    break;
                }
                _ => {}
            }
            let lo = self.class_char()?;
            match lo {
                Ok(item) => items.push(item),
                Err(a) => {
                    if self.peek() == Some('-')
                        && self.chars.get(self.at + 1).is_some_and(|c| *c != ']')
                    {
                        self.at += 1;
                        match self.class_char()? {
                            Err(b) if b >= a => items.push(ClassItem::Range(a, b)),
                            Err(_) => return Err(SyntaxError),
                            Ok(item) => {
                                items.push(ClassItem::Range(a, a));
                                items.push(ClassItem::Range('-', '-'));
                                items.push(item);
                            }
                        }
                    } else {
                        items.push(ClassItem::Range(a, a));
                    }
                }
            }
        }
        Ok(Class { negated, items })
    }
}
