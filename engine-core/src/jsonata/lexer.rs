//! Tokens of a JSONata expression. Positions are character offsets just past the token,
//! as the reference reports them. A `/` starts a regular expression wherever an operand
//! is expected (after an operator or an opening bracket), and divides after an operand.

use super::error::JsonataError;
use alloc::string::String;
use alloc::vec::Vec;

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Variable(String),
    Str(String),
    Num(f64),
    True,
    False,
    Null,
    Regex { pattern: String, flags: String },
    Op(&'static str),
    End,
}

/// A token and where it ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub pos: usize,
}

const OPERATORS: &[&str] = &[
    "..", ":=", "!=", "<=", ">=", "~>", "?:", "??", "**", ".", "[", "]", "{", "}", "(", ")", ",",
    "@", "#", ";", ":", "?", "+", "-", "*", "/", "%", "|", "=", "<", ">", "^", "&", "!", "~",
];

/// Splits an expression into tokens on demand.
pub struct Lexer {
    chars: Vec<char>,
    at: usize,
    /// The previous token ended an operand, so `/` divides.
    after_operand: bool,
}

impl Lexer {
    pub fn new(src: &str) -> Self {
        Lexer {
            chars: src.chars().collect(),
            at: 0,
            after_operand: false,
        }
    }

    /// The source characters (the parser reads function signatures raw).
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    pub fn set_offset(&mut self, at: usize) {
        self.at = at;
        self.after_operand = false;
    }

    fn peek(&self, k: usize) -> Option<char> {
        self.chars.get(self.at + k).copied()
    }

    fn skip_space_and_comments(&mut self) -> Result<(), JsonataError> {
        loop {
            match self.peek(0) {
                Some(c) if c.is_whitespace() => self.at += 1,
                Some('/') if self.peek(1) == Some('*') => {
                    let start = self.at;
                    self.at += 2;
                    loop {
                        match self.peek(0) {
                            None => return Err(JsonataError::code("S0106").at(start)),
                            Some('*') if self.peek(1) == Some('/') => {
                                self.at += 2;
                                break;
                            }
                            Some(_) => self.at += 1,
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// The next token.
    pub fn next_token(&mut self) -> Result<Token, JsonataError> {
        self.skip_space_and_comments()?;
        let tok = self.scan()?;
        self.after_operand = matches!(
            tok,
            Tok::Name(_)
                | Tok::Variable(_)
                | Tok::Str(_)
                | Tok::Num(_)
                | Tok::True
                | Tok::False
                | Tok::Null
                | Tok::Regex { .. }
        ) || matches!(tok, Tok::Op(")" | "]" | "}" | "*" | "%"));
        Ok(Token { tok, pos: self.at })
    }

    fn scan(&mut self) -> Result<Tok, JsonataError> {
        let Some(c) = self.peek(0) else {
            return Ok(Tok::End);
        };
        if c == '/' && !self.after_operand {
            self.at += 1;
            return self.scan_regex();
        }
        if c == '"' || c == '\'' {
            self.at += 1;
            return self.scan_string(c);
        }
        if c == '`' {
            self.at += 1;
            let start = self.at;
            while let Some(ch) = self.peek(0) {
                if ch == '`' {
                    let name: String = self.chars[start..self.at].iter().collect();
                    self.at += 1;
                    return Ok(Tok::Name(name));
                }
                self.at += 1;
            }
            return Err(JsonataError::code("S0105").at(self.at));
        }
        if c.is_ascii_digit() {
            return self.scan_number();
        }
        // `..` before `.`, two-character operators before one.
        for op in OPERATORS {
            let n = op.len();
            if op
                .chars()
                .enumerate()
                .all(|(i, oc)| self.peek(i) == Some(oc))
            {
                self.at += n;
                return Ok(Tok::Op(op));
            }
        }
        let variable = c == '$';
        if variable {
            self.at += 1;
        }
        let start = self.at;
        while let Some(ch) = self.peek(0) {
            if ch.is_whitespace()
                || OPERATORS.iter().any(|op| op.starts_with(ch))
                || ch == '"'
                || ch == '\''
                || ch == '`'
            {
                break;
            }
            self.at += 1;
        }
        let name: String = self.chars[start..self.at].iter().collect();
        if variable {
            return Ok(Tok::Variable(name));
        }
        Ok(match name.as_str() {
            "and" => Tok::Op("and"),
            "or" => Tok::Op("or"),
            "in" => Tok::Op("in"),
            "true" => Tok::True,
            "false" => Tok::False,
            "null" => Tok::Null,
            _ => Tok::Name(name),
        })
    }

    fn scan_number(&mut self) -> Result<Tok, JsonataError> {
        let start = self.at;
        if self.peek(0) == Some('0') {
            self.at += 1;
        } else {
            while self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                self.at += 1;
            }
        }
        if self.peek(0) == Some('.') && self.peek(1).is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
            while self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                self.at += 1;
            }
        }
        if matches!(self.peek(0), Some('e' | 'E')) {
            let save = self.at;
            self.at += 1;
            if matches!(self.peek(0), Some('+' | '-')) {
                self.at += 1;
            }
            if self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                while self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                    self.at += 1;
                }
            } else {
                self.at = save;
            }
        }
        let text: String = self.chars[start..self.at].iter().collect();
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Tok::Num(n)),
            _ => Err(JsonataError::code("S0102").at(self.at).token(&text)),
        }
    }

    fn scan_string(&mut self, quote: char) -> Result<Tok, JsonataError> {
        let mut out = String::new();
        loop {
            let Some(c) = self.peek(0) else {
                return Err(JsonataError::code("S0101").at(self.at));
            };
            self.at += 1;
            if c == quote {
                return Ok(Tok::Str(out));
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some(e) = self.peek(0) else {
                return Err(JsonataError::code("S0101").at(self.at));
            };
            self.at += 1;
            match e {
                '"' | '\\' | '/' | '\'' => out.push(e),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                'u' => {
                    let unit = self.hex4()?;
                    if (0xD800..0xDC00).contains(&unit)
                        && self.peek(0) == Some('\\')
                        && self.peek(1) == Some('u')
                    {
                        let save = self.at;
                        self.at += 2;
                        let low = self.hex4()?;
                        if (0xDC00..0xE000).contains(&low) {
                            let cp = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        self.at = save;
                    }
                    out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                }
                _ => {
                    return Err(JsonataError::code("S0103")
                        .at(self.at)
                        .token(&alloc::format!("{e}")))
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonataError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self
                .peek(0)
                .and_then(|c| c.to_digit(16))
                .ok_or_else(|| JsonataError::code("S0104").at(self.at))?;
            v = v * 16 + d;
            self.at += 1;
        }
        Ok(v)
    }

    fn scan_regex(&mut self) -> Result<Tok, JsonataError> {
        let start = self.at;
        let mut in_class = false;
        loop {
            let Some(c) = self.peek(0) else {
                return Err(JsonataError::code("S0302").at(self.at));
            };
            if c == '\\' {
                self.at += 2;
                continue;
            }
            if c == '[' {
                in_class = true;
            } else if c == ']' {
                in_class = false;
            } else if c == '/' && !in_class {
                break;
            }
            self.at += 1;
        }
        let pattern: String = self.chars[start..self.at].iter().collect();
        if pattern.is_empty() {
            return Err(JsonataError::code("S0301").at(self.at));
        }
        self.at += 1;
        let fstart = self.at;
        while self.peek(0).is_some_and(|c| c.is_ascii_alphabetic()) {
            self.at += 1;
        }
        let flags: String = self.chars[fstart..self.at].iter().collect();
        Ok(Tok::Regex { pattern, flags })
    }
}
