//! `States.*` intrinsic functions (JSONPath mode).
//!
//! **Temporary, replaced by the path branch.** A compact stand-in with the contract's
//! signatures so the interpreter can run; the real module lands with the path branch.

mod functions;

use crate::path::{CompiledPath, Scope};
use crate::rng::Rng;
use crate::{Failure, Number, Value};
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// A syntax error in an intrinsic call.
#[derive(Clone, Debug, PartialEq)]
pub struct IntrinsicSyntaxError {
    pub offset: usize,
    pub message: String,
}

#[derive(Clone, Debug)]
enum Arg {
    Literal(Value),
    Path(CompiledPath),
    Call(Intrinsic),
}

/// A compiled intrinsic function call.
#[derive(Clone, Debug)]
pub struct Intrinsic {
    name: String,
    args: Vec<Arg>,
}

/// Whether `text` looks like an intrinsic call (`States.Name(`).
pub fn is_intrinsic(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("States.") && t.contains('(')
}

impl Intrinsic {
    /// Parses an intrinsic call.
    pub fn compile(text: &str) -> Result<Intrinsic, IntrinsicSyntaxError> {
        let mut p = P { s: text.as_bytes(), t: text, i: 0, depth: 0 };
        p.ws();
        let call = p.call()?;
        p.ws();
        if p.i != p.s.len() {
            return p.err("unexpected text after the call");
        }
        Ok(call)
    }

    /// Evaluates the call.
    pub fn evaluate(&self, scope: &Scope, rng: &mut Rng) -> Result<Value, Failure> {
        let mut args = Vec::with_capacity(self.args.len());
        for a in &self.args {
            args.push(match a {
                Arg::Literal(v) => v.clone(),
                Arg::Path(p) => p.select(scope)?,
                Arg::Call(c) => c.evaluate(scope, rng)?,
            });
        }
        functions::call(&self.name, args, rng)
    }
}

struct P<'t> {
    s: &'t [u8],
    t: &'t str,
    i: usize,
    depth: usize,
}

impl P<'_> {
    fn err<T>(&self, m: &str) -> Result<T, IntrinsicSyntaxError> {
        Err(IntrinsicSyntaxError { offset: self.i, message: m.to_string() })
    }
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
    }
    fn call(&mut self) -> Result<Intrinsic, IntrinsicSyntaxError> {
        self.depth += 1;
        if self.depth > 32 {
            return self.err("calls nested too deeply");
        }
        let start = self.i;
        while self.i < self.s.len() && (self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'.') {
            self.i += 1;
        }
        let name = self.t[start..self.i].to_string();
        if self.s.get(self.i) != Some(&b'(') {
            return self.err("expected '('");
        }
        self.i += 1;
        let mut args = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b')') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Intrinsic { name, args });
        }
        loop {
            self.ws();
            args.push(self.arg()?);
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b')') => {
                    self.i += 1;
                    break;
                }
                _ => return self.err("expected ',' or ')'"),
            }
        }
        self.depth -= 1;
        Ok(Intrinsic { name, args })
    }
    fn arg(&mut self) -> Result<Arg, IntrinsicSyntaxError> {
        match self.s.get(self.i) {
            Some(b'\'') => {
                self.i += 1;
                let mut out = String::new();
                loop {
                    let Some(ch) = self.t[self.i..].chars().next() else {
                        return self.err("unterminated string");
                    };
                    self.i += ch.len_utf8();
                    match ch {
                        '\'' => break,
                        '\\' => {
                            let Some(next) = self.t[self.i..].chars().next() else {
                                return self.err("unterminated escape");
                            };
                            self.i += next.len_utf8();
                            match next {
                                'n' => out.push('\n'),
                                't' => out.push('\t'),
                                'r' => out.push('\r'),
                                c => out.push(c),
                            }
                        }
                        c => out.push(c),
                    }
                }
                Ok(Arg::Literal(Value::String(out)))
            }
            Some(b'$') => {
                let start = self.i;
                let mut bracket = 0i32;
                while self.i < self.s.len() {
                    match self.s[self.i] {
                        b'[' => bracket += 1,
                        b']' => bracket -= 1,
                        b',' | b')' if bracket <= 0 => break,
                        _ => {}
                    }
                    self.i += 1;
                }
                let text = self.t[start..self.i].trim_end();
                CompiledPath::compile(text)
                    .map(Arg::Path)
                    .map_err(|e| IntrinsicSyntaxError { offset: start + e.offset, message: e.message })
            }
            Some(b'S') => Ok(Arg::Call(self.call()?)),
            _ => {
                let start = self.i;
                while self.i < self.s.len() && !matches!(self.s[self.i], b',' | b')' | b' ') {
                    self.i += 1;
                }
                let text = &self.t[start..self.i];
                match text {
                    "null" => Ok(Arg::Literal(Value::Null)),
                    "true" => Ok(Arg::Literal(Value::Bool(true))),
                    "false" => Ok(Arg::Literal(Value::Bool(false))),
                    _ => match crate::json::parse_value(text) {
                        Ok(v @ Value::Number(_)) => Ok(Arg::Literal(v)),
                        _ => self.err("expected an argument"),
                    },
                }
            }
        }
    }
}

pub(crate) fn int_arg(v: &Value) -> Option<i64> {
    match v.as_number()? {
        Number::Int(i) => Some(i),
        n => n.as_i64(),
    }
}
