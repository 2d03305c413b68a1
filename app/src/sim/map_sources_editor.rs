//! The object each distributed Map's `ItemReader` reads, typed as text (JSON, JSON
//! Lines or CSV, per the reader's `InputType`), with the number of items it gives.

use super::state::{use_sim, SimState};
use crate::store::use_store;
use engine_core::sim::{item_reader_maps, MapSourceSlot};
use leptos::prelude::*;

#[component]
pub fn MapSourcesEditor() -> impl IntoView {
    let store = use_store();
    let sim = use_sim();
    let maps = Memo::new(move |_| {
        store
            .last_good
            .with(|d| d.as_ref().map(item_reader_maps))
            .unwrap_or_default()
    });
    let list = move || {
        sim.mocks_shape.track();
        maps.get()
            .into_iter()
            .map(|source| view! { <MapSource source=source sim=sim /> })
            .collect_view()
    };
    view! {
        <Show when=move || !maps.with(Vec::is_empty)>
            <h3 class="sim-heading">"Map item sources"</h3>
        </Show>
        <div class="sim-mocks" data-testid="sim-map-sources">{list}</div>
    }
}

#[component]
fn MapSource(source: MapSourceSlot, sim: SimState) -> impl IntoView {
    let name = source.name.clone();
    let initial = sim
        .drafts
        .with_untracked(|d| d.item_reader_text(&name))
        .unwrap_or_default();
    let text = RwSignal::new(initial.clone());
    let kind = source.input_type.clone();
    let count = Memo::new(move |_| {
        text.with(|t| (!t.is_empty()).then(|| source.count_items(t)))
    });
    let edit = {
        let name = name.clone();
        move |ev: leptos::ev::Event| {
            let t = event_target_value(&ev);
            sim.drafts.update_untracked(|d| d.set_item_reader_text(&name, &t));
            text.set(t);
            sim.touch();
        }
    };
    let placeholder = match kind.as_str() {
        "CSV" => "header1,header2\nvalue1,value2",
        "JSONL" => "{\"id\": 1}\n{\"id\": 2}",
        _ => "[{\"id\": 1}, {\"id\": 2}]",
    };
    view! {
        <section class="sim-task" data-testid="sim-map-source" data-map=name.clone()>
            <h4>{name.clone()} <span class="sim-calls">{format!("ItemReader · {kind}")}</span></h4>
            <textarea class="sim-json" data-testid="sim-item-reader" rows="4" spellcheck="false"
                aria-label=format!("Object read by {name}'s ItemReader") placeholder=placeholder
                class:invalid=move || matches!(count.get(), Some(Err(_)))
                prop:value=initial on:input=edit></textarea>
            {move || match count.get() {
                None => view! { <span class="sim-note">"No object yet: a run stops here with States.Runtime."</span> }.into_any(),
                Some(Ok(n)) => view! { <span class="sim-note" data-testid="sim-item-count">{format!("{n} item(s)")}</span> }.into_any(),
                Some(Err(e)) => view! { <span class="sim-error" data-testid="sim-item-error">{e}</span> }.into_any(),
            }}
        </section>
    }
}
