//! `$eval(expression[, context])`: parses and evaluates JSONata text at run time.

use super::string::arg_str;
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::{JArray, JValue};
use alloc::rc::Rc;

pub fn eval(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let Some(src) = arg_str(args, 0) else {
        return Ok(None);
    };
    let input = match args.get(1).cloned().flatten() {
        Some(JValue::Array(a)) if !a.sequence => Some(JValue::Array(Rc::new(JArray {
            items: alloc::vec![JValue::Array(a)],
            sequence: true,
            outer_wrapper: true,
            ..JArray::default()
        }))),
        Some(v) => Some(v),
        None => ctx.input.cloned(),
    };
    let ast = crate::jsonata::parse_ast(src).map_err(|e| JsonataError::new("D3120", e.message))?;
    ev.eval(&ast, input.as_ref(), ctx.frame)
        .map_err(|e| JsonataError::new("D3121", e.message))
}
