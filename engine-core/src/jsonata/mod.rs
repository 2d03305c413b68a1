//! JSONata 2.x: lexer, parser, evaluator and the standard function library, `no_std`.
//!
//! ```text
//! source ─lexer─▶ tokens ─syntax (Pratt)─▶ raw tree ─process─▶ Expr ─eval─▶ JValue ─▶ Value
//! ```
//! `Expression::parse` once, `evaluate` many times against an input and an
//! `Environment` (bindings such as `$states`, the virtual clock, seeded randomness,
//! limits). Errors carry the reference implementation's codes (`T2001`, `D3030`, …).

mod ast;
pub mod conformance;
mod env;
mod error;
mod eval;
mod functions;
mod lexer;
mod process;
mod references;
mod regex;
mod signature;
mod syntax;
mod value;

pub use error::JsonataError;
pub use references::{References, VariableRead};

use crate::json::Value;
use crate::rng::Rng;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use value::{from_json, to_json, JArray, JValue};

/// Guardrails for hostile expressions: nesting depth and total evaluation steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Deepest evaluation nesting (recursion) before `U1001`.
    pub depth: usize,
    /// Evaluation steps before `U1001`.
    pub steps: u64,
}

impl Default for Limits {
    /// Deep enough for real recursive functions, shallow enough for a 1 MiB stack.
    fn default() -> Self {
        Limits {
            depth: 200,
            steps: 20_000_000,
        }
    }
}

/// What an expression sees besides its input.
#[derive(Clone, Debug)]
pub struct Environment {
    /// `$name` → value, e.g. `("states", {...})` and workflow variables.
    pub bindings: Vec<(String, Value)>,
    /// The virtual clock: `$now()` and `$millis()`.
    pub now_millis: i64,
    /// The source of `$random()`, `$shuffle()` and `$uuid()`.
    pub rng: Rng,
    /// Enables Step Functions' `$partition $range $hash $random([seed]) $uuid $parse`.
    pub aws_functions: bool,
    pub limits: Limits,
}

impl Default for Environment {
    fn default() -> Self {
        Self::new()
    }
}

impl Environment {
    /// No bindings, the clock at the epoch, seed 0, standard functions only.
    pub fn new() -> Self {
        Environment {
            bindings: Vec::new(),
            now_millis: 0,
            rng: Rng::seeded(0),
            aws_functions: false,
            limits: Limits::default(),
        }
    }

    /// Binds `$name` (replacing an earlier binding of the same name).
    pub fn bind(&mut self, name: &str, v: Value) {
        match self.bindings.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = v,
            None => self.bindings.push((name.into(), v)),
        }
    }
}

/// A parsed expression.
#[derive(Debug, Clone)]
pub struct Expression {
    ast: Rc<ast::Expr>,
}

/// Parses source text into the evaluator's tree.
fn parse_ast(src: &str) -> Result<ast::Expr, JsonataError> {
    let raw = syntax::parse_raw(src)?;
    process::Processor::new().top(raw)
}

impl Expression {
    /// Parses `src`; syntax errors carry an `S0xxx` code and a position.
    pub fn parse(src: &str) -> Result<Expression, JsonataError> {
        Ok(Expression {
            ast: Rc::new(parse_ast(src)?),
        })
    }

    /// Evaluates against `input` (`None` = no input); `Ok(None)` is undefined.
    pub fn evaluate(
        &self,
        input: Option<&Value>,
        env: &mut Environment,
    ) -> Result<Option<Value>, JsonataError> {
        let root = env::Frame::root();
        let input = input.map(from_json);
        root.bind("$", input.clone());
        let input = match input {
            Some(JValue::Array(a)) if !a.sequence => Some(JValue::Array(Rc::new(JArray {
                items: alloc::vec![JValue::Array(a)],
                sequence: true,
                outer_wrapper: true,
                ..JArray::default()
            }))),
            other => other,
        };
        let mut ev = eval::Evaluator::new(env, root.clone());
        let result = ev.eval(&self.ast, input.as_ref(), &root);
        let mut budget = ev.steps_left();
        for frame in core::mem::take(&mut ev.closures) {
            frame.clear();
        }
        root.clear();
        match result? {
            None => Ok(None),
            Some(v) => to_json(&v, &mut budget).map_err(|()| {
                JsonataError::new("U1001", "Expression evaluation exceeded its step budget")
            }),
        }
    }
}

pub use functions::is_library_function;
