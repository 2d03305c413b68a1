//! Constructs that work with scopes: blocks, `:=` bindings, conditionals and variables.
//! Kept out of the dispatcher so its stack frame stays small on deep recursion.

use super::{Evaluator, R};
use crate::jsonata::ast::{Expr, Kind};
use crate::jsonata::env::Frame;
use crate::jsonata::functions::boolean::truthy;
use crate::jsonata::value::JValue;
use alloc::rc::Rc;

impl Evaluator<'_> {
    pub(super) fn eval_scoped(
        &mut self,
        expr: &Expr,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
    ) -> R {
        match &expr.kind {
            Kind::Condition {
                condition,
                then,
                otherwise,
            } => {
                let c = self.eval(condition, input, frame)?;
                if truthy(c.as_ref()) {
                    self.eval(then, input, frame)
                } else if let Some(o) = otherwise {
                    self.eval(o, input, frame)
                } else {
                    Ok(None)
                }
            }
            Kind::Block(items) => {
                let inner = Frame::child(frame);
                let mut last = None;
                for item in items {
                    last = self.eval(item, input, &inner)?;
                }
                Ok(last)
            }
            Kind::Bind { name, value } => {
                let v = self.eval(value, input, frame)?;
                self.bind(frame, name, v.clone());
                Ok(v)
            }
            _ => Ok(None),
        }
    }

    /// `$name`, or `$` (the context, unwrapped from the outer array wrapper).
    pub(super) fn eval_variable(
        &self,
        name: &str,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
    ) -> Option<JValue> {
        if name.is_empty() {
            return match input {
                Some(JValue::Array(a)) if a.outer_wrapper => a.items.first().cloned(),
                other => other.cloned(),
            };
        }
        self.lookup(frame, name)
    }
}
