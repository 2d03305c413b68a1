//! Base64 and URL encoding. Base64 works on the string's characters as bytes (Latin-1),
//! URL encoding on UTF-8, as JavaScript's `encodeURIComponent`/`encodeURI` do.

use super::string::arg_str;
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::JValue;
use alloc::string::String;
use alloc::vec::Vec;
use base64::Engine;

pub fn base64encode(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(s) = arg_str(args, 0) else {
        return Ok(None);
    };
    let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
    Ok(Some(JValue::string(
        base64::engine::general_purpose::STANDARD.encode(bytes),
    )))
}

pub fn base64decode(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(s) = arg_str(args, 0) else {
        return Ok(None);
    };
    let cleaned: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let trimmed = cleaned.trim_end_matches('=');
    let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(trimmed)
        .unwrap_or_default();
    Ok(Some(JValue::string(
        bytes.iter().map(|b| *b as char).collect(),
    )))
}

const COMPONENT_SAFE: &str = "-_.!~*'()";
const URI_SAFE: &str = "-_.!~*'();/?:@&=+$,#";

fn encode(s: &str, safe: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || safe.contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&alloc::format!("%{b:02X}"));
            }
        }
    }
    out
}

fn decode(s: &str, keep: &str) -> Result<String, JsonataError> {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    let hex = |c: u8| (c as char).to_digit(16);
    while i < b.len() {
        if b[i] != b'%' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let byte = match (
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (Some(h), Some(l)) => (h * 16 + l) as u8,
            _ => return Err(JsonataError::code("D3140")),
        };
        if byte < 0x80 && keep.contains(byte as char) {
            out.extend_from_slice(&b[i..i + 3]);
        } else {
            out.push(byte);
        }
        i += 3;
    }
    String::from_utf8(out).map_err(|_| JsonataError::code("D3140"))
}

pub fn encode_url_component(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(s) = arg_str(args, 0) else {
        return Ok(None);
    };
    Ok(Some(JValue::string(encode(s, COMPONENT_SAFE))))
}

pub fn encode_url(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(s) = arg_str(args, 0) else {
        return Ok(None);
    };
    Ok(Some(JValue::string(encode(s, URI_SAFE))))
}

pub fn decode_url_component(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(s) = arg_str(args, 0) else {
        return Ok(None);
    };
    Ok(Some(JValue::string(decode(s, "")?)))
}

pub fn decode_url(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(s) = arg_str(args, 0) else {
        return Ok(None);
    };
    Ok(Some(JValue::string(decode(s, ";/?:@&=+$,#")?)))
}
