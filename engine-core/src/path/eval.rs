//! Path evaluation over borrowed values. Definite paths walk without allocating and
//! report misses with the messages of the Jayway engine AWS runs (they end up in
//! `States.Runtime` causes); indefinite paths collect matches and never fail.

use super::parse::Segment;
use crate::{Map, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Small objects (most payloads) are searched in order: comparing a few keys is cheaper
/// than hashing the name.
const LINEAR_SEARCH_MAX: usize = 8;

/// The position of the member `name` in `map`.
pub(crate) fn member_index(map: &Map, name: &str) -> Option<usize> {
    if map.len() <= LINEAR_SEARCH_MAX {
        map.keys().position(|k| k.as_str() == name)
    } else {
        map.get_index_of(name)
    }
}

/// The member `name` of `map`.
pub(crate) fn member<'v>(map: &'v Map, name: &str) -> Option<&'v Value> {
    member_index(map, name).and_then(|i| map.get_index(i)).map(|(_, v)| v)
}

/// What a definite path gave: a value, or the null that an out-of-range index yields.
pub enum Definite<'v> {
    Found(&'v Value),
    /// An index past the end: AWS answers `null` rather than failing.
    OutOfRange,
}

/// Walk a definite path; `None` when anything is missing (Choice `Variable`, filters).
pub fn select_one<'v>(base: &'v Value, segments: &[Segment], _root: &'v Value) -> Option<&'v Value> {
    let mut current = base;
    for seg in segments {
        current = match seg {
            Segment::Child(name) => member(current.as_object()?, name)?,
            Segment::Index(i) => {
                let items = current.as_array()?;
                items.get(effective_index(*i, items.len())?)?
            }
            _ => return None,
        };
    }
    Some(current)
}

/// Walk a definite path the way AWS does for InputPath, Parameters and the like: the
/// error is the engine's message naming the normalized path (`$['a']['b']`).
pub fn select_definite<'v>(base: &'v Value, segments: &[Segment]) -> Result<Definite<'v>, String> {
    let mut current = Some(base);
    for (i, seg) in segments.iter().enumerate() {
        let leaf = i + 1 == segments.len();
        let model = match current {
            Some(v) => v,
            None => return Err(null_model_message(segments, i)),
        };
        current = match seg {
            Segment::Child(name) => match model {
                Value::Object(map) => match member(map, name) {
                    Some(v) => Some(v),
                    None if leaf => return Err(format!("No results for path: {}", normalized(&segments[..=i]))),
                    None => return Err(format!("Missing property in path {}", normalized(&segments[..=i]))),
                },
                other => {
                    return Err(format!(
                        "Expected to find an object with property {} in path {} but found '{}'. \
                         This is not a json object according to the JsonProvider: '{}'.",
                        fragment(seg),
                        normalized(&segments[..i]),
                        node_class(other),
                        JSON_PROVIDER
                    ))
                }
            },
            Segment::Index(index) => match model {
                Value::Array(items) => effective_index(*index, items.len()).and_then(|k| items.get(k)),
                other => {
                    return Err(format!(
                        "Filter: {} can only be applied to arrays. Current context is: {}",
                        remaining(&segments[i..]),
                        other.to_json()
                    ))
                }
            },
            _ => return Err(String::from("indefinite path")),
        };
    }
    Ok(match current {
        Some(v) => Definite::Found(v),
        None => Definite::OutOfRange,
    })
}

/// Every match of a path (indefinite or not), in document order; misses are skipped.
pub fn select_all<'v>(base: &'v Value, segments: &[Segment], root: &'v Value) -> Vec<&'v Value> {
    let mut current = alloc::vec![base];
    for seg in segments {
        let mut next = Vec::with_capacity(current.len());
        for v in current {
            apply(seg, v, root, &mut next);
        }
        current = next;
        if current.is_empty() {
            break;
        }
    }
    current
}

fn apply<'v>(seg: &Segment, v: &'v Value, root: &'v Value, out: &mut Vec<&'v Value>) {
    match seg {
        Segment::Child(name) => out.extend(v.as_object().and_then(|m| member(m, name))),
        Segment::Children(names) => {
            if let Some(m) = v.as_object() {
                out.extend(names.iter().filter_map(|n| m.get(n.as_str())));
            }
        }
        Segment::Index(i) => {
            if let Some(items) = v.as_array() {
                out.extend(effective_index(*i, items.len()).and_then(|k| items.get(k)));
            }
        }
        Segment::Indexes(list) => {
            if let Some(items) = v.as_array() {
                out.extend(list.iter().filter_map(|i| effective_index(*i, items.len()).and_then(|k| items.get(k))));
            }
        }
        Segment::Slice { start, end } => {
            if let Some(items) = v.as_array() {
                let len = items.len() as i64;
                let clamp = |x: i64| if x < 0 { (len + x).max(0) } else { x.min(len) };
                let from = start.map_or(0, clamp);
                let to = end.map_or(len, clamp);
                if from < to {
                    out.extend(&items[from as usize..to as usize]);
                }
            }
        }
        Segment::Wildcard => match v {
            Value::Array(items) => out.extend(items.iter()),
            Value::Object(m) => out.extend(m.values()),
            _ => {}
        },
        Segment::Filter(f) => match v {
            Value::Array(items) => out.extend(items.iter().filter(|item| f.matches(item, root))),
            Value::Object(_) if f.matches(v, root) => out.push(v),
            _ => {}
        },
        Segment::Descendant(inner) => {
            // Pre-order walk with an explicit stack: deep input cannot overflow the call stack.
            let mut stack = alloc::vec![v];
            while let Some(node) = stack.pop() {
                apply(inner, node, root, out);
                match node {
                    Value::Array(items) => stack.extend(items.iter().rev()),
                    Value::Object(m) => stack.extend(m.values().rev()),
                    _ => {}
                }
            }
        }
    }
}

/// The object a `['a','b']` leaf makes of `model`: the listed keys that exist, in the
/// listed order. `prefix` names the path so far, for the engine's message.
pub fn merge_leaf(model: Option<&Value>, names: &[String], prefix: &[Segment]) -> Result<Value, String> {
    let leaf = Segment::Children(names.to_vec());
    match model {
        Some(Value::Object(map)) => {
            let mut out = crate::Map::with_capacity_and_hasher(names.len(), Default::default());
            for n in names {
                if let Some(v) = map.get(n.as_str()) {
                    out.insert(n.as_str().into(), v.clone());
                }
            }
            Ok(Value::from(out))
        }
        other => Err(format!(
            "Expected to find an object with property {} in path {} but found '{}'. \
             This is not a json object according to the JsonProvider: '{}'.",
            fragment(&leaf),
            normalized(prefix),
            other.map_or("null", node_class),
            JSON_PROVIDER
        )),
    }
}

fn effective_index(i: i64, len: usize) -> Option<usize> {
    let k = if i < 0 { len as i64 + i } else { i };
    (0..len as i64).contains(&k).then_some(k as usize)
}

const JSON_PROVIDER: &str = "com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider";

/// The Jackson node class AWS's engine names in "found '...'" messages.
fn node_class(v: &Value) -> &'static str {
    match v {
        Value::Null => "com.fasterxml.jackson.databind.node.NullNode",
        Value::Bool(_) => "com.fasterxml.jackson.databind.node.BooleanNode",
        Value::Number(crate::Number::Int(i)) if i32::try_from(*i).is_ok() => "com.fasterxml.jackson.databind.node.IntNode",
        Value::Number(crate::Number::Int(_)) => "com.fasterxml.jackson.databind.node.LongNode",
        Value::Number(_) => "com.fasterxml.jackson.databind.node.DoubleNode",
        Value::String(_) => "com.fasterxml.jackson.databind.node.TextNode",
        Value::Array(_) => "com.fasterxml.jackson.databind.node.ArrayNode",
        Value::Object(_) => "com.fasterxml.jackson.databind.node.ObjectNode",
    }
}

/// After an out-of-range index the engine holds no node at all (not a JSON null).
fn null_model_message(segments: &[Segment], i: usize) -> String {
    match &segments[i] {
        Segment::Child(_) => format!(
            "Expected to find an object with property {} in path {} but found 'null'. \
             This is not a json object according to the JsonProvider: '{}'.",
            fragment(&segments[i]),
            normalized(&segments[..i]),
            JSON_PROVIDER
        ),
        _ => format!("The path {} is null", normalized(&segments[..i])),
    }
}

/// The normalized form the engine prints: `$['a'][0]`.
pub fn normalized(segments: &[Segment]) -> String {
    let mut out = String::from("$");
    for s in segments {
        out.push_str(&fragment(s));
    }
    out
}

fn remaining(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        out.push_str(&fragment(s));
    }
    out
}

fn fragment(seg: &Segment) -> String {
    let mut out = String::new();
    match seg {
        Segment::Child(name) => {
            let _ = write!(out, "['{name}']");
        }
        Segment::Children(names) => {
            out.push('[');
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let _ = write!(out, "'{n}'");
            }
            out.push(']');
        }
        Segment::Index(i) => {
            let _ = write!(out, "[{i}]");
        }
        Segment::Indexes(list) => {
            out.push('[');
            for (k, i) in list.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{i}");
            }
            out.push(']');
        }
        Segment::Slice { start, end } => {
            out.push('[');
            if let Some(s) = start {
                let _ = write!(out, "{s}");
            }
            out.push(':');
            if let Some(e) = end {
                let _ = write!(out, "{e}");
            }
            out.push(']');
        }
        Segment::Wildcard => out.push_str("[*]"),
        Segment::Filter(_) => out.push_str("[?]"),
        Segment::Descendant(inner) => {
            out.push_str("..");
            out.push_str(&fragment(inner));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::json::parse_value;
    use crate::path::{CompiledPath, Scope};
    use crate::{Map, Value};

    fn sel(path: &str, input: &str) -> Value {
        let input = parse_value(input).unwrap();
        let ctx = Value::object();
        let vars = Map::default();
        CompiledPath::compile(path).unwrap().select(&Scope { input: &input, context: &ctx, variables: &vars }).unwrap()
    }

    const STORE: &str = r#"{"store": {"book": [
        {"category": "reference", "author": "Nigel Rees", "price": 8.95},
        {"category": "fiction", "author": "Evelyn Waugh", "price": 12.99, "isbn": "0-553"},
        {"category": "fiction", "author": "J. R. R. Tolkien", "price": 22.99, "isbn": "0-395"}],
        "bicycle": {"color": "red", "price": 19.95}}, "limit": 10}"#;

    fn json(text: &str) -> Value {
        parse_value(text).unwrap()
    }

    #[test]
    fn filters() {
        assert_eq!(sel("$.store.book[?(@.price < 10)].author", STORE), json(r#"["Nigel Rees"]"#));
        assert_eq!(sel("$.store.book[?(@.isbn)].price", STORE), json("[12.99, 22.99]"));
        assert_eq!(sel("$.store.book[?(@.price > $.limit)].price", STORE), json("[12.99, 22.99]"));
        assert_eq!(
            sel("$.store.book[?(@.category == 'fiction' && @.price < 20)].author", STORE),
            json(r#"["Evelyn Waugh"]"#)
        );
        assert_eq!(
            sel("$.store.book[?(!(@.category == 'fiction') || @.price > 20)].price", STORE),
            json("[8.95, 22.99]")
        );
        assert_eq!(sel("$.store.book[?(@.category in ['reference'])].price", STORE), json("[8.95]"));
        assert_eq!(sel("$.store.book[?(@.author size 10)].price", STORE), json("[8.95]"));
        assert_eq!(sel("$.store.book[?(@.nope == 1)]", STORE), json("[]"));
        assert_eq!(sel("$.store.book[?(@.author =~ /.*REES/i)].price", STORE), json("[8.95]"));
        assert_eq!(sel("$.store.book[?(@.isbn =~ /0-\\d+/)].price", STORE), json("[12.99, 22.99]"));
    }

    #[test]
    fn descendants_wildcards_slices_unions() {
        assert_eq!(sel("$..price", STORE), json("[8.95, 12.99, 22.99, 19.95]"));
        assert_eq!(sel("$.store..author", STORE), json(r#"["Nigel Rees", "Evelyn Waugh", "J. R. R. Tolkien"]"#));
        assert_eq!(sel("$.store.book[-1:].price", STORE), json("[22.99]"));
        assert_eq!(sel("$.store.book[0,2].price", STORE), json("[8.95, 22.99]"));
        assert_eq!(sel("$.store.bicycle.*", STORE), json(r#"["red", 19.95]"#));
        assert_eq!(sel("$.store.book[-1].price", STORE), json("22.99"));
        assert_eq!(sel("$['store']['bicycle']['color']", STORE), json(r#""red""#));
    }

    #[test]
    fn index_past_the_end_is_null() {
        assert_eq!(sel("$.store.book[7]", STORE), Value::Null);
    }

    #[test]
    fn deep_input_does_not_overflow() {
        let deep = alloc::format!("{}1{}", "[".repeat(500), "]".repeat(500));
        assert_eq!(sel("$..*", &deep).as_array().map(|a| a.len()), Some(500));
    }
}
