//! Numeric functions: `$number`, `$abs`, `$floor`, `$ceil`, `$round` (half to even),
//! `$power`, `$sqrt`, `$random`, `$formatBase`.

use super::string::{arg_num, js_number};
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::JValue;
use alloc::string::String;

fn n(v: f64) -> R {
    Ok(Some(JValue::Number(v)))
}

fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'-') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

fn radix_literal(s: &str) -> Option<f64> {
    let (radix, digits) = match s.get(..2)? {
        "0x" | "0X" => (16, &s[2..]),
        "0o" | "0O" => (8, &s[2..]),
        "0b" | "0B" => (2, &s[2..]),
        _ => return None,
    };
    if digits.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in digits.chars() {
        v = v * radix as f64 + c.to_digit(radix)? as f64;
    }
    Some(v)
}

/// `$number`: numbers, numeric strings (decimal, `0x`, `0o`, `0b`) and booleans.
pub fn number(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    match &args[0] {
        None => Ok(None),
        Some(JValue::Number(x)) => n(*x),
        Some(JValue::Bool(b)) => n(if *b { 1.0 } else { 0.0 }),
        Some(JValue::String(s)) => {
            if is_decimal(s) {
                if let Ok(x) = s.parse::<f64>() {
                    if x.is_finite() {
                        return n(x);
                    }
                }
            }
            match radix_literal(s) {
                Some(x) => n(x),
                None => Err(JsonataError::code("D3030")),
            }
        }
        Some(_) => Err(JsonataError::code("D3030")),
    }
}

pub fn abs(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    Ok(arg_num(args, 0).map(|x| JValue::Number(libm::fabs(x))))
}

pub fn floor(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    Ok(arg_num(args, 0).map(|x| JValue::Number(libm::floor(x))))
}

pub fn ceil(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    Ok(arg_num(args, 0).map(|x| JValue::Number(libm::ceil(x))))
}

/// Shifts the decimal point of `x` by `places` through its text, as the reference does
/// to avoid binary rounding noise.
fn shift(x: f64, places: i32) -> f64 {
    let text = js_number(x);
    let (mant, exp) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text.as_str(), 0),
    };
    alloc::format!("{mant}e{}", exp + places)
        .parse()
        .unwrap_or(x)
}

/// Rounds half to even at `precision` decimal places.
pub fn round_half_even(x: f64, precision: i32) -> f64 {
    let mut v = if precision != 0 {
        shift(x, precision)
    } else {
        x
    };
    let mut r = libm::floor(v + 0.5);
    if libm::fabs(r - v) == 0.5 && libm::fabs(r % 2.0) == 1.0 {
        r -= 1.0;
    }
    v = r;
    if precision != 0 {
        v = shift(v, -precision);
    }
    if v == 0.0 {
        0.0
    } else {
        v
    }
}

pub fn round(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(x) = arg_num(args, 0) else {
        return Ok(None);
    };
    let precision = arg_num(args, 1).unwrap_or(0.0) as i32;
    n(round_half_even(x, precision))
}

pub fn sqrt(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(x) = arg_num(args, 0) else {
        return Ok(None);
    };
    if x < 0.0 {
        return Err(JsonataError::code("D3060"));
    }
    n(libm::sqrt(x))
}

pub fn power(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(x) = arg_num(args, 0) else {
        return Ok(None);
    };
    let y = arg_num(args, 1).unwrap_or(f64::NAN);
    let r = libm::pow(x, y);
    if !r.is_finite() {
        return Err(JsonataError::code("D3061"));
    }
    n(r)
}

pub fn random(ev: &mut Evaluator, _: &[Option<JValue>], _: &Ctx) -> R {
    n(ev.env.rng.next_f64())
}

/// `$formatBase(number[, radix])`.
pub fn format_base(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(x) = arg_num(args, 0) else {
        return Ok(None);
    };
    let radix = arg_num(args, 1).unwrap_or(10.0);
    if !(2.0..=36.0).contains(&radix) {
        return Err(JsonataError::code("D3100"));
    }
    let radix = radix as u32;
    let v = round_half_even(x, 0);
    let neg = v < 0.0;
    let mut m = libm::fabs(v) as u128;
    let mut digits = String::new();
    loop {
        let d = (m % radix as u128) as u32;
        digits.push(core::char::from_digit(d, radix).unwrap_or('0'));
        m /= radix as u128;
        if m == 0 {
            break;
        }
    }
    if neg {
        digits.push('-');
    }
    Ok(Some(JValue::string(digits.chars().rev().collect())))
}
