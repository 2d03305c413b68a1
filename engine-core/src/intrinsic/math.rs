//! Math: MathAdd (AWS rounds each operand to an integer, halves upward) and MathRandom.

use super::args::{self, fail, Args};
use super::Function;
use crate::rng::Rng;
use crate::{Failure, Value};
use alloc::format;

/// `States.MathAdd(a, b)`: AWS rounds each operand half-up (`-0.5` → 0, `1.5` → 2)
/// before adding; operands must lie in the 32-bit integer range.
pub fn add(a: &Args) -> Result<Value, Failure> {
    let f = Function::MathAdd;
    let mut sum: i64 = 0;
    for i in 0..2 {
        let x = args::number(f, a, i)?;
        let rounded = libm::floor(x + 0.5);
        if !(i32::MIN as f64..=i32::MAX as f64).contains(&rounded) {
            return Err(fail(f, format!("the value {x} is outside the range of a 32-bit integer")));
        }
        sum += rounded as i64;
    }
    Ok(Value::from(sum))
}

/// `States.MathRandom(start, end[, seed])`: an integer in `[start, end)`. A seed gives a
/// fixed draw; without one the execution's seeded generator is used.
pub fn random(a: &Args, rng: &mut Rng) -> Result<Value, Failure> {
    let f = Function::MathRandom;
    let start = args::integer(f, a, 0)?;
    let end = args::integer(f, a, 1)?;
    if end <= start {
        return Err(fail(f, format!("the end ({end}) must be greater than the start ({start})")));
    }
    let value = if a.len() > 2 {
        let seed = args::integer(f, a, 2)?;
        Rng::seeded(seed as u64).int_in(start, end - 1)
    } else {
        rng.int_in(start, end - 1)
    };
    Ok(Value::from(value))
}
