//! Higher-order functions: `$map`, `$filter`, `$single`, `$reduce`.

use super::boolean::truthy;
use super::object::callback_args;
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{apply, fn_arity, seq, Evaluator, R};
use crate::jsonata::value::JValue;
use alloc::vec::Vec;

pub fn map(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let (Some(arr), Some(f)) = (&args[0], &args[1]) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for (i, item) in arr.items().iter().enumerate() {
        let a = callback_args(f, item.clone(), JValue::Number(i as f64), arr);
        if let Some(r) = apply(ev, f, a, ctx.frame)? {
            out.push(r);
        }
    }
    Ok(Some(seq(out)))
}

pub fn filter(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let (Some(arr), Some(f)) = (&args[0], &args[1]) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for (i, item) in arr.items().iter().enumerate() {
        let a = callback_args(f, item.clone(), JValue::Number(i as f64), arr);
        if truthy(apply(ev, f, a, ctx.frame)?.as_ref()) {
            out.push(item.clone());
        }
    }
    Ok(Some(seq(out)))
}

pub fn single(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let Some(arr) = &args[0] else { return Ok(None) };
    let f = args.get(1).cloned().flatten();
    let mut found: Option<JValue> = None;
    for (i, item) in arr.items().iter().enumerate() {
        let pass = match &f {
            Some(f) => {
                let a = callback_args(f, item.clone(), JValue::Number(i as f64), arr);
                truthy(apply(ev, f, a, ctx.frame)?.as_ref())
            }
            None => true,
        };
        if pass {
            if found.is_some() {
                return Err(JsonataError::code("D3138"));
            }
            found = Some(item.clone());
        }
    }
    match found {
        Some(v) => Ok(Some(v)),
        None => Err(JsonataError::code("D3139")),
    }
}

pub fn reduce(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let (Some(arr), Some(f)) = (&args[0], &args[1]) else {
        return Ok(None);
    };
    let arity = fn_arity(f);
    if arity < 2 {
        return Err(JsonataError::code("D3050"));
    }
    let items = arr.items();
    let init = args.get(2).cloned().flatten();
    let (mut acc, start) = match init {
        None if !items.is_empty() => (Some(items[0].clone()), 1),
        other => (other, 0),
    };
    for (i, item) in items.iter().enumerate().skip(start) {
        let mut a = alloc::vec![acc, Some(item.clone())];
        if arity >= 3 {
            a.push(Some(JValue::Number(i as f64)));
        }
        if arity >= 4 {
            a.push(Some(arr.clone()));
        }
        acc = apply(ev, f, a, ctx.frame)?;
    }
    Ok(acc)
}
