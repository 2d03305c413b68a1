//! Functions that take a pattern: `$match`, `$contains`, `$replace`, `$split`. A pattern
//! is a regular expression or a matcher function returning `{match, start, end, groups,
//! next}` objects, as the reference allows.

use super::string::{arg_num, arg_str};
use super::Ctx;
use crate::jsonata::env::Frame;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{apply, seq, Evaluator, R};
use crate::jsonata::regex::Regex;
use crate::jsonata::value::{Function, JMap, JValue};
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

/// One match, with character offsets.
struct Found {
    text: String,
    start: usize,
    end: usize,
    groups: Vec<Option<String>>,
}

fn slice(chars: &[char], a: usize, b: usize) -> String {
    chars[a.min(chars.len())..b.min(chars.len())]
        .iter()
        .collect()
}

fn to_found(chars: &[char], m: &crate::jsonata::regex::Match) -> Found {
    Found {
        text: slice(chars, m.start, m.end),
        start: m.start,
        end: m.end,
        groups: m
            .groups
            .iter()
            .map(|g| g.map(|(a, b)| slice(chars, a, b)))
            .collect(),
    }
}

fn groups_value(f: &Found) -> JValue {
    JValue::array(
        f.groups
            .iter()
            .map(|g| g.as_deref().map_or(JValue::str(""), JValue::str))
            .collect(),
    )
}

/// The object a regular expression returns when called.
pub fn first_match_object(re: &Regex, text: &str) -> Option<JValue> {
    let chars: Vec<char> = text.chars().collect();
    let m = re.find_at(&chars, 0).ok()??;
    let f = to_found(&chars, &m);
    let mut o = JMap::default();
    o.insert(Rc::from("match"), JValue::string(f.text.clone()));
    o.insert(Rc::from("start"), JValue::Number(f.start as f64));
    o.insert(Rc::from("end"), JValue::Number(f.end as f64));
    o.insert(Rc::from("groups"), groups_value(&f));
    Some(JValue::object(o))
}

fn found_from_object(v: &JValue) -> Result<(Found, Option<JValue>), JsonataError> {
    let Some(m) = v.as_object() else {
        return Err(JsonataError::code("T1010"));
    };
    let start = m.get("start").and_then(JValue::as_f64);
    let end = m.get("end").and_then(JValue::as_f64);
    let groups = m.get("groups");
    let next = m.get("next").filter(|n| n.is_function()).cloned();
    if start.is_none()
        && end.is_none()
        && !matches!(groups, Some(JValue::Array(_)))
        && next.is_none()
    {
        return Err(JsonataError::code("T1010"));
    }
    let text = m.get("match").and_then(JValue::as_str).unwrap_or("").into();
    let groups = groups
        .map(|g| {
            g.items()
                .iter()
                .map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let start = start.unwrap_or(0.0) as usize;
    Ok((
        Found {
            text,
            start,
            end: end.map_or(start, |e| e as usize),
            groups,
        },
        next,
    ))
}

/// Up to `limit` successive matches of `pattern` in `text`.
fn find_all(
    ev: &mut Evaluator,
    pattern: &JValue,
    text: &str,
    limit: Option<usize>,
    frame: &Rc<Frame>,
) -> Result<Vec<Found>, JsonataError> {
    let mut out = Vec::new();
    if limit == Some(0) {
        return Ok(out);
    }
    let full = |out: &Vec<Found>| limit.is_some_and(|l| out.len() >= l);
    if let JValue::Function(f) = pattern {
        if let Function::Regex(re) = &**f {
            let chars: Vec<char> = text.chars().collect();
            let mut m = re.find_at(&chars, 0)?;
            while let Some(found) = m {
                let end = found.end;
                out.push(to_found(&chars, &found));
                if full(&out) || end >= chars.len() {
                    break;
                }
                m = re.find_at(&chars, end)?;
                if m.as_ref().is_some_and(|n| n.start == n.end) {
                    return Err(JsonataError::code("D1004").token(&re.source));
                }
                ev.tick(1)?;
            }
            return Ok(out);
        }
    }
    let mut result = apply(ev, pattern, alloc::vec![Some(JValue::str(text))], frame)?;
    while let Some(obj) = result {
        let (found, next) = found_from_object(&obj)?;
        out.push(found);
        if full(&out) {
            break;
        }
        result = match next {
            Some(n) => apply(ev, &n, Vec::new(), frame)?,
            None => None,
        };
        ev.tick(1)?;
    }
    Ok(out)
}

fn limit_arg(args: &[Option<JValue>], i: usize, code: &str) -> Result<Option<usize>, JsonataError> {
    match arg_num(args, i) {
        None => Ok(None),
        Some(l) if l < 0.0 => Err(JsonataError::code(code)),
        Some(l) => Ok(Some(l as usize)),
    }
}

/// `$match(str, pattern[, limit])`.
pub fn match_(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let limit = limit_arg(args, 2, "D3040")?;
    let Some(pattern) = &args[1] else {
        return Ok(None);
    };
    let found = find_all(ev, pattern, text, limit, ctx.frame)?;
    let items = found
        .iter()
        .map(|f| {
            let mut o = JMap::default();
            o.insert(Rc::from("match"), JValue::string(f.text.clone()));
            o.insert(Rc::from("index"), JValue::Number(f.start as f64));
            o.insert(Rc::from("groups"), groups_value(f));
            JValue::object(o)
        })
        .collect();
    Ok(Some(seq(items)))
}

/// `$contains(str, pattern)`.
pub fn contains(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let found = match &args[1] {
        Some(JValue::String(s)) => text.contains(&**s),
        Some(p) => !find_all(ev, p, text, Some(1), ctx.frame)?.is_empty(),
        None => return Ok(None),
    };
    Ok(Some(JValue::Bool(found)))
}

/// Expands `$0`, `$1`… and `$$` in a replacement string.
fn substitute(replacement: &str, f: &Found) -> String {
    let r: Vec<char> = replacement.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < r.len() {
        if r[i] != '$' {
            out.push(r[i]);
            i += 1;
            continue;
        }
        i += 1;
        match r.get(i) {
            Some('$') => {
                out.push('$');
                i += 1;
            }
            Some('0') => {
                out.push_str(&f.text);
                i += 1;
            }
            Some(c) if c.is_ascii_digit() => {
                let n = f.groups.len();
                let max_digits = if n == 0 {
                    1
                } else {
                    (libm::log10(n as f64) as usize) + 1
                };
                let take = |k: usize| -> (usize, usize) {
                    let digits: String = r[i..]
                        .iter()
                        .take(k)
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    (digits.parse().unwrap_or(0), digits.len())
                };
                let (mut index, mut len) = take(max_digits);
                if max_digits > 1 && index > n {
                    (index, len) = take(max_digits - 1);
                }
                if n > 0 && index >= 1 {
                    if let Some(Some(g)) = f.groups.get(index - 1) {
                        out.push_str(g);
                    }
                }
                i += len;
            }
            _ => out.push('$'),
        }
    }
    out
}

/// `$replace(str, pattern, replacement[, limit])`.
pub fn replace(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    if arg_str(args, 1) == Some("") {
        return Err(JsonataError::code("D3010"));
    }
    let limit = limit_arg(args, 3, "D3011")?;
    let (Some(pattern), Some(replacement)) = (&args[1], &args[2]) else {
        return Ok(None);
    };
    if let JValue::String(p) = pattern {
        let rep = replacement.as_str().unwrap_or("");
        let mut out = String::new();
        let mut rest = text;
        let mut count = 0;
        while let Some(i) = rest.find(&**p) {
            if limit.is_some_and(|l| count >= l) {
                break;
            }
            out.push_str(&rest[..i]);
            out.push_str(rep);
            rest = &rest[i + p.len()..];
            count += 1;
        }
        out.push_str(rest);
        return Ok(Some(JValue::string(out)));
    }
    let chars: Vec<char> = text.chars().collect();
    let found = find_all(ev, pattern, text, limit, ctx.frame)?;
    let mut out = String::new();
    let mut pos = 0;
    for f in &found {
        out.push_str(&slice(&chars, pos, f.start));
        let with = match replacement {
            JValue::String(r) => substitute(r, f),
            func => {
                let mut o = JMap::default();
                o.insert(Rc::from("match"), JValue::string(f.text.clone()));
                o.insert(Rc::from("start"), JValue::Number(f.start as f64));
                o.insert(Rc::from("end"), JValue::Number(f.end as f64));
                o.insert(Rc::from("groups"), groups_value(f));
                match apply(ev, func, alloc::vec![Some(JValue::object(o))], ctx.frame)? {
                    Some(JValue::String(s)) => String::from(&*s),
                    _ => return Err(JsonataError::code("D3012")),
                }
            }
        };
        out.push_str(&with);
        pos = f.start + f.text.chars().count();
    }
    out.push_str(&slice(&chars, pos, chars.len()));
    Ok(Some(JValue::string(out)))
}

/// `$split(str, separator[, limit])`.
pub fn split(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let limit = limit_arg(args, 2, "D3020")?;
    let Some(sep) = &args[1] else { return Ok(None) };
    let mut parts: Vec<JValue> = Vec::new();
    if let JValue::String(s) = sep {
        if s.is_empty() {
            parts = text
                .chars()
                .map(|c| JValue::string(String::from(c)))
                .collect();
        } else {
            parts = text.split(&**s).map(JValue::str).collect();
        }
        if let Some(l) = limit {
            parts.truncate(l);
        }
        return Ok(Some(JValue::array(parts)));
    }
    if limit == Some(0) {
        return Ok(Some(JValue::array(parts)));
    }
    let chars: Vec<char> = text.chars().collect();
    let found = find_all(ev, sep, text, limit, ctx.frame)?;
    let mut start = 0;
    for f in &found {
        parts.push(JValue::string(slice(&chars, start, f.start)));
        start = f.end;
    }
    if limit.is_none_or(|l| found.len() < l) {
        parts.push(JValue::string(slice(&chars, start, chars.len())));
    }
    Ok(Some(JValue::array(parts)))
}
