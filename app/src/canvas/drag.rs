//! Drags over the graph: a states-browser template, a node being moved, or a transition's
//! end from a node's handle or an edge. Each pointer move asks engine-core what lies under
//! the pointer (an edge or a box) and what releasing there would do; release commits it.

use std::sync::Arc;

use crate::editing::{self, Dragged, Landing};
use crate::store::Store;
use engine_core::asl::edit::position_on;
use engine_core::diagram::drop::{box_at, drop_spot, edge_position, lane_position, DropSpot};
use engine_core::diagram::Scene;
use engine_core::json::tree::Document;
use engine_core::layout::{Point, Transform};
use leptos::ev;
use leptos::prelude::*;

/// How near (CSS pixels on screen) the pointer must come to an edge to drop onto it.
const EDGE_REACH: f64 = 10.0;

/// What is under the drawing point `at` for `dragged`, and what a release there does; a
/// state is never dropped onto itself.
fn landing(
    scene: &Scene,
    doc: &Document,
    at: Point,
    scale: f64,
    dragged: &Dragged,
) -> Option<(DropSpot, Landing)> {
    if let Dragged::Connect(_) = dragged {
        let id = box_at(scene, at)?;
        let pointer = scene.diagram.nodes.get(id)?.pointer.clone();
        return Some((DropSpot::Node(id), Landing::Onto(pointer)));
    }
    let spot = drop_spot(scene, at, EDGE_REACH / scale.max(0.05))?;
    let position = match spot {
        DropSpot::Edge(i) => edge_position(scene, scene.routed_edges().get(i)?.0)?,
        DropSpot::Lane(i) => lane_position(scene, i)?,
        DropSpot::Node(id) => {
            let pointer = &scene.diagram.nodes.get(id)?.pointer;
            if *dragged == Dragged::State(pointer.clone()) {
                return None;
            }
            position_on(doc, pointer)?
        }
    };
    Some((spot, Landing::At(position)))
}

/// Registers the page-wide listeners that move, drop and cancel the store's drag.
pub fn follow_drags(
    store: Store,
    scene: Memo<Arc<Scene>>,
    svg_ref: NodeRef<leptos::svg::Svg>,
    current: impl Fn() -> Transform + Copy + 'static,
) {
    let drag_move = window_event_listener(ev::pointermove, move |ev| {
        let tracked = store.edit.drag.with_untracked(|d| {
            d.as_ref()
                .filter(|d| d.pointer_id == ev.pointer_id())
                .map(|d| d.what.clone())
        });
        let Some(what) = tracked else { return };
        let client = (ev.client_x() as f64, ev.client_y() as f64);
        let target = svg_ref.get_untracked().and_then(|svg| {
            let r = svg.get_bounding_client_rect();
            let inside = client.0 >= r.left()
                && client.0 <= r.right()
                && client.1 >= r.top()
                && client.1 <= r.bottom();
            if !inside {
                return None;
            }
            let t = current();
            let at = t.invert(Point {
                x: client.0 - r.left(),
                y: client.1 - r.top(),
            });
            let s = scene.get_untracked();
            store
                .document
                .with_untracked(|doc| landing(&s, doc, at, t.scale, &what))
        });
        store.edit.drag.update(|d| {
            if let Some(d) = d {
                if d.follow(client) {
                    d.target = target;
                }
            }
        });
    });
    let drag_end = window_event_listener(ev::pointerup, move |ev| {
        let Some(drag) = store.edit.drag.get_untracked() else {
            return;
        };
        if drag.pointer_id != ev.pointer_id() {
            return;
        }
        store.edit.drag.set(None);
        let (true, Some((_, landing))) = (drag.moving, drag.target) else {
            return;
        };
        match (drag.what, landing) {
            (Dragged::Template(id), Landing::At(p)) => editing::insert_at(store, id, &p),
            (Dragged::State(state), Landing::At(p)) => editing::move_to(store, &state, p, &[]),
            (Dragged::Connect(slot), Landing::Onto(target)) => {
                editing::connect_to(store, &slot, &target)
            }
            _ => {}
        }
    });
    let drag_cancel = window_event_listener(ev::pointercancel, move |_| store.edit.drag.set(None));
    on_cleanup(move || {
        drag_move.remove();
        drag_end.remove();
        drag_cancel.remove();
    });
}
