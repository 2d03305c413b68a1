//! Filter expressions (`[?(@.price < 10 && @.tags)]`): the Jayway comparison language AWS
//! evaluates JSONPath filters with. Operands are `@` paths (the current item), `$` paths
//! (the state input), literals and `/regex/flags`; operators `== != < <= > >= =~ in nin
//! subsetof anyof noneof size empty contains`, combined with `&& || !` and parentheses.

use super::eval::{select_all, select_one};
use super::parse::{parse_segments, quoted, Cursor, Segment, MAX_FILTER_DEPTH};
use super::regex::Regex;
use super::PathSyntaxError;
use crate::json::parse_value;
use crate::{Number, Value};
use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::vec::Vec;

/// A parsed filter.
#[derive(Clone, Debug, PartialEq)]
pub enum Filter {
    Or(Vec<Filter>),
    And(Vec<Filter>),
    Not(Box<Filter>),
    /// A bare operand: true when the path selects something.
    Exists(Operand),
    Compare(Operand, Op, Operand),
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// `@...`: relative to the item being filtered.
    Current(Vec<Segment>),
    /// `$...`: relative to the document the whole path runs over.
    Root(Vec<Segment>),
    Literal(Value),
    /// `/pattern/flags`, the right side of `=~`.
    Pattern(Regex),
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Nin,
    SubsetOf,
    AnyOf,
    NoneOf,
    Size,
    Empty,
    Contains,
    /// `=~`: the left string matches the regular expression as a whole.
    Matches,
}

/// Parse the inside of `?( ... )`, stopping before the closing parenthesis.
pub fn parse_filter(c: &mut Cursor) -> Result<Filter, PathSyntaxError> {
    if c.depth >= MAX_FILTER_DEPTH {
        return Err(c.error("filters nested too deeply"));
    }
    c.depth += 1;
    let f = or_expr(c);
    c.depth -= 1;
    f
}

fn or_expr(c: &mut Cursor) -> Result<Filter, PathSyntaxError> {
    let mut parts = alloc::vec![and_expr(c)?];
    loop {
        c.skip_ws();
        if c.rest().starts_with("||") {
            c.pos += 2;
            parts.push(and_expr(c)?);
        } else {
            break;
        }
    }
    Ok(if parts.len() == 1 { parts.pop().unwrap_or(Filter::Or(Vec::new())) } else { Filter::Or(parts) })
}

fn and_expr(c: &mut Cursor) -> Result<Filter, PathSyntaxError> {
    let mut parts = alloc::vec![unary(c)?];
    loop {
        c.skip_ws();
        if c.rest().starts_with("&&") {
            c.pos += 2;
            parts.push(unary(c)?);
        } else {
            break;
        }
    }
    Ok(if parts.len() == 1 { parts.pop().unwrap_or(Filter::And(Vec::new())) } else { Filter::And(parts) })
}

fn unary(c: &mut Cursor) -> Result<Filter, PathSyntaxError> {
    c.skip_ws();
    if c.peek() == Some(b'!') && c.peek_at(1) != Some(b'=') {
        c.pos += 1;
        return Ok(Filter::Not(Box::new(unary(c)?)));
    }
    if c.eat(b'(') {
        let inner = parse_filter(c)?;
        c.skip_ws();
        if !c.eat(b')') {
            return Err(c.error("expected ')'"));
        }
        return Ok(inner);
    }
    let left = operand(c)?;
    c.skip_ws();
    let Some(op) = operator(c) else {
        return Ok(Filter::Exists(left));
    };
    c.skip_ws();
    let right = operand(c)?;
    Ok(Filter::Compare(left, op, right))
}

fn operator(c: &mut Cursor) -> Option<Op> {
    const OPS: [(&str, Op); 15] = [
        ("=~", Op::Matches),
        ("==", Op::Eq),
        ("!=", Op::Ne),
        ("<=", Op::Le),
        (">=", Op::Ge),
        ("<", Op::Lt),
        (">", Op::Gt),
        ("nin ", Op::Nin),
        ("in ", Op::In),
        ("subsetof ", Op::SubsetOf),
        ("anyof ", Op::AnyOf),
        ("noneof ", Op::NoneOf),
        ("size ", Op::Size),
        ("empty ", Op::Empty),
        ("contains ", Op::Contains),
    ];
    let rest = c.rest();
    for (word, op) in OPS {
        if rest.starts_with(word) {
            c.pos += word.len();
            return Some(op);
        }
    }
    None
}

fn operand(c: &mut Cursor) -> Result<Operand, PathSyntaxError> {
    c.skip_ws();
    match c.peek() {
        Some(b'@') => {
            c.pos += 1;
            Ok(Operand::Current(parse_segments(c, true)?))
        }
        Some(b'$') => {
            c.pos += 1;
            Ok(Operand::Root(parse_segments(c, true)?))
        }
        Some(b'/') => Ok(Operand::Pattern(pattern(c)?)),
        Some(_) => Ok(Operand::Literal(literal(c)?)),
        None => Err(c.error("expected an operand")),
    }
}

/// `/pattern/flags`: a backslash keeps the next character (so `\/` is a slash).
fn pattern(c: &mut Cursor) -> Result<Regex, PathSyntaxError> {
    c.pos += 1;
    let start = c.pos;
    loop {
        match c.peek() {
            None => return Err(c.error("unterminated regular expression")),
            Some(b'\\') => c.pos += 2,
            Some(b'/') => break,
            Some(_) => c.pos += 1,
        }
    }
    let body = c.text.get(start..c.pos).ok_or_else(|| c.error("unterminated regular expression"))?;
    let body = body.replace("\\/", "/");
    c.pos += 1;
    let flags_start = c.pos;
    while let Some(b'a'..=b'z') = c.peek() {
        c.pos += 1;
    }
    let flags = &c.text[flags_start..c.pos];
    Regex::compile(&body, flags).map_err(|e| PathSyntaxError { offset: start + e.offset, message: e.message })
}

fn literal(c: &mut Cursor) -> Result<Value, PathSyntaxError> {
    c.skip_ws();
    match c.peek() {
        Some(b'\'' | b'"') => Ok(Value::String(quoted(c)?)),
        Some(b'[') => {
            c.pos += 1;
            let mut items = Vec::new();
            c.skip_ws();
            if c.eat(b']') {
                return Ok(Value::from(items));
            }
            loop {
                items.push(literal(c)?);
                c.skip_ws();
                if c.eat(b']') {
                    return Ok(Value::from(items));
                }
                if !c.eat(b',') {
                    return Err(c.error("expected ',' or ']'"));
                }
            }
        }
        _ => {
            let start = c.pos;
            while let Some(b) = c.peek() {
                if matches!(b, b'-' | b'+' | b'.' | b'0'..=b'9' | b'a'..=b'z' | b'E') {
                    c.pos += 1;
                } else {
                    break;
                }
            }
            let lexeme = &c.text[start..c.pos];
            parse_value(lexeme)
                .ok()
                .filter(|v| !matches!(v, Value::Array(_) | Value::Object(_)))
                .ok_or(PathSyntaxError { offset: start, message: "expected a literal".into() })
        }
    }
}

impl Filter {
    /// Whether `item` passes the filter; `root` is what `$` operands read.
    pub fn matches(&self, item: &Value, root: &Value) -> bool {
        match self {
            Filter::Or(parts) => parts.iter().any(|f| f.matches(item, root)),
            Filter::And(parts) => parts.iter().all(|f| f.matches(item, root)),
            Filter::Not(inner) => !inner.matches(item, root),
            Filter::Exists(op) => op.resolve(item, root).is_some(),
            Filter::Compare(l, Op::Matches, Operand::Pattern(re)) => {
                l.resolve(item, root).is_some_and(|v| v.as_str().is_some_and(|s| re.is_match(s)))
            }
            Filter::Compare(l, op, r) => {
                let left = l.resolve(item, root);
                let right = r.resolve(item, root);
                compare(left.as_deref(), *op, right.as_deref())
            }
        }
    }
}

impl Operand {
    fn resolve<'v>(&'v self, item: &'v Value, root: &'v Value) -> Option<Cow<'v, Value>> {
        let (base, segments) = match self {
            Operand::Literal(v) => return Some(Cow::Borrowed(v)),
            Operand::Pattern(_) => return None,
            Operand::Current(s) => (item, s),
            Operand::Root(s) => (root, s),
        };
        if segments.iter().all(Segment::is_definite) {
            select_one(base, segments, root).map(Cow::Borrowed)
        } else {
            let all = select_all(base, segments, root);
            Some(Cow::Owned(Value::array(all.into_iter().cloned().collect())))
        }
    }
}

fn compare(left: Option<&Value>, op: Op, right: Option<&Value>) -> bool {
    let (Some(l), Some(r)) = (left, right) else {
        // An absent operand equals nothing, so it is "not equal" to everything.
        return op == Op::Ne;
    };
    match op {
        Op::Eq => loose_eq(l, r),
        Op::Ne => !loose_eq(l, r),
        Op::Lt | Op::Le | Op::Gt | Op::Ge => {
            let ord = match (l, r) {
                (Value::Number(a), Value::Number(b)) => a.partial_cmp(b),
                (Value::String(a), Value::String(b)) => Some(a.as_str().cmp(b.as_str())),
                _ => None,
            };
            match ord {
                None => false,
                Some(o) => match op {
                    Op::Lt => o.is_lt(),
                    Op::Le => o.is_le(),
                    Op::Gt => o.is_gt(),
                    _ => o.is_ge(),
                },
            }
        }
        Op::In => r.as_array().is_some_and(|a| a.iter().any(|x| loose_eq(l, x))),
        Op::Nin => r.as_array().is_some_and(|a| !a.iter().any(|x| loose_eq(l, x))),
        Op::SubsetOf => match (l.as_array(), r.as_array()) {
            (Some(a), Some(b)) => a.iter().all(|x| b.iter().any(|y| loose_eq(x, y))),
            _ => false,
        },
        Op::AnyOf => match (l.as_array(), r.as_array()) {
            (Some(a), Some(b)) => a.iter().any(|x| b.iter().any(|y| loose_eq(x, y))),
            _ => false,
        },
        Op::NoneOf => match (l.as_array(), r.as_array()) {
            (Some(a), Some(b)) => !a.iter().any(|x| b.iter().any(|y| loose_eq(x, y))),
            _ => false,
        },
        Op::Size => {
            let len = match l {
                Value::Array(a) => a.len(),
                Value::String(s) => s.chars().count(),
                _ => return false,
            };
            r.as_i64() == Some(len as i64)
        }
        Op::Empty => {
            let empty = match l {
                Value::Array(a) => a.is_empty(),
                Value::String(s) => s.is_empty(),
                _ => return false,
            };
            r.as_bool() == Some(empty)
        }
        // Only a `/pattern/` right side can match; that case is decided in `matches`.
        Op::Matches => false,
        Op::Contains => match (l, r) {
            (Value::Array(a), _) => a.iter().any(|x| loose_eq(x, r)),
            (Value::String(a), Value::String(b)) => a.contains(b.as_str()),
            _ => false,
        },
    }
}

/// Jayway's equality: a number equals a string holding the same number.
fn loose_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(n), Value::String(s)) | (Value::String(s), Value::Number(n)) => {
            s.trim().parse::<f64>().is_ok_and(|f| Number::Float(f) == *n)
        }
        _ => a == b,
    }
}
