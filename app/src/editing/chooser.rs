//! The keyboard's way to do what a drag does: a dialog with a list to walk with the arrow
//! keys (or narrow by typing) and Enter to choose — which state to insert at a position,
//! where to move the selected state, which state a transition leads to.

use super::focus_list::{step_focus, AtEnds};
use super::{commit_change, insert_at, keyboard_position, move_to, selected_states, MenuTarget};
use crate::dialog::Dialog;
use crate::io::browser::lowercase;
use crate::store::{use_store, Store};
use engine_core::asl::edit::{
    connect, describe_position, move_positions, outlets, scope_targets, search, slot_owner, Outlet,
    Position,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The chooser's options, as arrow keys walk them.
const OPTIONS: &str = "[data-testid=\"chooser-option\"]";

/// An open chooser and what it acts on.
#[derive(Clone, Debug, PartialEq)]
pub enum Chooser {
    /// Which template to insert at this position.
    Insert(Position),
    /// Where to move the state at this pointer.
    Move(String),
    /// Where one of these transitions leads (`chosen` is the one picked first).
    Connect { outlets: Vec<Outlet>, chosen: usize },
}

/// The state the action is for: the one the context menu was opened on, else the selection.
fn menu_target(store: Store) -> Option<MenuTarget> {
    store
        .edit
        .menu
        .with_untracked(|m| m.as_ref().map(|m| m.target.clone()))
}

/// "Insert state…": the templates, inserted on the edge the context menu was opened on,
/// else where the keyboard inserts (onto the selected state, or first in the machine).
pub fn open_insert(store: Store) {
    let at = match menu_target(store) {
        Some(MenuTarget::Edge(slot)) => Some(Position::Edge(slot)),
        Some(MenuTarget::Canvas) => Some(Position::Start(String::new())),
        _ => keyboard_position(store),
    };
    match at {
        Some(at) => store.edit.chooser.set(Some(Chooser::Insert(at))),
        None => store
            .io
            .warn("Nothing can follow the selected state: select another, or choose an edge."),
    }
}

/// "Move to…": the positions the selected state can move to.
pub fn open_move(store: Store) {
    if let Some(state) = selected_states(store).into_iter().next() {
        store.edit.chooser.set(Some(Chooser::Move(state)));
    }
}

/// "Connect to…": the selected state's transitions (or the edge the context menu was
/// opened on), each pointable at a state of its scope.
pub fn open_connect(store: Store) {
    let (list, slot) = match menu_target(store) {
        Some(MenuTarget::Edge(slot)) => match slot_owner(&slot) {
            Some(state) => (
                store.document.with_untracked(|d| outlets(d, &state)),
                Some(slot),
            ),
            None => {
                let target = store.document.with_untracked(|d| {
                    d.resolve(&slot).and_then(|t| d.as_str(t).map(String::from))
                });
                let start = Outlet {
                    slot: slot.clone(),
                    label: "StartAt".into(),
                    target,
                };
                (vec![start], Some(slot))
            }
        },
        _ => match selected_states(store).into_iter().next() {
            Some(state) => (store.document.with_untracked(|d| outlets(d, &state)), None),
            None => return,
        },
    };
    if list.is_empty() {
        return store
            .io
            .warn("This state ends the flow: it has no transition to connect.");
    }
    // The edge's own transition, else an open rule, Default or catcher (as a drop onto the
    // state fills), else a state's Next that ends, else the first.
    // A Choice with every way out written gets a new rule, as a drop does.
    let open = |o: &Outlet, next: bool| {
        !o.is_new() && o.target.is_none() && (o.label == "Next") == next
    };
    let new_rule = |o: &Outlet| o.is_new() && o.slot.ends_with("/Choices/-/Next");
    let chosen = slot
        .and_then(|s| list.iter().position(|o| o.slot == s))
        .or_else(|| list.iter().position(|o| open(o, false)))
        .or_else(|| list.iter().position(|o| open(o, true)))
        .or_else(|| list.iter().position(new_rule))
        .unwrap_or(0);
    store.edit.chooser.set(Some(Chooser::Connect {
        outlets: list,
        chosen,
    }));
}

/// One entry of the list: what it shows, and its value.
#[derive(Clone, PartialEq)]
struct Entry {
    value: String,
    label: String,
    detail: String,
}

fn name_of(pointer: &str) -> String {
    pointer
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .replace("~1", "/")
        .replace("~0", "~")
}

/// Gives keyboard focus back to the graph once the chooser closes.
pub fn focus_graph() {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-testid=\"graph\"]").ok().flatten());
    if let Some(svg) = el.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = svg.focus();
    }
}

#[component]
pub fn ChooserDialog() -> impl IntoView {
    let store = use_store();
    move || {
        store
            .edit
            .chooser
            .get()
            .map(|c| view! { <ChooserPanel chooser=c /> })
    }
}

#[component]
fn ChooserPanel(chooser: Chooser) -> impl IntoView {
    let store = use_store();
    let query = RwSignal::new(String::new());
    let close = move || {
        store.edit.chooser.set(None);
        focus_graph();
    };
    let (title, searchable) = match &chooser {
        Chooser::Insert(at) => (
            format!(
                "Insert a state — {}",
                store.document.with_untracked(|d| describe_position(d, at))
            ),
            true,
        ),
        Chooser::Move(state) => (format!("Move {} to…", name_of(state)), true),
        Chooser::Connect { outlets, .. } => {
            let from = outlets
                .first()
                .and_then(|o| slot_owner(&o.slot))
                .map_or("the start".to_string(), |s| name_of(&s));
            (format!("Connect {from} to…"), false)
        }
    };
    let outlet_list = match &chooser {
        Chooser::Connect { outlets, .. } => outlets.clone(),
        _ => Vec::new(),
    };
    let chosen = RwSignal::new(match &chooser {
        Chooser::Connect { chosen, .. } => *chosen,
        _ => 0,
    });
    let positions: Vec<Position> = match &chooser {
        Chooser::Move(state) => store.document.with_untracked(|d| move_positions(d, state)),
        _ => Vec::new(),
    };
    // Every entry, before the search narrows them (templates are found by the states
    // browser's own search).
    let is_insert = matches!(chooser, Chooser::Insert(_));
    let all: Vec<Entry> = match &chooser {
        Chooser::Insert(_) => Vec::new(),
        Chooser::Move(_) => store.document.with_untracked(|d| {
            positions
                .iter()
                .enumerate()
                .map(|(i, p)| Entry {
                    value: i.to_string(),
                    label: describe_position(d, p),
                    detail: String::new(),
                })
                .collect()
        }),
        Chooser::Connect { outlets, .. } => outlets
            .first()
            .map(|o| store.document.with_untracked(|d| scope_targets(d, &o.slot)))
            .unwrap_or_default()
            .into_iter()
            .map(|name| Entry {
                value: name.clone(),
                label: name,
                detail: String::new(),
            })
            .collect(),
    };
    let shown = Memo::new(move |_| {
        let q = query.get();
        if is_insert {
            return search(&q)
                .into_iter()
                .map(|t| Entry {
                    value: t.id.to_string(),
                    label: t.label.to_string(),
                    detail: t.state_type().to_string(),
                })
                .collect();
        }
        let q = lowercase(&q);
        all.iter()
            .filter(|e| q.is_empty() || lowercase(&e.label).contains(&q))
            .cloned()
            .collect::<Vec<_>>()
    });
    let chooser_for_pick = chooser.clone();
    let outlets_for_pick = outlet_list.clone();
    let pick = move |value: String| {
        match &chooser_for_pick {
            Chooser::Insert(at) => insert_at(store, &value, at),
            Chooser::Move(state) => {
                if let Some(to) = value.parse::<usize>().ok().and_then(|i| positions.get(i)) {
                    move_to(store, state, to.clone(), &[]);
                }
            }
            Chooser::Connect { .. } => {
                if let Some(o) = outlets_for_pick.get(chosen.get_untracked()) {
                    let change = store
                        .document
                        .with_untracked(|d| connect(d, &o.slot, &value));
                    // The selection stays on the state whose transition changed.
                    let keep = store.selection.get_untracked();
                    commit_change(store, change);
                    store.selection.set(keep);
                }
            }
        }
        // Closed last: the dialog owns this closure.
        store.edit.chooser.set(None);
        focus_graph();
    };
    let pick = StoredValue::new(pick);
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(panel) = target
            .closest(".modal")
            .ok()
            .flatten()
            .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let in_select = target.tag_name() == "SELECT";
        let step = match ev.key().as_str() {
            "ArrowDown" if !in_select => 1,
            "ArrowUp" if !in_select => -1,
            _ => return,
        };
        ev.prevent_default();
        step_focus(&panel, OPTIONS, step, AtEnds::Stop);
    };
    let on_search_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            if let Some(first) = shown.with_untracked(|s| s.first().map(|e| e.value.clone())) {
                pick.with_value(|p| p(first));
            }
        }
    };
    let outlet_select = (!outlet_list.is_empty()).then(|| {
        let options = outlet_list
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let text = match (&o.target, o.label == "Next") {
                    _ if o.is_new() => o.label.clone(),
                    (Some(t), _) => format!("{} — now {t}", o.label),
                    (None, true) => format!("{} — ends now", o.label),
                    (None, false) => format!("{} — no target yet", o.label),
                };
                view! { <option value=i.to_string() selected=move || chosen.get() == i>{text}</option> }
            })
            .collect_view();
        view! {
            <label class="chooser-outlet">
                <span>"Transition"</span>
                <select
                    data-testid="chooser-outlet"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse() {
                            chosen.set(i);
                        }
                    }
                >
                    {options}
                </select>
            </label>
        }
    });
    let search_box = searchable.then(|| {
        view! {
            <input
                type="search"
                class="chooser-search"
                data-testid="chooser-search"
                placeholder="Type to narrow the list"
                aria-label="Narrow the list"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=on_search_key
            />
        }
    });
    let kind = match &chooser {
        Chooser::Insert(_) => "insert",
        Chooser::Move(_) => "move",
        Chooser::Connect { .. } => "connect",
    };
    view! {
        <Dialog
            title=title
            testid="chooser"
            class="chooser"
            kind=kind
            on_close=close
            focus="[data-testid=\"chooser-search\"], [data-testid=\"chooser-option\"]"
            on_key=on_key
        >
            {outlet_select}
            {search_box}
            <ul class="chooser-list" role="listbox" aria-label="Choices">
                {move || shown.get().into_iter().map(|e| {
                    let value = e.value.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                role="option"
                                class="chooser-option"
                                data-testid="chooser-option"
                                data-value=e.value.clone()
                                on:click=move |_| pick.with_value(|p| p(value.clone()))
                            >
                                {e.label.clone()}
                                {(!e.detail.is_empty()).then(|| view! { <span class="muted">{e.detail.clone()}</span> })}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="muted" data-testid="chooser-none">"Nothing matches."</p>
            </Show>
        </Dialog>
    }
}
