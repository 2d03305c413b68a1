//! Editing the machine from the graph: the states browser, drags onto the drawing, the
//! selection of several states, the studio's own clipboard and the questions a delete or
//! a move can raise. Every change is one `asl::edit` operation committed to the text, so
//! the code view's history undoes it in one step.
//!
//! | file | does |
//! |---|---|
//! | `palette.rs` | `Palette`: templates with search; drag one out, or Enter to insert |
//! | `commands.rs` | insert, move, delete, copy, paste, duplicate: the registry's performs |
//! | `questions.rs` | `QuestionsDialog`: which target each dangling transition gets |
//! | `chooser.rs` | `Chooser`: the keyboard's lists — insert which state, move where, connect to what |
//! | `context_menu.rs` | `ContextMenu`: the registry's actions for a state, an edge or the canvas |
//! | `focus_list.rs` | arrow keys moving focus through the chooser's and the menu's items |

mod chooser;
mod commands;
mod context_menu;
mod focus_list;
mod palette;
mod questions;

pub use chooser::{open_connect, open_insert, open_move, Chooser, ChooserDialog};
pub use commands::*;
pub use context_menu::{ContextMenu, ContextMenuView, MenuKind, MenuTarget};
pub use palette::Palette;
pub use questions::QuestionsDialog;

use engine_core::asl::edit::{Clipboard, Position, Question};
use engine_core::diagram::drop::DropSpot;
use leptos::prelude::*;

/// What a drag carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Dragged {
    /// A states-browser template, by id.
    Template(&'static str),
    /// An existing state, by pointer.
    State(String),
    /// A transition's end, by its slot (`…/Next`, `…/Default`, `…/StartAt`, …): from a
    /// node's handle, or an edge picked up to reconnect.
    Connect(String),
}

/// What releasing the drag here does.
#[derive(Clone, Debug, PartialEq)]
pub enum Landing {
    /// Insert or move the dragged state to this position.
    At(Position),
    /// Point the dragged transition at the state at this pointer.
    Onto(String),
}

/// A drag in progress, in client coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Drag {
    pub what: Dragged,
    pub pointer_id: i32,
    pub start: (f64, f64),
    pub at: (f64, f64),
    /// Whether the pointer has moved far enough for this to be a drag, not a click.
    pub moving: bool,
    /// What the pointer is over, and the position a drop there means.
    pub target: Option<(DropSpot, Landing)>,
}

/// How far (CSS pixels) a pointer moves before a press becomes a drag.
pub const DRAG_THRESHOLD: f64 = 4.0;

impl Drag {
    pub fn new(what: Dragged, pointer_id: i32, at: (f64, f64)) -> Drag {
        Drag {
            what,
            pointer_id,
            start: at,
            at,
            moving: false,
            target: None,
        }
    }

    /// Follows the pointer to `at`; true once it counts as a drag.
    pub fn follow(&mut self, at: (f64, f64)) -> bool {
        self.at = at;
        let (dx, dy) = (at.0 - self.start.0, at.1 - self.start.1);
        self.moving |= dx * dx + dy * dy >= DRAG_THRESHOLD * DRAG_THRESHOLD;
        self.moving
    }
}

/// An operation that asked which target some transitions get.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Delete(Vec<String>),
    Move { state: String, to: Position },
}

/// Signals the editing components share; lives in `Store::edit`.
#[derive(Clone, Copy)]
pub struct EditStore {
    pub drag: RwSignal<Option<Drag>>,
    /// States selected besides `Store::selection` (Shift- or Ctrl-click).
    pub also_selected: RwSignal<Vec<String>>,
    /// States copied with Ctrl+C; Ctrl+V in the graph pastes them.
    pub clipboard: RwSignal<Option<Clipboard>>,
    /// An operation waiting for answers, with its questions.
    pub pending: RwSignal<Option<(Pending, Vec<Question>)>>,
    /// The context menu, while it is open.
    pub menu: RwSignal<Option<ContextMenu>>,
    /// The keyboard's chooser (insert, move, connect), while it is open.
    pub chooser: RwSignal<Option<Chooser>>,
}

impl EditStore {
    pub fn new() -> EditStore {
        EditStore {
            drag: RwSignal::new(None),
            also_selected: RwSignal::new(Vec::new()),
            clipboard: RwSignal::new(None),
            pending: RwSignal::new(None),
            menu: RwSignal::new(None),
            chooser: RwSignal::new(None),
        }
    }
}

impl Default for EditStore {
    fn default() -> Self {
        EditStore::new()
    }
}
