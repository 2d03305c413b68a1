//! The payload size limit's measure: whether a value's compact JSON text is longer than a
//! number of bytes, without writing the text.
//!
//! A first pass sums a lower and an upper bound of the text's length: strings and
//! integers are measured exactly, floats bounded (their digits vary). Only when the limit
//! falls between the bounds does a second pass measure floats exactly too.
//! Consecutive states pass on mostly the same shared (`Shared`) subtrees, so an execution
//! keeps the bounds of the containers it measured in a small cache keyed by allocation.
//! A cache entry holds a `Weak`, which keeps the allocation's address from being reused
//! and forbids in-place writes to it (`Shared::make_mut` moves the value out first), so an
//! address seen again is the same, unchanged container.

use crate::{Map, Number, Value};
use crate::shared::{Shared, WeakShared};
use alloc::vec::Vec;
use core::fmt::Write;

/// Slots in the per-execution cache by the number of checks an execution has made: the
/// table grows in steps, so a short execution does not clear (and later free) a large one.
const TIERS: [(u32, usize); 3] = [(0, 32), (64, 128), (512, 1024)];
const SLOTS: usize = TIERS[TIERS.len() - 1].1;
/// Containers whose text may be this long or longer are remembered.
const REMEMBER_FROM_BYTES: usize = 256;
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
    checks: u32,
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

impl Slot {
    const EMPTY: Slot = Slot { key: 0, node: Held::None, bounds: Bounds { low: 0, high: 0 } };
}

enum Held {
    None,
    Array(WeakShared<Vec<Value>>),
    Object(WeakShared<Map>),
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

fn address<T>(node: &Shared<T>) -> usize {
    Shared::as_ptr(node) as *const u8 as usize
}

impl SizeCache {
    /// Whether the compact JSON text of `root` is longer than `limit` bytes.
    pub fn exceeds(&mut self, root: &Value, limit: usize) -> bool {
        self.checks = self.checks.saturating_add(1);
        let want = TIERS.iter().rev().find(|(after, _)| self.checks > *after).map_or(SLOTS, |(_, n)| *n);
        if self.slots.len() != want {
            self.resize(want);
        }
        exceeds(root, limit, self)
    }

    /// A larger table keeps what the smaller one remembered (the weak holds still pin
    /// the addresses), so growing does not make every container be measured again.
    fn resize(&mut self, slots: usize) {
        let old = core::mem::take(&mut self.slots);
        self.slots.resize_with(slots, || Slot::EMPTY);
        for slot in old {
            if slot.key != 0 {
                let i = self.index(slot.key);
                self.slots[i] = slot;
            }
        }
    }

    /// Records the bounds of `after`, which is the object `before` with its member `key`
    /// (`previous`, if it had one) set to `value` (a one-step ResultPath), from the
    /// input's remembered bounds, so the next check of `after` is one lookup rather than
    /// a visit to every member.
    pub fn note_member_write(&mut self, before: &Shared<Map>, after: &Shared<Map>, key: &str, previous: Option<&Value>, value: &Value) {
        let Some(whole) = self.get(address(before)) else { return };
        let (Some(old), Some(new)) = (previous.map_or(Some(Bounds::default()), |v| self.bounds_of(v)), self.bounds_of(value)) else {
            return;
        };
        let mut b = Bounds { low: whole.low.saturating_sub(old.high), high: whole.high.saturating_sub(old.low) };
        b.join(new);
        if previous.is_none() {
            // `"key":` and a comma.
            b.both(string_len(key) + 2);
        }
        self.put(Held::Object(Shared::downgrade(after)), b);
    }

    /// Bounds of one value (its containers remembered); `None` when it is too deep.
    fn bounds_of(&mut self, v: &Value) -> Option<Bounds> {
        let mut walk = Walk { cache: self, bounds: Bounds::default(), exact: false, too_deep: false };
        walk.add(v, 1);
        (!walk.too_deep).then_some(walk.bounds)
    }

    fn index(&self, key: usize) -> usize {
        // Allocations are 16-byte aligned; fold the higher bits in.
        ((key >> 4) ^ (key >> 14)) & self.slots.len().wrapping_sub(1)
    }

    fn get(&self, key: usize) -> Option<Bounds> {
        let slot = self.slots.get(self.index(key))?;
        debug_assert!(slot.key != key || slot.node.key() == key);
        (slot.key == key).then_some(slot.bounds)
    }

    fn put(&mut self, node: Held, bounds: Bounds) {
        let key = node.key();
        let i = self.index(key);
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = Slot { key, node, bounds };
        }
    }
}

fn exceeds(root: &Value, limit: usize, cache: &mut SizeCache) -> bool {
    for exact in [false, true] {
        let mut walk = Walk { cache: &mut *cache, bounds: Bounds::default(), exact, too_deep: false };
        walk.add(root, 0);
        let b = walk.bounds;
        if walk.too_deep {
            break;
        }
        if b.high <= limit || b.low > limit {
            return b.high > limit;
        }
    }
    root.to_json().len() > limit
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

    fn is_exact(self) -> bool {
        self.low == self.high
    }
}

/// The length of a string literal as `json::write` writes it: quotes, two-byte escapes
/// for `"`, `\`, `\n`, `\r`, `\t`, `\b`, `\f`, and `\u00XX` for other control characters.
fn string_len(s: &str) -> usize {
    // Most strings need no escape: a scan of eight bytes at a time finds that quickly.
    if !needs_escape(s.as_bytes()) {
        return s.len() + 2;
    }
    let extra: usize = s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 8 | 12 => 1,
            0..=31 => 5,
            _ => 0,
        })
        .sum();
    s.len() + 2 + extra
}

/// Whether any byte is a control character, `"` or `\\`, tested a word at a time. The
/// last word overlaps the one before it instead of leaving a tail for a byte loop, and
/// four to seven bytes (most member names) make one word of two overlapping halves.
fn needs_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n >= 8 {
        let mut hits = escape_hits(word_at(bytes, n - 8));
        let mut i = 0;
        while i + 8 < n {
            hits |= escape_hits(word_at(bytes, i));
            i += 8;
        }
        return hits != 0;
    }
    if n >= 4 {
        return escape_hits(half_at(bytes, 0) | half_at(bytes, n - 4) << 32) != 0;
    }
    bytes.iter().any(|&b| b < 32 || b == b'"' || b == b'\\')
}

/// Not 0 exactly when a byte of `w` is a control character, `"` or `\\`: a word has a
/// byte below `n` (n <= 128) exactly when `(w - n*ONES) & !w & HIGHS` is not 0.
fn escape_hits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS;
    below(w, 32) | below(w ^ (ONES * u64::from(b'"')), 1) | below(w ^ (ONES * u64::from(b'\\')), 1)
}

/// The eight bytes from `i`, as one word.
fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(w)
}

/// The four bytes from `i`, as the low half of a word.
fn half_at(bytes: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&bytes[i..i + 4]);
    u64::from(u32::from_le_bytes(w))
}

/// Counts the bytes written through `fmt::Write`.
struct Counter(usize);

impl Write for Counter {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

/// A number's text length: exact for integers (and floats when `exact`), else bounds.
/// Floats are written without an exponent, so very large or small ones run long.
fn number_bounds(n: Number, exact: bool) -> Bounds {
    let len = match n {
        Number::Int(i) => {
            let mut digits = 1 + usize::from(i < 0);
            let mut rest = i.unsigned_abs();
            while rest >= 10 {
                rest /= 10;
                digits += 1;
            }
            digits
        }
        Number::Float(_) if exact => {
            let mut c = Counter(0);
            let _ = write!(c, "{n}");
            c.0
        }
        Number::Float(x) if x == 0.0 || (1e-5..1e16).contains(&x.abs()) => return Bounds { low: 1, high: 26 },
        Number::Float(_) => return Bounds { low: 1, high: 360 },
    };
    Bounds { low: len, high: len }
}

struct Walk<'c> {
    cache: &'c mut SizeCache,
    bounds: Bounds,
    /// The second pass: floats measured exactly, only exact cache entries used.
    exact: bool,
    /// Set past `MAX_DEPTH`: the caller then writes the text out.
    too_deep: bool,
}

impl Walk<'_> {
    fn add(&mut self, v: &Value, depth: usize) {
        match v {
            Value::Null | Value::Bool(true) => self.bounds.both(4),
            Value::Bool(false) => self.bounds.both(5),
            Value::Number(n) => self.bounds.join(number_bounds(*n, self.exact)),
            Value::String(s) => self.bounds.both(string_len(s)),
            Value::Array(a) if a.is_empty() => self.bounds.both(2),
            Value::Object(m) if m.is_empty() => self.bounds.both(2),
            Value::Array(a) => {
                if !self.cached(address(a)) {
                    self.walk_array(a, depth);
                }
            }
            Value::Object(m) => {
                if !self.cached(address(m)) {
                    self.walk_object(m, depth);
                }
            }
        }
    }

    /// Adds a container's remembered bounds, if any (exact ones in the exact pass).
    #[inline]
    fn cached(&mut self, key: usize) -> bool {
        match self.cache.get(key) {
            Some(b) if !self.exact || b.is_exact() => {
                self.bounds.join(b);
                true
            }
            _ => false,
        }
    }

    #[inline(never)]
    fn walk_array(&mut self, a: &Shared<Vec<Value>>, depth: usize) {
        self.measure(depth, a.len(), || Held::Array(Shared::downgrade(a)), |w| {
            for item in a.iter() {
                w.add(item, depth + 1);
            }
        });
    }

    #[inline(never)]
    fn walk_object(&mut self, m: &Shared<Map>, depth: usize) {
        self.measure(depth, m.len(), || Held::Object(Shared::downgrade(m)), |w| {
            for (k, item) in m.iter() {
                w.bounds.both(string_len(k) + 1);
                w.add(item, depth + 1);
            }
        });
    }

    /// Brackets, commas and members of a container not in the cache; remembers them
    /// (`node` makes the weak hold, taken only for containers kept).
    fn measure(&mut self, depth: usize, len: usize, node: impl FnOnce() -> Held, members: impl FnOnce(&mut Self)) {
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
        // A small container is measured again faster than it is remembered (and
        // remembering pins its allocation), so only the measured value itself (a payload,
        // or a member a ResultPath writes) and larger nested ones are kept.
        if !self.too_deep && (depth <= 1 || own.high >= REMEMBER_FROM_BYTES) {
            self.cache.put(node(), own);
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
    fn escapes_are_found_anywhere_in_a_word() {
        // Every length up to three words and every position: the byte loop, the two
        // halves, whole words and the overlapping last word.
        for special in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
            for len in 1..=24 {
                for at in 0..len {
                    let mut s: alloc::string::String = "abcdefghijklmnopqrstuvwx"[..len].into();
                    s.replace_range(at..=at, special.encode_utf8(&mut [0; 4]));
                    assert!(needs_escape(s.as_bytes()), "{s:?}");
                    assert_eq!(string_len(&s), Value::from(s.as_str()).to_json().len(), "{s:?}");
                }
            }
        }
        for len in 0..=24 {
            assert!(!needs_escape(&b"abcdefghijklmnopqrstuvwx"[..len]), "{len}");
        }
        for clean in ["", "a", "plain text of some length", " !#[]~\u{7f}é日本"] {
            assert!(!needs_escape(clean.as_bytes()), "{clean:?}");
            assert_eq!(string_len(clean), Value::from(clean).to_json().len(), "{clean:?}");
        }
    }

    #[test]
    fn growing_the_table_keeps_what_was_measured() {
        let v = parse_value(r#"{"a":[1,2,3],"b":{"c":"d"}}"#).unwrap();
        let mut cache = SizeCache::default();
        assert!(!cache.exceeds(&v, 1000));
        let Value::Object(m) = &v else { unreachable!() };
        let before = cache.get(address(m)).map(|b| (b.low, b.high));
        assert!(before.is_some());
        cache.resize(SLOTS);
        assert_eq!(cache.get(address(m)).map(|b| (b.low, b.high)), before);
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
            let (Value::Object(before), Value::Object(after)) = (&input, &output) else { unreachable!() };
            let previous = crate::path::member_index(before, key).and_then(|i| before.get_index(i)).map(|(_, v)| v);
            cache.note_member_write(before, after, key, previous, &value);
            let n = exact(&output);
            for limit in [n - 1, n, n + 1] {
                assert_eq!(cache.exceeds(&output, limit), n > limit, "{key} at {limit}");
            }
        }
    }

    #[test]
    fn floats_between_the_bounds_are_measured_exactly() {
        let items: Vec<Value> = (0..2000).map(|i| Value::from(f64::from(i) / 7.0 + 1e17 * f64::from(i % 3))).collect();
        let v = Value::from(items);
        let n = exact(&v);
        let mut cache = SizeCache::default();
        for limit in [n - 1, n, n + 1] {
            assert_eq!(cache.exceeds(&v, limit), n > limit, "at {limit}");
        }
    }
}
