//! Object functions: `$keys`, `$lookup`, `$spread`, `$merge`, `$each`, `$sift`,
//! `$type`, `$clone`, and `$error`/`$assert`.

use super::boolean::truthy;
use super::string::arg_str;
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{apply, fn_arity, seq, Evaluator, R};
use crate::jsonata::value::{JMap, JValue};
use alloc::rc::Rc;
use alloc::vec::Vec;

fn key_list(v: &JValue, out: &mut Vec<Rc<str>>) {
    match v {
        JValue::Array(a) => a.items.iter().for_each(|i| key_list(i, out)),
        JValue::Object(m) => {
            for k in m.keys() {
                if !out.contains(k) {
                    out.push(k.clone());
                }
            }
        }
        _ => {}
    }
}

pub fn keys(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else {
        return Ok(Some(seq(Vec::new())));
    };
    let mut out = Vec::new();
    key_list(v, &mut out);
    Ok(Some(seq(out.into_iter().map(JValue::String).collect())))
}

pub fn lookup(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let key = arg_str(args, 1).unwrap_or("");
    Ok(crate::jsonata::eval::lookup_name(args[0].as_ref(), key))
}

fn spread_into(v: &JValue, out: &mut Vec<JValue>) {
    match v {
        JValue::Array(a) => a.items.iter().for_each(|i| spread_into(i, out)),
        JValue::Object(m) => {
            for (k, v) in m.iter() {
                let mut one = JMap::default();
                one.insert(k.clone(), v.clone());
                out.push(JValue::object(one));
            }
        }
        other => out.push(other.clone()),
    }
}

pub fn spread(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    if !matches!(v, JValue::Array(_) | JValue::Object(_)) {
        return Ok(Some(v.clone()));
    }
    let mut out = Vec::new();
    spread_into(v, &mut out);
    Ok(Some(seq(out)))
}

pub fn merge(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    let mut out = JMap::default();
    for item in v.items() {
        if let JValue::Object(m) = item {
            for (k, v) in m.iter() {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    Ok(Some(JValue::object(out)))
}

/// Arguments for a callback taking (value, key/index, whole) as far as it accepts them.
pub fn callback_args(f: &JValue, a: JValue, b: JValue, c: &JValue) -> Vec<Option<JValue>> {
    let n = fn_arity(f);
    let mut args = alloc::vec![Some(a)];
    if n >= 2 {
        args.push(Some(b));
    }
    if n >= 3 {
        args.push(Some(c.clone()));
    }
    args
}

pub fn each(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let (Some(obj), Some(f)) = (&args[0], &args[1]) else {
        return Ok(None);
    };
    let Some(m) = obj.as_object() else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for (k, v) in m.iter() {
        let a = callback_args(f, v.clone(), JValue::String(k.clone()), obj);
        if let Some(r) = apply(ev, f, a, ctx.frame)? {
            out.push(r);
        }
    }
    Ok(Some(seq(out)))
}

pub fn sift(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let (Some(obj), Some(f)) = (&args[0], &args[1]) else {
        return Ok(None);
    };
    let Some(m) = obj.as_object() else {
        return Ok(None);
    };
    let mut out = JMap::default();
    for (k, v) in m.iter() {
        let a = callback_args(f, v.clone(), JValue::String(k.clone()), obj);
        if truthy(apply(ev, f, a, ctx.frame)?.as_ref()) {
            out.insert(k.clone(), v.clone());
        }
    }
    if out.is_empty() {
        return Ok(None);
    }
    Ok(Some(JValue::object(out)))
}

pub fn type_(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    let name = match v {
        JValue::Null => "null",
        JValue::Bool(_) => "boolean",
        JValue::Number(_) => "number",
        JValue::String(_) => "string",
        JValue::Array(_) => "array",
        JValue::Object(_) => "object",
        JValue::Function(_) => "function",
    };
    Ok(Some(JValue::str(name)))
}

pub fn clone(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    Ok(args[0].as_ref().map(crate::jsonata::eval::deep_clone))
}

pub fn error(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let message = arg_str(args, 0).unwrap_or("$error() function evaluated");
    Err(JsonataError::new("D3137", message))
}

pub fn assert(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    if matches!(args[0], Some(JValue::Bool(true))) {
        return Ok(None);
    }
    let message = arg_str(args, 1).unwrap_or("$assert() statement failed");
    Err(JsonataError::new("D3141", message))
}
