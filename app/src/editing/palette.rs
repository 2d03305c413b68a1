//! The states browser: flow states and actions from engine-core's catalogue, filtered by
//! the search box. Drag an entry onto the graph to insert it where the drop indicator
//! shows; or focus it and press Enter (or click) to insert it onto the selected state.

use super::{insert_from_keyboard, Drag, Dragged};
use crate::store::use_store;
use engine_core::asl::edit::{search, Group, Template};
use leptos::prelude::*;

#[component]
pub fn Palette() -> impl IntoView {
    let store = use_store();
    let query = RwSignal::new(String::new());
    let found = Memo::new(move |_| query.with(|q| search(q)));
    // A drag that ends on its own entry is not a click.
    let dragged_off = StoredValue::new(false);

    let entry = move |t: &'static Template| {
        let on_down = move |ev: web_sys::PointerEvent| {
            if ev.button() != 0 {
                return;
            }
            dragged_off.set_value(false);
            let at = (ev.client_x() as f64, ev.client_y() as f64);
            store.edit.drag.set(Some(Drag::new(
                Dragged::Template(t.id),
                ev.pointer_id(),
                at,
            )));
        };
        view! {
            <li>
                <button
                    type="button"
                    class=format!("palette-item palette-{}", t.state_type().to_ascii_lowercase())
                    data-testid=format!("palette-item-{}", t.id)
                    data-template=t.id
                    title=format!("{} — drag onto the graph, or press Enter to insert onto the selected state", t.label)
                    on:pointerdown=on_down
                    on:click=move |ev| {
                        // Enter or Space give a click of detail 0; a pointer's click after
                        // dragging the entry away is not a request to insert.
                        let by_keyboard = ev.detail() == 0;
                        if by_keyboard || !dragged_off.get_value() {
                            insert_from_keyboard(store, t.id);
                        }
                    }
                >
                    {t.label}
                </button>
            </li>
        }
    };
    // Remember that the pointer left as a drag, so the click that may follow is ignored.
    Effect::new(move |_| {
        if store
            .edit
            .drag
            .with(|d| d.as_ref().is_some_and(|d| d.moving))
        {
            dragged_off.set_value(true);
        }
    });
    let group = move |g: Group, title: &'static str| {
        view! {
            <h3 class="palette-group">{title}</h3>
            <ul class="palette-list" data-testid=format!("palette-{}", title.to_ascii_lowercase())>
                {move || found.get().into_iter().filter(|t| t.group == g).map(entry).collect_view()}
            </ul>
        }
    };

    view! {
        <aside class="palette" data-testid="palette" aria-label="States browser">
            <input
                type="search"
                class="palette-search"
                data-testid="palette-search"
                placeholder="Search states"
                aria-label="Search states"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            {group(Group::Flow, "Flow")}
            {group(Group::Action, "Actions")}
            <Show when=move || found.with(Vec::is_empty)>
                <p class="palette-none" data-testid="palette-none">"No state matches."</p>
            </Show>
        </aside>
    }
}
