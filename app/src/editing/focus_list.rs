//! Arrow-key focus movement through a list of buttons (the chooser's options, the context
//! menu's items), shared so both lists behave alike apart from what happens at the ends.

use wasm_bindgen::JsCast;

/// What a step past either end of the list does.
#[derive(Clone, Copy)]
pub enum AtEnds {
    /// Stay on the first or last item (a long list the person scrolls through).
    Stop,
    /// Go round to the other end (a short menu).
    WrapAround,
}

/// Moves focus `step` items (1 or -1) from the focused element among the elements in
/// `container` matching `selector`; with none of them focused, to the first (step > 0)
/// or, when stopping at the ends, to the last.
pub fn step_focus(container: &web_sys::HtmlElement, selector: &str, step: i32, ends: AtEnds) {
    let Ok(items) = container.query_selector_all(selector) else {
        return;
    };
    let n = items.length() as i32;
    if n == 0 {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = (0..n).find(|&i| {
        items
            .item(i as u32)
            .and_then(|o| o.dyn_into::<web_sys::Element>().ok())
            == active
    });
    let next = match (at, ends) {
        (Some(i), AtEnds::Stop) => (i + step).clamp(0, n - 1),
        (Some(i), AtEnds::WrapAround) => (i + step).rem_euclid(n),
        (None, AtEnds::Stop) if step < 0 => n - 1,
        (None, _) => 0,
    };
    if let Some(el) = items
        .item(next as u32)
        .and_then(|o| o.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
