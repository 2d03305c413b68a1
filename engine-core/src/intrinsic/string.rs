//! Strings: Format and StringSplit.

use super::args::{self, fail, Args};
use super::parse::{Arg, Call, Piece};
use super::Function;
use crate::{Failure, Number, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Deeper values than this are not expanded by Format (depth guard only).
const MAX_RENDER_DEPTH: usize = 512;

/// `States.Format(template, args…)`: each `{}` takes the next argument; strings are
/// inserted raw, other values as AWS prints them (`{a=1, b=[]}` for objects).
pub fn format(call: &Call, a: &Args) -> Result<Value, Failure> {
    let f = Function::Format;
    let runtime_pieces;
    let pieces: &[Piece] = match &call.args[0] {
        Arg::Text { pieces, .. } => pieces,
        _ => {
            runtime_pieces = split_placeholders(args::string(f, a, 0)?);
            &runtime_pieces
        }
    };
    let wanted = pieces.iter().filter(|p| **p == Piece::Placeholder).count();
    if wanted != a.len() - 1 {
        return Err(fail(
            f,
            format!("the template has {wanted} placeholder(s) but {} value(s) were given", a.len() - 1),
        ));
    }
    let mut out = String::with_capacity(length_hint(pieces, &a[1..]));
    let mut next = a[1..].iter();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Placeholder => {
                if let Some(v) = next.next() {
                    render(&mut out, v, 0);
                }
            }
        }
    }
    Ok(Value::String(out))
}

/// The output's length when every value is a string, with a few bytes for each other
/// value (numbers, mostly), so the output is usually allocated once rather than grown.
fn length_hint(pieces: &[Piece], values: &Args) -> usize {
    let text: usize = pieces.iter().map(|p| if let Piece::Text(t) = p { t.len() } else { 0 }).sum();
    text + values.iter().map(|v| v.as_str().map_or(8, str::len)).sum::<usize>()
}

fn split_placeholders(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut parts = text.split("{}");
    if let Some(first) = parts.next() {
        pieces.push(Piece::Text(first.into()));
    }
    for part in parts {
        pieces.push(Piece::Placeholder);
        pieces.push(Piece::Text(part.into()));
    }
    pieces
}

fn render(out: &mut String, v: &Value, depth: usize) {
    match v {
        Value::String(s) => out.push_str(s),
        Value::Array(items) if depth < MAX_RENDER_DEPTH => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                render(out, item, depth + 1);
            }
            out.push(']');
        }
        Value::Object(map) if depth < MAX_RENDER_DEPTH => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push('=');
                render(out, item, depth + 1);
            }
            out.push('}');
        }
        Value::Number(Number::Int(i)) => push_int(out, *i),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        other => out.push_str(&other.to_json()),
    }
}

/// An integer's decimal text, written directly: counters and lengths are the numbers
/// Format meets most, and the formatting machinery costs several times the digits.
fn push_int(out: &mut String, i: i64) {
    let mut digits = [0u8; 20];
    let mut rest = i.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// `States.StringSplit(string, delimiters)`: splits on any one of the delimiter
/// characters and drops empty pieces (AWS).
pub fn split(a: &Args) -> Result<Value, Failure> {
    let f = Function::StringSplit;
    let text = args::string(f, a, 0)?;
    let delimiters = args::string(f, a, 1)?;
    let pieces = text
        .split(|c: char| delimiters.contains(c))
        .filter(|p| !p.is_empty())
        .map(|p| Value::String(p.into()))
        .collect::<Vec<Value>>();
    Ok(Value::from(pieces))
}

#[cfg(test)]
mod tests {
    use crate::intrinsic::test_support::{fails, ok};

    #[test]
    fn format() {
        // AWS guide example.
        ok("States.Format('Hello, my name is {}.', $.name)", r#"{"name": "Arnav"}"#, r#""Hello, my name is Arnav.""#);
        // Recorded: objects print as {k=v, ...}, null as null, numbers as JSON.
        ok("States.Format('a={} b={} c={}', $.o, $.n, $.f)", r#"{"o": {"Arg1": 1, "Arg2": []}, "n": null, "f": 1.1}"#,
           r#""a={Arg1=1, Arg2=[]} b=null c=1.1""#);
        ok("States.Format('\\{\\} {}', 'x')", "{}", r#""{} x""#);
        ok("States.Format($.t, 1)", r#"{"t": "n={}"}"#, r#""n=1""#);
        // Integers print as their JSON text, at both ends of the 64-bit range too.
        ok("States.Format('{} {} {} {}', -12, 0, $.max, $.min)", r#"{"max": 9223372036854775807, "min": -9223372036854775808}"#,
           r#""-12 0 9223372036854775807 -9223372036854775808""#);
        fails("States.Format('{} {}', 1)", "{}");
        fails("States.Format('{}', 1, 2)", "{}");
    }

    #[test]
    fn split_on_any_delimiter_character() {
        // AWS guide examples.
        ok("States.StringSplit($.inputString, $.splitter)", r#"{"inputString": "1,2,3,4,5", "splitter": ","}"#,
           r#"["1","2","3","4","5"]"#);
        ok("States.StringSplit($.inputString, $.splitter)", r#"{"inputString": "This.is+a,test=string", "splitter": ".+,="}"#,
           r#"["This","is","a","test","string"]"#);
        ok("States.StringSplit('a,,b', ',')", "{}", r#"["a","b"]"#);
        fails("States.StringSplit(1, ',')", "{}");
    }
}
