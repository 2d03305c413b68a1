//! Function invocation: calls, partial application, `~>`, lambdas with their
//! signatures, and the trampoline that runs tail calls in constant stack.

use super::{Evaluator, R};
use crate::jsonata::ast::{Expr, Kind};
use crate::jsonata::env::Frame;
use crate::jsonata::error::JsonataError;
use crate::jsonata::functions::{regex_fns, Ctx};
use crate::jsonata::value::{Function, JValue};
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

/// How many arguments a function value takes (higher-order functions pass that many).
pub fn fn_arity(f: &JValue) -> usize {
    match f {
        JValue::Function(f) => match &**f {
            Function::Lambda { def, .. } => def.params.len(),
            Function::Builtin(b) => b.arity(),
            Function::Partial { args, .. } => args.iter().filter(|a| a.is_none()).count(),
            Function::Chain { .. } | Function::Regex(_) | Function::Transform { .. } => 1,
        },
        _ => 0,
    }
}

/// The name a call reports in errors: `$name` or a path's first step.
fn procedure_name(p: &Expr) -> Option<String> {
    match &p.kind {
        Kind::Variable(v) => Some(String::from(&**v)),
        Kind::Path { steps, .. } => match steps.first().map(|s| &s.kind) {
            Some(Kind::Name(n)) => Some(String::from(&**n)),
            _ => None,
        },
        _ => None,
    }
}

/// The first step's name when `procedure` is a bare name (a forgotten `$`).
fn bare_name(p: &Expr) -> Option<&str> {
    match &p.kind {
        Kind::Path { steps, .. } => match steps.first().map(|s| &s.kind) {
            Some(Kind::Name(n)) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

/// Applies `f` to `args` (for library functions calling user functions).
pub fn apply(ev: &mut Evaluator, f: &JValue, args: Vec<Option<JValue>>, frame: &Rc<Frame>) -> R {
    ev.apply(Some(f.clone()), args, None, frame)
}

impl Evaluator<'_> {
    pub(super) fn eval_call(
        &mut self,
        procedure: &Expr,
        args: &[Expr],
        input: Option<&JValue>,
        frame: &Rc<Frame>,
        applyto: Option<Option<JValue>>,
        pos: usize,
    ) -> R {
        let proc = self.eval(procedure, input, frame)?;
        if proc.is_none() {
            if let Some(n) = bare_name(procedure) {
                if self.lookup(frame, n).is_some() {
                    return Err(JsonataError::code("T1005").at(pos).token(n));
                }
            }
        }
        let mut evaluated = Vec::with_capacity(args.len() + 1);
        if let Some(ctx) = applyto {
            evaluated.push(ctx);
        }
        for a in args {
            evaluated.push(self.eval(a, input, frame)?);
        }
        self.apply(proc, evaluated, input, frame).map_err(|e| {
            let e = e.at(pos);
            match procedure_name(procedure) {
                Some(n) => e.token(&n),
                None => e,
            }
        })
    }

    pub(super) fn eval_partial(
        &mut self,
        procedure: &Expr,
        args: &[Option<Expr>],
        input: Option<&JValue>,
        frame: &Rc<Frame>,
        pos: usize,
    ) -> R {
        let mut bound = Vec::with_capacity(args.len());
        for a in args {
            bound.push(match a {
                Some(a) => Some(self.eval(a, input, frame)?),
                None => None,
            });
        }
        let proc = self.eval(procedure, input, frame)?;
        match proc {
            Some(f @ JValue::Function(_)) => Ok(Some(JValue::func(Function::Partial {
                func: f,
                args: bound,
            }))),
            None if bare_name(procedure).is_some_and(|n| self.lookup(frame, n).is_some()) => {
                Err(JsonataError::code("T1007")
                    .at(pos)
                    .token(bare_name(procedure).unwrap_or("")))
            }
            _ => Err(JsonataError::code("T1008")
                .at(pos)
                .token(&procedure_name(procedure).unwrap_or_default())),
        }
    }

    pub(super) fn eval_apply(
        &mut self,
        lhs: &Expr,
        rhs: &Expr,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
        pos: usize,
    ) -> R {
        let l = self.eval(lhs, input, frame)?;
        if let Kind::Call { procedure, args } = &rhs.kind {
            return self.eval_call(procedure, args, input, frame, Some(l), rhs.pos);
        }
        let func = self.eval(rhs, input, frame)?;
        let Some(func @ JValue::Function(_)) = func else {
            return Err(JsonataError::code("T2006").at(pos).token("~>"));
        };
        match l {
            Some(first @ JValue::Function(_)) => Ok(Some(JValue::func(Function::Chain {
                first,
                second: func,
            }))),
            other => self.apply(Some(func), alloc::vec![other], None, frame),
        }
    }

    /// Applies a function value, running tail-call thunks to completion.
    pub fn apply(
        &mut self,
        proc: Option<JValue>,
        args: Vec<Option<JValue>>,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
    ) -> R {
        let mut result = self.apply_inner(proc, args, input, frame)?;
        while let Some((def, tin, tframe)) = thunk_of(&result) {
            let Kind::Call { procedure, args } = &def.body.kind else {
                break;
            };
            let next = self.eval(procedure, tin.as_ref(), &tframe)?;
            let mut evaluated = Vec::with_capacity(args.len());
            for a in args {
                evaluated.push(self.eval(a, tin.as_ref(), &tframe)?);
            }
            let pos = def.body.pos;
            let name = procedure_name(procedure);
            result = self
                .apply_inner(next, evaluated, input, frame)
                .map_err(|e| {
                    let e = e.at(pos);
                    match &name {
                        Some(n) => e.token(n),
                        None => e,
                    }
                })?;
        }
        Ok(result)
    }

    fn apply_inner(
        &mut self,
        proc: Option<JValue>,
        args: Vec<Option<JValue>>,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
    ) -> R {
        let Some(JValue::Function(f)) = proc else {
            return Err(JsonataError::code("T1006"));
        };
        match &*f {
            Function::Lambda {
                def,
                input: lin,
                frame: lframe,
                ..
            } => {
                let args = match &def.signature {
                    Some(sig) => sig.validate(&args, input)?,
                    None => args,
                };
                let env = Frame::child(lframe);
                for (i, p) in def.params.iter().enumerate() {
                    let v = args.get(i).cloned().flatten();
                    self.bind(&env, p, v);
                }
                self.eval(&def.body, lin.as_ref(), &env)
            }
            Function::Builtin(b) => {
                let args = self.signature_of(b).validate(&args, input)?;
                let ctx = Ctx { input, frame };
                (b.func)(self, &args, &ctx)
            }
            Function::Partial { func, args: bound } => {
                let mut supplied = args.into_iter();
                let full: Vec<Option<JValue>> = bound
                    .iter()
                    .map(|b| match b {
                        Some(v) => v.clone(),
                        None => supplied.next().flatten(),
                    })
                    .collect();
                self.apply(Some(func.clone()), full, input, frame)
            }
            Function::Chain { first, second } => {
                let r = self.apply(Some(first.clone()), args, input, frame)?;
                self.apply(Some(second.clone()), alloc::vec![r], input, frame)
            }
            Function::Regex(re) => {
                let s = args.first().cloned().flatten();
                match s {
                    Some(JValue::String(s)) => Ok(regex_fns::first_match_object(re, &s)),
                    _ => Ok(None),
                }
            }
            Function::Transform { def, frame: tframe } => {
                let obj = args.into_iter().next().flatten();
                match &obj {
                    None | Some(JValue::Object(_)) | Some(JValue::Array(_)) => {
                        self.transform(def, tframe, obj)
                    }
                    Some(_) => Err(JsonataError::code("T0410").with("argument 1")),
                }
            }
        }
    }
}

/// The parts of a tail-call thunk, when `v` is one.
fn thunk_of(
    v: &Option<JValue>,
) -> Option<(
    Rc<crate::jsonata::ast::LambdaDef>,
    Option<JValue>,
    Rc<Frame>,
)> {
    match v {
        Some(JValue::Function(f)) => match &**f {
            Function::Lambda {
                def,
                input,
                frame,
                thunk: true,
            } => Some((def.clone(), input.clone(), frame.clone())),
            _ => None,
        },
        _ => None,
    }
}
