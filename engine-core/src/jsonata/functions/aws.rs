//! The functions Step Functions adds to JSONata: `$partition`, `$range`, `$hash`,
//! `$random([seed])`, `$uuid()` and `$parse`. Randomness comes from the environment's
//! seeded generator, so a simulation replays exactly.

use super::string::{arg_num, arg_str};
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::{from_json, JArray, JValue};
use crate::rng::Rng;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;
use sha2::Digest;

/// Longest array `$range` builds.
const MAX_RANGE_ITEMS: f64 = 1e6;

/// `$partition(array, size)`: consecutive chunks of `size` items (the last may be short).
pub fn partition(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(arr) = &args[0] else { return Ok(None) };
    let size = arg_num(args, 1).unwrap_or(0.0);
    if size.is_nan() || size < 1.0 || libm::trunc(size) != size {
        return Err(JsonataError::new(
            "D3020",
            "The size argument of $partition must be a positive integer",
        ));
    }
    let chunks = arr
        .items()
        .chunks(size as usize)
        .map(|c| JValue::array(c.to_vec()))
        .collect();
    Ok(Some(JValue::array(chunks)))
}

/// `$range(start, end[, step])`: from `start` to `end` inclusive.
pub fn range(ev: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let (Some(start), Some(end)) = (arg_num(args, 0), arg_num(args, 1)) else {
        return Ok(None);
    };
    let step = arg_num(args, 2).unwrap_or(1.0);
    if step == 0.0 || !step.is_finite() {
        return Err(JsonataError::new(
            "D3020",
            "The step argument of $range must be a non-zero number",
        ));
    }
    let count = libm::floor((end - start) / step) + 1.0;
    if count > MAX_RANGE_ITEMS {
        return Err(JsonataError::new(
            "D2014",
            "The $range result would be too long",
        ));
    }
    let count = if count > 0.0 { count as usize } else { 0 };
    ev.tick(count as u64)?;
    let items: Vec<JValue> = (0..count)
        .map(|i| JValue::Number(start + step * i as f64))
        .collect();
    // A result sequence, as AWS returns it: $range(1, 9, 9) is 1, not [1] (recorded:
    // intrinsic_functions_jsonata test_array_range).
    Ok(Some(JValue::Array(Rc::new(JArray {
        items,
        sequence: true,
        ..JArray::default()
    }))))
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// `$hash(value[, algorithm])`: lower-case hex of MD5, SHA-1, SHA-256 (default), SHA-384
/// or SHA-512.
pub fn hash(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(data) = arg_str(args, 0) else {
        return Ok(None);
    };
    let bytes = data.as_bytes();
    let digest = match arg_str(args, 1).unwrap_or("SHA-256") {
        "MD5" => hex(&md5::Md5::digest(bytes)),
        "SHA-1" => hex(&sha1::Sha1::digest(bytes)),
        "SHA-256" => hex(&sha2::Sha256::digest(bytes)),
        "SHA-384" => hex(&sha2::Sha384::digest(bytes)),
        "SHA-512" => hex(&sha2::Sha512::digest(bytes)),
        other => {
            return Err(JsonataError::new(
                "D3137",
                alloc::format!(
                "The hash algorithm '{other}' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"
            ),
            ))
        }
    };
    Ok(Some(JValue::string(digest)))
}

/// `$random([seed])`: a float in [0, 1); a seed fixes the value.
pub fn random(ev: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let v = match arg_num(args, 0) {
        Some(seed) => Rng::seeded(seed.to_bits()).next_f64(),
        None => ev.env.rng.next_f64(),
    };
    Ok(Some(JValue::Number(v)))
}

/// `$uuid()`: a version-4 UUID from the seeded generator.
pub fn uuid(ev: &mut Evaluator, _: &[Option<JValue>], _: &Ctx) -> R {
    Ok(Some(JValue::string(ev.env.rng.uuid_v4())))
}

/// `$parse(text)`: JSON text to a value.
pub fn parse(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    match crate::json::parse_value(text) {
        Ok(v) => Ok(Some(from_json(&v))),
        Err(_) => Err(JsonataError::new(
            "D3140",
            "The argument of $parse is not valid JSON",
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::json::parse_value;
    use crate::jsonata::{Environment, Expression};
    use crate::Value;

    fn eval(src: &str, input: &str) -> Option<Value> {
        let mut env = Environment::new();
        env.aws_functions = true;
        env.bind(
            "states",
            parse_value(&alloc::format!("{{\"input\": {input}}}")).unwrap(),
        );
        Expression::parse(src)
            .unwrap()
            .evaluate(None, &mut env)
            .unwrap()
    }

    fn json(s: &str) -> Option<Value> {
        Some(parse_value(s).unwrap())
    }

    // Expected values recorded from AWS (conformance/localstack, intrinsic_functions.*_jsonata).
    #[test]
    fn partition_as_recorded() {
        let p = "$partition($states.input.fst, $states.input.snd)";
        assert_eq!(eval(p, r#"{"fst": [0], "snd": 1}"#), json("[[0]]"));
        assert_eq!(
            eval(p, r#"{"fst": [0, 1, 2], "snd": 1}"#),
            json("[[0], [1], [2]]")
        );
        assert_eq!(
            eval(p, r#"{"fst": [0, 1, 2], "snd": 4}"#),
            json("[[0, 1, 2]]")
        );
        assert_eq!(
            eval(p, r#"{"fst": [0, 1, 2, 3], "snd": 2}"#),
            json("[[0, 1], [2, 3]]")
        );
    }

    #[test]
    fn range_as_recorded() {
        let r = "$range($states.input.fst, $states.input.snd, $states.input.trd)";
        assert_eq!(
            eval(r, r#"{"fst": 0, "snd": 9, "trd": 3}"#),
            json("[0, 3, 6, 9]")
        );
        assert_eq!(
            eval(r, r#"{"fst": 0, "snd": 10, "trd": 3}"#),
            json("[0, 3, 6, 9]")
        );
        assert_eq!(eval(r, r#"{"fst": 1, "snd": 9, "trd": 9}"#), json("1"));
        assert_eq!(
            eval(r, r#"{"fst": 1, "snd": 9, "trd": 2}"#),
            json("[1, 3, 5, 7, 9]")
        );
    }

    #[test]
    fn parse_as_recorded() {
        let p = "$parse($states.input.s)";
        assert_eq!(eval(p, r#"{"s": "-0"}"#), json("0"));
        assert_eq!(eval(p, r#"{"s": "1.1"}"#), json("1.1"));
        assert_eq!(
            eval(p, r#"{"s": "[1, 2, \"HelloWorld\"]"}"#),
            json(r#"[1, 2, "HelloWorld"]"#)
        );
        assert_eq!(
            eval(p, r#"{"s": "{\"Arg1\": 1, \"Arg2\": []}"}"#),
            json(r#"{"Arg1": 1, "Arg2": []}"#)
        );
    }

    #[test]
    fn hash_uses_the_named_digest() {
        // RFC 1321 and FIPS 180 test vectors for "abc".
        assert_eq!(
            eval("$hash('abc', 'MD5')", "{}"),
            json(r#""900150983cd24fb0d6963f7d28e17f72""#)
        );
        assert_eq!(
            eval("$hash('abc', 'SHA-1')", "{}"),
            json(r#""a9993e364706816aba3e25717850c26c9cd0d89d""#)
        );
        assert_eq!(
            eval("$hash('abc', 'SHA-256')", "{}"),
            json(r#""ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad""#)
        );
    }

    #[test]
    fn seeded_functions_replay() {
        let a = eval("[$uuid(), $random(), $random(7)]", "{}");
        let b = eval("[$uuid(), $random(), $random(7)]", "{}");
        assert_eq!(a, b);
        let seeded = eval("$random(7) = $random(7)", "{}");
        assert_eq!(seeded, json("true"));
    }

    #[test]
    fn aws_functions_need_the_flag() {
        let mut env = Environment::new();
        let r = Expression::parse("$partition([1], 1)")
            .unwrap()
            .evaluate(None, &mut env);
        assert_eq!(r.map_err(|e| e.code), Err("T1006".into()));
    }
}
