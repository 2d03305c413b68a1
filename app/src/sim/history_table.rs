//! The event history as a table with AWS's event types, ids, previous ids, virtual
//! timestamps and details; filterable, and virtualized: only the rows in view are in
//! the page, so a 25,000-event history scrolls smoothly. Clicking a row moves the
//! cursor there; when the cursor moves elsewhere (step, step over, a timeline bar), the
//! table scrolls to keep its row in view.

use super::state::use_sim;
use crate::io::browser::lowercase;
use engine_core::json::{write_compact, write_pretty};
use engine_core::run::clock::format_timestamp;
use engine_core::run::HistoryEvent;
use engine_core::Value;
use leptos::prelude::*;

const ROW_PX: f64 = 22.0;
const VIEW_PX: f64 = 330.0;
/// Rows drawn above and below the visible ones, so fast scrolling shows no gaps.
const OVERSCAN: usize = 8;
const DETAILS_CHARS: usize = 160;

#[component]
pub fn HistoryTable() -> impl IntoView {
    let sim = use_sim();
    let filter = RwSignal::new(String::new());
    let scroll_top = RwSignal::new(0.0_f64);
    // Indices of the events that pass the filter.
    let rows = Memo::new(move |_| {
        let needle = lowercase(&filter.get());
        sim.with_session(|s| {
            let events = s.events();
            if needle.is_empty() {
                (0..events.len()).collect::<Vec<_>>()
            } else {
                events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| matches(e, &needle))
                    .map(|(i, _)| i)
                    .collect()
            }
        })
        .unwrap_or_default()
    });
    let cursor = move || sim.with_session(|s| s.cursor()).unwrap_or(0);
    let scroller = NodeRef::<leptos::html::Div>::new();
    let space = NodeRef::<leptos::html::Div>::new();
    let space_height = move || format!("height:{}px", rows.with(Vec::len) as f64 * ROW_PX);
    Effect::new(move |_| {
        // Not while the cursor follows a run to its end: scrolling lays the page out,
        // every frame; the table scrolls to the cursor once it stops.
        if sim.running.get() {
            return;
        }
        let at = cursor();
        let Some(pos) = at.checked_sub(1).and_then(|i| rows.with(|r| r.binary_search(&i).ok())) else { return };
        let (Some(el), Some(space)) = (scroller.get(), space.get()) else { return };
        // The table's height first: the row may have just arrived, and a scroll past the
        // old height would stop short.
        let _ = space.set_attribute("style", &space_height());
        let top = pos as f64 * ROW_PX;
        // The signal, not the element: reading `scrollTop` would lay the page out again
        // on every frame of a run the cursor follows.
        let shown = scroll_top.get_untracked();
        if top < shown || top + ROW_PX > shown + VIEW_PX {
            let to = (top - VIEW_PX / 2.0).max(0.0);
            el.set_scroll_top(to as i32);
            scroll_top.set(to);
        }
    });
    let visible = move || {
        let at = cursor();
        let top = scroll_top.get();
        // Only the rows in view are read (the list itself is not copied).
        let shown: Vec<(usize, usize)> = rows.with(|all| {
            let first = ((top / ROW_PX) as usize).saturating_sub(OVERSCAN).min(all.len());
            let last = (first + (VIEW_PX / ROW_PX) as usize + 2 * OVERSCAN).min(all.len());
            (first..last).map(|pos| (pos, all[pos])).collect()
        });
        sim.session.with_value(|s| {
            let Some(s) = s else { return Vec::new() };
            shown
                .into_iter()
                .map(|(pos, index)| row_view(pos, index, &s.events()[index], at))
                .collect::<Vec<_>>()
        })
    };
    let export = move |_| {
        let text = sim.session.with_value(|s| {
            let events = s
                .as_ref()
                .map(|s| s.events().iter().map(HistoryEvent::to_value).collect())
                .unwrap_or_default();
            let mut doc = engine_core::Map::default();
            doc.insert("events".into(), Value::array(events));
            write_pretty(&Value::from(doc))
        });
        crate::io::browser::download_text("execution-history.json", "application/json", &text);
    };
    view! {
        <div class="sim-history">
            <div class="sim-history-tools">
                <h3 class="sim-heading">"Event history"</h3>
                <input type="search" placeholder="Filter by type, state or detail" aria-label="Filter events" data-testid="sim-history-filter"
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                <span data-testid="sim-history-count">{move || format!("{} events", rows.with(Vec::len))}</span>
                <button data-testid="sim-history-export" on:click=export>"Export JSON"</button>
            </div>
            <div class="sim-history-head" aria-hidden="true">
                <span>"ID"</span><span>"Prev"</span><span>"Type"</span><span>"Step"</span><span>"Timestamp"</span><span>"Details"</span>
            </div>
            <div class="sim-history-scroll" data-testid="sim-history" role="grid" aria-label="Event history" node_ref=scroller
                style=format!("height:{VIEW_PX}px")
                on:scroll=move |ev| scroll_top.set(event_target::<web_sys::Element>(&ev).scroll_top() as f64)>
                <div class="sim-history-space" node_ref=space style=space_height>
                    {visible}
                </div>
            </div>
        </div>
    }
}

fn matches(e: &HistoryEvent, needle: &str) -> bool {
    lowercase(&e.event_type).contains(needle)
        || e.details
            .name
            .as_deref()
            .is_some_and(|n| lowercase(n).contains(needle))
        || e.details
            .error()
            .is_some_and(|n| lowercase(n).contains(needle))
}

/// One row at list position `pos`, for the event at `index`; `cursor` events are shown.
fn row_view(pos: usize, index: usize, e: &HistoryEvent, cursor: usize) -> impl IntoView + use<> {
    let sim = use_sim();
    let mut details = write_compact(&Value::from(e.details.to_value(true)));
    if details == "{}" {
        details.clear();
    }
    if details.len() > DETAILS_CHARS {
        let mut cut = DETAILS_CHARS;
        while !details.is_char_boundary(cut) {
            cut -= 1;
        }
        details.truncate(cut);
        details.push('…');
    }
    let class = if index + 1 == cursor {
        "sim-row current"
    } else if index >= cursor {
        "sim-row future"
    } else {
        "sim-row"
    };
    view! {
        <div class=class role="row" data-event-id=e.id style=format!("top:{}px", pos as f64 * ROW_PX)
            aria-current=(index + 1 == cursor).then_some("step")
            on:click=move |_| super::runner::by_hand(sim, |s| s.seek(index + 1))>
            <span>{e.id}</span>
            <span>{e.previous_event_id}</span>
            <span class="sim-type">{e.event_type}</span>
            <span>{e.details.name.as_deref().unwrap_or("").to_string()}</span>
            <span>{format_timestamp(e.timestamp_ms)}</span>
            <span class="sim-details" title=details.clone()>{details.clone()}</span>
        </div>
    }
}
