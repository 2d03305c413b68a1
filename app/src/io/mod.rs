//! Import, export and keeping the person's work: the toolbar, its actions, the dialogs
//! and the page-wide listeners (paste, drop, shortcuts, autosave). Pure encodings live in
//! engine-core (`import`, `export`, `session`); these files only move text between them
//! and the browser.
//!
//! | file | job |
//! |---|---|
//! | `state.rs` | the store's io block: template origin, undo stack, dialog, notice, share-link state |
//! | `document.rs` | replacing the document (import, undo import, new, recent, pick a machine) |
//! | `persist.rs` | `localStorage` and the URL fragment |
//! | `browser.rs` | downloads, clipboard, file and fetch reads |
//! | `export.rs` | each export format, from the store's text |
//! | `graph_image.rs` | the graph's SVG with inline styles, and its PNG |
//! | `actions.rs` | the action registry read by the toolbar and the shortcuts |
//! | `toolbar.rs`, `io_layer.rs`, `modal.rs`, `gallery.rs`, `picker.rs`, `recent.rs`, `link_banner.rs`, `notice_bar.rs`, `drop_overlay.rs`, `file_input.rs`, `autosave.rs`, `listeners.rs` | one component each |

pub(crate) mod actions;
mod autosave;
pub(crate) mod browser;
mod document;
mod drop_overlay;
mod export;
mod file_input;
mod gallery;
mod graph_image;
mod io_layer;
mod link_banner;
mod listeners;
mod modal;
mod notice_bar;
mod persist;
mod picker;
mod recent;
mod state;
mod toolbar;

pub use io_layer::IoLayer;
pub use persist::open_store;
pub use state::IoStore;
pub use toolbar::Toolbar;
