//! The array family: ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem,
//! ArrayLength, ArrayUnique (`States.Array` is built in the dispatcher).

use super::args::{self, fail, Args};
use super::Function;
use crate::{Failure, Value};
use alloc::format;
use alloc::vec::Vec;

/// AWS caps the arrays ArrayRange creates.
const MAX_RANGE_ITEMS: i64 = 1000;

/// `States.ArrayPartition(array, size)`: chunks of `size` items, the last one shorter.
pub fn partition(a: &Args) -> Result<Value, Failure> {
    let f = Function::ArrayPartition;
    let items = args::array(f, a, 0)?;
    let size = args::integer(f, a, 1)?;
    if size <= 0 {
        return Err(fail(f, format!("the chunk size must be a positive integer, but was {size}")));
    }
    Ok(Value::Array(items.chunks(size as usize).map(|c| Value::Array(c.to_vec())).collect()))
}

/// `States.ArrayContains(array, value)`: JSON equality.
pub fn contains(a: &Args) -> Result<Value, Failure> {
    let items = args::array(Function::ArrayContains, a, 0)?;
    Ok(Value::Bool(items.iter().any(|x| *x == *a[1])))
}

/// `States.ArrayRange(first, last, step)`: both ends inclusive, at most 1000 items.
pub fn range(a: &Args) -> Result<Value, Failure> {
    let f = Function::ArrayRange;
    let first = args::integer(f, a, 0)?;
    let last = args::integer(f, a, 1)?;
    let step = args::integer(f, a, 2)?;
    if step == 0 {
        return Err(fail(f, "the step must not be zero"));
    }
    let count = if (step > 0 && first > last) || (step < 0 && first < last) {
        0
    } else {
        (last as i128 - first as i128) / step as i128 + 1
    };
    if count > MAX_RANGE_ITEMS as i128 {
        return Err(fail(f, format!("the range has {count} items, more than the {MAX_RANGE_ITEMS} allowed")));
    }
    Ok(Value::Array((0..count as i64).map(|k| Value::from(first + k * step)).collect()))
}

/// `States.ArrayGetItem(array, index)`.
pub fn get_item(a: &Args) -> Result<Value, Failure> {
    let f = Function::ArrayGetItem;
    let items = args::array(f, a, 0)?;
    let index = args::integer(f, a, 1)?;
    usize::try_from(index)
        .ok()
        .and_then(|i| items.get(i))
        .cloned()
        .ok_or_else(|| fail(f, format!("the index {index} is out of bounds for an array of {} items", items.len())))
}

/// `States.ArrayLength(array)`.
pub fn length(a: &Args) -> Result<Value, Failure> {
    Ok(Value::from(args::array(Function::ArrayLength, a, 0)?.len() as i64))
}

/// `States.ArrayUnique(array)`: first occurrences kept, in order.
pub fn unique(a: &Args) -> Result<Value, Failure> {
    let items = args::array(Function::ArrayUnique, a, 0)?;
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(item) {
            out.push(item.clone());
        }
    }
    Ok(Value::Array(out))
}
