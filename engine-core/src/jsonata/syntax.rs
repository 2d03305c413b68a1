//! The Pratt parser: tokens to a raw tree shaped like the grammar (`a.b` is a binary `.`,
//! `a[p]` a binary `[`). `process` then turns it into the evaluator's tree.

use super::error::JsonataError;
use super::lexer::{Lexer, Tok, Token};
use super::signature::Signature;
use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// Deepest raw tree the parser builds. Every later pass (processing, evaluation, drop)
/// recurses over the tree, so this bounds their stack too.
pub const MAX_PARSE_DEPTH: usize = 100;

/// A raw tree node (never cloned: a copied operand would double the work after it).
#[derive(Debug)]
pub struct Raw {
    pub kind: RawKind,
    pub pos: usize,
    /// `[]` followed this step.
    pub keep_array: bool,
}

#[derive(Debug)]
pub enum RawKind {
    Name(String),
    Variable(String),
    Str(String),
    Num(f64),
    True,
    False,
    Null,
    Regex { pattern: String, flags: String },
    Wildcard,
    Descendant,
    Parent,
    Binary(&'static str, Box<Raw>, Box<Raw>),
    Group(Box<Raw>, Vec<(Raw, Raw)>),
    Sort(Box<Raw>, Vec<(bool, Raw)>),
    Negate(Box<Raw>),
    Array(Vec<Raw>),
    Object(Vec<(Raw, Raw)>),
    Block(Vec<Raw>),
    Condition(Box<Raw>, Box<Raw>, Option<Box<Raw>>),
    Call(Box<Raw>, Vec<Raw>),
    Partial(Box<Raw>, Vec<Option<Raw>>),
    Lambda(Vec<String>, Option<Signature>, Box<Raw>),
    Transform(Box<Raw>, Box<Raw>, Option<Box<Raw>>),
}

fn raw(kind: RawKind, pos: usize) -> Raw {
    Raw {
        kind,
        pos,
        keep_array: false,
    }
}

/// Left binding power of an infix token.
fn lbp(tok: &Tok) -> u8 {
    match tok {
        Tok::Op(op) => match *op {
            "." => 75,
            "[" | "(" | "@" | "#" => 80,
            "{" => 70,
            "?" | ".." => 20,
            "+" | "-" | "&" => 50,
            "*" | "/" | "%" | "**" => 60,
            "=" | "<" | ">" | "^" | "!=" | "<=" | ">=" | "~>" | "?:" | "??" | "in" => 40,
            ":=" => 10,
            "and" => 30,
            "or" => 25,
            _ => 0,
        },
        _ => 0,
    }
}

struct Parser {
    lexer: Lexer,
    node: Token,
    depth: usize,
}

/// Parses source text into a raw tree.
pub fn parse_raw(src: &str) -> Result<Raw, JsonataError> {
    let mut lexer = Lexer::new(src);
    let node = lexer.next_token()?;
    let mut p = Parser {
        lexer,
        node,
        depth: 0,
    };
    let tree = p.expression(0)?;
    if p.node.tok != Tok::End {
        return Err(JsonataError::code("S0201")
            .at(p.node.pos)
            .token(&describe(&p.node.tok)));
    }
    Ok(tree)
}

/// A token as the reference names it in errors.
fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Name(s) | Tok::Str(s) => s.clone(),
        Tok::Variable(s) => alloc::format!("${s}"),
        Tok::Num(n) => alloc::format!("{n}"),
        Tok::True => "true".into(),
        Tok::False => "false".into(),
        Tok::Null => "null".into(),
        Tok::Regex { pattern, .. } => pattern.clone(),
        Tok::Op(op) => op.to_string(),
        Tok::End => "(end)".into(),
    }
}

impl Parser {
    fn advance(&mut self) -> Result<Token, JsonataError> {
        let next = self.lexer.next_token()?;
        if let Tok::Op(op @ ("!" | "~")) = next.tok {
            return Err(JsonataError::code("S0204").at(next.pos).token(op));
        }
        Ok(core::mem::replace(&mut self.node, next))
    }

    fn is(&self, op: &str) -> bool {
        matches!(self.node.tok, Tok::Op(o) if o == op)
    }

    fn expect(&mut self, op: &str) -> Result<Token, JsonataError> {
        if self.is(op) {
            return self.advance();
        }
        let code = if self.node.tok == Tok::End {
            "S0203"
        } else {
            "S0202"
        };
        Err(JsonataError::code(code)
            .at(self.node.pos)
            .token(&describe(&self.node.tok))
            .with(alloc::format!("expected {op}")))
    }

    fn expression(&mut self, rbp: u8) -> Result<Raw, JsonataError> {
        let entry = self.depth;
        self.nest()?;
        let t = self.advance()?;
        let mut left = self.nud(t)?;
        while rbp < lbp(&self.node.tok) {
            // `a + b + c` loops here without recursing, yet each operator puts `left`
            // one level deeper in the tree: count it as nesting too.
            self.nest()?;
            let t = self.advance()?;
            left = self.led(t, left)?;
        }
        self.depth = entry;
        Ok(left)
    }

    /// One level deeper into the tree, at the current token; `U1001` past the limit.
    fn nest(&mut self) -> Result<(), JsonataError> {
        self.depth += 1;
        if self.depth > MAX_PARSE_DEPTH {
            return Err(
                JsonataError::new("U1001", "Expression nesting is too deep").at(self.node.pos)
            );
        }
        Ok(())
    }

    fn nud(&mut self, t: Token) -> Result<Raw, JsonataError> {
        let pos = t.pos;
        let kind = match t.tok {
            Tok::Name(n) => RawKind::Name(n),
            Tok::Variable(v) => RawKind::Variable(v),
            Tok::Str(s) => RawKind::Str(s),
            Tok::Num(n) => RawKind::Num(n),
            Tok::True => RawKind::True,
            Tok::False => RawKind::False,
            Tok::Null => RawKind::Null,
            Tok::Regex { pattern, flags } => RawKind::Regex { pattern, flags },
            Tok::End => return Err(JsonataError::code("S0207").at(pos).token("(end)")),
            Tok::Op(op) => match op {
                "and" | "or" | "in" => RawKind::Name(op.to_string()),
                "*" => RawKind::Wildcard,
                "**" => RawKind::Descendant,
                "%" => RawKind::Parent,
                "-" => RawKind::Negate(Box::new(self.expression(70)?)),
                "(" => {
                    let mut items = Vec::new();
                    while !self.is(")") {
                        items.push(self.expression(0)?);
                        if !self.is(";") {
                            break;
                        }
                        self.advance()?;
                    }
                    self.expect(")")?;
                    RawKind::Block(items)
                }
                "[" => {
                    let mut items = Vec::new();
                    if !self.is("]") {
                        loop {
                            let mut item = self.expression(0)?;
                            if self.is("..") {
                                let at = self.advance()?.pos;
                                let rhs = self.expression(0)?;
                                item =
                                    raw(RawKind::Binary("..", Box::new(item), Box::new(rhs)), at);
                            }
                            items.push(item);
                            if !self.is(",") {
                                break;
                            }
                            self.advance()?;
                        }
                    }
                    self.expect("]")?;
                    RawKind::Array(items)
                }
                "{" => RawKind::Object(self.object_pairs()?),
                "|" => {
                    let pattern = self.expression(0)?;
                    self.expect("|")?;
                    let update = self.expression(0)?;
                    let delete = if self.is(",") {
                        self.advance()?;
                        Some(Box::new(self.expression(0)?))
                    } else {
                        None
                    };
                    self.expect("|")?;
                    RawKind::Transform(Box::new(pattern), Box::new(update), delete)
                }
                _ => return Err(JsonataError::code("S0211").at(pos).token(op)),
            },
        };
        Ok(raw(kind, pos))
    }

    fn object_pairs(&mut self) -> Result<Vec<(Raw, Raw)>, JsonataError> {
        let mut pairs = Vec::new();
        if !self.is("}") {
            loop {
                let k = self.expression(0)?;
                self.expect(":")?;
                let v = self.expression(0)?;
                pairs.push((k, v));
                if !self.is(",") {
                    break;
                }
                self.advance()?;
            }
        }
        self.expect("}")?;
        Ok(pairs)
    }

    fn led(&mut self, t: Token, left: Raw) -> Result<Raw, JsonataError> {
        let pos = t.pos;
        let Tok::Op(op) = t.tok else {
            return Err(JsonataError::code("S0201").at(pos).token(&describe(&t.tok)));
        };
        let bp = lbp(&Tok::Op(op));
        let kind = match op {
            "." | "+" | "-" | "*" | "/" | "%" | "=" | "<" | ">" | "!=" | "<=" | ">=" | "&"
            | "and" | "or" | "in" | ".." => {
                let rhs = self.expression(bp)?;
                RawKind::Binary(op, Box::new(left), Box::new(rhs))
            }
            ":=" => {
                if !matches!(left.kind, RawKind::Variable(_)) {
                    return Err(JsonataError::code("S0212").at(pos).token(":="));
                }
                let rhs = self.expression(bp - 1)?;
                RawKind::Binary(":=", Box::new(left), Box::new(rhs))
            }
            "@" | "#" => {
                let rhs = self.expression(bp)?;
                if !matches!(rhs.kind, RawKind::Variable(_)) {
                    return Err(JsonataError::code("S0214").at(rhs.pos).token(op));
                }
                RawKind::Binary(op, Box::new(left), Box::new(rhs))
            }
            "~>" => {
                let rhs = self.expression(bp)?;
                RawKind::Binary("~>", Box::new(left), Box::new(rhs))
            }
            "?" => {
                let then = self.expression(0)?;
                let otherwise = if self.is(":") {
                    self.advance()?;
                    Some(Box::new(self.expression(0)?))
                } else {
                    None
                };
                RawKind::Condition(Box::new(left), Box::new(then), otherwise)
            }
            // The reference builds a conditional that names `left` twice; nested, that
            // doubles the tree per level. One node evaluates `left` once instead.
            "?:" | "??" => {
                let otherwise = self.expression(0)?;
                RawKind::Binary(op, Box::new(left), Box::new(otherwise))
            }
            "{" => RawKind::Group(Box::new(left), self.object_pairs()?),
            "^" => {
                self.expect("(")?;
                let mut terms = Vec::new();
                loop {
                    let mut descending = false;
                    if self.is("<") {
                        self.advance()?;
                    } else if self.is(">") {
                        descending = true;
                        self.advance()?;
                    }
                    terms.push((descending, self.expression(0)?));
                    if !self.is(",") {
                        break;
                    }
                    self.advance()?;
                }
                self.expect(")")?;
                RawKind::Sort(Box::new(left), terms)
            }
            "[" => {
                if self.is("]") {
                    self.advance()?;
                    let mut left = left;
                    mark_keep_array(&mut left);
                    return Ok(left);
                }
                let rhs = self.expression(0)?;
                self.expect("]")?;
                RawKind::Binary("[", Box::new(left), Box::new(rhs))
            }
            "(" => return self.call(left, pos),
            _ => return Err(JsonataError::code("S0204").at(pos).token(op)),
        };
        Ok(raw(kind, pos))
    }

    fn call(&mut self, procedure: Raw, pos: usize) -> Result<Raw, JsonataError> {
        let mut args: Vec<Option<Raw>> = Vec::new();
        if !self.is(")") {
            loop {
                if self.is("?") {
                    self.advance()?;
                    args.push(None);
                } else {
                    args.push(Some(self.expression(0)?));
                }
                if !self.is(",") {
                    break;
                }
                self.advance()?;
            }
        }
        self.expect(")")?;
        let is_lambda = matches!(&procedure.kind, RawKind::Name(n) if n == "function" || n == "λ");
        if is_lambda {
            let mut params = Vec::new();
            for (i, a) in args.into_iter().enumerate() {
                match a {
                    Some(Raw {
                        kind: RawKind::Variable(v),
                        ..
                    }) => params.push(v),
                    other => {
                        let at = other.as_ref().map_or(pos, |r| r.pos);
                        return Err(JsonataError::code("S0208").at(at).with(i + 1));
                    }
                }
            }
            let signature = if self.is("<") {
                Some(self.signature()?)
            } else {
                None
            };
            self.expect("{")?;
            let body = self.expression(0)?;
            self.expect("}")?;
            return Ok(raw(RawKind::Lambda(params, signature, Box::new(body)), pos));
        }
        let kind = if args.iter().any(Option::is_none) {
            RawKind::Partial(Box::new(procedure), args)
        } else {
            RawKind::Call(Box::new(procedure), args.into_iter().flatten().collect())
        };
        Ok(raw(kind, pos))
    }

    /// Reads `<...>` straight from the source (the current token is its `<`).
    fn signature(&mut self) -> Result<Signature, JsonataError> {
        let chars = self.lexer.chars();
        let start = self.node.pos - 1;
        let mut depth = 0;
        let mut end = start;
        while end < chars.len() {
            match chars[end] {
                '<' => depth += 1,
                '>' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            end += 1;
        }
        if end >= chars.len() {
            return Err(JsonataError::code("S0203").at(end).token("(end)"));
        }
        let text: String = chars[start..=end].iter().collect();
        let sig = Signature::parse(&text).map_err(|e| e.at(start))?;
        self.lexer.set_offset(end + 1);
        self.node = self.lexer.next_token()?;
        Ok(sig)
    }
}

/// `step[]`: the innermost step keeps singleton arrays.
fn mark_keep_array(node: &mut Raw) {
    let mut step = node;
    while let RawKind::Binary("[", lhs, _) = &mut step.kind {
        step = lhs;
    }
    step.keep_array = true;
}
