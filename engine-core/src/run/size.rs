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
/// Containers smaller than this are cheaper to walk than to look up.
const MIN_CACHED_LEN: usize = 1;
/// Deeper values are measured by writing them out.
const MAX_DEPTH: usize = 512;

/// Whether the compact JSON text of `root` is longer than `limit` bytes.
pub(crate) fn json_size_exceeds(root: &Value, limit: usize) -> bool {
    exceeds(root, limit, None)
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

/// A measured container: held weakly, which pins its address (see the module doc).
struct Slot {
    node: Held,
    bounds: Bounds,
}

enum Held {
    Array(Weak<Vec<Value>>),
    Object(Weak<Map>),
}

impl Held {
    /// The allocation's address: the cache key.
    fn key(&self) -> usize {
        match self {
            Held::Array(w) => w.as_ptr() as *const u8 as usize,
            Held::Object(w) => w.as_ptr() as *const u8 as usize,
        }
    }
}

impl SizeCache {
    /// Whether the compact JSON text of `root` is longer than `limit` bytes.
    pub fn exceeds(&mut self, root: &Value, limit: usize) -> bool {
        if self.slots.is_empty() {
            self.slots.reserve_exact(SLOTS);
        }
        exceeds(root, limit, Some(self))
    }

    fn index(key: usize) -> usize {
        // Allocations are 16-byte aligned; fold the higher bits in.
        ((key >> 4) ^ (key >> 13)) & (SLOTS - 1)
    }

    fn get(&self, key: usize) -> Option<Bounds> {
        self.slots.get(Self::index(key)).filter(|s| s.node.key() == key).map(|s| s.bounds)
    }

    fn put(&mut self, node: Held, bounds: Bounds) {
        let i = Self::index(node.key());
        let slot = Slot { node, bounds };
        // Slots are filled in index order the first time round.
        while self.slots.len() <= i {
            self.slots.push(Slot { node: Held::Array(Weak::new()), bounds: Bounds::default() });
        }
        self.slots[i] = slot;
    }
}

fn exceeds(root: &Value, limit: usize, cache: Option<&mut SizeCache>) -> bool {
    let mut walk = Walk { cache, bounds: Bounds::default() };
    walk.add(root, 0);
    if walk.bounds.high <= limit {
        return false;
    }
    if walk.bounds.low > limit {
        return true;
    }
    root.to_json().len() > limit
}

/// Bounds of a JSON text's length.
#[derive(Clone, Copy, Default)]
struct Bounds {
    low: usize,
    high: usize,
}

impl Bounds {
    fn both(&mut self, n: usize) {
        self.low = self.low.saturating_add(n);
        self.high = self.high.saturating_add(n);
    }

    fn join(&mut self, other: Bounds) {
        self.low = self.low.saturating_add(other.low);
        self.high = self.high.saturating_add(other.high);
    }

    /// A string: its bytes plus quotes, at most six bytes per byte when every one is escaped.
    fn text(&mut self, s: &str) {
        self.low = self.low.saturating_add(s.len() + 2);
        self.high = self.high.saturating_add(s.len().saturating_mul(6) + 2);
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
    cache: Option<&'c mut SizeCache>,
    bounds: Bounds,
}

impl Walk<'_> {
    fn add(&mut self, v: &Value, depth: usize) {
        match v {
            Value::Null | Value::Bool(true) => self.bounds.both(4),
            Value::Bool(false) => self.bounds.both(5),
            Value::Number(n) => {
                self.bounds.low += 1;
                self.bounds.high = self.bounds.high.saturating_add(number_bound(*n));
            }
            Value::String(s) => self.bounds.text(s),
            Value::Array(a) => self.container(depth, a, a.len(), |w| {
                for item in a.iter() {
                    w.add(item, depth + 1);
                }
            }),
            Value::Object(m) => self.container(depth, m, m.len(), |w| {
                for (k, item) in m.iter() {
                    w.bounds.text(k);
                    w.bounds.both(1);
                    w.add(item, depth + 1);
                }
            }),
        }
    }

    /// Brackets and commas, then the members (from the cache when this container was seen).
    fn container<T: Hold>(&mut self, depth: usize, node: &Arc<T>, len: usize, members: impl FnOnce(&mut Self)) {
        if depth > MAX_DEPTH {
            self.bounds.high = usize::MAX;
            return;
        }
        let key = Arc::as_ptr(node) as *const u8 as usize;
        let cached = len >= MIN_CACHED_LEN && self.cache.is_some();
        if cached {
            if let Some(b) = self.cache.as_ref().and_then(|c| c.get(key)) {
                self.bounds.join(b);
                return;
            }
        }
        let outer = core::mem::take(&mut self.bounds);
        self.bounds.both(2 + len.saturating_sub(1));
        members(self);
        let own = self.bounds;
        self.bounds = outer;
        self.bounds.join(own);
        if cached {
            if let Some(c) = self.cache.as_mut() {
                c.put(T::hold(node), own);
            }
        }
    }
}

/// Containers the cache can hold weakly.
trait Hold {
    fn hold(node: &Arc<Self>) -> Held;
}

impl Hold for Vec<Value> {
    fn hold(node: &Arc<Self>) -> Held {
        Held::Array(Arc::downgrade(node))
    }
}

impl Hold for Map {
    fn hold(node: &Arc<Self>) -> Held {
        Held::Object(Arc::downgrade(node))
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
}
