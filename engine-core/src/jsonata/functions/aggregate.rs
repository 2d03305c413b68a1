//! Aggregation: `$sum`, `$count`, `$max`, `$min`, `$average`.

use super::Ctx;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::JValue;

fn numbers(v: &JValue) -> impl Iterator<Item = f64> + '_ {
    v.items().iter().filter_map(JValue::as_f64)
}

pub fn sum(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    Ok(Some(JValue::Number(numbers(v).sum())))
}

pub fn count(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let n = args[0].as_ref().map_or(0, |v| v.items().len());
    Ok(Some(JValue::Number(n as f64)))
}

fn extreme(args: &[Option<JValue>], pick: fn(f64, f64) -> f64) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    Ok(numbers(v).reduce(pick).map(JValue::Number))
}

pub fn max(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    extreme(args, f64::max)
}

pub fn min(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    extreme(args, f64::min)
}

pub fn average(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    let n = v.items().len();
    if n == 0 {
        return Ok(None);
    }
    Ok(Some(JValue::Number(numbers(v).sum::<f64>() / n as f64)))
}
