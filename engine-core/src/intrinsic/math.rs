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

#[cfg(test)]
mod tests {
    use crate::intrinsic::test_support::{eval, fails, ok};

    #[test]
    fn add_rounds_half_up() {
        // AWS guide example, then recorded roundings (test_math_add.*).
        ok("States.MathAdd($.value1, $.step)", r#"{"value1": 111, "step": -1}"#, "110");
        ok("States.MathAdd(1.49, 1.5)", "{}", "3");
        ok("States.MathAdd(-0.5, 0)", "{}", "0");
        ok("States.MathAdd(-1.5, -1.51)", "{}", "-3");
        fails("States.MathAdd('1', 1)", "{}");
        fails("States.MathAdd(2147483648, 0)", "{}");
    }

    #[test]
    fn random_stays_in_range_and_seed_is_stable() {
        for _ in 0..50 {
            let v = eval("States.MathRandom(1, 999)", "{}").unwrap().as_i64().unwrap();
            assert!((1..999).contains(&v));
        }
        assert_eq!(eval("States.MathRandom(0, 999, 3)", "{}"), eval("States.MathRandom(0, 999, 3)", "{}"));
        fails("States.MathRandom(5, 5)", "{}");
    }
}
