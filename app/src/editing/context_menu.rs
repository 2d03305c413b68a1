//! The context menu: right click on a state, an edge or the empty canvas (or Shift+F10 /
//! the ContextMenu key on the focused state) lists the action registry's entries that
//! apply there, with their shortcuts. Arrow keys walk it, Enter chooses, Escape closes.

use super::chooser::focus_graph;
use super::focus_list::{step_focus, AtEnds};
use crate::io::actions::ACTIONS;
use crate::store::use_store;
use leptos::html::Div;
use leptos::prelude::*;

/// The menu's enabled items, as arrow keys walk them.
const ITEMS: &str = "[role=\"menuitem\"]:not([disabled])";

/// What the menu was opened on.
#[derive(Clone, Debug, PartialEq)]
pub enum MenuTarget {
    /// A state, by pointer (it is selected too).
    State(String),
    /// A transition, by its slot (`…/Next`, `…/Choices/0/Next`, `/StartAt`, …).
    Edge(String),
    /// The empty canvas.
    Canvas,
}

/// The kinds of place an action applies to (the registry's `context`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuKind {
    State,
    Edge,
    Canvas,
}

impl MenuTarget {
    pub fn kind(&self) -> MenuKind {
        match self {
            MenuTarget::State(_) => MenuKind::State,
            MenuTarget::Edge(_) => MenuKind::Edge,
            MenuTarget::Canvas => MenuKind::Canvas,
        }
    }
}

/// An open context menu: where (client coordinates) and on what.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextMenu {
    pub at: (f64, f64),
    pub target: MenuTarget,
}

#[component]
pub fn ContextMenuView() -> impl IntoView {
    let store = use_store();
    let panel = NodeRef::<Div>::new();
    let close = move || {
        store.edit.menu.set(None);
        focus_graph();
    };
    Effect::new(move |_| {
        if let Some(menu) = panel.get() {
            step_focus(&menu, ITEMS, 1, AtEnds::WrapAround);
        }
    });
    move || {
        let menu = store.edit.menu.get()?;
        let kind = menu.target.kind();
        let items = ACTIONS
            .iter()
            .filter(|a| a.context.contains(&kind))
            .map(|action| {
                let shortcut = action.shortcut.map(|s| s.label());
                view! {
                    <button
                        type="button"
                        role="menuitem"
                        class="context-item"
                        data-testid=format!("context-{}", action.name)
                        aria-keyshortcuts=shortcut.clone()
                        disabled=move || !(action.enabled)(store)
                        on:click=move |_| {
                            // The action reads what the menu was opened on, then it closes.
                            (action.perform)(store);
                            store.edit.menu.set(None);
                            if store.edit.chooser.with_untracked(Option::is_none) {
                                focus_graph();
                            }
                        }
                    >
                        <span>{action.label}</span>
                        {shortcut.clone().map(|keys| view! { <kbd>{keys}</kbd> })}
                    </button>
                }
            })
            .collect_view();
        let on_key = move |ev: web_sys::KeyboardEvent| {
            let Some(menu) = panel.get_untracked() else {
                return;
            };
            match ev.key().as_str() {
                "Escape" | "Tab" => {
                    ev.prevent_default();
                    close();
                }
                "ArrowDown" => {
                    ev.prevent_default();
                    step_focus(&menu, ITEMS, 1, AtEnds::WrapAround);
                }
                "ArrowUp" => {
                    ev.prevent_default();
                    step_focus(&menu, ITEMS, -1, AtEnds::WrapAround);
                }
                _ => {}
            }
            // The page's shortcuts are not for the menu's own keys.
            ev.stop_propagation();
        };
        let on = match &menu.target {
            MenuTarget::State(p) => format!("state:{p}"),
            MenuTarget::Edge(slot) => format!("edge:{slot}"),
            MenuTarget::Canvas => "canvas".to_string(),
        };
        Some(view! {
            <div class="context-backdrop" on:pointerdown=move |_| close() on:contextmenu=move |ev| {
                ev.prevent_default();
                close();
            }>
                <div
                    class="context-menu"
                    role="menu"
                    aria-label="Actions"
                    data-testid="context-menu"
                    data-on=on
                    node_ref=panel
                    style=format!("left:{:.0}px;top:{:.0}px", menu.at.0, menu.at.1)
                    on:pointerdown=|ev| ev.stop_propagation()
                    on:keydown=on_key
                >
                    {items}
                </div>
            </div>
        })
    }
}
