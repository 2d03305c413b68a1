//! Path navigation: steps mapped over the input sequence with flattening, predicates,
//! tuple streams for `@`, `#` and `%`, wildcards and descendants.

use super::{seq, Evaluator, R};
use crate::jsonata::ast::{Expr, Kind, Stage};
use crate::jsonata::env::Frame;
use crate::jsonata::error::JsonataError;
use crate::jsonata::functions::boolean::truthy;
use crate::jsonata::value::{JArray, JMap, JValue};
use alloc::rc::Rc;
use alloc::vec::Vec;

/// `name` looked up in an object, or in each member of an array (flattened).
pub fn lookup_name(input: Option<&JValue>, name: &str) -> Option<JValue> {
    match input? {
        JValue::Array(a) => {
            let mut out = Vec::new();
            for item in &a.items {
                match lookup_name(Some(item), name) {
                    Some(JValue::Array(inner)) => out.extend(inner.items.iter().cloned()),
                    Some(v) => out.push(v),
                    None => {}
                }
            }
            Some(seq(out))
        }
        JValue::Object(m) => m.get(name).cloned(),
        _ => None,
    }
}

fn flatten_into(v: &JValue, out: &mut Vec<JValue>) {
    match v {
        JValue::Array(a) => a.items.iter().for_each(|i| flatten_into(i, out)),
        other => out.push(other.clone()),
    }
}

/// `*`: the values of every member, arrays flattened.
pub fn wildcard(input: Option<&JValue>) -> Option<JValue> {
    let mut input = input?;
    if let JValue::Array(a) = input {
        if a.outer_wrapper && !a.items.is_empty() {
            input = &a.items[0];
        }
    }
    let mut out = Vec::new();
    match input {
        JValue::Object(m) => m.values().for_each(|v| flatten_into(v, &mut out)),
        // An array's members are its values, keyed by index.
        JValue::Array(a) => a.items.iter().for_each(|v| flatten_into(v, &mut out)),
        _ => {}
    }
    Some(seq(out))
}

fn recurse_descendants(v: &JValue, out: &mut Vec<JValue>) {
    match v {
        JValue::Array(a) => a.items.iter().for_each(|i| recurse_descendants(i, out)),
        JValue::Object(m) => {
            out.push(v.clone());
            m.values().for_each(|i| recurse_descendants(i, out));
        }
        other => out.push(other.clone()),
    }
}

/// `**`: the value and all its descendants.
pub fn descendants(input: Option<&JValue>) -> Option<JValue> {
    let input = input?;
    let mut out = Vec::new();
    recurse_descendants(input, &mut out);
    if out.len() == 1 {
        return out.pop();
    }
    Some(seq(out))
}

fn tuple_frame(frame: &Rc<Frame>, tuple: &JValue) -> Rc<Frame> {
    let f = Frame::child(frame);
    if let JValue::Object(m) = tuple {
        for (k, v) in m.iter() {
            if &**k != "@" {
                f.bind(k, Some(v.clone()));
            }
        }
    }
    f
}

fn tuple_focus(tuple: &JValue) -> Option<JValue> {
    tuple.as_object().and_then(|m| m.get("@").cloned())
}

fn tuple_stream(items: Vec<JValue>) -> JValue {
    JValue::Array(Rc::new(JArray {
        items,
        sequence: true,
        tuple_stream: true,
        ..JArray::default()
    }))
}

fn is_tuple_stream(v: &Option<JValue>) -> bool {
    matches!(v, Some(JValue::Array(a)) if a.tuple_stream)
}

/// A step with no predicates, bindings, grouping or array-keeping.
fn is_plain(s: &Expr) -> bool {
    s.stages.is_empty()
        && s.predicate.is_empty()
        && s.group.is_none()
        && !s.keep_array
        && !s.tuple
        && s.focus.is_none()
        && s.index.is_none()
        && s.ancestor.is_none()
}

/// How far a path got on a binding's JSON before evaluation takes over.
enum Prefix {
    /// The path does not start at an environment binding.
    None,
    /// A name on the way is missing: the path is undefined.
    Missing,
    /// The first `k` steps reached this value.
    Reached(usize, JValue),
}

impl Evaluator<'_> {
    pub(super) fn eval_path(
        &mut self,
        expr: &Expr,
        input: Option<&JValue>,
        frame: &Rc<Frame>,
    ) -> R {
        let Kind::Path {
            steps,
            keep_singleton_array,
        } = &expr.kind
        else {
            return Ok(None);
        };
        // The commonest path, one plain name on an object (`price` in a predicate).
        if let ([step], false, None, false) =
            (&steps[..], *keep_singleton_array, &expr.group, expr.tuple)
        {
            if let (Kind::Name(name), true) = (&step.kind, is_plain(step)) {
                match input {
                    Some(JValue::Array(_)) => {}
                    Some(JValue::Object(m)) => return Ok(m.get(&**name).cloned()),
                    _ => return Ok(None),
                }
            }
        }
        let first_is_var = matches!(steps.first().map(|s| &s.kind), Some(Kind::Variable(_)));
        // The input sequence; `[None]` when the input is undefined.
        let mut inputs: Vec<Option<JValue>> = match input {
            Some(JValue::Array(a)) if !first_is_var => a.items.iter().cloned().map(Some).collect(),
            other => alloc::vec![other.cloned()],
        };
        let mut input_is_tuples = false;
        let mut result: Option<JValue> = None;
        let mut tuples: Option<Vec<JValue>> = None;
        let mut is_tuple = false;
        let mut skip = 0;
        if !*keep_singleton_array && expr.group.is_none() {
            match self.binding_prefix(steps, frame) {
                Prefix::None => {}
                Prefix::Missing => return Ok(None),
                Prefix::Reached(k, v) if k == steps.len() => return Ok(Some(v)),
                Prefix::Reached(k, v) => {
                    inputs = match &v {
                        JValue::Array(a) => a.items.iter().cloned().map(Some).collect(),
                        other => alloc::vec![Some(other.clone())],
                    };
                    result = Some(v);
                    skip = k;
                }
            }
        }
        for (i, step) in steps.iter().enumerate().skip(skip) {
            if step.tuple {
                is_tuple = true;
            }
            if i == 0 && step.consarray {
                result = self.eval(step, input, frame)?;
            } else if is_tuple {
                tuples = Some(self.tuple_step(step, &inputs, tuples.take(), frame)?);
            } else {
                let last = i == steps.len() - 1;
                result = self.eval_step(step, &inputs, input_is_tuples, frame, last)?;
            }
            if !is_tuple {
                match &result {
                    None => break,
                    Some(JValue::Array(a)) if a.items.is_empty() => break,
                    _ => {}
                }
            }
            if step.focus.is_none() {
                inputs = match &result {
                    Some(JValue::Array(a)) => {
                        input_is_tuples = a.tuple_stream;
                        a.items.iter().cloned().map(Some).collect()
                    }
                    Some(v) => alloc::vec![Some(v.clone())],
                    None => Vec::new(),
                };
            }
        }
        let mut group_source = None;
        if is_tuple {
            let t = tuples.unwrap_or_default();
            if expr.group.is_some() {
                group_source = Some(tuple_stream(t.clone()));
            }
            if expr.tuple {
                result = Some(tuple_stream(t));
            } else {
                result = Some(seq(t.iter().filter_map(tuple_focus).collect()));
            }
        }
        if *keep_singleton_array {
            result = Some(match result {
                Some(JValue::Array(mut a)) => {
                    if a.cons && !a.sequence {
                        a = Rc::new(JArray {
                            items: alloc::vec![JValue::Array(a)],
                            sequence: true,
                            ..JArray::default()
                        });
                    }
                    Rc::make_mut(&mut a).keep_singleton = true;
                    JValue::Array(a)
                }
                Some(v) => JValue::Array(Rc::new(JArray {
                    items: alloc::vec![v],
                    sequence: true,
                    keep_singleton: true,
                    ..JArray::default()
                })),
                None => JValue::Array(Rc::new(JArray {
                    sequence: true,
                    keep_singleton: true,
                    ..JArray::default()
                })),
            });
        }
        if let Some(group) = &expr.group {
            let source = if is_tuple { group_source } else { result };
            result = Some(self.eval_group(&group.pairs, source, frame, group.pos)?);
        }
        Ok(result)
    }

    /// Walks a path that starts at an environment binding (`$states.input.items`) through
    /// its plain name steps on the JSON itself, so only the part reached is converted.
    fn binding_prefix(&self, steps: &[Expr], frame: &Rc<Frame>) -> Prefix {
        let plain = is_plain;
        let Some(first) = steps.first() else {
            return Prefix::None;
        };
        let Kind::Variable(name) = &first.kind else {
            return Prefix::None;
        };
        if name.is_empty() || !plain(first) || frame.find(name).is_some() {
            return Prefix::None;
        }
        let Some(binding) = self.env.bindings.iter().find(|(n, _)| **n == **name) else {
            return Prefix::None;
        };
        let mut cur: &crate::Value = &binding.1;
        let mut k = 1;
        while k < steps.len() {
            let Kind::Name(key) = &steps[k].kind else {
                break;
            };
            let crate::Value::Object(m) = cur else { break };
            if !plain(&steps[k]) {
                break;
            }
            match m.get(&**key) {
                Some(next) => cur = next,
                None => return Prefix::Missing,
            }
            k += 1;
        }
        Prefix::Reached(k, crate::jsonata::value::from_json(cur))
    }

    fn eval_step(
        &mut self,
        step: &Expr,
        inputs: &[Option<JValue>],
        tuples_in: bool,
        frame: &Rc<Frame>,
        last: bool,
    ) -> R {
        if let Kind::Sort(terms) = &step.kind {
            let items: Vec<JValue> = inputs.iter().flatten().cloned().collect();
            let sorted = self.sort_items(terms, items, tuples_in, frame, step.pos)?;
            let mut r = Some(if tuples_in {
                tuple_stream(sorted)
            } else {
                seq(sorted)
            });
            r = self.apply_stages(&step.stages, r, frame)?;
            return Ok(r);
        }
        let mut results: Vec<JValue> = Vec::with_capacity(inputs.len());
        for item in inputs {
            let mut r = self.eval(step, item.as_ref(), frame)?;
            for stage in &step.stages {
                if let Stage::Filter(p) = stage {
                    r = self.filter(p, r, frame)?;
                }
            }
            if let Some(r) = r {
                results.push(r);
            }
        }
        if last && results.len() == 1 {
            if let JValue::Array(a) = &results[0] {
                if !a.sequence {
                    return Ok(results.pop());
                }
            }
        }
        let mut out = Vec::with_capacity(results.len());
        for r in results {
            match r {
                JValue::Array(a) if !a.cons => out.extend(a.items.iter().cloned()),
                other => out.push(other),
            }
        }
        Ok(Some(seq(out)))
    }

    fn apply_stages(&mut self, stages: &[Stage], mut r: Option<JValue>, frame: &Rc<Frame>) -> R {
        for stage in stages {
            match stage {
                Stage::Filter(p) => r = self.filter(p, r, frame)?,
                Stage::Index(name) => {
                    if let Some(JValue::Array(a)) = &mut r {
                        let a = Rc::make_mut(a);
                        for (i, t) in a.items.iter_mut().enumerate() {
                            if let JValue::Object(m) = t {
                                Rc::make_mut(m).insert(name.clone(), JValue::Number(i as f64));
                            }
                        }
                    }
                }
            }
        }
        Ok(r)
    }

    fn tuple_step(
        &mut self,
        step: &Expr,
        inputs: &[Option<JValue>],
        tuples: Option<Vec<JValue>>,
        frame: &Rc<Frame>,
    ) -> Result<Vec<JValue>, JsonataError> {
        if let Kind::Sort(terms) = &step.kind {
            let sorted = match tuples {
                Some(t) => self.sort_items(terms, t, true, frame, step.pos)?,
                None => {
                    let items: Vec<JValue> = inputs.iter().flatten().cloned().collect();
                    let sorted = self.sort_items(terms, items, false, frame, step.pos)?;
                    sorted
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| {
                            let mut m = JMap::default();
                            m.insert(Rc::from("@"), v);
                            if let Some(ix) = &step.index {
                                m.insert(ix.clone(), JValue::Number(i as f64));
                            }
                            JValue::object(m)
                        })
                        .collect()
                }
            };
            let r = self.apply_stages(&step.stages, Some(tuple_stream(sorted)), frame)?;
            return Ok(r.map(|v| v.items().to_vec()).unwrap_or_default());
        }
        let tuples = match tuples {
            Some(t) => t,
            None => inputs
                .iter()
                .map(|item| {
                    let mut m = JMap::default();
                    if let Some(v) = item {
                        m.insert(Rc::from("@"), v.clone());
                    }
                    JValue::object(m)
                })
                .collect(),
        };
        let mut out = Vec::new();
        for tuple in &tuples {
            let step_frame = tuple_frame(frame, tuple);
            let focus = tuple_focus(tuple);
            let res = self.eval(step, focus.as_ref(), &step_frame)?;
            let Some(res) = res else { continue };
            let res_is_tuples = matches!(&res, JValue::Array(a) if a.tuple_stream);
            let items: Vec<JValue> = match &res {
                JValue::Array(a) => a.items.clone(),
                other => alloc::vec![other.clone()],
            };
            let base = tuple.as_object().cloned().unwrap_or_default();
            for (bb, item) in items.into_iter().enumerate() {
                let mut t = base.clone();
                if res_is_tuples {
                    if let JValue::Object(m) = &item {
                        for (k, v) in m.iter() {
                            t.insert(k.clone(), v.clone());
                        }
                    }
                } else {
                    if let Some(f) = &step.focus {
                        t.insert(f.clone(), item);
                        if let Some(v) = &focus {
                            t.insert(Rc::from("@"), v.clone());
                        }
                    } else {
                        t.insert(Rc::from("@"), item);
                    }
                    if let Some(ix) = &step.index {
                        t.insert(ix.clone(), JValue::Number(bb as f64));
                    }
                    if let Some(slot) = &step.ancestor {
                        if let Some(v) = &focus {
                            t.insert(Rc::from(slot.name().as_str()), v.clone());
                        }
                    }
                }
                out.push(JValue::object(t));
            }
        }
        let r = self.apply_stages(&step.stages, Some(tuple_stream(out)), frame)?;
        Ok(r.map(|v| v.items().to_vec()).unwrap_or_default())
    }

    /// `[predicate]`: an index (or indexes) selects positions, anything else filters.
    pub(super) fn filter(
        &mut self,
        predicate: &Expr,
        input: Option<JValue>,
        frame: &Rc<Frame>,
    ) -> R {
        let tuples = is_tuple_stream(&input);
        let items: Vec<JValue> = match &input {
            None => Vec::new(),
            Some(JValue::Array(a)) => a.items.clone(),
            Some(v) => alloc::vec![v.clone()],
        };
        let make = |items: Vec<JValue>| {
            if tuples {
                tuple_stream(items)
            } else {
                seq(items)
            }
        };
        if let Kind::Number(n) = predicate.kind {
            let mut index = libm::floor(n) as i64;
            if index < 0 {
                index += items.len() as i64;
            }
            let item = if index >= 0 {
                items.get(index as usize).cloned()
            } else {
                None
            };
            return Ok(Some(match item {
                Some(JValue::Array(a)) => JValue::Array(a),
                Some(v) => make(alloc::vec![v]),
                None => make(Vec::new()),
            }));
        }
        let mut out = Vec::new();
        let len = items.len() as i64;
        for (index, item) in items.iter().enumerate() {
            let (context, env) = if tuples {
                (tuple_focus(item), tuple_frame(frame, item))
            } else {
                (Some(item.clone()), frame.clone())
            };
            let res = self.eval(predicate, context.as_ref(), &env)?;
            let numbers: Option<Vec<f64>> = match &res {
                Some(JValue::Number(n)) => Some(alloc::vec![*n]),
                Some(JValue::Array(a))
                    if !a.items.is_empty()
                        && a.items.iter().all(|v| matches!(v, JValue::Number(_))) =>
                {
                    Some(a.items.iter().filter_map(JValue::as_f64).collect())
                }
                _ => None,
            };
            match numbers {
                Some(ns) => {
                    for n in ns {
                        let mut ii = libm::floor(n) as i64;
                        if ii < 0 {
                            ii += len;
                        }
                        if ii == index as i64 {
                            out.push(item.clone());
                        }
                    }
                }
                None => {
                    if truthy(res.as_ref()) {
                        out.push(item.clone());
                    }
                }
            }
        }
        Ok(Some(make(out)))
    }
}
