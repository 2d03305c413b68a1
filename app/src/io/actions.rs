//! The studio's actions as a registry (name, label, shortcut, enabled, perform), read
//! alike by the toolbar, the keyboard listener and the graph's context menu. The graph's
//! editing actions act on the selected states, or on what the context menu was opened on.

use super::state::Dialog;
use super::{document, export};
use crate::editing::{self, MenuKind};
use crate::store::Store;
use leptos::prelude::*;

/// Which toolbar menu lists an action.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    Import,
    Export,
    /// Editing the graph's states.
    Edit,
    /// A button of its own on the toolbar.
    Bar,
}

/// A key combination; `key` is `KeyboardEvent.key` in lower case.
#[derive(Clone, Copy)]
pub struct Shortcut {
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    pub key: &'static str,
    /// A second key doing the same (Backspace beside Delete).
    pub or_key: Option<&'static str>,
}

impl Shortcut {
    /// As shown to people, e.g. "Ctrl+O", "Shift+F10", "Delete".
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        for (on, name) in [
            (self.ctrl, "Ctrl"),
            (self.alt, "Alt"),
            (self.shift, "Shift"),
        ] {
            if on {
                parts.push(name.to_string());
            }
        }
        // Letters as on the keycap ("O"), named keys as named ("Delete", "F10").
        let mut key = self.key.to_string();
        if let Some(first) = key.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        parts.push(key);
        parts.join("+")
    }

    /// Whether `event` is this combination (Cmd counts as Ctrl on macOS).
    pub fn matches(&self, event: &web_sys::KeyboardEvent) -> bool {
        (event.ctrl_key() || event.meta_key()) == self.ctrl
            && event.shift_key() == self.shift
            && event.alt_key() == self.alt
            && (event.key().to_ascii_lowercase() == self.key
                || Some(event.key().to_ascii_lowercase().as_str()) == self.or_key)
    }
}

/// One thing the person can do.
pub struct Action {
    /// Stable id; the toolbar's `data-testid` is `action-{name}`.
    pub name: &'static str,
    pub label: &'static str,
    pub menu: Menu,
    pub shortcut: Option<Shortcut>,
    /// Whether the shortcut also acts while the person types in a text field or the code
    /// view (undo and redo there belong to the field itself).
    pub while_typing: bool,
    /// Whether the shortcut acts only while the graph pane (drawing or states browser)
    /// has focus: there Ctrl+C and Ctrl+V copy and paste states, elsewhere text.
    pub graph_only: bool,
    /// Where the context menu lists it: on a state, an edge, the empty canvas.
    pub context: &'static [MenuKind],
    pub enabled: fn(Store) -> bool,
    pub perform: fn(Store),
}

const fn ctrl(key: &'static str) -> Option<Shortcut> {
    Some(Shortcut {
        ctrl: true,
        shift: false,
        alt: false,
        key,
        or_key: None,
    })
}

const fn ctrl_shift(key: &'static str) -> Option<Shortcut> {
    Some(Shortcut {
        ctrl: true,
        shift: true,
        alt: false,
        key,
        or_key: None,
    })
}

const fn shift(key: &'static str) -> Option<Shortcut> {
    Some(Shortcut {
        ctrl: false,
        shift: true,
        alt: false,
        key,
        or_key: None,
    })
}

const fn alt(key: &'static str) -> Option<Shortcut> {
    Some(Shortcut {
        ctrl: false,
        shift: false,
        alt: true,
        key,
        or_key: None,
    })
}

const fn plain(key: &'static str, or_key: Option<&'static str>) -> Option<Shortcut> {
    Some(Shortcut {
        ctrl: false,
        shift: false,
        alt: false,
        key,
        or_key,
    })
}

fn always(_: Store) -> bool {
    true
}

fn open_file(_: Store) {
    if let Some(input) = document().get_element_by_id(super::file_input::FILE_INPUT_ID) {
        use wasm_bindgen::JsCast;
        if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
            input.click();
        }
    }
}

/// Every io action, in toolbar order.
pub const ACTIONS: &[Action] = &[
    Action {
        name: "new",
        label: "New",
        menu: Menu::Import,
        shortcut: alt("n"),
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: document::new_document,
    },
    Action {
        name: "open-file",
        label: "Open file…",
        menu: Menu::Import,
        shortcut: ctrl("o"),
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: open_file,
    },
    Action {
        name: "examples",
        label: "Examples…",
        menu: Menu::Import,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: |s| s.io.dialog.set(Some(Dialog::Gallery)),
    },
    Action {
        name: "recent",
        label: "Open recent…",
        menu: Menu::Import,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: |s| s.io.dialog.set(Some(Dialog::Recent)),
    },
    Action {
        name: "copy-json",
        label: "Copy ASL JSON",
        menu: Menu::Export,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: export::copy_json,
    },
    Action {
        name: "download-json",
        label: "Download ASL JSON",
        menu: Menu::Export,
        shortcut: ctrl("s"),
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: export::download_json,
    },
    Action {
        name: "download-yaml",
        label: "Download YAML",
        menu: Menu::Export,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: export::download_yaml,
    },
    Action {
        name: "copy-mermaid",
        label: "Copy Mermaid",
        menu: Menu::Export,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: export::copy_mermaid,
    },
    Action {
        name: "download-mermaid",
        label: "Download Mermaid",
        menu: Menu::Export,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: export::download_mermaid,
    },
    Action {
        name: "download-svg",
        label: "Download SVG",
        menu: Menu::Export,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: export::download_svg,
    },
    Action {
        name: "download-png",
        label: "Download PNG",
        menu: Menu::Export,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: export::download_png,
    },
    Action {
        name: "download-template",
        label: "Download template",
        menu: Menu::Export,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: export::has_template,
        perform: export::download_template,
    },
    Action {
        name: "insert-state",
        label: "Insert state…",
        menu: Menu::Edit,
        shortcut: plain("i", None),
        while_typing: false,
        graph_only: true,
        context: &[MenuKind::State, MenuKind::Edge, MenuKind::Canvas],
        enabled: always,
        perform: editing::open_insert,
    },
    Action {
        name: "move-state",
        label: "Move to…",
        menu: Menu::Edit,
        shortcut: plain("m", None),
        while_typing: false,
        graph_only: true,
        context: &[MenuKind::State],
        enabled: editing::has_selection,
        perform: editing::open_move,
    },
    Action {
        name: "connect-state",
        label: "Connect to…",
        menu: Menu::Edit,
        shortcut: plain("c", None),
        while_typing: false,
        graph_only: true,
        context: &[MenuKind::State, MenuKind::Edge],
        enabled: editing::can_connect,
        perform: editing::open_connect,
    },
    Action {
        name: "delete-states",
        label: "Delete",
        menu: Menu::Edit,
        shortcut: plain("delete", Some("backspace")),
        while_typing: false,
        graph_only: true,
        context: &[MenuKind::State],
        enabled: editing::has_selection,
        perform: editing::delete_selection,
    },
    Action {
        name: "copy-states",
        label: "Copy states",
        menu: Menu::Edit,
        shortcut: ctrl("c"),
        while_typing: false,
        graph_only: true,
        context: &[MenuKind::State],
        enabled: editing::has_selection,
        perform: editing::copy_selection,
    },
    Action {
        name: "paste-states",
        label: "Paste states",
        menu: Menu::Edit,
        shortcut: ctrl("v"),
        while_typing: false,
        graph_only: true,
        context: &[MenuKind::State, MenuKind::Canvas],
        enabled: |s| s.edit.clipboard.with(Option::is_some),
        perform: editing::paste_clipboard,
    },
    Action {
        name: "duplicate-states",
        label: "Duplicate",
        menu: Menu::Edit,
        shortcut: ctrl("d"),
        while_typing: false,
        graph_only: true,
        context: &[MenuKind::State],
        enabled: editing::has_selection,
        perform: editing::duplicate_selection,
    },
    Action {
        name: "context-menu",
        label: "Actions menu",
        menu: Menu::Edit,
        shortcut: shift("f10"),
        while_typing: false,
        graph_only: true,
        context: &[],
        enabled: always,
        perform: editing::open_context_menu,
    },
    Action {
        name: "undo",
        label: "Undo",
        menu: Menu::Bar,
        shortcut: ctrl("z"),
        while_typing: false,
        graph_only: false,
        context: &[MenuKind::Canvas],
        enabled: always,
        perform: |_| crate::code_editor::step_history(false),
    },
    Action {
        name: "redo",
        label: "Redo",
        menu: Menu::Bar,
        shortcut: ctrl_shift("z"),
        while_typing: false,
        graph_only: false,
        context: &[MenuKind::Canvas],
        enabled: always,
        perform: |_| crate::code_editor::step_history(true),
    },
    Action {
        name: "undo-import",
        label: "Undo import",
        menu: Menu::Bar,
        shortcut: alt("z"),
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: |s| s.io.undo.with(|u| !u.is_empty()),
        perform: document::undo_import,
    },
    Action {
        name: "share",
        label: "Share link",
        menu: Menu::Bar,
        shortcut: None,
        while_typing: true,
        graph_only: false,
        context: &[],
        enabled: always,
        perform: export::share_link,
    },
];
