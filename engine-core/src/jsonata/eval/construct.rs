//! Array and object constructors, grouping, and `^( )` ordering.

use super::{Evaluator, R};
use crate::jsonata::ast::{Expr, Kind, SortTerm};
use crate::jsonata::env::Frame;
use crate::jsonata::error::JsonataError;
use crate::jsonata::functions::array::{append, merge_sort};
use crate::jsonata::functions::string::compare_js;
use crate::jsonata::value::{JArray, JMap, JValue};
use alloc::rc::Rc;
use alloc::vec::Vec;

impl Evaluator<'_> {
    pub(super) fn eval_array(
        &mut self,
        items: &[Expr],
        cons: bool,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
    ) -> R {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let Some(v) = self.eval(item, input, frame)? else {
                continue;
            };
            if matches!(item.kind, Kind::Array(_)) {
                out.push(v);
            } else {
                match v {
                    JValue::Array(a) => {
                        // Flattening copies every item: charge it, so that repeatedly
                        // doubling an array ends in `U1001` instead of exhausting memory.
                        self.tick(a.items.len() as u64)?;
                        out.extend(a.items.iter().cloned())
                    }
                    other => out.push(other),
                }
            }
        }
        Ok(Some(JValue::Array(Rc::new(JArray {
            items: out,
            cons,
            ..JArray::default()
        }))))
    }

    /// An object constructor applied to each item of `input` (grouping by key).
    pub(super) fn eval_group(
        &mut self,
        pairs: &[(Expr, Expr)],
        input: Option<JValue>,
        frame: &Rc<Frame>,
        pos: usize,
    ) -> Result<JValue, JsonataError> {
        let reduce = matches!(&input, Some(JValue::Array(a)) if a.tuple_stream);
        let items: Vec<Option<JValue>> = match &input {
            Some(JValue::Array(a)) if a.items.is_empty() => alloc::vec![None],
            Some(JValue::Array(a)) => a.items.iter().cloned().map(Some).collect(),
            other => alloc::vec![other.clone()],
        };
        let mut groups: indexmap::IndexMap<
            Rc<str>,
            (Option<JValue>, usize),
            hashbrown::DefaultHashBuilder,
        > = indexmap::IndexMap::default();
        for item in &items {
            let (context, env) = match (reduce, item) {
                (true, Some(t)) => (
                    t.as_object().and_then(|m| m.get("@").cloned()),
                    tuple_env(frame, t),
                ),
                _ => (item.clone(), frame.clone()),
            };
            for (index, (k, _)) in pairs.iter().enumerate() {
                let key = match self.eval(k, context.as_ref(), &env)? {
                    None => continue,
                    Some(JValue::String(s)) => s,
                    Some(_) => return Err(JsonataError::code("T1003").at(pos)),
                };
                match groups.get_mut(&key) {
                    Some(entry) => {
                        if entry.1 != index {
                            return Err(JsonataError::code("D1009").at(pos).with(&*key));
                        }
                        entry.0 = append(entry.0.take(), item.clone());
                    }
                    None => {
                        groups.insert(key, (item.clone(), index));
                    }
                }
            }
        }
        let mut out = JMap::with_capacity_and_hasher(groups.len(), Default::default());
        for (key, (data, index)) in groups {
            let (context, env) = if reduce {
                let tuple = reduce_tuples(data);
                let ctx = tuple.get("@").cloned();
                let env = Frame::child(frame);
                for (k, v) in tuple.iter() {
                    if &**k != "@" {
                        env.bind(k, Some(v.clone()));
                    }
                }
                (ctx, env)
            } else {
                (data, frame.clone())
            };
            if let Some(v) = self.eval(&pairs[index].1, context.as_ref(), &env)? {
                out.insert(key, v);
            }
        }
        Ok(JValue::object(out))
    }

    /// Sorts items by the terms of `^( )`, stably.
    pub(super) fn sort_items(
        &mut self,
        terms: &[SortTerm],
        items: Vec<JValue>,
        tuples: bool,
        frame: &Rc<Frame>,
        pos: usize,
    ) -> Result<Vec<JValue>, JsonataError> {
        // Evaluate each item's keys once, then sort indexes.
        let mut keys: Vec<Vec<Option<JValue>>> = Vec::with_capacity(items.len());
        for item in &items {
            let (ctx, env) = if tuples {
                (
                    item.as_object().and_then(|m| m.get("@").cloned()),
                    tuple_env(frame, item),
                )
            } else {
                (Some(item.clone()), frame.clone())
            };
            let mut k = Vec::with_capacity(terms.len());
            for t in terms {
                k.push(self.eval(&t.expr, ctx.as_ref(), &env)?);
            }
            keys.push(k);
        }
        let order: Vec<usize> = (0..items.len()).collect();
        let sorted = merge_sort(order, &mut |a: &usize,
                                             b: &usize|
         -> Result<bool, JsonataError> {
            let mut comp = 0i32;
            for (i, t) in terms.iter().enumerate() {
                if comp != 0 {
                    break;
                }
                let (aa, bb) = (&keys[*a][i], &keys[*b][i]);
                let (aa, bb) = match (aa, bb) {
                    (None, None) => continue,
                    (None, _) => {
                        comp = 1;
                        continue;
                    }
                    (_, None) => {
                        comp = -1;
                        continue;
                    }
                    (Some(x), Some(y)) => (x, y),
                };
                let ord = match (aa, bb) {
                    (JValue::Number(x), JValue::Number(y)) => {
                        x.partial_cmp(y).unwrap_or(core::cmp::Ordering::Equal)
                    }
                    (JValue::String(x), JValue::String(y)) => compare_js(x, y),
                    (
                        JValue::Number(_) | JValue::String(_),
                        JValue::Number(_) | JValue::String(_),
                    ) => return Err(JsonataError::code("T2007").at(pos)),
                    _ => return Err(JsonataError::code("T2008").at(pos)),
                };
                comp = match ord {
                    core::cmp::Ordering::Equal => continue,
                    core::cmp::Ordering::Less => -1,
                    core::cmp::Ordering::Greater => 1,
                };
                if t.descending {
                    comp = -comp;
                }
            }
            Ok(comp == 1)
        })?;
        Ok(sorted.into_iter().map(|i| items[i].clone()).collect())
    }
}

fn tuple_env(frame: &Rc<Frame>, tuple: &JValue) -> Rc<Frame> {
    let env = Frame::child(frame);
    if let JValue::Object(m) = tuple {
        for (k, v) in m.iter() {
            if &**k != "@" {
                env.bind(k, Some(v.clone()));
            }
        }
    }
    env
}

/// Merges a group's tuples: each binding becomes the sequence of its values.
fn reduce_tuples(data: Option<JValue>) -> JMap {
    match data {
        Some(JValue::Array(a)) if !a.items.is_empty() => {
            let mut result = a.items[0].as_object().cloned().unwrap_or_default();
            for t in &a.items[1..] {
                if let JValue::Object(m) = t {
                    for (k, v) in m.iter() {
                        let prev = result.get(k).cloned();
                        if let Some(nv) = append(prev, Some(v.clone())) {
                            result.insert(k.clone(), nv);
                        }
                    }
                }
            }
            result
        }
        Some(JValue::Object(m)) => (*m).clone(),
        _ => JMap::default(),
    }
}
