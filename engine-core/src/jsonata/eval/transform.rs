//! `| pattern | update, delete |`: a copy of the input with each object the pattern
//! selects merged with the update and stripped of the deleted keys. Matches are
//! recognised by identity in the copy, then the copy is rebuilt with the changes.

use super::{Evaluator, R};
use crate::jsonata::ast::TransformDef;
use crate::jsonata::env::Frame;
use crate::jsonata::error::JsonataError;
use crate::jsonata::value::{JMap, JValue};
use alloc::collections::BTreeMap;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// A copy whose arrays and objects are all fresh (so identities are unique).
pub fn deep_clone(v: &JValue) -> JValue {
    match v {
        JValue::Array(a) => {
            let mut c = (**a).clone();
            c.items = a.items.iter().map(deep_clone).collect();
            JValue::Array(Rc::new(c))
        }
        JValue::Object(m) => {
            JValue::object(m.iter().map(|(k, v)| (k.clone(), deep_clone(v))).collect())
        }
        other => other.clone(),
    }
}

#[derive(Default)]
struct Change {
    update: Vec<(Rc<str>, JValue)>,
    delete: Vec<Rc<str>>,
}

fn rebuild(v: &JValue, changes: &BTreeMap<usize, Change>) -> JValue {
    match v {
        JValue::Array(a) => {
            let mut c = (**a).clone();
            c.items = a.items.iter().map(|i| rebuild(i, changes)).collect();
            JValue::Array(Rc::new(c))
        }
        JValue::Object(m) => {
            let mut out: JMap = m
                .iter()
                .map(|(k, v)| (k.clone(), rebuild(v, changes)))
                .collect();
            if let Some(ch) = changes.get(&(Rc::as_ptr(m) as usize)) {
                for (k, v) in &ch.update {
                    out.insert(k.clone(), v.clone());
                }
                for k in &ch.delete {
                    out.shift_remove(k);
                }
            }
            JValue::object(out)
        }
        other => other.clone(),
    }
}

impl Evaluator<'_> {
    pub(super) fn transform(
        &mut self,
        def: &TransformDef,
        frame: &Rc<Frame>,
        obj: Option<JValue>,
    ) -> R {
        let Some(obj) = obj else { return Ok(None) };
        let copy = deep_clone(&obj);
        let matches = self.eval(&def.pattern, Some(&copy), frame)?;
        let mut changes: BTreeMap<usize, Change> = BTreeMap::new();
        let matches: Vec<JValue> = match matches {
            None => Vec::new(),
            Some(JValue::Array(a)) => a.items.clone(),
            Some(v) => alloc::vec![v],
        };
        for m in &matches {
            let update = self.eval(&def.update, Some(m), frame)?;
            let mut change = Change::default();
            match update {
                None => {}
                Some(JValue::Object(u)) => {
                    change.update = u.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
                }
                Some(_) => return Err(JsonataError::code("T2011").at(def.update.pos)),
            }
            if let Some(d) = &def.delete {
                if let Some(del) = self.eval(d, Some(m), frame)? {
                    for k in del.items() {
                        match k {
                            JValue::String(s) => change.delete.push(s.clone()),
                            _ => return Err(JsonataError::code("T2012").at(d.pos)),
                        }
                    }
                }
            }
            if let JValue::Object(o) = m {
                let entry = changes.entry(Rc::as_ptr(o) as usize).or_default();
                entry.update.extend(change.update);
                entry.delete.extend(change.delete);
            }
        }
        Ok(Some(rebuild(&copy, &changes)))
    }
}
