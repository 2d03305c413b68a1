//! The machine drawn as an SVG canvas: layout from engine-core, one component per file.
//!
//! | file | component |
//! |---|---|
//! | `canvas.rs` | `Canvas`: the svg, pan/zoom/pinch, keyboard, selection, stale state |
//! | `node.rs` | `NodeView`: one state (or the Start/End marker): shape, name, detail, marks |
//! | `container.rs` | `ContainerView`: a Parallel's or Map's frame and its lanes |
//! | `edge.rs` | `EdgeView`: a routed transition with its arrowhead and label |
//! | `minimap.rs` | `Minimap`: the whole machine small, with the visible part framed |
//! | `controls.rs` | `Controls`: zoom in, zoom out, fit to screen |

// The component is named after the module, as every other component file here is.
#[allow(clippy::module_inception)]
mod canvas;
mod container;
mod controls;
mod edge;
mod minimap;
mod node;

pub use canvas::Canvas;
