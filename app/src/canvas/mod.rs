//! The machine drawn as an SVG canvas: layout from engine-core, one component per file.
//!
//! The boxes, lanes and edges themselves are one string of escaped SVG markup from
//! `engine_core::diagram::svg` (full detail where the view looks, plain shapes elsewhere):
//! a 1,000-state machine is one DOM update, not thousands of reactive nodes.
//!
//! | file | component |
//! |---|---|
//! | `canvas.rs` | `Canvas`: the svg, pan/zoom/pinch, keyboard, selection, stale state |
//! | `selection.rs` | selection and tab stop applied to the drawn markup in place |
//! | `run_status.rs` | the simulate panel's state statuses applied to the drawn markup |
//! | `drag.rs` | drags over the graph: what lies under the pointer, what a release does |
//! | `drop_layer.rs` | the drop indicator, the label following a drag, the selected state's handle |
//! | `minimap.rs` | `Minimap`: the whole machine small, with the visible part framed |
//! | `controls.rs` | `Controls`: zoom in, zoom out, fit to screen |
//! | `size.rs` | the canvas's size, kept by a ResizeObserver |

// The component is named after the module, as every other component file here is.
#[allow(clippy::module_inception)]
mod canvas;
mod controls;
mod drag;
mod drop_layer;
mod minimap;
mod run_status;
mod selection;
mod size;

pub use canvas::Canvas;
