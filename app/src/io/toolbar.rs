//! The io toolbar: Import and Export menus and the bar's own buttons, all from the
//! action registry.

use super::actions::{Action, Menu, ACTIONS};
use crate::store::use_store;
use leptos::html::Details;
use leptos::prelude::*;

#[component]
pub fn Toolbar() -> impl IntoView {
    view! {
        <nav class="io-toolbar" aria-label="Document">
            <ActionMenu menu=Menu::Import title="Import" />
            <ActionMenu menu=Menu::Export title="Export" />
            <ActionMenu menu=Menu::Edit title="Edit" />
            {ACTIONS.iter().filter(|a| a.menu == Menu::Bar).map(|a| view! { <ActionButton action=a /> }).collect_view()}
        </nav>
    }
}

/// A disclosure menu of the registry's actions for `menu`; closes after a choice or Escape.
#[component]
fn ActionMenu(menu: Menu, title: &'static str) -> impl IntoView {
    let details = NodeRef::<Details>::new();
    let close = move || {
        if let Some(d) = details.get_untracked() {
            d.set_open(false);
        }
    };
    view! {
        <details
            class="io-menu"
            node_ref=details
            data-testid=format!("menu-{}", title.to_ascii_lowercase())
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    close();
                }
            }
            on:click=move |ev| {
                let chose = event_target::<web_sys::Element>(&ev).closest("button").ok().flatten().is_some();
                if chose {
                    close();
                }
            }
        >
            <summary>{title}</summary>
            <div class="io-menu-items">
                {ACTIONS.iter().filter(|a| a.menu == menu).map(|a| view! { <ActionButton action=a /> }).collect_view()}
            </div>
        </details>
    }
}

/// One registry action as a labelled button.
#[component]
fn ActionButton(action: &'static Action) -> impl IntoView {
    let store = use_store();
    let shortcut = action.shortcut.map(|s| s.label());
    let title = match &shortcut {
        Some(keys) => format!("{} ({keys})", action.label),
        None => action.label.to_string(),
    };
    view! {
        <button
            type="button"
            class="io-action"
            data-testid=format!("action-{}", action.name)
            aria-label=action.label
            aria-keyshortcuts=shortcut.clone()
            title=title
            disabled=move || !(action.enabled)(store)
            on:click=move |_| (action.perform)(store)
        >
            {action.label}
            {shortcut.clone().map(|keys| view! { <kbd>{keys}</kbd> })}
        </button>
    }
}
