//! JSONPath text to segments, with the grammar AWS accepts (Jayway-style): dot and
//! bracket names, indexes (negative too), index lists, slices, wildcards, filters and
//! recursive descent, rooted at `$`, `$$` or a `$variable`.

use super::filter::{self, Filter};
use super::PathSyntaxError;
use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// What a path starts from.
#[derive(Clone, Debug, PartialEq)]
pub enum Root {
    /// `$`: the state's input (or `@`, the current item, inside a filter).
    Input,
    /// `$$`: the context object.
    Context,
    /// `$name`: a workflow variable.
    Variable(String),
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    /// `.name` or `['name']`.
    Child(String),
    /// `['a','b']`.
    Children(Vec<String>),
    /// `[3]` or `[-1]`.
    Index(i64),
    /// `[0,2]`.
    Indexes(Vec<i64>),
    /// `[a:b]`, either bound optional.
    Slice { start: Option<i64>, end: Option<i64> },
    /// `.*` or `[*]`.
    Wildcard,
    /// `[?(...)]`.
    Filter(Box<Filter>),
    /// `..x`: the segment applied to every descendant (the node itself included).
    Descendant(Box<Segment>),
}

impl Segment {
    /// Whether this step can select at most one value (Jayway's "definite").
    pub fn is_definite(&self) -> bool {
        matches!(self, Segment::Child(_) | Segment::Index(_))
    }
}

/// Deepest nesting of filters inside filters, so hostile paths cannot exhaust the stack.
pub const MAX_FILTER_DEPTH: usize = 16;

/// A cursor over path text; also used by the filter parser for `@` and `$` operands.
pub struct Cursor<'a> {
    pub text: &'a str,
    pub pos: usize,
    /// Filter nesting depth (0 outside filters).
    pub depth: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, depth: usize) -> Self {
        Cursor { text, pos: 0, depth }
    }

    pub fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.text.as_bytes().get(self.pos + ahead).copied()
    }

    pub fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    pub fn error(&self, message: impl Into<String>) -> PathSyntaxError {
        PathSyntaxError { offset: self.pos, message: message.into() }
    }

    pub fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    pub fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), PathSyntaxError> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.error(alloc::format!("expected '{}'", b as char)))
        }
    }
}

/// Parse a whole path: a root, then segments to the end of the text.
pub fn parse_path(text: &str) -> Result<(Root, Vec<Segment>), PathSyntaxError> {
    let mut c = Cursor::new(text, 0);
    let root = parse_root(&mut c)?;
    let segments = parse_segments(&mut c, false)?;
    if c.pos != text.len() {
        return Err(c.error("unexpected character in path"));
    }
    Ok((root, segments))
}

fn parse_root(c: &mut Cursor) -> Result<Root, PathSyntaxError> {
    if !c.eat(b'$') {
        return Err(c.error("a path must start with '$'"));
    }
    if c.eat(b'$') {
        return Ok(Root::Context);
    }
    let start = c.pos;
    while let Some(b) = c.peek() {
        if b == b'.' || b == b'[' {
            break;
        }
        c.pos += 1;
    }
    if c.pos == start {
        return Ok(Root::Input);
    }
    let name = &c.text[start..c.pos];
    if !name.chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
        return Err(PathSyntaxError { offset: start, message: "invalid variable name".into() });
    }
    Ok(Root::Variable(name.to_string()))
}

/// Segments until the end of the text, or (inside a filter) until a character that
/// cannot continue a path.
pub fn parse_segments(c: &mut Cursor, in_filter: bool) -> Result<Vec<Segment>, PathSyntaxError> {
    let mut out = Vec::new();
    loop {
        match c.peek() {
            Some(b'.') => {
                c.pos += 1;
                if c.eat(b'.') {
                    let inner = match c.peek() {
                        Some(b'[') => parse_bracket(c)?,
                        Some(b'*') => {
                            c.pos += 1;
                            Segment::Wildcard
                        }
                        _ => Segment::Child(dot_name(c, in_filter)?),
                    };
                    out.push(Segment::Descendant(Box::new(inner)));
                } else if c.eat(b'*') {
                    out.push(Segment::Wildcard);
                } else if c.peek() == Some(b'[') {
                    // `$.abc.['def ghi']`, as the AWS guide writes bracket names.
                    out.push(parse_bracket(c)?);
                } else {
                    out.push(Segment::Child(dot_name(c, in_filter)?));
                }
            }
            Some(b'[') => out.push(parse_bracket(c)?),
            _ => return Ok(out),
        }
    }
}

fn dot_name(c: &mut Cursor, in_filter: bool) -> Result<String, PathSyntaxError> {
    let start = c.pos;
    while let Some(b) = c.peek() {
        let stop = b == b'.'
            || b == b'['
            || (in_filter
                && matches!(b, b' ' | b'\t' | b'\n' | b')' | b'=' | b'!' | b'<' | b'>' | b'&' | b'|' | b','));
        if stop {
            break;
        }
        c.pos += 1;
    }
    if c.pos == start {
        return Err(c.error("expected a property name"));
    }
    Ok(c.text[start..c.pos].to_string())
}

fn parse_bracket(c: &mut Cursor) -> Result<Segment, PathSyntaxError> {
    c.expect(b'[')?;
    c.skip_ws();
    let seg = match c.peek() {
        Some(b'\'' | b'"') => {
            let mut names = Vec::new();
            loop {
                c.skip_ws();
                names.push(quoted(c)?);
                c.skip_ws();
                if !c.eat(b',') {
                    break;
                }
            }
            if names.len() == 1 {
                Segment::Child(names.pop().unwrap_or_default())
            } else {
                Segment::Children(names)
            }
        }
        Some(b'*') => {
            c.pos += 1;
            Segment::Wildcard
        }
        Some(b'?') => {
            c.pos += 1;
            c.skip_ws();
            c.expect(b'(')?;
            let f = filter::parse_filter(c)?;
            c.skip_ws();
            c.expect(b')')?;
            Segment::Filter(Box::new(f))
        }
        _ => numeric_bracket(c)?,
    };
    c.skip_ws();
    c.expect(b']')?;
    Ok(seg)
}

/// A quoted name (`'x'` or `"x"`); a backslash escapes the delimiting quote only.
pub fn quoted(c: &mut Cursor) -> Result<String, PathSyntaxError> {
    let quote = c.peek().ok_or_else(|| c.error("expected a quoted name"))?;
    c.pos += 1;
    let mut out = String::new();
    loop {
        let rest = c.rest();
        let mut chars = rest.chars();
        match chars.next() {
            None => return Err(c.error("unterminated quoted name")),
            Some('\\') => {
                // Only the delimiter is escaped; any other backslash stays in the name
                // (AWS reads `$['a\\"b']` as the key `a\\"b`).
                let next = chars.next().ok_or_else(|| c.error("unterminated quoted name"))?;
                if next as u32 != quote as u32 {
                    out.push('\\');
                }
                out.push(next);
                c.pos += 1 + next.len_utf8();
            }
            Some(ch) if ch as u32 == quote as u32 => {
                c.pos += 1;
                return Ok(out);
            }
            Some(ch) => {
                out.push(ch);
                c.pos += ch.len_utf8();
            }
        }
    }
}

fn numeric_bracket(c: &mut Cursor) -> Result<Segment, PathSyntaxError> {
    let first = opt_int(c)?;
    c.skip_ws();
    if c.eat(b':') {
        c.skip_ws();
        let end = opt_int(c)?;
        return Ok(Segment::Slice { start: first, end });
    }
    let first = first.ok_or_else(|| c.error("expected an index, a slice, '*', '?' or a quoted name"))?;
    let mut list = alloc::vec![first];
    while c.eat(b',') {
        c.skip_ws();
        list.push(opt_int(c)?.ok_or_else(|| c.error("expected an index"))?);
        c.skip_ws();
    }
    Ok(if list.len() == 1 { Segment::Index(first) } else { Segment::Indexes(list) })
}

fn opt_int(c: &mut Cursor) -> Result<Option<i64>, PathSyntaxError> {
    let start = c.pos;
    if c.peek() == Some(b'-') {
        c.pos += 1;
    }
    while let Some(b'0'..=b'9') = c.peek() {
        c.pos += 1;
    }
    let lexeme = &c.text[start..c.pos];
    if lexeme.is_empty() {
        return Ok(None);
    }
    lexeme
        .parse::<i64>()
        .map(Some)
        .map_err(|_| PathSyntaxError { offset: start, message: "invalid index".into() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn roots() {
        assert_eq!(parse_path("$").unwrap().0, Root::Input);
        assert_eq!(parse_path("$$.Execution.Id").unwrap().0, Root::Context);
        assert_eq!(parse_path("$myVar.a").unwrap().0, Root::Variable("myVar".into()));
    }

    #[test]
    fn segments() {
        let (_, s) = parse_path("$.a['b c'][0][-1][1:][:2][*].x..y[0,1]").unwrap();
        assert_eq!(
            s,
            vec![
                Segment::Child("a".into()),
                Segment::Child("b c".into()),
                Segment::Index(0),
                Segment::Index(-1),
                Segment::Slice { start: Some(1), end: None },
                Segment::Slice { start: None, end: Some(2) },
                Segment::Wildcard,
                Segment::Child("x".into()),
                Segment::Descendant(Box::new(Segment::Child("y".into()))),
                Segment::Indexes(vec![0, 1]),
            ]
        );
    }

    #[test]
    fn rejects_bad_paths() {
        for bad in ["", "a", "$.", "$[", "$['a'", "$[x]", "$.a[?(@.b >)]"] {
            assert!(parse_path(bad).is_err(), "{bad}");
        }
    }
}
