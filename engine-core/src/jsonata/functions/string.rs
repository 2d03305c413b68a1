//! String functions, and the conversions every family shares: JavaScript's number
//! text, `$string`'s JSON form, UTF-16 ordering.

use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::JValue;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

/// The argument `i` when it is a string.
pub fn arg_str(args: &[Option<JValue>], i: usize) -> Option<&str> {
    args.get(i)
        .and_then(|a| a.as_ref())
        .and_then(JValue::as_str)
}

/// The argument `i` when it is a number.
pub fn arg_num(args: &[Option<JValue>], i: usize) -> Option<f64> {
    args.get(i)
        .and_then(|a| a.as_ref())
        .and_then(JValue::as_f64)
}

/// Compares strings by UTF-16 code units, as JavaScript does.
pub fn compare_js(a: &str, b: &str) -> core::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A number as JavaScript's `Number.prototype.toString` writes it.
pub fn js_number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if x == 0.0 {
        return "0".into();
    }
    let sci = alloc::format!("{:e}", x.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let e: i32 = exp.parse().unwrap_or(0);
    let k = digits.len() as i32;
    let n = e + 1;
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(&digits);
        for _ in 0..(n - k) {
            out.push('0');
        }
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        for _ in 0..(-n) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{}", if n > 0 { "+" } else { "-" }, (n - 1).abs());
    }
    out
}

/// `toPrecision(15)` then back to a number: hides binary noise such as `0.1 + 0.2`.
pub fn precision15(x: f64) -> f64 {
    alloc::format!("{:.14e}", x).parse().unwrap_or(x)
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The longest JSON text `write_json` builds before `U1001`: shared (`Rc`) sub-values are
/// written once per reference, so a small value can stand for an enormous text.
const MAX_JSON_TEXT: usize = 1 << 26;

fn write_json(
    v: &JValue,
    pretty: bool,
    indent: usize,
    out: &mut String,
) -> Result<(), JsonataError> {
    if out.len() > MAX_JSON_TEXT {
        return Err(JsonataError::new(
            "U1001",
            "Expression evaluation exceeded its step budget",
        ));
    }
    let newline = |out: &mut String, level: usize| {
        if pretty {
            out.push('\n');
            for _ in 0..level * 2 {
                out.push(' ');
            }
        }
    };
    match v {
        JValue::Null => out.push_str("null"),
        JValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        JValue::Number(n) => {
            if !n.is_finite() {
                return Err(JsonataError::code("D1001"));
            } else if libm::trunc(*n) == *n {
                out.push_str(&js_number(*n));
            } else {
                out.push_str(&js_number(precision15(*n)));
            }
        }
        JValue::String(s) => json_string(s, out),
        JValue::Function(_) => out.push_str("\"\""),
        JValue::Array(a) => {
            if a.items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, item) in a.items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent + 1);
                write_json(item, pretty, indent + 1, out)?;
            }
            newline(out, indent);
            out.push(']');
        }
        JValue::Object(m) => {
            if m.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent + 1);
                json_string(k, out);
                out.push(':');
                if pretty {
                    out.push(' ');
                }
                write_json(item, pretty, indent + 1, out)?;
            }
            newline(out, indent);
            out.push('}');
        }
    }
    Ok(())
}

/// `$string`: strings as they are, functions as `""`, everything else as JSON.
pub fn stringify(v: &JValue, pretty: bool) -> Result<String, JsonataError> {
    match v {
        JValue::String(s) => Ok(s.to_string()),
        JValue::Function(_) => Ok(String::new()),
        JValue::Number(n) if !n.is_finite() => Err(JsonataError::code("D3001")),
        JValue::Array(a) if a.outer_wrapper && !a.items.is_empty() => {
            stringify(&a.items[0], pretty)
        }
        other => {
            let mut out = String::new();
            write_json(other, pretty, 0, &mut out)?;
            Ok(out)
        }
    }
}

fn s(v: String) -> R {
    Ok(Some(JValue::string(v)))
}

pub fn string(ev: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    let pretty = matches!(args.get(1), Some(Some(JValue::Bool(true))));
    let out = stringify(v, pretty)?;
    ev.tick(out.len() as u64)?;
    s(out)
}

/// `$substring(str, start[, length])`, counting characters.
pub fn substring(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len() as f64;
    let mut start = arg_num(args, 1).unwrap_or(0.0);
    if len + start < 0.0 {
        start = 0.0;
    }
    let clamp = |i: f64| -> usize {
        let i = if i.is_nan() { 0.0 } else { libm::trunc(i) };
        let i = if i < 0.0 {
            (len + i).max(0.0)
        } else {
            i.min(len)
        };
        i as usize
    };
    let result: String = match arg_num(args, 2) {
        Some(length) => {
            if length <= 0.0 {
                return s(String::new());
            }
            let end = if start >= 0.0 {
                start + length
            } else {
                len + start + length
            };
            let (a, b) = (clamp(start), clamp(end));
            if a >= b {
                String::new()
            } else {
                chars[a..b].iter().collect()
            }
        }
        None => chars[clamp(start)..].iter().collect(),
    };
    s(result)
}

pub fn substring_before(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let chars = arg_str(args, 1).unwrap_or("");
    s(match text.find(chars) {
        Some(i) => text[..i].to_string(),
        None => text.to_string(),
    })
}

pub fn substring_after(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let chars = arg_str(args, 1).unwrap_or("");
    s(match text.find(chars) {
        Some(i) => text[i + chars.len()..].to_string(),
        None => text.to_string(),
    })
}

pub fn lowercase(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    s(text.to_lowercase())
}

pub fn uppercase(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    s(text.to_uppercase())
}

pub fn length(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    Ok(Some(JValue::Number(text.chars().count() as f64)))
}

/// `$trim`: runs of whitespace become one space, ends trimmed.
pub fn trim(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    let out = out.strip_prefix(' ').unwrap_or(&out);
    let out = out.strip_suffix(' ').unwrap_or(out);
    s(out.to_string())
}

/// `$pad(str, width[, char])`: positive width pads on the right, negative on the left.
pub fn pad(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let width = arg_num(args, 1).unwrap_or(0.0);
    let fill = match arg_str(args, 2) {
        Some(c) if !c.is_empty() => c,
        _ => " ",
    };
    let missing = libm::fabs(width) - text.chars().count() as f64;
    if missing <= 0.0 || missing.is_nan() {
        return s(text.to_string());
    }
    let n = missing.min(1e7) as usize;
    let padding: String = fill.chars().cycle().take(n).collect();
    s(if width > 0.0 {
        alloc::format!("{text}{padding}")
    } else {
        alloc::format!("{padding}{text}")
    })
}

/// `$join(strings[, separator])`.
pub fn join(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(list) = &args[0] else {
        return Ok(None);
    };
    let sep = arg_str(args, 1).unwrap_or("");
    let parts: Vec<&str> = list.items().iter().filter_map(JValue::as_str).collect();
    s(parts.join(sep))
}
