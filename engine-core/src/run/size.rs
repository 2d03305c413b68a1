//! The payload size limit's measure: whether a value's compact JSON text is longer than a
//! number of bytes, without writing the text in the common case.
//!
//! One pass sums a lower and an upper bound of the text's length (string escapes and
//! number forms vary); only when the limit falls between them is the text written out.
//! Consecutive states pass on mostly the same shared (`Arc`) subtrees, so an execution
//! keeps the bounds of the containers it measured in a small cache keyed by allocation.
//! A cache entry holds a `Weak`, which keeps the allocation's address from being reused
//! and forbids in-place writes to it (`Arc::make_mut` moves the value out first), so an
//! address seen again is the same, unchanged container.

use crate::{Map, Number, Value};
use alloc::sync::{Arc, Weak};
use alloc::vec::Vec;

/// Slots in the per-execution cache (a power of two).
const SLOTS: usize = 512;
/// Deeper values are measured by writing them out.
const MAX_DEPTH: usize = 512;

/// Whether the compact JSON text of `root` is longer than `limit` bytes (no cache kept).
pub(crate) fn json_size_exceeds(root: &Value, limit: usize) -> bool {
    exceeds(root, limit, &mut SizeCache::default())
}

/// Remembered bounds of recently measured containers.
#[derive(Default)]
pub(crate) struct SizeCache {
    slots: Vec<Slot>,
}

/// A snapshot starts with an empty cache: it is only an accelerator.
impl Clone for SizeCache {
    fn clone(&self) -> Self {
        SizeCache::default()
    }
}

/// A measured container, held weakly, which pins its address (see the module doc).
struct Slot {
    key: usize,
    node: Held,
    bounds: Bounds,
}

enum Held {
    None,
    Array(Weak<Vec<Value>>),
    Object(Weak<Map>),
}

impl Held {
    /// The allocation's address.
    fn key(&self) -> usize {
        match self {
            Held::None => 0,
            Held::Array(w) => w.as_ptr() as *const u8 as usize,
            Held::Object(w) => w.as_ptr() as *const u8 as usize,
        }
    }
}

impl SizeCache {
    /// Whether the compact JSON text of `root` is longer than `limit` bytes.
    pub fn exceeds(&mut self, root: &Value, limit: usize) -> bool {
        if self.slots.is_empty() {
            self.slots.resize_with(SLOTS, || Slot { key: 0, node: Held::None, bounds: Bounds::default() });
        }
        exceeds(root, limit, self)
    }

    fn index(key: usize) -> usize {
        // Allocations are 16-byte aligned; fold the higher bits in.
        ((key >> 4) ^ (key >> 13)) & (SLOTS - 1)
    }

    fn get(&self, key: usize) -> Option<Bounds> {
        let slot = self.slots.get(Self::index(key))?;
        debug_assert!(slot.key != key || slot.node.key() == key);
        (slot.key == key).then_some(slot.bounds)
    }

    /// Records the bounds of `output`, which is the object `input` with its member `key`
    /// set to `value` (a one-step ResultPath), from the input's remembered bounds, so the
    /// next check of `output` is one lookup rather than a visit to every member.
    pub fn note_member_write(&mut self, input: &Value, output: &Value, key: &str, value: &Value) {
        let (Value::Object(before), Value::Object(after)) = (input, output) else { return };
        let Some(whole) = self.get(Arc::as_ptr(before) as *const u8 as usize) else { return };
        let previous = crate::path::member(before, key);
        let (Some(old), Some(new)) = (previous.map_or(Some(Bounds::default()), |v| self.bounds_of(v)), self.bounds_of(value)) else {
            return;
        };
        let mut b = Bounds { low: whole.low.saturating_sub(old.high), high: whole.high.saturating_sub(old.low) };
        b.join(new);
        if previous.is_none() {
            // `"key":` and a comma.
            b.text(key);
            b.both(2);
        }
        self.put(Held::Object(Arc::downgrade(after)), b);
    }

    /// Bounds of one value (its containers remembered); `None` when it is too deep.
    fn bounds_of(&mut self, v: &Value) -> Option<Bounds> {
        let mut walk = Walk { cache: self, bounds: Bounds::default(), too_deep: false };
        walk.add(v, 1);
        (!walk.too_deep).then_some(walk.bounds)
    }

    /// Drops what is remembered about the container at `key`.
    fn forget(&mut self, key: usize) {
        if let Some(slot) = self.slots.get_mut(Self::index(key)).filter(|s| s.key == key) {
            *slot = Slot { key: 0, node: Held::None, bounds: Bounds::default() };
        }
    }

    fn put(&mut self, node: Held, bounds: Bounds) {
        let key = node.key();
        if let Some(slot) = self.slots.get_mut(Self::index(key)) {
            *slot = Slot { key, node, bounds };
        }
    }
}

fn exceeds(root: &Value, limit: usize, cache: &mut SizeCache) -> bool {
    let mut retried = false;
    loop {
        let mut walk = Walk { cache: &mut *cache, bounds: Bounds::default(), too_deep: false };
        walk.add(root, 0);
        let b = walk.bounds;
        if !walk.too_deep && (b.high <= limit || b.low > limit) {
            return b.high > limit;
        }
        // Bounds derived by `note_member_write` loosen with every write: measure the
        // members again before writing the text out.
        let key = match root {
            Value::Object(m) => Arc::as_ptr(m) as *const u8 as usize,
            Value::Array(a) => Arc::as_ptr(a) as *const u8 as usize,
            _ => 0,
        };
        if retried || walk.too_deep || key == 0 {
            return root.to_json().len() > limit;
        }
        cache.forget(key);
        retried = true;
    }
}

/// Bounds of a JSON text's length (payloads are far below `usize::MAX`).
#[derive(Clone, Copy, Default)]
struct Bounds {
    low: usize,
    high: usize,
}

impl Bounds {
    fn both(&mut self, n: usize) {
        self.low += n;
        self.high += n;
    }

    fn join(&mut self, other: Bounds) {
        self.low += other.low;
        self.high += other.high;
    }

    /// A string: its bytes plus quotes, at most six bytes per byte when every one is escaped.
    fn text(&mut self, s: &str) {
        self.low += s.len() + 2;
        self.high += s.len() * 6 + 2;
    }
}

/// The longest text a number can have: floats are written without an exponent, so very
/// large or very small ones run to hundreds of digits.
fn number_bound(n: Number) -> usize {
    match n {
        Number::Int(_) => 20,
        Number::Float(x) if x == 0.0 || (1e-5..1e16).contains(&x.abs()) => 26,
        Number::Float(_) => 360,
    }
}

struct Walk<'c> {
    cache: &'c mut SizeCache,
    bounds: Bounds,
    /// Set past `MAX_DEPTH`: the caller then writes the text out.
    too_deep: bool,
}

impl Walk<'_> {
    fn add(&mut self, v: &Value, depth: usize) {
        match v {
            Value::Null | Value::Bool(true) => self.bounds.both(4),
            Value::Bool(false) => self.bounds.both(5),
            Value::Number(n) => {
                self.bounds.low += 1;
                self.bounds.high += number_bound(*n);
            }
            Value::String(s) => self.bounds.text(s),
            Value::Array(a) if a.is_empty() => self.bounds.both(2),
            Value::Object(m) if m.is_empty() => self.bounds.both(2),
            Value::Array(a) => {
                if !self.cached(Arc::as_ptr(a) as *const u8 as usize) {
                    self.walk_array(a, depth);
                }
            }
            Value::Object(m) => {
                if !self.cached(Arc::as_ptr(m) as *const u8 as usize) {
                    self.walk_object(m, depth);
                }
            }
        }
    }

    /// Adds a container's remembered bounds, if any.
    #[inline]
    fn cached(&mut self, key: usize) -> bool {
        match self.cache.get(key) {
            Some(b) => {
                self.bounds.join(b);
                true
            }
            None => false,
        }
    }

    #[inline(never)]
    fn walk_array(&mut self, a: &Arc<Vec<Value>>, depth: usize) {
        self.measure(depth, a.len(), Held::Array(Arc::downgrade(a)), |w| {
            for item in a.iter() {
                w.add(item, depth + 1);
            }
        });
    }

    #[inline(never)]
    fn walk_object(&mut self, m: &Arc<Map>, depth: usize) {
        self.measure(depth, m.len(), Held::Object(Arc::downgrade(m)), |w| {
            for (k, item) in m.iter() {
                w.bounds.text(k);
                w.bounds.both(1);
                w.add(item, depth + 1);
            }
        });
    }

    /// Brackets, commas and members of a container not in the cache; remembers them.
    fn measure(&mut self, depth: usize, len: usize, node: Held, members: impl FnOnce(&mut Self)) {
        if depth > MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        let outer = core::mem::take(&mut self.bounds);
        self.bounds.both(len + 1);
        members(self);
        let own = self.bounds;
        self.bounds = outer;
        self.bounds.join(own);
        if !self.too_deep {
            self.cache.put(node, own);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn exact(v: &Value) -> usize {
        v.to_json().len()
    }

    #[test]
    fn decides_exactly_at_the_limit() {
        let texts = [
            r#"{"a":"x\"y\\z\n","b":[1,2.5,-3e-7,1e300,true,false,null],"c":{"d":"é"}}"#,
            r#"[[[[[]]]],{},"",0,0.0]"#,
            r#""\u0001\u001f""#,
        ];
        for t in texts {
            let v = parse_value(t).unwrap();
            let n = exact(&v);
            let mut cache = SizeCache::default();
            for limit in [0, 1, n.saturating_sub(1), n, n + 1, n * 7] {
                assert_eq!(json_size_exceeds(&v, limit), n > limit, "{t} at {limit}");
                assert_eq!(cache.exceeds(&v, limit), n > limit, "{t} at {limit} (cached)");
            }
        }
    }

    #[test]
    fn a_changed_copy_is_measured_again() {
        let mut v = parse_value(r#"{"a":[1,2,3,4,5],"b":"cc","c":1,"d":2}"#).unwrap();
        let mut cache = SizeCache::default();
        let n = exact(&v);
        assert!(!cache.exceeds(&v, n));
        let before = v.clone();
        // `before` shares the containers; the write copies them, so the cache cannot
        // confuse the new, longer value with the one it measured.
        v.as_object_mut().unwrap().insert("e".into(), Value::from("a much longer member than before"));
        assert!(cache.exceeds(&v, n));
        assert!(!cache.exceeds(&before, n));
        drop(before);
        // Unshared now, written in place: the cache's weak hold still forces a fresh address.
        let m = exact(&v);
        assert!(!cache.exceeds(&v, m));
        v.as_object_mut().unwrap().insert("f".into(), Value::from(1i64));
        assert!(cache.exceeds(&v, m));
    }

    #[test]
    fn a_member_write_is_derived_and_still_exact() {
        let input = parse_value(r#"{"a":[1,2,3],"acc":{"n":"x\"y"},"z":"zz"}"#).unwrap();
        for (key, value) in [("acc", r#"{"n":"a longer value","m":[1.5,null]}"#), ("new", r#""tab\there""#), ("a", "7")] {
            let value = parse_value(value).unwrap();
            let mut cache = SizeCache::default();
            assert!(!cache.exceeds(&input, 1000));
            let mut output = input.clone();
            output.as_object_mut().unwrap().insert(key.into(), value.clone());
            cache.note_member_write(&input, &output, key, &value);
            let n = exact(&output);
            for limit in [n - 1, n, n + 1] {
                assert_eq!(cache.exceeds(&output, limit), n > limit, "{key} at {limit}");
            }
        }
    }
}
