//! The canvas: the last good definition drawn with engine-core's layout, panned by
//! dragging the background, zoomed by wheel, pinch or buttons, walked with arrow keys.
//! While the text does not parse, the last good drawing stays, greyed.

use std::sync::Arc;

use engine_core::asl::{Diagnostic, Severity};
use engine_core::diagram::navigate::{navigate, Direction};
use engine_core::diagram::svg::{render, Detail, NodeMarks};
use engine_core::diagram::viewport::{centre_on, visible_rect, zoom_at, ZOOM_STEP};
use engine_core::diagram::Scene;
use engine_core::layout::{NodeKind, Point, Rect, Transform};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::controls::Controls;
use super::drop_layer::{ConnectHandle, DragGhost, DropIndicator};
use super::minimap::Minimap;
use super::selection;
use crate::editing::{ContextMenu, Drag, Dragged, MenuTarget};
use crate::store::use_store;
use engine_core::asl::edit::Position;
use engine_core::diagram::drop::{drop_spot, edge_position, DropSpot};
use engine_core::diagram::gesture::Gesture;

/// A minimap is shown once the drawing is this many times larger than the view.
const MINIMAP_AT: f64 = 1.15;

/// The point of a pointer event relative to the element the handler is on.
pub fn local_point(ev: &web_sys::PointerEvent) -> Option<Point> {
    let el: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let r = el.get_bounding_client_rect();
    Some(Point {
        x: ev.client_x() as f64 - r.left(),
        y: ev.client_y() as f64 - r.top(),
    })
}

/// The `data-node-id` of the node `target` is in, if any.
fn node_id_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let el: web_sys::Element = target?.dyn_into().ok()?;
    el.closest("[data-node-id]")
        .ok()??
        .get_attribute("data-node-id")?
        .parse()
        .ok()
}

/// How near (CSS pixels) to an edge a press picks it up.
const EDGE_GRIP: f64 = 6.0;

/// Whether `target` is part of a drawn edge.
fn on_edge(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-edge]").ok().flatten())
        .is_some()
}

/// Diagnostics per node, with their messages one a line.
fn marks_of(s: &Scene, problems: &[Diagnostic]) -> NodeMarks {
    let is_error = |d: &Diagnostic| d.severity == Severity::Error;
    let counts = s.marks(problems.iter().map(|p| (p.pointer.as_str(), is_error(p))));
    let mut out = NodeMarks::new();
    for (id, m) in counts {
        let lines: Vec<String> = problems
            .iter()
            .filter(|p| s.node_for_pointer(&p.pointer) == Some(id))
            .map(|p| {
                format!(
                    "{}: {}",
                    if is_error(p) { "Error" } else { "Warning" },
                    p.message
                )
            })
            .collect();
        out.insert(id, (m, lines.join("\n")));
    }
    out
}

/// Machines up to this many states are always drawn in full detail.
const ALWAYS_FULL: usize = 150;
/// Below this zoom, a big machine's boxes are drawn as plain shapes (text would be unreadable).
const LOD_SCALE: f64 = 0.4;

/// The region drawn in full: the visible part of the drawing and a view's worth around it,
/// on a grid so that panning within it, or zooming by less than a factor of two, redraws nothing.
fn detail_region(states: usize, t: Transform, view_w: f64, view_h: f64) -> Detail {
    if states <= ALWAYS_FULL {
        return Detail::All;
    }
    if t.scale < LOD_SCALE || view_w <= 0.0 || view_h <= 0.0 {
        return Detail::None;
    }
    let coarse = t.scale.log2().floor().exp2();
    let (gw, gh) = (view_w / coarse, view_h / coarse);
    let v = visible_rect(t, view_w, view_h);
    let (kx, ky) = ((v.x / gw).floor(), (v.y / gh).floor());
    Detail::Within(Rect {
        x: (kx - 1.0) * gw,
        y: (ky - 1.0) * gh,
        width: 4.0 * gw,
        height: 4.0 * gh,
    })
}

#[component]
pub fn Canvas() -> impl IntoView {
    let store = use_store();
    let scene: Memo<Arc<Scene>> = Memo::new(move |_| {
        Arc::new(
            store
                .last_good
                .with(|v| v.as_ref().map(Scene::from_definition).unwrap_or_default()),
        )
    });
    let parse_error = Memo::new(move |_| store.parsed.with(|p| p.as_ref().err().cloned()));
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let view_size = RwSignal::new((0.0f64, 0.0f64));
    super::size::track_size(wrap_ref, svg_ref, view_size);
    // The drawing fitted to the canvas; derived, so a new drawing is laid out, fitted and
    // rendered in one pass (an effect setting it afterwards rendered every paste twice).
    let fitted = Memo::new(move |_| {
        let (w, h) = view_size.get();
        scene.with(|s| s.layout.fit_transform(w, h))
    });
    let gesture = StoredValue::new(Gesture::default());
    // Whether the selection last moved by keyboard, so focus follows it across redraws.
    let keyboard = StoredValue::new(false);

    let current = move || {
        store
            .view
            .get_untracked()
            .unwrap_or_else(|| fitted.get_untracked())
    };
    let set_view = move |t: Transform| store.view.set(Some(t));
    // "Fit to screen" is no transform of its own: the view follows the fitted one.
    let fit = move || store.view.set(None);
    let shown = Memo::new(move |_| store.view.get().unwrap_or_else(|| fitted.get()));
    let zoom_by = move |factor: f64| {
        let (w, h) = view_size.get_untracked();
        set_view(zoom_at(
            current(),
            factor,
            Point {
                x: w / 2.0,
                y: h / 2.0,
            },
        ));
    };

    let selected_id = Memo::new(move |_| {
        store.selection.with(|sel| {
            sel.as_ref()
                .and_then(|p| scene.with(|s| s.diagram.node_at(p).map(|n| n.id)))
        })
    });
    // The node Tab lands on: the selection, else the top-level start, else the first state.
    let tab_stop = Memo::new(move |_| {
        selected_id.get().or_else(|| {
            scene.with(|s| {
                let states = s.diagram.nodes.iter().filter(|n| n.state.is_some());
                states
                    .clone()
                    .find(|n| n.is_start && n.kind != NodeKind::Start)
                    .or(states.clone().next())
                    .map(|n| n.id)
            })
        })
    });

    let select = move |id: usize, focus: bool| {
        let pointer = scene.with_untracked(|s| {
            s.diagram
                .nodes
                .get(id)
                .filter(|n| n.state.is_some())
                .map(|n| n.pointer.clone())
        });
        let Some(pointer) = pointer else { return };
        keyboard.set_value(focus);
        store.selection.set(Some(pointer));
        if focus {
            // Keep the node in view, then move keyboard focus to it.
            let (w, h) = view_size.get_untracked();
            let t = current();
            if let Some(b) = scene.with_untracked(|s| s.node_box(id).copied()) {
                let v = visible_rect(t, w, h);
                let inside = b.x >= v.x
                    && b.y >= v.y
                    && b.x + b.width <= v.x + v.width
                    && b.y + b.height <= v.y + v.height;
                if !inside {
                    set_view(centre_on(
                        t,
                        Point {
                            x: b.x + b.width / 2.0,
                            y: b.y + b.height / 2.0,
                        },
                        w,
                        h,
                    ));
                }
            }
            if let Some(svg) = svg_ref.get_untracked() {
                selection::focus(&svg, id);
            }
        }
    };

    // Shift/Ctrl+click adds a state to the selection, or takes it out.
    let toggle = move |id: usize| {
        let Some(pointer) = scene.with_untracked(|s| {
            s.diagram
                .nodes
                .get(id)
                .filter(|n| n.state.is_some())
                .map(|n| n.pointer.clone())
        }) else {
            return;
        };
        let primary = store.selection.get_untracked();
        if primary.is_none() {
            store.selection.set(Some(pointer));
        } else if primary.as_deref() == Some(pointer.as_str()) {
            let mut rest = store.edit.also_selected.get_untracked();
            store
                .selection
                .set((!rest.is_empty()).then(|| rest.remove(0)));
            store.edit.also_selected.set(rest);
        } else {
            store
                .edit
                .also_selected
                .update(|also| match also.iter().position(|p| *p == pointer) {
                    Some(i) => {
                        also.remove(i);
                    }
                    None => also.push(pointer),
                });
        }
    };

    // A drag (from the states browser, of a node, of a transition's end) follows the
    // pointer over the whole page.
    super::drag::follow_drags(store, scene, svg_ref, current);

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let dir = match ev.key().as_str() {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            _ => None,
        };
        let focused = node_id_of(ev.target());
        match (ev.key().as_str(), dir) {
            (_, Some(dir)) => {
                ev.prevent_default();
                let from = focused
                    .or(selected_id.get_untracked())
                    .or(tab_stop.get_untracked());
                match from {
                    Some(from) if selected_id.get_untracked() != Some(from) => select(from, true),
                    Some(from) => {
                        let to =
                            scene.with_untracked(|s| navigate(&s.diagram, &s.layout, from, dir));
                        if let Some(to) = to {
                            select(to, true);
                        }
                    }
                    None => {}
                }
            }
            ("Enter" | " ", _) => {
                if let Some(id) = focused {
                    ev.prevent_default();
                    select(id, false);
                }
            }
            ("ContextMenu", _) => {
                ev.prevent_default();
                if let Some(id) = focused {
                    select(id, false);
                }
                crate::editing::open_context_menu(store);
            }
            ("Escape", _) => {
                store.edit.drag.set(None);
                store.edit.also_selected.set(Vec::new());
                store.selection.set(None);
            }
            ("+" | "=", _) => zoom_by(ZOOM_STEP),
            ("-" | "_", _) => zoom_by(1.0 / ZOOM_STEP),
            ("0", _) => fit(),
            _ => {}
        }
    };

    // The slot of the edge drawn under the canvas point `at`, if the edge has one.
    let edge_slot_at = move |at: Point| {
        let t = current();
        scene.with_untracked(|s| {
            let Some(DropSpot::Edge(i)) = drop_spot(s, t.invert(at), EDGE_GRIP / t.scale) else {
                return None;
            };
            match edge_position(s, s.routed_edges().get(i)?.0)? {
                Position::Edge(slot) => Some(slot),
                _ => None,
            }
        })
    };
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if let Some(id) = node_id_of(ev.target()) {
            if ev.shift_key() || ev.ctrl_key() || ev.meta_key() {
                toggle(id);
                return;
            }
            store.edit.also_selected.set(Vec::new());
            select(id, false);
            let pointer =
                scene.with_untracked(|s| s.diagram.nodes.get(id).map(|n| n.pointer.clone()));
            if let (Some(pointer), 0) = (pointer, ev.button()) {
                let at = (ev.client_x() as f64, ev.client_y() as f64);
                store.edit.drag.set(Some(Drag::new(
                    Dragged::State(pointer),
                    ev.pointer_id(),
                    at,
                )));
            }
            return;
        }
        // The background takes focus, so the graph's keys (paste) apply to it.
        if let Some(svg) = svg_ref.get_untracked() {
            let _ = svg.focus();
        }
        // Other buttons than the first open the context menu; they neither pan nor drag.
        if ev.button() != 0 {
            return;
        }
        let Some(at) = local_point(&ev) else { return };
        // An edge picked up by the pointer: its end goes where it is dropped.
        if let Some(slot) = on_edge(ev.target()).then(|| edge_slot_at(at)).flatten() {
            let client = (ev.client_x() as f64, ev.client_y() as f64);
            store.edit.drag.set(Some(Drag::new(
                Dragged::Connect(slot),
                ev.pointer_id(),
                client,
            )));
            return;
        }
        if gesture
            .try_update_value(|g| g.press(ev.pointer_id(), at))
            .unwrap_or(false)
        {
            if let Some(svg) = svg_ref.get_untracked() {
                let _ = svg.set_pointer_capture(ev.pointer_id());
            }
        }
    };
    // Right click (or the keyboard's menu key): the registry's actions for what is there.
    let on_contextmenu = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let r = svg.get_bounding_client_rect();
        let client = (ev.client_x() as f64, ev.client_y() as f64);
        let target = if let Some(id) = node_id_of(ev.target()) {
            store.edit.also_selected.set(Vec::new());
            select(id, false);
            match store.selection.get_untracked() {
                Some(pointer) => MenuTarget::State(pointer),
                None => MenuTarget::Canvas,
            }
        } else {
            let at = Point {
                x: client.0 - r.left(),
                y: client.1 - r.top(),
            };
            match on_edge(ev.target()).then(|| edge_slot_at(at)).flatten() {
                Some(slot) => MenuTarget::Edge(slot),
                None => {
                    store.edit.also_selected.set(Vec::new());
                    store.selection.set(None);
                    MenuTarget::Canvas
                }
            }
        };
        // A menu opened from the keyboard has no pointer position: place it by its element.
        let inside = client.0 > r.left()
            && client.0 < r.right()
            && client.1 > r.top()
            && client.1 < r.bottom();
        let at = if inside {
            client
        } else {
            let el = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let b = el.map_or(r.clone(), |e| e.get_bounding_client_rect());
            (b.left() + b.width() / 2.0, b.top() + b.height() / 2.0)
        };
        store.edit.menu.set(Some(ContextMenu { at, target }));
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        if !gesture.with_value(Gesture::active) {
            return;
        }
        let Some(at) = local_point(&ev) else { return };
        let t = current();
        if let Some(next) = gesture
            .try_update_value(|g| g.step(ev.pointer_id(), at, t))
            .flatten()
        {
            set_view(next);
        }
    };
    let on_pointerup =
        move |ev: web_sys::PointerEvent| gesture.update_value(|g| g.release(ev.pointer_id()));
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let r = svg.get_bounding_client_rect();
        let unit = if ev.delta_mode() == 1 { 16.0 } else { 1.0 };
        let factor = (-ev.delta_y() * unit * 0.0015).exp();
        let at = Point {
            x: ev.client_x() as f64 - r.left(),
            y: ev.client_y() as f64 - r.top(),
        };
        set_view(zoom_at(current(), factor, at));
    };

    let state_count = Memo::new(move |_| {
        scene.with(|s| s.diagram.nodes.iter().filter(|n| n.state.is_some()).count())
    });
    let detail = Memo::new(move |_| {
        let (w, h) = view_size.get();
        detail_region(state_count.get(), shown.get(), w, h)
    });
    let marks = Memo::new(move |_| scene.with(|s| store.problems.with(|d| marks_of(s, d))));
    let markup = Memo::new(move |_| {
        let s = scene.get();
        marks.with(|m| render(&s, detail.get(), m, None))
    });
    // Selection, tab stop and focus are applied to the drawn markup, after each drawing.
    Effect::new(move |_| {
        markup.track();
        let (sel, stop) = (selected_id.get(), tab_stop.get());
        let also: Vec<usize> = store.edit.also_selected.with(|also| {
            scene.with(|s| {
                also.iter()
                    .filter_map(|p| s.diagram.node_at(p).map(|n| n.id))
                    .collect()
            })
        });
        if let Some(svg) = svg_ref.get() {
            selection::apply(&svg, sel, stop);
            selection::mark_also(&svg, &also);
            if let (true, Some(id)) = (keyboard.get_value(), sel) {
                let inside = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .is_some_and(|a| a.get_attribute("data-node-id") == Some(id.to_string()));
                if !inside {
                    selection::focus(&svg, id);
                }
            }
        }
    });

    // app-sim: each state's status at the debugger's cursor, drawn after each drawing.
    Effect::new(move |_| {
        markup.track();
        let statuses = store.run_status.get();
        if let Some(svg) = svg_ref.get() {
            super::run_status::apply(&svg, &statuses);
        }
    });

    let show_minimap = move || {
        let (w, h) = view_size.get();
        scene.with(|s| {
            let b = s.layout.bounds();
            let t = shown.get();
            b.width * t.scale > w * MINIMAP_AT || b.height * t.scale > h * MINIMAP_AT
        })
    };

    view! {
        <div class="canvas-wrap" node_ref=wrap_ref>
            <svg
                node_ref=svg_ref
                class=move || if parse_error.with(Option::is_some) { "canvas stale" } else { "canvas" }
                data-testid="graph"
                tabindex="-1"
                role="group"
                aria-label="State machine graph"
                aria-roledescription="graph"
                on:keydown=on_key
                on:pointerdown=on_pointerdown
                on:contextmenu=on_contextmenu
                on:pointermove=on_pointermove
                on:pointerup=on_pointerup
                on:pointercancel=move |ev| gesture.update_value(|g| g.release(ev.pointer_id()))
                on:wheel=on_wheel
            >
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 Z" class="arrowhead" />
                    </marker>
                    <marker id="arrow-selected" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 Z" class="arrowhead selected" />
                    </marker>
                </defs>
                <g
                    class="viewport"
                    data-testid="graph-viewport"
                    transform=move || {
                        let t = shown.get();
                        format!("translate({:.2},{:.2}) scale({:.4})", t.tx, t.ty, t.scale)
                    }
                    inner_html=markup
                >
                </g>
                <DropIndicator scene=scene transform=shown />
                <ConnectHandle scene=scene transform=shown selected=selected_id />
            </svg>
            <DragGhost />
            {move || parse_error.get().map(|message| view! {
                <p class="canvas-banner" role="status" data-testid="graph-stale">
                    {format!("The text does not parse ({message}); showing the last good graph.")}
                </p>
            })}
            <Controls
                scale=Signal::derive(move || shown.get().scale)
                on_zoom_in=Callback::new(move |_| zoom_by(ZOOM_STEP))
                on_zoom_out=Callback::new(move |_| zoom_by(1.0 / ZOOM_STEP))
                on_fit=Callback::new(move |_| fit())
            />
            <Show when=show_minimap>
                <Minimap
                    scene=scene
                    transform=shown
                    view_size=view_size
                    on_centre=Callback::new(move |p: Point| {
                        let (w, h) = view_size.get_untracked();
                        set_view(centre_on(current(), p, w, h));
                    })
                />
            </Show>
        </div>
    }
}
