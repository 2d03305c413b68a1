//! The simulate panel's state statuses drawn onto the rendered markup (app-sim): a
//! `run-<status>` class, `data-run-status`, and a word above the box, since colour is
//! never the only cue. Changed in place, like the selection, so the machine is not
//! redrawn on every debugger step.

use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::Element;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Marks every drawn state with its status in `statuses` (by name), clearing old marks.
pub fn apply(root: &Element, statuses: &HashMap<String, &'static str>) {
    // Nothing has run and nothing is marked (a fresh drawing): no state to visit.
    if statuses.is_empty() && matches!(root.query_selector("[data-run-status]"), Ok(None)) {
        return;
    }
    let Ok(nodes) = root.query_selector_all("[data-state]") else {
        return;
    };
    let document = root.owner_document();
    for i in 0..nodes.length() {
        let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let status = el
            .get_attribute("data-state")
            .and_then(|name| statuses.get(&name).copied());
        let previous = el.get_attribute("data-run-status");
        if previous.as_deref() == status {
            continue;
        }
        if let Some(old) = previous {
            let _ = el.class_list().remove_1(&format!("run-{old}"));
            let _ = el.remove_attribute("data-run-status");
        }
        if let Ok(Some(cue)) = el.query_selector(":scope > .run-cue") {
            cue.remove();
        }
        let (Some(status), Some(doc)) = (status, document.as_ref()) else {
            continue;
        };
        let _ = el.class_list().add_1(&format!("run-{status}"));
        let _ = el.set_attribute("data-run-status", status);
        if let Ok(cue) = doc.create_element_ns(Some(SVG_NS), "text") {
            let _ = cue.set_attribute("class", "run-cue");
            let _ = cue.set_attribute("x", "0");
            let _ = cue.set_attribute("y", "-4");
            cue.set_text_content(Some(&cue_text(status)));
            let _ = el.append_child(&cue);
        }
    }
}

/// The glyph and word shown above a state that has run.
fn cue_text(status: &str) -> String {
    let glyph = match status {
        "succeeded" => "✓",
        "failed" => "✗",
        "caught" => "↪",
        "cancelled" => "⊘",
        _ => "…",
    };
    format!("{glyph} {}", status.replace('-', " "))
}
