//! `States.Hash(data, algorithm)`: MD5, SHA-1, SHA-256, SHA-384 or SHA-512, as lower-case hex.

use super::args::{self, fail, Args};
use super::Function;
use crate::{Failure, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use sha2::Digest;

/// AWS hashes at most this many characters.
const MAX_INPUT_CHARS: usize = 10_000;

/// `States.Hash(data, algorithm)`.
pub fn hash(a: &Args) -> Result<Value, Failure> {
    let f = Function::Hash;
    let data = args::string(f, a, 0)?;
    let algorithm = args::string(f, a, 1)?;
    let n = data.chars().count();
    if n > MAX_INPUT_CHARS {
        return Err(fail(f, format!("the data has {n} characters, more than the {MAX_INPUT_CHARS} allowed")));
    }
    let bytes = data.as_bytes();
    let digest = match algorithm {
        "MD5" => hex(&md5::Md5::digest(bytes)),
        "SHA-1" => hex(&sha1::Sha1::digest(bytes)),
        "SHA-256" => hex(&sha2::Sha256::digest(bytes)),
        "SHA-384" => hex(&sha2::Sha384::digest(bytes)),
        "SHA-512" => hex(&sha2::Sha512::digest(bytes)),
        other => {
            return Err(fail(
                f,
                format!("the algorithm '{other}' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"),
            ))
        }
    };
    Ok(Value::String(digest))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)]);
        out.push(DIGITS[usize::from(b & 15)]);
    }
    // Hex digits are ASCII, so this never falls back.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::intrinsic::test_support::{fails, ok};

    #[test]
    fn recorded_digests() {
        // Recorded by AWS (intrinsic_functions.test_hash_calculations.test_hash.*).
        ok("States.Hash('input data', 'SHA-1')", "{}", r#""aaff4a450a104cd177d28d18d74485e8cae074b7""#);
        ok("States.Hash('input data', 'SHA-256')", "{}",
           r#""b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3""#);
        fails("States.Hash('input data', 'SHA-3')", "{}");
        fails("States.Hash(1, 'MD5')", "{}");
    }
}
