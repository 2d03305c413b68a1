//! The lanes of a Parallel (one per branch) or a Map (its item processor), drawn inside
//! the container's frame before the states they hold.

use engine_core::layout::ContainerBox;
use leptos::prelude::*;

#[component]
pub fn ContainerView(lane: ContainerBox, map: bool) -> impl IntoView {
    let class = if map {
        "lane lane-map"
    } else {
        "lane lane-branch"
    };
    let caption = if map {
        "Item processor".to_string()
    } else {
        format!("Branch {}", lane.lane + 1)
    };
    view! {
        <g class=class transform=format!("translate({},{})", lane.x, lane.y) aria-hidden="true">
            <rect width=lane.width height=lane.height rx="6" />
            <text x="6" y="11">{caption}</text>
        </g>
    }
}
