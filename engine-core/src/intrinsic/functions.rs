//! The intrinsic function library. Temporary stand-in, replaced by the path branch.

use super::int_arg;
use crate::failure::errors;
use crate::rng::Rng;
use crate::{Failure, Map, Number, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

fn fail(name: &str, why: impl core::fmt::Display) -> Failure {
    Failure::new(errors::INTRINSIC_FAILURE, format!("{name}: {why}"))
}

fn arity(name: &str, args: &[Value], min: usize, max: usize) -> Result<(), Failure> {
    if args.len() < min || args.len() > max {
        return Err(fail(name, format_args!("wrong number of arguments ({})", args.len())));
    }
    Ok(())
}

/// Runs the named function on evaluated arguments.
pub(super) fn call(name: &str, args: Vec<Value>, rng: &mut Rng) -> Result<Value, Failure> {
    let s = |v: &Value| v.as_str().map(str::to_string).ok_or_else(|| fail(name, "expected a string argument"));
    match name {
        "States.Format" => {
            arity(name, &args, 1, usize::MAX)?;
            let template = s(&args[0])?;
            let mut out = String::new();
            let mut rest = args[1..].iter();
            let mut chars = template.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '{' && chars.peek() == Some(&'}') {
                    chars.next();
                    let v = rest.next().ok_or_else(|| fail(name, "more placeholders than arguments"))?;
                    format_arg(&mut out, v);
                } else {
                    out.push(c);
                }
            }
            if rest.next().is_some() {
                return Err(fail(name, "more arguments than placeholders"));
            }
            Ok(Value::String(out))
        }
        "States.StringToJson" => {
            arity(name, &args, 1, 1)?;
            let text = s(&args[0])?;
            if text.trim().is_empty() {
                return Ok(Value::Null);
            }
            crate::json::parse_value(&text).map_err(|_| fail(name, "invalid JSON"))
        }
        "States.JsonToString" => {
            arity(name, &args, 1, 1)?;
            Ok(Value::String(args[0].to_json()))
        }
        "States.Array" => Ok(Value::from(args)),
        "States.ArrayPartition" => {
            arity(name, &args, 2, 2)?;
            let a = args[0].as_array().ok_or_else(|| fail(name, "expected an array"))?;
            let n = int_arg(&args[1]).filter(|n| *n > 0).ok_or_else(|| fail(name, "chunk size must be positive"))?;
            Ok(Value::array(a.chunks(n as usize).map(|c| Value::from(c.to_vec())).collect()))
        }
        "States.ArrayContains" => {
            arity(name, &args, 2, 2)?;
            let a = args[0].as_array().ok_or_else(|| fail(name, "expected an array"))?;
            Ok(Value::Bool(a.contains(&args[1])))
        }
        "States.ArrayRange" => {
            arity(name, &args, 3, 3)?;
            let (Some(a), Some(b), Some(step)) = (int_arg(&args[0]), int_arg(&args[1]), int_arg(&args[2])) else {
                return Err(fail(name, "arguments must be integers"));
            };
            if step == 0 {
                return Err(fail(name, "step must not be 0"));
            }
            let mut out = Vec::new();
            let mut i = a;
            while (step > 0 && i <= b) || (step < 0 && i >= b) {
                out.push(Value::from(i));
                if out.len() > 1000 {
                    return Err(fail(name, "more than 1000 items"));
                }
                i += step;
            }
            Ok(Value::from(out))
        }
        "States.ArrayGetItem" => {
            arity(name, &args, 2, 2)?;
            let a = args[0].as_array().ok_or_else(|| fail(name, "expected an array"))?;
            let i = int_arg(&args[1]).ok_or_else(|| fail(name, "index must be an integer"))?;
            usize::try_from(i).ok().and_then(|i| a.get(i)).cloned().ok_or_else(|| fail(name, "index out of range"))
        }
        "States.ArrayLength" => {
            arity(name, &args, 1, 1)?;
            let a = args[0].as_array().ok_or_else(|| fail(name, "expected an array"))?;
            Ok(Value::from(a.len() as i64))
        }
        "States.ArrayUnique" => {
            arity(name, &args, 1, 1)?;
            let a = args[0].as_array().ok_or_else(|| fail(name, "expected an array"))?;
            let mut out: Vec<Value> = Vec::new();
            for v in a {
                if !out.contains(v) {
                    out.push(v.clone());
                }
            }
            Ok(Value::from(out))
        }
        "States.Base64Encode" => {
            arity(name, &args, 1, 1)?;
            use base64::Engine;
            Ok(Value::String(base64::engine::general_purpose::STANDARD.encode(s(&args[0])?.as_bytes())))
        }
        "States.Base64Decode" => {
            arity(name, &args, 1, 1)?;
            use base64::Engine;
            let bytes = base64::engine::general_purpose::STANDARD.decode(s(&args[0])?.as_bytes()).map_err(|_| fail(name, "invalid base64"))?;
            String::from_utf8(bytes).map(Value::String).map_err(|_| fail(name, "not UTF-8"))
        }
        "States.Hash" => {
            arity(name, &args, 2, 2)?;
            let data = s(&args[0])?;
            let digest: Vec<u8> = match s(&args[1])?.as_str() {
                "MD5" => { use md5::Digest; md5::Md5::digest(data.as_bytes()).to_vec() }
                "SHA-1" => { use sha1::Digest; sha1::Sha1::digest(data.as_bytes()).to_vec() }
                "SHA-256" => { use sha2::Digest; sha2::Sha256::digest(data.as_bytes()).to_vec() }
                "SHA-384" => { use sha2::Digest; sha2::Sha384::digest(data.as_bytes()).to_vec() }
                "SHA-512" => { use sha2::Digest; sha2::Sha512::digest(data.as_bytes()).to_vec() }
                other => return Err(fail(name, format_args!("unsupported algorithm {other}"))),
            };
            let mut hex = String::with_capacity(digest.len() * 2);
            for b in digest {
                hex.push_str(&format!("{b:02x}"));
            }
            Ok(Value::String(hex))
        }
        "States.JsonMerge" => {
            arity(name, &args, 3, 3)?;
            let (Some(a), Some(b)) = (args[0].as_object(), args[1].as_object()) else {
                return Err(fail(name, "expected two objects"));
            };
            if args[2] != Value::Bool(false) {
                return Err(fail(name, "only shallow merge (false) is supported"));
            }
            let mut out: Map = a.clone();
            for (k, v) in b {
                out.insert(k.clone(), v.clone());
            }
            Ok(Value::from(out))
        }
        "States.MathRandom" => {
            arity(name, &args, 2, 3)?;
            let (Some(lo), Some(hi)) = (int_arg(&args[0]), int_arg(&args[1])) else {
                return Err(fail(name, "bounds must be integers"));
            };
            Ok(Value::from(rng.int_in(lo, hi.saturating_sub(1).max(lo))))
        }
        "States.MathAdd" => {
            arity(name, &args, 2, 2)?;
            let (Some(a), Some(b)) = (args[0].as_f64(), args[1].as_f64()) else {
                return Err(fail(name, "arguments must be numbers"));
            };
            let r = libm::floor(a + 0.5) + libm::floor(b + 0.5);
            Ok(Value::Number(Number::from_f64_normalized(r)))
        }
        "States.StringSplit" => {
            arity(name, &args, 2, 2)?;
            let text = s(&args[0])?;
            let delims = s(&args[1])?;
            Ok(Value::Array(
                text.split(|c| delims.contains(c)).filter(|p| !p.is_empty()).map(|p| Value::String(p.to_string())).collect::<Vec<Value>>().into(),
            ))
        }
        "States.UUID" => {
            arity(name, &args, 0, 0)?;
            Ok(Value::String(rng.uuid_v4()))
        }
        other => Err(fail(other, "unknown intrinsic function")),
    }
}

/// Java `toString`-style formatting of a Format argument, as AWS prints it.
fn format_arg(out: &mut String, v: &Value) {
    match v {
        Value::String(s) => out.push_str(s),
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push('=');
                format_arg(out, item);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                format_arg(out, item);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_json()),
    }
}
