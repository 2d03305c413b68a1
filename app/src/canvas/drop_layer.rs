//! What a drag over the graph shows: the drop indicator (the edge or box the dragged item
//! lands on, highlighted in drawing coordinates) and a label following the pointer.

use std::sync::Arc;

use crate::editing::{Drag, Dragged, Landing};
use crate::store::use_store;
use engine_core::asl::edit::{find_template, Position};
use engine_core::diagram::drop::DropSpot;
use engine_core::diagram::Scene;
use engine_core::layout::Transform;
use leptos::prelude::*;

/// The landing as the indicator's `data-position` spells it (`edge:/States/A/Next`,
/// `onto:/States/B`).
fn describe(landing: &Landing) -> String {
    match landing {
        Landing::At(Position::Edge(slot)) => format!("edge:{slot}"),
        Landing::At(Position::Start(scope)) => format!("start:{scope}"),
        Landing::At(Position::After(state)) => format!("after:{state}"),
        Landing::Onto(state) => format!("onto:{state}"),
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
            DropSpot::Lane(i) => {
                let b = s.layout.containers.get(i)?;
                Some(view! {
                    <rect class="drop-node" data-testid="drop-indicator" data-position=data
                        x=b.x y=b.y width=b.width height=b.height rx="6" />
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
                Dragged::State(p) | Dragged::Connect(p) => p
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

/// The selected state's handle: dragged onto another state, it points the state's next
/// transition there.
#[component]
pub fn ConnectHandle(
    scene: Memo<Arc<Scene>>,
    transform: Memo<Transform>,
    selected: Memo<Option<usize>>,
) -> impl IntoView {
    let store = use_store();
    let spot = Memo::new(move |_| {
        let id = selected.get()?;
        scene.with(|s| {
            let node = s.diagram.nodes.get(id)?;
            let leads = !matches!(node.state_type.as_str(), "Succeed" | "Fail");
            let b = s.node_box(id)?;
            leads.then(|| (node.pointer.clone(), b.x + b.width / 2.0, b.y + b.height))
        })
    });
    move || {
        let (pointer, x, y) = spot.get()?;
        let t = transform.get();
        let on_down = move |ev: web_sys::PointerEvent| {
            ev.stop_propagation();
            ev.prevent_default();
            let slot = crate::editing::handle_slot(store, &pointer);
            let at = (ev.client_x() as f64, ev.client_y() as f64);
            store
                .edit
                .drag
                .set(Some(Drag::new(Dragged::Connect(slot), ev.pointer_id(), at)));
        };
        Some(view! {
            <circle class="connect-handle" data-testid="connect-handle"
                cx=t.tx + x * t.scale cy=t.ty + y * t.scale r="6"
                on:pointerdown=on_down>
                <title>"Drag onto a state to lead there"</title>
            </circle>
        })
    }
}
