//! A JSON value as a collapsible tree with some paths marked (`added`, `changed`,
//! `assigned`, …): each marked node carries the word as well as the colour, and
//! containers holding a mark start open.

use engine_core::json::tree::escape_token;
use engine_core::json::write_compact;
use engine_core::Value;
use leptos::prelude::*;
use std::rc::Rc;

/// Children drawn per object or array; the rest are counted.
const MAX_CHILDREN: usize = 200;
/// Containers this deep start open even without a mark inside.
const OPEN_DEPTH: usize = 2;

/// Marks by JSON Pointer.
pub type Marks = Rc<Vec<(String, &'static str)>>;

#[component]
pub fn JsonTree(value: Rc<Value>, marks: Marks) -> impl IntoView {
    view! { <div class="json-tree">{node(None, &value, String::new(), &marks, 0)}</div> }
}

fn mark_of(marks: &Marks, pointer: &str) -> Option<&'static str> {
    marks.iter().find(|(p, _)| p == pointer).map(|(_, m)| *m)
}

fn holds_mark(marks: &Marks, pointer: &str) -> bool {
    marks
        .iter()
        .any(|(p, _)| p.starts_with(pointer) && p[pointer.len()..].starts_with('/'))
}

fn node(key: Option<String>, value: &Value, pointer: String, marks: &Marks, depth: usize) -> AnyView {
    let mark = mark_of(marks, &pointer);
    let class = mark.map_or("jt-node".to_string(), |m| format!("jt-node jt-{m}"));
    let label = key.map(|k| view! { <span class="jt-key">{k}": "</span> });
    let tag = mark.map(|m| view! { <span class="jt-mark">{m}</span> });
    let entries: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (String::from(k.as_str()), v)).collect(),
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect(),
        leaf => {
            return view! {
                <div class=class data-pointer=pointer.clone() data-mark=mark>{label}<span class="jt-leaf">{write_compact(leaf)}</span>{tag}</div>
            }
            .into_any()
        }
    };
    let (open_brace, summary) = match value {
        Value::Object(_) => ("{", format!("{} keys", entries.len())),
        _ => ("[", format!("{} items", entries.len())),
    };
    let hidden = entries.len().saturating_sub(MAX_CHILDREN);
    let children = entries
        .into_iter()
        .take(MAX_CHILDREN)
        .map(|(k, v)| node(Some(k.clone()), v, format!("{pointer}/{}", escape_token(&k)), marks, depth + 1))
        .collect_view();
    let more = (hidden > 0).then(|| view! { <div class="jt-more">{format!("… {hidden} more")}</div> });
    let open = depth < OPEN_DEPTH || holds_mark(marks, &pointer);
    view! {
        <details class=class data-pointer=pointer.clone() data-mark=mark open=open>
            <summary>{label}{open_brace}<span class="jt-count">{summary}</span>{tag}</summary>
            <div class="jt-children">{children}{more}</div>
        </details>
    }
    .into_any()
}
