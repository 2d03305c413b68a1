//! Binary and unary operators: arithmetic, comparison, equality, `&`, `and`/`or`,
//! `?:`/`??`, `in` and the range `..`.

use super::equality::scalar_equal;
use super::{seq, Evaluator, R};
use crate::jsonata::ast::{BinOp, Expr};
use crate::jsonata::env::Frame;
use crate::jsonata::error::JsonataError;
use crate::jsonata::functions::boolean::truthy;
use crate::jsonata::functions::string::stringify;
use crate::jsonata::value::JValue;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

/// Largest sequence `..` may build.
const MAX_RANGE: f64 = 1e7;

/// `===` of JavaScript: values for primitives, identity for the rest.
fn strict_equal(a: &JValue, b: &JValue) -> bool {
    match (a, b) {
        (JValue::Array(x), JValue::Array(y)) => Rc::ptr_eq(x, y),
        (JValue::Object(x), JValue::Object(y)) => Rc::ptr_eq(x, y),
        _ => scalar_equal(a, b),
    }
}

fn is_comparable(v: &Option<JValue>) -> bool {
    matches!(v, None | Some(JValue::String(_)) | Some(JValue::Number(_)))
}

impl Evaluator<'_> {
    pub(super) fn eval_binary(
        &mut self,
        op: BinOp,
        lhs: &Expr,
        rhs: &Expr,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
        pos: usize,
    ) -> R {
        let l = self.eval(lhs, input, frame)?;
        if matches!(
            op,
            BinOp::And | BinOp::Or | BinOp::Default | BinOp::Coalesce
        ) {
            return self.short_circuit(op, l, rhs, input, frame);
        }
        let r = self.eval(rhs, input, frame)?;
        if matches!(op, BinOp::Eq | BinOp::Ne) {
            return self.equality(op, l, r, pos);
        }
        let v = binary(op, l, r).map_err(|e| e.at(pos).token(op.token()))?;
        if let (BinOp::Concat, Some(JValue::String(s))) = (op, &v) {
            // Building the string copies every byte: charge it, so that repeatedly
            // doubling a string ends in `U1001` instead of exhausting memory.
            self.tick(s.len() as u64).map_err(|e| e.at(pos))?;
        }
        Ok(v)
    }

    /// `and`, `or`, `?:` and `??`: the right side is evaluated only when needed.
    // Out of line, like `equality`: `eval_binary` is on every recursion's path, so its
    // frame must stay small.
    #[inline(never)]
    fn short_circuit(
        &mut self,
        op: BinOp,
        l: Option<JValue>,
        rhs: &Expr,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
    ) -> R {
        let lb = truthy(l.as_ref());
        Ok(match op {
            BinOp::And => Some(JValue::Bool(
                lb && truthy(self.eval(rhs, input, frame)?.as_ref()),
            )),
            BinOp::Or => Some(JValue::Bool(
                lb || truthy(self.eval(rhs, input, frame)?.as_ref()),
            )),
            // The reference's `l ? l : r` and `$exists(l) ? l : r`, with `l` evaluated once.
            BinOp::Default if lb => l,
            BinOp::Coalesce if l.is_some() => l,
            _ => self.eval(rhs, input, frame)?,
        })
    }

    /// `=` and `!=`; either side undefined makes both false.
    #[inline(never)]
    fn equality(&mut self, op: BinOp, l: Option<JValue>, r: Option<JValue>, pos: usize) -> R {
        let (Some(a), Some(b)) = (&l, &r) else {
            return Ok(Some(JValue::Bool(false)));
        };
        let eq = self.deep_equal(a, b).map_err(|e| e.at(pos))?;
        Ok(Some(JValue::Bool(eq == (op == BinOp::Eq))))
    }

    pub(super) fn eval_negate(
        &mut self,
        inner: &Expr,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
        pos: usize,
    ) -> R {
        match self.eval(inner, input, frame)? {
            None => Ok(None),
            Some(JValue::Number(n)) => Ok(Some(JValue::Number(-n))),
            Some(_) => Err(JsonataError::code("D1002").at(pos).token("-")),
        }
    }
}

/// Applies an eager binary operator to evaluated operands.
pub fn binary(op: BinOp, l: Option<JValue>, r: Option<JValue>) -> R {
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod => {
            let a = match &l {
                None => None,
                Some(JValue::Number(n)) if !n.is_finite() => {
                    return Err(JsonataError::code("D1001"))
                }
                Some(JValue::Number(n)) => Some(*n),
                Some(_) => return Err(JsonataError::code("T2001")),
            };
            let b = match &r {
                None => None,
                Some(JValue::Number(n)) if !n.is_finite() => {
                    return Err(JsonataError::code("D1001"))
                }
                Some(JValue::Number(n)) => Some(*n),
                Some(_) => return Err(JsonataError::code("T2002")),
            };
            let (Some(a), Some(b)) = (a, b) else {
                return Ok(None);
            };
            let v = match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Div => a / b,
                _ => a % b,
            };
            Ok(Some(JValue::Number(v)))
        }
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            if !is_comparable(&l) || !is_comparable(&r) {
                return Err(JsonataError::code("T2010"));
            }
            let (Some(a), Some(b)) = (&l, &r) else {
                return Ok(None);
            };
            let ord = match (a, b) {
                (JValue::Number(x), JValue::Number(y)) => x.partial_cmp(y),
                (JValue::String(x), JValue::String(y)) => {
                    Some(crate::jsonata::functions::string::compare_js(x, y))
                }
                _ => return Err(JsonataError::code("T2009")),
            };
            let Some(ord) = ord else {
                return Ok(Some(JValue::Bool(false)));
            };
            use core::cmp::Ordering::*;
            let v = match op {
                BinOp::Lt => ord == Less,
                BinOp::Le => ord != Greater,
                BinOp::Gt => ord == Greater,
                _ => ord != Less,
            };
            Ok(Some(JValue::Bool(v)))
        }
        BinOp::Concat => {
            let mut s = String::new();
            if let Some(a) = &l {
                s.push_str(&stringify(a, false)?);
            }
            if let Some(b) = &r {
                s.push_str(&stringify(b, false)?);
            }
            Ok(Some(JValue::string(s)))
        }
        BinOp::In => {
            let (Some(a), Some(b)) = (&l, &r) else {
                return Ok(Some(JValue::Bool(false)));
            };
            Ok(Some(JValue::Bool(
                b.items().iter().any(|x| strict_equal(x, a)),
            )))
        }
        BinOp::Range => {
            let int = |v: &Option<JValue>, code: &str| -> Result<Option<f64>, JsonataError> {
                match v {
                    None => Ok(None),
                    Some(JValue::Number(n)) if libm::trunc(*n) == *n => Ok(Some(*n)),
                    Some(_) => Err(JsonataError::code(code)),
                }
            };
            let a = int(&l, "T2003")?;
            let b = int(&r, "T2004")?;
            let (Some(a), Some(b)) = (a, b) else {
                return Ok(None);
            };
            if a > b {
                return Ok(None);
            }
            let size = b - a + 1.0;
            if size > MAX_RANGE {
                return Err(JsonataError::code("D2014"));
            }
            let mut items = Vec::with_capacity(size as usize);
            let mut x = a;
            while x <= b {
                items.push(JValue::Number(x));
                x += 1.0;
            }
            Ok(Some(seq(items)))
        }
        // Equality walks values on the evaluator's budget and the rest short-circuit:
        // `eval_binary` applies them itself.
        BinOp::Eq | BinOp::Ne | BinOp::And | BinOp::Or | BinOp::Default | BinOp::Coalesce => {
            Ok(None)
        }
    }
}
