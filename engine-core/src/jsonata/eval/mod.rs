//! The evaluator: one function per construct, split by family (paths, operators,
//! calls, constructors). `eval` dispatches, applies a node's predicates and grouping,
//! and collapses result sequences by the singleton rules.

mod call;
mod construct;
mod equality;
mod operators;
mod path;
mod scope;
mod transform;

pub use call::{apply, fn_arity};
pub use path::lookup_name;
pub use transform::deep_clone;

use super::ast::{Expr, Kind, Stage};
use super::env::Frame;
use super::error::JsonataError;
use super::functions;
use super::value::{JArray, JValue};
use super::{Environment, Limits};
use alloc::rc::Rc;
use alloc::vec::Vec;

/// The result of evaluating: `None` is undefined.
pub type R = Result<Option<JValue>, JsonataError>;

/// Evaluation state for one `Expression::evaluate` call.
pub struct Evaluator<'a> {
    pub env: &'a mut Environment,
    limits: Limits,
    depth: usize,
    steps: u64,
    /// Scopes that received a function value: cleared at the end to free closures.
    pub closures: Vec<Rc<Frame>>,
    /// The outermost scope: environment bindings are converted into it on first use.
    root: Rc<Frame>,
    /// Parsed signatures of the library functions called so far.
    signatures: alloc::collections::BTreeMap<&'static str, Rc<super::signature::Signature>>,
}

impl<'a> Evaluator<'a> {
    pub fn new(env: &'a mut Environment, root: Rc<Frame>) -> Self {
        let limits = env.limits;
        Evaluator {
            env,
            limits,
            depth: 0,
            steps: 0,
            closures: Vec::new(),
            root,
            signatures: alloc::collections::BTreeMap::new(),
        }
    }

    /// The parsed signature of a library function (parsed once per evaluation).
    pub fn signature_of(
        &mut self,
        b: &'static functions::Builtin,
    ) -> Rc<super::signature::Signature> {
        self.signatures
            .entry(b.name)
            .or_insert_with(|| Rc::new(b.signature()))
            .clone()
    }

    /// Binds a value into a frame, remembering frames that hold closures.
    pub fn bind(&mut self, frame: &Rc<Frame>, name: &str, value: Option<JValue>) {
        if value.as_ref().is_some_and(JValue::is_function) {
            self.closures.push(frame.clone());
        }
        frame.bind(name, value);
    }

    /// Looks a variable up: scopes, then the environment's bindings, then the library.
    pub fn lookup(&self, frame: &Frame, name: &str) -> Option<JValue> {
        if let Some(v) = frame.find(name) {
            return v;
        }
        // Environment bindings (`$states`, workflow variables) convert on first use only.
        if let Some((_, v)) = self.env.bindings.iter().find(|(n, _)| n == name) {
            let v = super::value::from_json(v);
            self.root.bind(name, Some(v.clone()));
            return Some(v);
        }
        functions::lookup(name, self.env.aws_functions)
            .map(|b| JValue::func(super::value::Function::Builtin(b)))
    }

    fn enter(&mut self, pos: usize) -> Result<(), JsonataError> {
        self.depth += 1;
        self.steps += 1;
        if self.depth > self.limits.depth {
            return Err(JsonataError::new(
                "U1001",
                "Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.",
            )
            .at(pos));
        }
        if self.steps > self.limits.steps {
            return Err(JsonataError::new(
                "U1001",
                "Expression evaluation exceeded its step budget",
            )
            .at(pos));
        }
        Ok(())
    }

    /// The steps left in the budget (the conversion of the result spends them too).
    pub fn steps_left(&self) -> u64 {
        self.limits.steps.saturating_sub(self.steps)
    }

    /// Counts work done outside `eval` (long loops in library functions).
    pub fn tick(&mut self, n: u64) -> Result<(), JsonataError> {
        self.steps += n;
        if self.steps > self.limits.steps {
            return Err(JsonataError::new(
                "U1001",
                "Expression evaluation exceeded its step budget",
            ));
        }
        Ok(())
    }

    /// Evaluates `expr` against `input` in `frame`.
    pub fn eval(&mut self, expr: &Expr, input: Option<&JValue>, frame: &Rc<Frame>) -> R {
        self.enter(expr.pos)?;
        let r = self.eval_inner(expr, input, frame);
        self.depth -= 1;
        r
    }

    fn eval_inner(&mut self, expr: &Expr, input: Option<&JValue>, frame: &Rc<Frame>) -> R {
        let result = match &expr.kind {
            Kind::Path { .. } => self.eval_path(expr, input, frame)?,
            Kind::Binary { op, lhs, rhs } => {
                self.eval_binary(*op, lhs, rhs, input, frame, expr.pos)?
            }
            Kind::Negate(inner) => self.eval_negate(inner, input, frame, expr.pos)?,
            Kind::Name(name) => path::lookup_name(input, name),
            Kind::String(s) => Some(JValue::String(s.clone())),
            Kind::Number(n) => Some(JValue::Number(*n)),
            Kind::Null => Some(JValue::Null),
            Kind::Bool(b) => Some(JValue::Bool(*b)),
            Kind::Wildcard => path::wildcard(input),
            Kind::Descendant => path::descendants(input),
            Kind::Parent(slot) => frame.lookup(&slot.name()),
            Kind::Condition { .. } | Kind::Block(_) | Kind::Bind { .. } => {
                self.eval_scoped(expr, input, frame)?
            }
            Kind::Regex(re) => Some(JValue::func(super::value::Function::Regex(re.clone()))),
            Kind::Call { procedure, args } => {
                self.eval_call(procedure, args, input, frame, None, expr.pos)?
            }
            Kind::Variable(name) => self.eval_variable(name, input, frame),
            Kind::Lambda(def) => Some(JValue::func(super::value::Function::Lambda {
                def: def.clone(),
                input: input.cloned(),
                frame: frame.clone(),
                thunk: def.thunk,
            })),
            Kind::Partial { procedure, args } => {
                self.eval_partial(procedure, args, input, frame, expr.pos)?
            }
            Kind::Apply { lhs, rhs } => self.eval_apply(lhs, rhs, input, frame, expr.pos)?,
            Kind::Transform(def) => Some(JValue::func(super::value::Function::Transform {
                def: def.clone(),
                frame: frame.clone(),
            })),
            Kind::Array(items) => self.eval_array(items, expr.consarray, input, frame)?,
            Kind::Object(pairs) => Some(self.eval_group(pairs, input.cloned(), frame, expr.pos)?),
            Kind::Sort(_) => None,
        };
        self.finish(expr, result, frame)
    }

    /// Applies a node's predicates and grouping, then the singleton rules.
    fn finish(&mut self, expr: &Expr, mut result: Option<JValue>, frame: &Rc<Frame>) -> R {
        for stage in &expr.predicate {
            if let Stage::Filter(p) = stage {
                result = self.filter(p, result, frame)?;
            }
        }
        if !expr.is_path() {
            if let Some(group) = &expr.group {
                result = Some(self.eval_group(&group.pairs, result, frame, group.pos)?);
            }
        }
        Ok(collapse(result, expr.keep_array))
    }
}

/// The singleton rules: an empty sequence is undefined, a one-item sequence its item
/// (unless it must stay an array).
pub fn collapse(result: Option<JValue>, keep_array: bool) -> Option<JValue> {
    match result {
        Some(JValue::Array(mut a)) if a.sequence && !a.tuple_stream => {
            if keep_array {
                Rc::make_mut(&mut a).keep_singleton = true;
            }
            match a.items.len() {
                0 => None,
                1 if !a.keep_singleton => Some(a.items[0].clone()),
                _ => Some(JValue::Array(a)),
            }
        }
        other => other,
    }
}

/// A sequence holding `items`.
pub fn seq(items: Vec<JValue>) -> JValue {
    JValue::Array(Rc::new(JArray {
        items,
        sequence: true,
        ..JArray::default()
    }))
}
