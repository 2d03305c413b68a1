//! Raw tree to evaluator tree, as the reference's AST post-processing does: `.` chains
//! become flat paths, predicates attach to their step, `@`/`#` mark tuple steps, and
//! each parent operator `%` is resolved to the step whose context it names.

use super::ast::{BinOp, Expr, Group, Kind, LambdaDef, SortTerm, Stage, TransformDef};
use super::error::JsonataError;
use super::regex::Regex;
use super::syntax::{Raw, RawKind};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cell::Cell;

/// A parent-operator slot: which binding holds the ancestor, and how many steps up it is.
#[derive(Debug)]
pub struct Slot {
    pub label: Cell<usize>,
    pub level: Cell<i32>,
}

impl Slot {
    /// The variable name the ancestor is bound to.
    pub fn name(&self) -> alloc::string::String {
        alloc::format!("!{}", self.label.get())
    }
}

/// Converts a raw tree; `slots` collects the parent slots.
pub struct Processor {
    pub slots: Vec<Rc<Slot>>,
}

fn kind_name(e: &Expr) -> &'static str {
    match e.kind {
        Kind::Path { .. } => "path",
        Kind::Name(_) => "name",
        Kind::Wildcard => "wildcard",
        Kind::Descendant => "descendant",
        Kind::Parent(_) => "parent",
        Kind::String(_) => "string",
        Kind::Number(_) => "number",
        Kind::Null | Kind::Bool(_) => "value",
        Kind::Regex(_) => "regex",
        Kind::Variable(_) => "variable",
        Kind::Binary { .. } => "binary",
        Kind::Negate(_) | Kind::Array(_) | Kind::Object(_) => "unary",
        Kind::Condition { .. } => "condition",
        Kind::Block(_) => "block",
        Kind::Bind { .. } => "bind",
        Kind::Call { .. } => "function",
        Kind::Partial { .. } => "partial",
        Kind::Lambda(_) => "lambda",
        Kind::Apply { .. } => "apply",
        Kind::Transform(_) => "transform",
        Kind::Sort(_) => "sort",
    }
}

fn binop(op: &str) -> Option<BinOp> {
    Some(match op {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        "%" => BinOp::Mod,
        "=" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        "&" => BinOp::Concat,
        "and" => BinOp::And,
        "or" => BinOp::Or,
        "in" => BinOp::In,
        ".." => BinOp::Range,
        "?:" => BinOp::Default,
        "??" => BinOp::Coalesce,
        _ => return None,
    })
}

fn path(steps: Vec<Expr>, pos: usize) -> Expr {
    Expr::new(
        Kind::Path {
            steps,
            keep_singleton_array: false,
        },
        pos,
    )
}

/// Hands the parent slots `value` still seeks on to `result`, its new parent node.
/// Moved, not copied: only the outermost node's list is read again, and copies would
/// cost each slot one entry per level it is nested.
fn push_ancestry(result: &mut Expr, value: &mut Expr) {
    result.seeking_parent.append(&mut value.seeking_parent);
    if let Kind::Parent(slot) = &value.kind {
        result.seeking_parent.push(slot.clone());
    }
}

fn var_name(raw: &Raw) -> Rc<str> {
    match &raw.kind {
        RawKind::Variable(v) => Rc::from(v.as_str()),
        _ => Rc::from(""),
    }
}

impl Processor {
    pub fn new() -> Self {
        Processor { slots: Vec::new() }
    }

    /// Processes the whole tree and checks no parent operator is left unresolved.
    pub fn top(&mut self, raw: Raw) -> Result<Expr, JsonataError> {
        let e = self.process(raw)?;
        if matches!(e.kind, Kind::Parent(_)) || !e.seeking_parent.is_empty() {
            return Err(JsonataError::code("S0217").at(e.pos).token(kind_name(&e)));
        }
        Ok(e)
    }

    fn process(&mut self, raw: Raw) -> Result<Expr, JsonataError> {
        let pos = raw.pos;
        let keep_array = raw.keep_array;
        // Larger arms run in closures: their locals then live in the closure's frame, not
        // in this recursive one, which keeps unoptimised builds within a small stack.
        let mut result = match raw.kind {
            RawKind::Binary(".", lhs, rhs) => self.dot(*lhs, *rhs, pos)?,
            RawKind::Binary("[", lhs, rhs) => self.predicate(*lhs, *rhs, pos)?,
            RawKind::Binary(":=", lhs, rhs) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut value = self.process(*rhs)?;
                    let mut e = Expr::new(
                        Kind::Bind {
                            name: var_name(&lhs),
                            value: Box::new(Expr::new(Kind::Null, 0)),
                        },
                        pos,
                    );
                    push_ancestry(&mut e, &mut value);
                    if let Kind::Bind { value: slot, .. } = &mut e.kind {
                        **slot = value;
                    }
                    e
                })
            })()?,
            RawKind::Binary("@", lhs, rhs) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut result = self.process(*lhs)?;
                    with_last_step(&mut result, |step| {
                        if !step.stages.is_empty() || !step.predicate.is_empty() {
                            return Err(JsonataError::code("S0215").at(pos).token("@"));
                        }
                        if matches!(step.kind, Kind::Sort(_)) {
                            return Err(JsonataError::code("S0216").at(pos).token("@"));
                        }
                        if keep_array {
                            step.keep_array = true;
                        }
                        step.focus = Some(var_name(&rhs));
                        step.tuple = true;
                        Ok(())
                    })?;
                    result
                })
            })()?,
            RawKind::Binary("#", lhs, rhs) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut result = self.process(*lhs)?;
                    if !result.is_path() {
                        let mut step = result;
                        step.stages = core::mem::take(&mut step.predicate);
                        result = path(alloc::vec![step], pos);
                    }
                    with_last_step(&mut result, |step| {
                        if step.stages.is_empty() {
                            step.index = Some(var_name(&rhs));
                        } else {
                            step.stages.push(Stage::Index(var_name(&rhs)));
                        }
                        step.tuple = true;
                    });
                    result
                })
            })()?,
            RawKind::Binary("~>", lhs, rhs) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let lhs = self.process(*lhs)?;
                    let rhs = self.process(*rhs)?;
                    let keep = lhs.keep_array || rhs.keep_array;
                    let mut e = Expr::new(
                        Kind::Apply {
                            lhs: Box::new(lhs),
                            rhs: Box::new(rhs),
                        },
                        pos,
                    );
                    e.keep_array = keep;
                    e
                })
            })()?,
            RawKind::Binary(op, lhs, rhs) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let op =
                        binop(op).ok_or_else(|| JsonataError::code("S0204").at(pos).token(op))?;
                    let mut lhs = self.process(*lhs)?;
                    let mut rhs = self.process(*rhs)?;
                    let mut e = Expr::new(
                        Kind::Binary {
                            op,
                            lhs: Box::new(Expr::new(Kind::Null, 0)),
                            rhs: Box::new(Expr::new(Kind::Null, 0)),
                        },
                        pos,
                    );
                    push_ancestry(&mut e, &mut lhs);
                    push_ancestry(&mut e, &mut rhs);
                    e.kind = Kind::Binary {
                        op,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    };
                    e
                })
            })()?,
            RawKind::Group(lhs, pairs) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut result = self.process(*lhs)?;
                    if result.group.is_some() {
                        return Err(JsonataError::code("S0210").at(pos));
                    }
                    let pairs = self.pairs(pairs, None)?;
                    result.group = Some(Box::new(Group { pairs, pos }));
                    result
                })
            })()?,
            RawKind::Sort(lhs, terms) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut result = self.process(*lhs)?;
                    if !result.is_path() {
                        result = path(alloc::vec![result], pos);
                    }
                    let mut sort = Expr::new(Kind::Null, pos);
                    let mut out = Vec::new();
                    for (descending, t) in terms {
                        let mut expr = self.process(t)?;
                        push_ancestry(&mut sort, &mut expr);
                        out.push(SortTerm { descending, expr });
                    }
                    sort.kind = Kind::Sort(out);
                    if let Kind::Path { steps, .. } = &mut result.kind {
                        steps.push(sort);
                    }
                    resolve_ancestry(&mut result)?;
                    result
                })
            })()?,
            RawKind::Negate(inner) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut inner = self.process(*inner)?;
                    if let Kind::Number(n) = inner.kind {
                        Expr::new(Kind::Number(-n), pos)
                    } else {
                        let mut e = Expr::new(Kind::Null, pos);
                        push_ancestry(&mut e, &mut inner);
                        e.kind = Kind::Negate(Box::new(inner));
                        e
                    }
                })
            })()?,
            RawKind::Array(items) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut e = Expr::new(Kind::Null, pos);
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        let mut v = self.process(item)?;
                        push_ancestry(&mut e, &mut v);
                        out.push(v);
                    }
                    e.kind = Kind::Array(out);
                    e
                })
            })()?,
            RawKind::Object(pairs) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut e = Expr::new(Kind::Null, pos);
                    let pairs = self.pairs(pairs, Some(&mut e))?;
                    e.kind = Kind::Object(pairs);
                    e
                })
            })()?,
            RawKind::Block(items) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut e = Expr::new(Kind::Null, pos);
                    let mut out = Vec::with_capacity(items.len());
                    for item in items {
                        let mut part = self.process(item)?;
                        push_ancestry(&mut e, &mut part);
                        let first_cons = match &part.kind {
                            Kind::Path { steps, .. } => steps.first().is_some_and(|s| s.consarray),
                            _ => false,
                        };
                        if part.consarray || first_cons {
                            e.consarray = true;
                        }
                        out.push(part);
                    }
                    e.kind = Kind::Block(out);
                    e
                })
            })()?,
            RawKind::Condition(c, t, o) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut e = Expr::new(Kind::Null, pos);
                    let mut condition = self.process(*c)?;
                    push_ancestry(&mut e, &mut condition);
                    let mut then = self.process(*t)?;
                    push_ancestry(&mut e, &mut then);
                    let otherwise = match o {
                        Some(o) => {
                            let mut o = self.process(*o)?;
                            push_ancestry(&mut e, &mut o);
                            Some(Box::new(o))
                        }
                        None => None,
                    };
                    e.kind = Kind::Condition {
                        condition: Box::new(condition),
                        then: Box::new(then),
                        otherwise,
                    };
                    e
                })
            })()?,
            RawKind::Call(procedure, args) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut e = Expr::new(Kind::Null, pos);
                    let mut out = Vec::with_capacity(args.len());
                    for a in args {
                        let mut a = self.process(a)?;
                        push_ancestry(&mut e, &mut a);
                        out.push(a);
                    }
                    let procedure = self.process(*procedure)?;
                    e.kind = Kind::Call {
                        procedure: Box::new(procedure),
                        args: out,
                    };
                    e
                })
            })()?,
            RawKind::Partial(procedure, args) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let mut e = Expr::new(Kind::Null, pos);
                    let mut out = Vec::with_capacity(args.len());
                    for a in args {
                        match a {
                            Some(a) => {
                                let mut a = self.process(a)?;
                                push_ancestry(&mut e, &mut a);
                                out.push(Some(a));
                            }
                            None => out.push(None),
                        }
                    }
                    let procedure = self.process(*procedure)?;
                    e.kind = Kind::Partial {
                        procedure: Box::new(procedure),
                        args: out,
                    };
                    e
                })
            })()?,
            RawKind::Lambda(params, signature, body) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let body = tail_call_optimize(self.process(*body)?);
                    let params = params.iter().map(|p| Rc::from(p.as_str())).collect();
                    Expr::new(
                        Kind::Lambda(Rc::new(LambdaDef {
                            params,
                            signature,
                            body,
                            thunk: false,
                        })),
                        pos,
                    )
                })
            })()?,
            RawKind::Transform(pattern, update, delete) => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let pattern = self.process(*pattern)?;
                    let update = self.process(*update)?;
                    let delete = match delete {
                        Some(d) => Some(self.process(*d)?),
                        None => None,
                    };
                    Expr::new(
                        Kind::Transform(Rc::new(TransformDef {
                            pattern,
                            update,
                            delete,
                        })),
                        pos,
                    )
                })
            })()?,
            RawKind::Name(n) => {
                let step = Expr::new(Kind::Name(Rc::from(n.as_str())), pos);
                let mut p = path(alloc::vec![step], pos);
                if keep_array {
                    if let Kind::Path {
                        keep_singleton_array,
                        steps,
                    } = &mut p.kind
                    {
                        *keep_singleton_array = true;
                        steps[0].keep_array = true;
                    }
                }
                p
            }
            RawKind::Parent => {
                let slot = Rc::new(Slot {
                    label: Cell::new(self.slots.len()),
                    level: Cell::new(1),
                });
                self.slots.push(slot.clone());
                Expr::new(Kind::Parent(slot), pos)
            }
            RawKind::Str(s) => Expr::new(Kind::String(Rc::from(s.as_str())), pos),
            RawKind::Num(n) => Expr::new(Kind::Number(n), pos),
            RawKind::True => Expr::new(Kind::Bool(true), pos),
            RawKind::False => Expr::new(Kind::Bool(false), pos),
            RawKind::Null => Expr::new(Kind::Null, pos),
            RawKind::Regex { pattern, flags } => (|| -> Result<Expr, JsonataError> {
                Ok({
                    let re = Regex::new(&pattern, &flags).map_err(|e| e.at(pos))?;
                    Expr::new(Kind::Regex(Rc::new(re)), pos)
                })
            })()?,
            RawKind::Wildcard => Expr::new(Kind::Wildcard, pos),
            RawKind::Descendant => Expr::new(Kind::Descendant, pos),
            RawKind::Variable(v) => Expr::new(Kind::Variable(Rc::from(v.as_str())), pos),
        };
        if keep_array {
            result.keep_array = true;
        }
        Ok(result)
    }

    fn pairs(
        &mut self,
        pairs: Vec<(Raw, Raw)>,
        mut ancestry: Option<&mut Expr>,
    ) -> Result<Vec<(Expr, Expr)>, JsonataError> {
        let mut out = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            let mut k = self.process(k)?;
            let mut v = self.process(v)?;
            if let Some(e) = ancestry.as_deref_mut() {
                push_ancestry(e, &mut k);
                push_ancestry(e, &mut v);
            }
            out.push((k, v));
        }
        Ok(out)
    }

    fn dot(&mut self, lhs: Raw, rhs: Raw, pos: usize) -> Result<Expr, JsonataError> {
        let lstep = self.process(lhs)?;
        let lparent = match &lstep.kind {
            Kind::Parent(slot) => Some(slot.clone()),
            _ => None,
        };
        let mut result = if lstep.is_path() {
            lstep
        } else {
            path(alloc::vec![lstep], pos)
        };
        if let Some(slot) = lparent {
            result.seeking_parent = alloc::vec![slot];
        }
        let mut rest = self.process(rhs)?;
        let Kind::Path {
            steps,
            keep_singleton_array,
        } = &mut result.kind
        else {
            return Ok(result);
        };
        match rest.kind {
            Kind::Path { steps: more, .. } => steps.extend(more),
            _ => {
                if !rest.predicate.is_empty() {
                    rest.stages = core::mem::take(&mut rest.predicate);
                }
                steps.push(rest);
            }
        }
        for step in steps.iter_mut() {
            match &step.kind {
                Kind::Number(_) | Kind::Bool(_) | Kind::Null => {
                    return Err(JsonataError::code("S0213").at(step.pos));
                }
                Kind::String(s) => step.kind = Kind::Name(s.clone()),
                _ => {}
            }
        }
        if steps.iter().any(|s| s.keep_array) {
            *keep_singleton_array = true;
        }
        if let Some(first) = steps.first_mut() {
            if first.is_array_cons() {
                first.consarray = true;
            }
        }
        if let Some(last) = steps.last_mut() {
            if last.is_array_cons() {
                last.consarray = true;
            }
        }
        resolve_ancestry(&mut result)?;
        Ok(result)
    }

    fn predicate(&mut self, lhs: Raw, rhs: Raw, pos: usize) -> Result<Expr, JsonataError> {
        let mut result = self.process(lhs)?;
        let in_path = result.is_path();
        if with_last_step(&mut result, |step| step.group.is_some()) {
            return Err(JsonataError::code("S0209").at(pos));
        }
        let mut predicate = self.process(rhs)?;
        with_last_step(&mut result, |step| {
            if !predicate.seeking_parent.is_empty() {
                for slot in &predicate.seeking_parent {
                    if slot.level.get() == 1 {
                        seek_parent(step, slot)?;
                    } else {
                        slot.level.set(slot.level.get() - 1);
                    }
                }
                push_ancestry(step, &mut predicate);
            }
            if in_path {
                step.stages.push(Stage::Filter(predicate));
            } else {
                step.predicate.push(Stage::Filter(predicate));
            }
            Ok::<(), JsonataError>(())
        })?;
        Ok(result)
    }
}

/// The last step of a path, or the node itself.
fn with_last_step<T>(e: &mut Expr, f: impl FnOnce(&mut Expr) -> T) -> T {
    if let Kind::Path { steps, .. } = &mut e.kind {
        if let Some(last) = steps.last_mut() {
            return f(last);
        }
    }
    f(e)
}

fn seek_parent(node: &mut Expr, slot: &Rc<Slot>) -> Result<(), JsonataError> {
    match &mut node.kind {
        Kind::Name(_) | Kind::Wildcard => {
            slot.level.set(slot.level.get() - 1);
            if slot.level.get() == 0 {
                if let Some(existing) = &node.ancestor {
                    slot.label.set(existing.label.get());
                }
                node.ancestor = Some(slot.clone());
                node.tuple = true;
            }
        }
        Kind::Parent(_) => slot.level.set(slot.level.get() + 1),
        Kind::Block(items) => {
            if let Some(last) = items.last_mut() {
                seek_parent(last, slot)?;
                node.tuple = true;
            }
        }
        Kind::Path { steps, .. } => {
            let mut index = steps.len() as isize - 1;
            if index >= 0 {
                seek_parent(&mut steps[index as usize], slot)?;
                index -= 1;
            }
            while slot.level.get() > 0 && index >= 0 {
                seek_parent(&mut steps[index as usize], slot)?;
                index -= 1;
            }
            node.tuple = true;
        }
        _ => {
            return Err(JsonataError::code("S0217")
                .at(node.pos)
                .token(kind_name(node)))
        }
    }
    Ok(())
}

fn resolve_ancestry(p: &mut Expr) -> Result<(), JsonataError> {
    let Kind::Path { steps, .. } = &mut p.kind else {
        return Ok(());
    };
    let Some(last) = steps.last() else {
        return Ok(());
    };
    let mut slots = last.seeking_parent.clone();
    if let Kind::Parent(s) = &last.kind {
        slots.push(s.clone());
    }
    let mut unresolved = Vec::new();
    for slot in slots {
        let mut index = steps.len() as isize - 2;
        while slot.level.get() > 0 {
            if index < 0 {
                unresolved.push(slot.clone());
                break;
            }
            let mut i = index as usize;
            index -= 1;
            while index >= 0 && steps[i].focus.is_some() && steps[index as usize].focus.is_some() {
                i = index as usize;
                index -= 1;
            }
            seek_parent(&mut steps[i], &slot)?;
        }
    }
    p.seeking_parent.extend(unresolved);
    Ok(())
}

/// Wraps calls in tail position in thunks so recursion runs in constant stack.
fn tail_call_optimize(e: Expr) -> Expr {
    let mut e = e;
    match e.kind {
        Kind::Call { .. } if e.predicate.is_empty() => {
            let pos = e.pos;
            Expr::new(
                Kind::Lambda(Rc::new(LambdaDef {
                    params: Vec::new(),
                    signature: None,
                    body: e,
                    thunk: true,
                })),
                pos,
            )
        }
        Kind::Condition {
            ref mut then,
            ref mut otherwise,
            ..
        } => {
            let t = core::mem::replace(&mut **then, Expr::new(Kind::Null, 0));
            **then = tail_call_optimize(t);
            if let Some(o) = otherwise {
                let t = core::mem::replace(&mut **o, Expr::new(Kind::Null, 0));
                **o = tail_call_optimize(t);
            }
            e
        }
        Kind::Block(ref mut items) => {
            if let Some(last) = items.pop() {
                items.push(tail_call_optimize(last));
            }
            e
        }
        _ => e,
    }
}
