//! Selection and the tab stop drawn onto the rendered markup: classes, `aria-pressed`,
//! the highlighted edges' arrowheads and the one `tabindex="0"`, changed in place so
//! that selecting never redraws the machine.

use wasm_bindgen::JsCast;
use web_sys::Element;

fn each(root: &Element, selector: &str, mut f: impl FnMut(&Element)) {
    if let Ok(list) = root.query_selector_all(selector) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                f(&el);
            }
        }
    }
}

/// Marks node `selected` (and the edges touching it) as selected and makes `tab_stop`
/// the node Tab reaches, undoing the previous marks.
pub fn apply(root: &Element, selected: Option<usize>, tab_stop: Option<usize>) {
    each(root, ".selected", |el| {
        let _ = el.class_list().remove_1("selected");
        if el.has_attribute("aria-pressed") {
            let _ = el.set_attribute("aria-pressed", "false");
        }
    });
    each(root, "[data-edge] path[marker-end]", |el| {
        let _ = el.set_attribute("marker-end", "url(#arrow)");
    });
    if let Some(id) = selected {
        each(root, &format!("[data-node-id=\"{id}\"]"), |el| {
            let _ = el.class_list().add_1("selected");
            let _ = el.set_attribute("aria-pressed", "true");
        });
        each(
            root,
            &format!("[data-from=\"{id}\"], [data-to=\"{id}\"]"),
            |el| {
                let _ = el.class_list().add_1("selected");
            },
        );
        each(
            root,
            &format!("[data-from=\"{id}\"] > path, [data-to=\"{id}\"] > path"),
            |el| {
                let _ = el.set_attribute("marker-end", "url(#arrow-selected)");
            },
        );
    }
    each(root, "[data-node-id][tabindex=\"0\"]", |el| {
        let _ = el.set_attribute("tabindex", "-1");
    });
    if let Some(id) = tab_stop {
        each(root, &format!("[data-node-id=\"{id}\"]"), |el| {
            let _ = el.set_attribute("tabindex", "0");
        });
    }
}

/// Moves keyboard focus to node `id`.
pub fn focus(root: &Element, id: usize) {
    if let Ok(Some(el)) = root.query_selector(&format!("[data-node-id=\"{id}\"]")) {
        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
            let _ = el.focus();
        }
    }
}

/// Marks the states selected besides the primary one (Shift- or Ctrl-click).
pub fn mark_also(root: &Element, ids: &[usize]) {
    for id in ids {
        each(root, &format!("[data-node-id=\"{id}\"]"), |el| {
            let _ = el.class_list().add_1("selected");
            let _ = el.set_attribute("aria-pressed", "true");
        });
    }
}
