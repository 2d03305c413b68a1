//! Intrinsic call text to a call tree: `States.Name(arg, …)` where an argument is a
//! string literal (`'…'` with `\'` `\{` `\}` `\\` escapes), a number, `true`/`false`/
//! `null`, a path (`$…`, `$$…`, `$var…`) or a nested call.

use super::{Function, IntrinsicSyntaxError};
use crate::json::parse_value;
use crate::path::CompiledPath;
use crate::Value;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// Deepest nesting of calls accepted (AWS allows 10; the margin is for robustness only).
const MAX_NESTING: usize = 32;

/// A parsed call.
#[derive(Clone, Debug)]
pub struct Call {
    pub function: Function,
    pub args: Vec<Arg>,
}

/// One argument of a call.
#[derive(Clone, Debug)]
pub enum Arg {
    Literal(Value),
    /// A string literal (held as a `Value::String`, so evaluation borrows it), with where
    /// its unescaped `{}` placeholders were (for Format).
    Text { value: Value, pieces: Vec<Piece> },
    Path(CompiledPath),
    Call(Box<Call>),
}

/// A piece of a `States.Format` template.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Placeholder,
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

/// Parse a whole call; trailing text other than white space is an error.
pub fn parse_call(text: &str) -> Result<Call, IntrinsicSyntaxError> {
    let mut p = Parser { text, pos: 0 };
    p.skip_ws();
    let call = p.call(0)?;
    p.skip_ws();
    if p.pos != text.len() {
        return Err(p.error("unexpected text after the intrinsic function call"));
    }
    Ok(call)
}

impl<'a> Parser<'a> {
    fn error(&self, message: &str) -> IntrinsicSyntaxError {
        IntrinsicSyntaxError { offset: self.pos, message: message.into() }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn call(&mut self, depth: usize) -> Result<Call, IntrinsicSyntaxError> {
        if depth > MAX_NESTING {
            return Err(self.error("intrinsic functions nested too deeply"));
        }
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphanumeric() || b == b'.' {
                self.pos += 1;
            } else {
                break;
            }
        }
        let name = &self.text[start..self.pos];
        let function = Function::from_name(name).ok_or(IntrinsicSyntaxError {
            offset: start,
            message: alloc::format!("unknown intrinsic function '{name}'"),
        })?;
        self.skip_ws();
        if self.peek() != Some(b'(') {
            return Err(self.error("expected '(' after the function name"));
        }
        self.pos += 1;
        let mut args = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(Call { function, args });
        }
        loop {
            self.skip_ws();
            args.push(self.arg(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => {
                    self.pos += 1;
                    return Ok(Call { function, args });
                }
                _ => return Err(self.error("expected ',' or ')'")),
            }
        }
    }

    fn arg(&mut self, depth: usize) -> Result<Arg, IntrinsicSyntaxError> {
        match self.peek() {
            Some(b'\'') => self.string(),
            Some(b'$') => self.path(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'S') => Ok(Arg::Call(Box::new(self.call(depth + 1)?))),
            _ => {
                for (word, v) in [("true", Value::Bool(true)), ("false", Value::Bool(false)), ("null", Value::Null)] {
                    if self.text[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(Arg::Literal(v));
                    }
                }
                Err(self.error("expected an argument"))
            }
        }
    }

    fn string(&mut self) -> Result<Arg, IntrinsicSyntaxError> {
        self.pos += 1;
        let mut value = String::new();
        let mut pieces = Vec::new();
        let mut run = String::new();
        loop {
            let mut chars = self.text[self.pos..].chars();
            let ch = chars.next().ok_or_else(|| self.error("unterminated string literal"))?;
            self.pos += ch.len_utf8();
            match ch {
                '\'' => break,
                '\\' => {
                    let next = chars.next().ok_or_else(|| self.error("unterminated string literal"))?;
                    self.pos += next.len_utf8();
                    if !matches!(next, '\'' | '{' | '}' | '\\') {
                        // Not an escape the language defines: keep the backslash.
                        value.push('\\');
                        run.push('\\');
                    }
                    value.push(next);
                    run.push(next);
                }
                '{' if self.text[self.pos..].starts_with('}') => {
                    self.pos += 1;
                    value.push_str("{}");
                    pieces.push(Piece::Text(core::mem::take(&mut run)));
                    pieces.push(Piece::Placeholder);
                }
                c => {
                    value.push(c);
                    run.push(c);
                }
            }
        }
        if !run.is_empty() || pieces.is_empty() {
            pieces.push(Piece::Text(run));
        }
        Ok(Arg::Text { value: Value::String(value), pieces })
    }

    fn number(&mut self) -> Result<Arg, IntrinsicSyntaxError> {
        let start = self.pos;
        while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        parse_value(&self.text[start..self.pos])
            .map(Arg::Literal)
            .map_err(|_| IntrinsicSyntaxError { offset: start, message: "invalid number".into() })
    }

    /// A path runs to the next top-level `,` or `)`; brackets and quotes inside it
    /// (filters, quoted names) are skipped over.
    fn path(&mut self) -> Result<Arg, IntrinsicSyntaxError> {
        let start = self.pos;
        let mut depth = 0usize;
        let mut quote: Option<u8> = None;
        while let Some(b) = self.peek() {
            match quote {
                Some(q) => {
                    if b == b'\\' {
                        self.pos += 1;
                    } else if b == q {
                        quote = None;
                    }
                }
                None => match b {
                    b'\'' | b'"' => quote = Some(b),
                    b'[' | b'(' => depth += 1,
                    b']' | b')' if depth > 0 => depth -= 1,
                    b',' | b')' if depth == 0 => break,
                    _ => {}
                },
            }
            self.pos += 1;
        }
        let text = self.text[start..self.pos].trim_end();
        CompiledPath::compile(text).map(Arg::Path).map_err(|e| IntrinsicSyntaxError {
            offset: start + e.offset,
            message: alloc::format!("invalid path: {}", e.message),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn parses_nested_calls_and_literals() {
        let c = parse_call("States.Format('a{}b\\{\\}', States.Array(1, -2.5, true, null), $.x['y,z'])").unwrap();
        assert_eq!(c.function, Function::Format);
        assert_eq!(c.args.len(), 3);
        match &c.args[0] {
            Arg::Text { value, pieces } => {
                assert_eq!(value.as_str(), Some("a{}b{}"));
                assert_eq!(
                    pieces,
                    &vec![Piece::Text("a".into()), Piece::Placeholder, Piece::Text("b{}".into())]
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&c.args[2], Arg::Path(p) if p.text() == "$.x['y,z']"));
    }

    #[test]
    fn escapes() {
        let c = parse_call(r"States.Array('it\'s', 'back\\slash')").unwrap();
        assert!(matches!(&c.args[0], Arg::Text { value, .. } if value.as_str() == Some("it's")));
        assert!(matches!(&c.args[1], Arg::Text { value, .. } if value.as_str() == Some("back\\slash")));
    }

    #[test]
    fn rejects_bad_calls() {
        for bad in ["States.Nope()", "States.Array(", "States.Array('a)", "States.Array(1) x", "States.Array(foo)"] {
            assert!(parse_call(bad).is_err(), "{bad}");
        }
    }
}
