//! The scene as SVG markup, for the studio's canvas and for export: one string, every
//! piece of definition text escaped (`escape.rs`), so no name, comment or condition can
//! become markup.
//!
//! Boxes in the `detail` region are drawn in full (name, detail line, marks, edge labels);
//! the others as plain shapes, which keeps a 1,000-state machine seen whole light to draw.
//! Every state's group carries `data-state`, `data-node-id`, `data-pointer`, a role, an
//! `aria-label` and a `tabindex` either way; every edge `data-edge="from->to"`,
//! `data-edge-kind`, `data-from` and `data-to` (node ids).

mod escape;
mod markup;
mod number;

pub use escape::{escape, push_escaped};
pub use markup::{aria_label, blocks_path, render, shape_path, type_class, Detail, NodeMarks};
