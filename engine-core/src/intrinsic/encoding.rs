//! Base64Encode and Base64Decode (standard alphabet, padded).

use super::args::{self, fail, Args};
use super::Function;
use crate::{Failure, Value};
use alloc::format;
use alloc::string::String;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// AWS accepts at most this many characters of input for either direction.
const MAX_INPUT_CHARS: usize = 10_000;

fn limited(f: Function, text: &str) -> Result<(), Failure> {
    let n = text.chars().count();
    if n > MAX_INPUT_CHARS {
        return Err(fail(f, format!("the input has {n} characters, more than the {MAX_INPUT_CHARS} allowed")));
    }
    Ok(())
}

/// `States.Base64Encode(string)`: the UTF-8 bytes, encoded.
pub fn encode(a: &Args) -> Result<Value, Failure> {
    let f = Function::Base64Encode;
    let text = args::string(f, a, 0)?;
    limited(f, text)?;
    Ok(Value::String(STANDARD.encode(text.as_bytes())))
}

/// `States.Base64Decode(string)`: decoded bytes, which must be UTF-8 text.
pub fn decode(a: &Args) -> Result<Value, Failure> {
    let f = Function::Base64Decode;
    let text = args::string(f, a, 0)?;
    limited(f, text)?;
    let bytes = STANDARD.decode(text.as_bytes()).map_err(|_| fail(f, "the input is not valid base64"))?;
    String::from_utf8(bytes).map(Value::String).map_err(|_| fail(f, "the decoded data is not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use crate::intrinsic::test_support::{fails, ok};

    #[test]
    fn aws_guide_examples() {
        ok("States.Base64Encode($.input)", r#"{"input": "Data to encode"}"#, r#""RGF0YSB0byBlbmNvZGU=""#);
        ok("States.Base64Decode($.base64)", r#"{"base64": "RGF0YSB0byBlbmNvZGU="}"#, r#""Data to encode""#);
    }

    #[test]
    fn limits_and_bad_input() {
        let long = alloc::format!(r#"{{"s": "{}"}}"#, "a".repeat(10_001));
        fails("States.Base64Encode($.s)", &long);
        fails("States.Base64Decode('***')", "{}");
    }
}
