//! The functions Step Functions adds to JSONata: `$partition`, `$range`, `$hash`,
//! `$random([seed])`, `$uuid()` and `$parse`. Randomness comes from the environment's
//! seeded generator, so a simulation replays exactly.

use super::string::{arg_num, arg_str};
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::{from_json, JValue};
use crate::rng::Rng;
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
    Ok(Some(JValue::array(items)))
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
