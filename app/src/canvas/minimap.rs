//! The whole machine at a glance for drawings bigger than the view: boxes as blocks, the
//! visible part framed; pressing or dragging on it moves the view there.

use std::sync::Arc;

use engine_core::diagram::svg::blocks_path;
use engine_core::diagram::viewport::visible_rect;
use engine_core::diagram::Scene;
use engine_core::layout::{Point, Transform};
use leptos::prelude::*;

/// Size of the minimap in CSS pixels.
pub const MAP_W: f64 = 180.0;
pub const MAP_H: f64 = 120.0;

#[component]
pub fn Minimap(
    scene: Memo<Arc<Scene>>,
    #[prop(into)] transform: Signal<Transform>,
    #[prop(into)] view_size: Signal<(f64, f64)>,
    /// Called with a layout point to centre the view on.
    on_centre: Callback<Point>,
) -> impl IntoView {
    let geometry = Memo::new(move |_| {
        scene.with(|s| {
            let b = s.layout.bounds();
            let k = s.layout.minimap_scale(MAP_W, MAP_H);
            (b, k)
        })
    });
    let to_layout = move |ev: &web_sys::PointerEvent| {
        let (b, k) = geometry.get_untracked();
        if k <= 0.0 {
            return None;
        }
        let at = super::canvas::local_point(ev)?;
        Some(Point {
            x: b.x + at.x / k,
            y: b.y + at.y / k,
        })
    };
    let blocks = move || {
        let (b, k) = geometry.get();
        scene.with(|s| blocks_path(s, k, b.x, b.y))
    };
    let frame = move || {
        let (b, k) = geometry.get();
        let (w, h) = view_size.get();
        let r = visible_rect(transform.get(), w, h);
        view! {
            <rect class="minimap-view" x=(r.x - b.x) * k y=(r.y - b.y) * k width=r.width * k height=r.height * k />
        }
    };
    view! {
        <svg
            class="minimap"
            data-testid="minimap"
            width=MAP_W
            height=MAP_H
            role="img"
            aria-label="Overview of the whole machine"
            on:pointerdown=move |ev| {
                if let Some(p) = to_layout(&ev) {
                    on_centre.run(p);
                }
            }
            on:pointermove=move |ev| {
                if ev.buttons() & 1 == 1 {
                    if let Some(p) = to_layout(&ev) {
                        on_centre.run(p);
                    }
                }
            }
        >
            <path class="minimap-nodes" d=blocks />
            {frame}
        </svg>
    }
}
