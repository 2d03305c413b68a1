//! JSONPath-mode expressions: reference paths, payload templates, ResultPath.
//!
//! **Temporary, replaced by the path branch.** A minimal stand-in with exactly the
//! signatures of the path contract so the interpreter can be built and tested; the lead
//! replaces this module (and `intrinsic`, `choice`) with the real one when merging.

mod result_path;
mod template;

pub use result_path::CompiledResultPath;
pub use template::{Template, TemplateError};

use crate::{Failure, Map, Value};
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// What `$`, `$$` and `$name` read while a state's fields are evaluated.
pub struct Scope<'a> {
    pub input: &'a Value,
    pub context: &'a Value,
    pub variables: &'a Map,
}

/// A JSONPath syntax error at a byte offset of the path text.
#[derive(Clone, Debug, PartialEq)]
pub struct PathSyntaxError {
    pub offset: usize,
    pub message: String,
}

#[derive(Clone, Debug)]
enum Root {
    Input,
    Context,
    Variable(String),
}

#[derive(Clone, Debug)]
enum Segment {
    Key(String),
    Index(i64),
    Wildcard,
    Slice(Option<i64>, Option<i64>, i64),
    Descend(Box<Segment>),
    Filter(String, FilterOp, Value),
}

#[derive(Clone, Copy, Debug)]
enum FilterOp {
    Exists,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A parsed JSONPath / reference path, compiled once per definition.
#[derive(Clone, Debug)]
pub struct CompiledPath {
    text: String,
    root: Root,
    segments: Vec<Segment>,
    definite: bool,
}

impl CompiledPath {
    /// Parses `text`.
    pub fn compile(text: &str) -> Result<CompiledPath, PathSyntaxError> {
        let mut parser = Parser { s: text.as_bytes(), text, i: 0 };
        let root = parser.root()?;
        let mut segments = Vec::new();
        while parser.i < parser.s.len() {
            segments.push(parser.segment()?);
        }
        let definite = segments.iter().all(|s| matches!(s, Segment::Key(_) | Segment::Index(_)));
        Ok(CompiledPath { text: text.to_string(), root, segments, definite })
    }

    /// The path as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// AWS semantics: no match is a States.Runtime failure; indefinite paths give arrays.
    pub fn select(&self, scope: &Scope) -> Result<Value, Failure> {
        match self.try_select(scope) {
            Some(v) => Ok(v),
            None => Err(Failure::runtime(format!(
                "Invalid path '{}' : No results for path: {}",
                self.text,
                self.normalized()
            ))),
        }
    }

    /// None when nothing matches (never a Failure for absence).
    pub fn try_select(&self, scope: &Scope) -> Option<Value> {
        let start = match &self.root {
            Root::Input => scope.input,
            Root::Context => scope.context,
            Root::Variable(name) => scope.variables.get(name)?,
        };
        if self.definite {
            let mut cur = start;
            for seg in &self.segments {
                cur = match seg {
                    Segment::Key(k) => cur.get(k)?,
                    Segment::Index(i) => {
                        let a = cur.as_array()?;
                        let idx = if *i < 0 { a.len() as i64 + i } else { *i };
                        a.get(usize::try_from(idx).ok()?)?
                    }
                    _ => return None,
                };
            }
            return Some(cur.clone());
        }
        let mut current: Vec<&Value> = alloc::vec![start];
        for seg in &self.segments {
            let mut next = Vec::new();
            for v in current {
                apply_segment(seg, v, &mut next, 0);
            }
            current = next;
        }
        Some(Value::array(current.into_iter().cloned().collect()))
    }

    /// Whether the path starts with `$$`.
    pub fn is_context(&self) -> bool {
        matches!(self.root, Root::Context)
    }

    fn normalized(&self) -> String {
        let mut out = String::from("$");
        for seg in &self.segments {
            match seg {
                Segment::Key(k) => out.push_str(&format!("['{k}']")),
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
                _ => out.push_str("[*]"),
            }
        }
        out
    }
}

fn apply_segment<'v>(seg: &Segment, v: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
    match seg {
        Segment::Key(k) => out.extend(v.get(k)),
        Segment::Index(i) => {
            if let Some(a) = v.as_array() {
                let idx = if *i < 0 { a.len() as i64 + i } else { *i };
                out.extend(usize::try_from(idx).ok().and_then(|i| a.get(i)));
            }
        }
        Segment::Wildcard => match v {
            Value::Array(a) => out.extend(a.iter()),
            Value::Object(m) => out.extend(m.values()),
            _ => {}
        },
        Segment::Slice(start, end, step) => {
            if let Some(a) = v.as_array() {
                let len = a.len() as i64;
                let norm = |x: i64| if x < 0 { (len + x).max(0) } else { x.min(len) };
                let s = start.map(norm).unwrap_or(0);
                let e = end.map(norm).unwrap_or(len);
                let mut i = s;
                while i < e && *step > 0 {
                    out.push(&a[i as usize]);
                    i += step;
                }
            }
        }
        Segment::Descend(inner) => {
            if depth > crate::json::MAX_DEPTH {
                return;
            }
            apply_segment(inner, v, out, depth + 1);
            match v {
                Value::Array(a) => a.iter().for_each(|c| apply_segment(seg, c, out, depth + 1)),
                Value::Object(m) => m.values().for_each(|c| apply_segment(seg, c, out, depth + 1)),
                _ => {}
            }
        }
        Segment::Filter(key, op, literal) => {
            let items: Vec<&Value> = match v {
                Value::Array(a) => a.iter().collect(),
                Value::Object(m) => m.values().collect(),
                _ => Vec::new(),
            };
            for item in items {
                let field = if key.is_empty() { Some(item) } else { item.get(key) };
                let keep = match (op, field) {
                    (FilterOp::Exists, f) => f.is_some(),
                    (_, None) => false,
                    (op, Some(f)) => compare(*op, f, literal),
                };
                if keep {
                    out.push(item);
                }
            }
        }
    }
}

fn compare(op: FilterOp, a: &Value, b: &Value) -> bool {
    use core::cmp::Ordering;
    let ord = match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.partial_cmp(y),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => {
            return match op {
                FilterOp::Eq => a == b,
                FilterOp::Ne => a != b,
                _ => false,
            }
        }
    };
    match (op, ord) {
        (FilterOp::Eq, Some(o)) => o == Ordering::Equal,
        (FilterOp::Ne, Some(o)) => o != Ordering::Equal,
        (FilterOp::Lt, Some(o)) => o == Ordering::Less,
        (FilterOp::Le, Some(o)) => o != Ordering::Greater,
        (FilterOp::Gt, Some(o)) => o == Ordering::Greater,
        (FilterOp::Ge, Some(o)) => o != Ordering::Less,
        _ => false,
    }
}

struct Parser<'t> {
    s: &'t [u8],
    text: &'t str,
    i: usize,
}

impl Parser<'_> {
    fn err<T>(&self, message: &str) -> Result<T, PathSyntaxError> {
        Err(PathSyntaxError { offset: self.i, message: message.to_string() })
    }

    fn root(&mut self) -> Result<Root, PathSyntaxError> {
        if self.s.first() != Some(&b'$') {
            return self.err("a path starts with '$'");
        }
        self.i = 1;
        if self.s.get(1) == Some(&b'$') {
            self.i = 2;
            return Ok(Root::Context);
        }
        let start = self.i;
        while self.i < self.s.len() && !matches!(self.s[self.i], b'.' | b'[') {
            self.i += 1;
        }
        if self.i == start {
            Ok(Root::Input)
        } else {
            Ok(Root::Variable(self.text[start..self.i].to_string()))
        }
    }

    fn name(&mut self) -> Result<String, PathSyntaxError> {
        let start = self.i;
        while self.i < self.s.len() && !matches!(self.s[self.i], b'.' | b'[') {
            self.i += 1;
        }
        if self.i == start {
            return self.err("expected a field name");
        }
        Ok(self.text[start..self.i].to_string())
    }

    fn segment(&mut self) -> Result<Segment, PathSyntaxError> {
        match self.s[self.i] {
            b'.' if self.s.get(self.i + 1) == Some(&b'.') => {
                self.i += 2;
                let inner = if self.s.get(self.i) == Some(&b'[') {
                    self.bracket()?
                } else if self.s.get(self.i) == Some(&b'*') {
                    self.i += 1;
                    Segment::Wildcard
                } else {
                    Segment::Key(self.name()?)
                };
                Ok(Segment::Descend(Box::new(inner)))
            }
            b'.' => {
                self.i += 1;
                if self.s.get(self.i) == Some(&b'*') {
                    self.i += 1;
                    return Ok(Segment::Wildcard);
                }
                Ok(Segment::Key(self.name()?))
            }
            b'[' => self.bracket(),
            _ => self.err("expected '.' or '['"),
        }
    }

    fn bracket(&mut self) -> Result<Segment, PathSyntaxError> {
        self.i += 1;
        let close = match self.text[self.i..].find(']') {
            Some(p) => self.i + p,
            None => return self.err("missing ']'"),
        };
        let mut body = &self.text[self.i..close];
        // Filters may contain `]` inside literals rarely; the stand-in does not support that.
        if body.starts_with("?(") {
            let seg = parse_filter(body).ok_or(PathSyntaxError {
                offset: self.i,
                message: "unsupported filter".to_string(),
            })?;
            self.i = close + 1;
            return Ok(seg);
        }
        self.i = close + 1;
        body = body.trim();
        if body == "*" {
            return Ok(Segment::Wildcard);
        }
        if (body.starts_with('\'') && body.ends_with('\'') || body.starts_with('"') && body.ends_with('"'))
            && body.len() >= 2
        {
            return Ok(Segment::Key(body[1..body.len() - 1].to_string()));
        }
        if body.contains(':') {
            let parts: Vec<&str> = body.split(':').collect();
            let num = |s: &str| -> Result<Option<i64>, PathSyntaxError> {
                let s = s.trim();
                if s.is_empty() {
                    Ok(None)
                } else {
                    s.parse().map(Some).map_err(|_| PathSyntaxError {
                        offset: close,
                        message: "bad slice bound".to_string(),
                    })
                }
            };
            let start = num(parts[0])?;
            let end = num(parts.get(1).copied().unwrap_or(""))?;
            let step = num(parts.get(2).copied().unwrap_or(""))?.unwrap_or(1);
            return Ok(Segment::Slice(start, end, step));
        }
        match body.parse::<i64>() {
            Ok(n) => Ok(Segment::Index(n)),
            Err(_) => Err(PathSyntaxError { offset: close, message: "bad bracket".to_string() }),
        }
    }
}

fn parse_filter(body: &str) -> Option<Segment> {
    let inner = body.strip_prefix("?(")?.strip_suffix(')')?.trim();
    let rest = inner.strip_prefix('@')?;
    let ops = [("==", FilterOp::Eq), ("!=", FilterOp::Ne), ("<=", FilterOp::Le), (">=", FilterOp::Ge), ("<", FilterOp::Lt), (">", FilterOp::Gt)];
    for (sym, op) in ops {
        if let Some(p) = rest.find(sym) {
            let key = rest[..p].trim().trim_start_matches('.').to_string();
            let lit = rest[p + sym.len()..].trim();
            let lit = if lit.starts_with('\'') && lit.ends_with('\'') && lit.len() >= 2 {
                Value::String(lit[1..lit.len() - 1].to_string())
            } else {
                crate::json::parse_value(lit).ok()?
            };
            return Some(Segment::Filter(key, op, lit));
        }
    }
    Some(Segment::Filter(rest.trim().trim_start_matches('.').to_string(), FilterOp::Exists, Value::Null))
}
