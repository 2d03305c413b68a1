//! The canvas's size in CSS pixels, kept by a `ResizeObserver`. Reading it costs nothing:
//! measuring the element on every fit forced a synchronous layout of the whole page in
//! the middle of each paste.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

/// Keeps `size` at the size of `measured` while `observed` (its box: same size, a plain
/// CSS box, so the observer reports its layout rather than a drawing's extent) is mounted.
pub fn track_size(
    observed: NodeRef<leptos::html::Div>,
    measured: NodeRef<leptos::svg::Svg>,
    size: RwSignal<(f64, f64)>,
) {
    let observer = StoredValue::new_local(None::<Observer>);
    let read = move || {
        if let Some(el) = measured.get_untracked() {
            let r = el.get_bounding_client_rect();
            let next = (r.width(), r.height());
            if size.get_untracked() != next {
                size.set(next);
            }
        }
    };
    Effect::new(move |_| {
        let Some(el) = observed.get() else { return };
        if observer.with_value(Option::is_some) {
            return;
        }
        // The observer calls back after layout, so reading the box there forces nothing.
        let on_resize = Closure::<dyn FnMut()>::new(read);
        match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            Ok(ro) => {
                ro.observe(&el);
                observer.set_value(Some((ro, on_resize)));
            }
            Err(_) => read(),
        }
    });
    on_cleanup(move || {
        if let Some(Some((ro, _))) = observer.try_update_value(Option::take) {
            ro.disconnect();
        }
    });
}
