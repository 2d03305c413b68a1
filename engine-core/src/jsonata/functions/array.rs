//! Array functions: `$append`, `$reverse`, `$shuffle`, `$distinct`, `$sort`, `$zip`,
//! and the stable merge sort `^( )` shares.

use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{apply, Evaluator, R};
use crate::jsonata::value::{JArray, JValue};
use alloc::collections::BTreeSet;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// `$append` semantics: undefined sides vanish, non-arrays become one-item arrays.
pub fn append(a: Option<JValue>, b: Option<JValue>) -> Option<JValue> {
    let (a, b) = match (a, b) {
        (None, b) => return b,
        (a, None) => return a,
        (Some(a), Some(b)) => (a, b),
    };
    let mut items: Vec<JValue> = match a {
        JValue::Array(arr) => arr.items.clone(),
        other => alloc::vec![other],
    };
    match b {
        JValue::Array(arr) => items.extend(arr.items.iter().cloned()),
        other => items.push(other),
    }
    Some(JValue::array(items))
}

pub fn append_fn(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    Ok(append(args[0].clone(), args[1].clone()))
}

/// Stable merge sort where `swap(a, b)` says `a` belongs after `b`.
pub fn merge_sort<T: Clone>(
    items: Vec<T>,
    swap: &mut dyn FnMut(&T, &T) -> Result<bool, JsonataError>,
) -> Result<Vec<T>, JsonataError> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let mut right = items;
    let left = right.drain(..right.len() / 2).collect::<Vec<_>>();
    let left = merge_sort(left, swap)?;
    let right = merge_sort(right, swap)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if swap(&left[i], &right[j])? {
            out.push(right[j].clone());
            j += 1;
        } else {
            out.push(left[i].clone());
            i += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    Ok(out)
}

pub fn reverse(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    if v.items().len() <= 1 {
        return Ok(Some(v.clone()));
    }
    let mut items = v.items().to_vec();
    items.reverse();
    Ok(Some(JValue::array(items)))
}

pub fn shuffle(ev: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    let mut items = v.items().to_vec();
    for i in (1..items.len()).rev() {
        let j = ev.env.rng.int_in(0, i as i64) as usize;
        items.swap(i, j);
    }
    Ok(Some(JValue::array(items)))
}

pub fn distinct(ev: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    let JValue::Array(a) = v else {
        return Ok(Some(v.clone()));
    };
    if a.items.len() <= 1 {
        return Ok(Some(v.clone()));
    }
    // Scalars are found by key; only the rest need pairwise deep equality, which is
    // charged to the budget.
    let mut scalars = BTreeSet::new();
    let mut others: Vec<&JValue> = Vec::new();
    let mut out: Vec<JValue> = Vec::new();
    for item in &a.items {
        let fresh = match ScalarKey::of(item) {
            Some(key) => scalars.insert(key),
            None => {
                let mut seen = false;
                for o in &others {
                    if ev.deep_equal(o, item)? {
                        seen = true;
                        break;
                    }
                }
                if !seen {
                    others.push(item);
                }
                !seen
            }
        };
        if fresh {
            out.push(item.clone());
        }
    }
    Ok(Some(JValue::Array(Rc::new(JArray {
        items: out,
        sequence: a.sequence,
        ..JArray::default()
    }))))
}

/// A scalar as a set key, equal exactly when `=` holds.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum ScalarKey {
    Null,
    Bool(bool),
    /// The bits of the number, `-0` read as `0`.
    Number(u64),
    String(Rc<str>),
}

impl ScalarKey {
    fn of(v: &JValue) -> Option<ScalarKey> {
        Some(match v {
            JValue::Null => ScalarKey::Null,
            JValue::Bool(b) => ScalarKey::Bool(*b),
            // NaN equals nothing: left to the pairwise comparison.
            JValue::Number(n) if n.is_nan() => return None,
            JValue::Number(n) => ScalarKey::Number((n + 0.0).to_bits()),
            JValue::String(s) => ScalarKey::String(s.clone()),
            _ => return None,
        })
    }
}

/// `$sort(array[, function])`.
pub fn sort(ev: &mut Evaluator, args: &[Option<JValue>], ctx: &Ctx) -> R {
    let Some(v) = &args[0] else { return Ok(None) };
    let items = v.items().to_vec();
    if items.len() <= 1 {
        return Ok(Some(v.clone()));
    }
    let sorted = match &args.get(1).cloned().flatten() {
        Some(f) => {
            let frame = ctx.frame.clone();
            merge_sort(items, &mut |a, b| {
                let r = apply(ev, f, alloc::vec![Some(a.clone()), Some(b.clone())], &frame)?;
                Ok(matches!(r, Some(JValue::Bool(true))))
            })?
        }
        None => {
            let all_numbers = items.iter().all(|i| matches!(i, JValue::Number(_)));
            let all_strings = items.iter().all(|i| matches!(i, JValue::String(_)));
            if !all_numbers && !all_strings {
                return Err(JsonataError::code("D3070"));
            }
            merge_sort(items, &mut |a, b| {
                Ok(match (a, b) {
                    (JValue::Number(x), JValue::Number(y)) => x > y,
                    (JValue::String(x), JValue::String(y)) => {
                        super::string::compare_js(x, y) == core::cmp::Ordering::Greater
                    }
                    _ => false,
                })
            })?
        }
    };
    Ok(Some(JValue::array(sorted)))
}

/// `$zip(array, ...)`: tuples of the items at each index, as long as the shortest.
pub fn zip(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let arrays: Vec<&[JValue]> = args
        .iter()
        .map(|a| a.as_ref().map_or(&[][..], JValue::items))
        .collect();
    let len = arrays.iter().map(|a| a.len()).min().unwrap_or(0);
    let out = (0..len)
        .map(|i| JValue::array(arrays.iter().map(|a| a[i].clone()).collect()))
        .collect();
    Ok(Some(JValue::array(out)))
}
