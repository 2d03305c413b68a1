//! The array family: ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem,
//! ArrayLength, ArrayUnique (`States.Array` is built in the dispatcher).

use super::args::{self, fail, node_eq, Args};
use super::Function;
use crate::{Failure, Number, Value};
use alloc::format;
use alloc::vec::Vec;
use hashbrown::HashSet;

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
    Ok(Value::array(items.chunks(size as usize).map(|c| Value::from(c.to_vec())).collect()))
}

/// `States.ArrayContains(array, value)`.
pub fn contains(a: &Args) -> Result<Value, Failure> {
    let items = args::array(Function::ArrayContains, a, 0)?;
    Ok(Value::Bool(items.iter().any(|x| node_eq(x, &a[1]))))
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
    Ok(Value::array((0..count as i64).map(|k| Value::from(first + k * step)).collect()))
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
    if items.len() > SMALL_ARRAY && items.iter().all(|v| Scalar::of(v).is_some()) {
        let mut seen = HashSet::with_capacity(items.len());
        let out = items.iter().filter(|v| Scalar::of(v).is_some_and(|k| seen.insert(k))).cloned().collect::<Vec<_>>();
        return Ok(Value::from(out));
    }
    let mut out: Vec<Value> = Vec::with_capacity(items.len());
    for item in items {
        if !out.iter().any(|x| node_eq(x, item)) {
            out.push(item.clone());
        }
    }
    Ok(Value::from(out))
}

/// Arrays up to this long are deduplicated by comparing items pairwise.
const SMALL_ARRAY: usize = 8;

/// A scalar item's identity, hashable, equal exactly when `node_eq` says so: an integer
/// is never the same item as a float, `0.0` and `-0.0` are the same item.
#[derive(PartialEq, Eq, Hash)]
enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(u64),
    Text(&'a str),
}

impl Scalar<'_> {
    /// `None` for containers and NaN (which equals nothing, itself included).
    fn of(v: &Value) -> Option<Scalar<'_>> {
        Some(match v {
            Value::Null => Scalar::Null,
            Value::Bool(b) => Scalar::Bool(*b),
            Value::Number(Number::Int(i)) => Scalar::Int(*i),
            Value::Number(Number::Float(f)) if f.is_nan() => return None,
            Value::Number(Number::Float(f)) => Scalar::Float(if *f == 0.0 { 0 } else { f.to_bits() }),
            Value::String(s) => Scalar::Text(s),
            Value::Array(_) | Value::Object(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::intrinsic::test_support::eval;
    use crate::json::parse_value;

    fn ok(call: &str, input: &str, want: &str) {
        assert_eq!(eval(call, input).unwrap(), parse_value(want).unwrap(), "{call}");
    }

    fn intrinsic_failure(call: &str, input: &str) {
        let f = eval(call, input).unwrap_err();
        assert_eq!(f.error_name(), "States.IntrinsicFailure", "{call}: {f:?}");
        assert!(f.cause.as_deref().unwrap_or("").contains("States.Array"), "{call}: {f:?}");
    }

    #[test]
    fn aws_guide_examples() {
        // Examples from the AWS guide's "Intrinsics for arrays".
        ok("States.Array('Foo', 2020, $.someJson, null)", r#"{"someJson": {"random": "abcdefg"}}"#,
           r#"["Foo", 2020, {"random": "abcdefg"}, null]"#);
        ok("States.ArrayPartition($.inputArray, 4)", r#"{"inputArray": [1,2,3,4,5,6,7,8,9]}"#, "[[1,2,3,4],[5,6,7,8],[9]]");
        ok("States.ArrayContains($.inputArray, $.lookingFor)", r#"{"inputArray": [1,2,3,4,5,6,7,8,9], "lookingFor": 5}"#, "true");
        ok("States.ArrayRange(1, 9, 2)", "{}", "[1,3,5,7,9]");
        ok("States.ArrayGetItem($.inputArray, $.index)", r#"{"inputArray": [1,2,3,4,5,6,7,8,9], "index": 5}"#, "6");
        ok("States.ArrayLength($.inputArray)", r#"{"inputArray": [1,2,3,4,5,6,7,8,9]}"#, "9");
        ok("States.ArrayUnique($.inputArray)", r#"{"inputArray": [1,2,3,3,3,3,3,3,4]}"#, "[1,2,3,4]");
    }

    #[test]
    fn integers_and_floats_are_different_items() {
        ok("States.ArrayUnique($.a)", r#"{"a": [1, 1.0, 1]}"#, "[1, 1.0]");
        // Longer arrays of scalars take the hashed path; the same rules hold there.
        ok(
            "States.ArrayUnique($.a)",
            r#"{"a": [1, 1.0, 1, "1", 1.0, 0.0, 0, true, null, "1", false, true, null, 2.5, 2.5, 0]}"#,
            r#"[1, 1.0, "1", 0.0, 0, true, null, false, 2.5]"#,
        );
        ok(
            "States.ArrayUnique($.a)",
            r#"{"a": [[1], {"a": 1}, [1], {"a": 1}, 1, 1, 2, 3, 4, 5, 6, 7, 8]}"#,
            r#"[[1], {"a": 1}, 1, 2, 3, 4, 5, 6, 7, 8]"#,
        );
        ok("States.ArrayContains($.a, 1)", r#"{"a": [1.0]}"#, "false");
    }

    #[test]
    fn invalid_arguments() {
        // The AWS guide: ArrayRange takes integers, a non-zero step, and makes at most 1000 items.
        intrinsic_failure("States.ArrayRange(1, 9, 0)", "{}");
        intrinsic_failure("States.ArrayRange(0, 1000, 1)", "{}");
        intrinsic_failure("States.ArrayRange(1.5, 9, 1)", "{}");
        intrinsic_failure("States.ArrayPartition($.a, 0)", r#"{"a": [1]}"#);
        intrinsic_failure("States.ArrayGetItem($.a, 3)", r#"{"a": [1]}"#);
        intrinsic_failure("States.ArrayLength($.a)", r#"{"a": "x"}"#);
        ok("States.ArrayRange(0, 999, 1)", "{}", &alloc::format!("[{}]", (0..1000).map(|i| alloc::format!("{i}")).collect::<alloc::vec::Vec<_>>().join(",")));
        ok("States.ArrayRange(5, 1, -2)", "{}", "[5, 3, 1]");
        ok("States.ArrayRange(5, 1, 2)", "{}", "[]");
    }
}
