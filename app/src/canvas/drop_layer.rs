//! What a drag over the graph shows: the drop indicator (the edge or box the dragged item
//! lands on, highlighted in drawing coordinates) and a label following the pointer.

use std::sync::Arc;

use crate::editing::Dragged;
use crate::store::use_store;
use engine_core::asl::edit::{find_template, Position};
use engine_core::diagram::drop::DropSpot;
use engine_core::diagram::Scene;
use engine_core::layout::Transform;
use leptos::prelude::*;

/// The position as the indicator's `data-position` spells it (`edge:/States/A/Next`).
fn describe(p: &Position) -> String {
    match p {
        Position::Edge(slot) => format!("edge:{slot}"),
        Position::Start(scope) => format!("start:{scope}"),
        Position::After(state) => format!("after:{state}"),
    }
}

/// The indicator, inside the svg under the same transform as the drawing.
#[component]
pub fn DropIndicator(scene: Memo<Arc<Scene>>, transform: Memo<Transform>) -> impl IntoView {
    let store = use_store();
    let target = Memo::new(move |_| {
        store.edit.drag.with(|d| {
            d.as_ref()
                .filter(|d| d.moving)
                .and_then(|d| d.target.clone())
        })
    });
    let shape = move || {
        let (spot, position) = target.get()?;
        let data = describe(&position);
        scene.with(|s| match spot {
            DropSpot::Edge(i) => {
                let (_, route) = s.routed_edges().into_iter().nth(i)?;
                let points: Vec<String> =
                    route.points.iter().map(|p| format!("{:.1},{:.1}", p.x, p.y)).collect();
                Some(view! {
                    <polyline class="drop-edge" data-testid="drop-indicator" data-position=data points=points.join(" ") />
                }.into_any())
            }
            DropSpot::Node(id) => {
                let b = s.node_box(id)?;
                Some(view! {
                    <rect class="drop-node" data-testid="drop-indicator" data-position=data
                        x=b.x - 4.0 y=b.y - 4.0 width=b.width + 8.0 height=b.height + 8.0 rx="10" />
                }.into_any())
            }
        })
    };
    view! {
        <g class="drop-layer" pointer-events="none" transform=move || {
            let t = transform.get();
            format!("translate({:.2},{:.2}) scale({:.4})", t.tx, t.ty, t.scale)
        }>
            {shape}
        </g>
    }
}

/// The label that follows the pointer while dragging.
#[component]
pub fn DragGhost() -> impl IntoView {
    let store = use_store();
    move || {
        store.edit.drag.with(|d| {
            let d = d.as_ref().filter(|d| d.moving)?;
            let label = match &d.what {
                Dragged::Template(id) => find_template(id).map_or(*id, |t| t.label).to_string(),
                Dragged::State(p) => p
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .replace("~1", "/")
                    .replace("~0", "~"),
            };
            let landing = if d.target.is_some() {
                "drag-ghost lands"
            } else {
                "drag-ghost"
            };
            Some(view! {
                <div class=landing data-testid="drag-ghost"
                    style=format!("left:{:.0}px;top:{:.0}px", d.at.0 + 12.0, d.at.1 + 8.0)>
                    {label}
                </div>
            })
        })
    }
}
