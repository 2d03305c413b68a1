//! What changed between two data-flow stages: a structural JSON diff into added,
//! removed and changed paths (RFC 6901 pointers), so the inspector can highlight them.
//!
//! Objects are compared key by key, arrays position by position; a value whose type
//! changed, or a scalar with a new value, is one change at its own path.

use crate::json::tree::escape_token;
use crate::Value;
use alloc::format;
use alloc::string::String;
use crate::shared::Shared;
use alloc::vec::Vec;

/// How one path differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    Changed,
}

impl Change {
    /// The word the studio shows (colour is never the only carrier).
    pub fn label(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Changed => "changed",
        }
    }
}

/// One differing path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathChange {
    /// JSON Pointer into the later value (into the earlier one for `Removed`).
    pub pointer: String,
    pub change: Change,
}

/// Every differing path between two values, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    pub changes: Vec<PathChange>,
}

impl Diff {
    /// How the value at `pointer` changed, if it did itself.
    pub fn change_at(&self, pointer: &str) -> Option<Change> {
        self.changes.iter().find(|c| c.pointer == pointer).map(|c| c.change)
    }

    /// True when `pointer` or anything under it changed (a collapsed node to open).
    pub fn touches(&self, pointer: &str) -> bool {
        self.changes.iter().any(|c| {
            c.pointer == pointer || (c.pointer.starts_with(pointer) && c.pointer[pointer.len()..].starts_with('/'))
        })
    }

    /// The removed paths (absent from the later value, so listed beside it).
    pub fn removed(&self) -> impl Iterator<Item = &str> {
        self.changes.iter().filter(|c| c.change == Change::Removed).map(|c| c.pointer.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The structural difference from `before` to `after`.
pub fn diff(before: &Value, after: &Value) -> Diff {
    let mut out = Diff::default();
    walk(before, after, &mut String::new(), &mut out.changes);
    out
}

fn walk(before: &Value, after: &Value, pointer: &mut String, out: &mut Vec<PathChange>) {
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            if Shared::ptr_eq(a, b) {
                return;
            }
            for (key, value) in b.iter() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape_token(key));
                match a.get(key) {
                    Some(old) => walk(old, value, pointer, out),
                    None => out.push(PathChange { pointer: pointer.clone(), change: Change::Added }),
                }
                pointer.truncate(len);
            }
            for key in a.keys().filter(|k| b.get(k.as_str()).is_none()) {
                out.push(PathChange { pointer: format!("{pointer}/{}", escape_token(key)), change: Change::Removed });
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if Shared::ptr_eq(a, b) {
                return;
            }
            for i in 0..a.len().max(b.len()) {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                match (a.get(i), b.get(i)) {
                    (Some(old), Some(new)) => walk(old, new, pointer, out),
                    (None, Some(_)) => out.push(PathChange { pointer: pointer.clone(), change: Change::Added }),
                    (Some(_), None) => out.push(PathChange { pointer: pointer.clone(), change: Change::Removed }),
                    (None, None) => {}
                }
                pointer.truncate(len);
            }
        }
        (a, b) if a == b => {}
        _ => out.push(PathChange { pointer: pointer.clone(), change: Change::Changed }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn changes(a: &str, b: &str) -> Vec<(String, Change)> {
        diff(&parse_value(a).unwrap(), &parse_value(b).unwrap())
            .changes
            .into_iter()
            .map(|c| (c.pointer, c.change))
            .collect()
    }

    #[test]
    fn result_path_adds_a_key_and_keeps_the_rest() {
        // ResultPath "$.result" on {"a":1} with result 2 gives {"a":1,"result":2} (ASL spec).
        assert_eq!(changes(r#"{"a":1}"#, r#"{"a":1,"result":2}"#), [("/result".into(), Change::Added)]);
    }

    #[test]
    fn input_path_selection_replaces_the_root() {
        // InputPath "$.a" on {"a":{"b":1}} gives {"b":1}: keys of the root differ.
        assert_eq!(
            changes(r#"{"a":{"b":1}}"#, r#"{"b":1}"#),
            [("/b".into(), Change::Added), ("/a".into(), Change::Removed)]
        );
        assert_eq!(changes(r#"{"a":1}"#, "3"), [(String::new(), Change::Changed)]);
    }

    #[test]
    fn nested_values_and_arrays_are_compared_by_position() {
        assert_eq!(
            changes(r#"{"x":{"y":[1,2,3]},"s":"a"}"#, r#"{"x":{"y":[1,5]},"s":"a"}"#),
            [("/x/y/1".into(), Change::Changed), ("/x/y/2".into(), Change::Removed)]
        );
        assert!(changes(r#"{"k":[{"a":null}]}"#, r#"{"k":[{"a":null}]}"#).is_empty());
    }

    #[test]
    fn keys_are_escaped_and_touches_finds_changes_below() {
        let d = diff(&parse_value(r#"{"a/b":{"c~":1}}"#).unwrap(), &parse_value(r#"{"a/b":{"c~":2}}"#).unwrap());
        assert_eq!(d.change_at("/a~1b/c~0"), Some(Change::Changed));
        assert!(d.touches("/a~1b") && d.touches("") && !d.touches("/a"));
        assert_eq!(d.removed().count(), 0);
    }
}
