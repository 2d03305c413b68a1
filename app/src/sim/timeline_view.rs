//! The timeline (Gantt) of states over virtual time: one lane per state and Map
//! iteration, nested lanes indented under their Map or Parallel, Wait and Retry
//! back-off as their own bars, and a line at the cursor. Clicking a bar moves the
//! cursor to that visit's first event.

use super::state::use_sim;
use engine_core::run::clock::format_timestamp;
use engine_core::sim::{fit, SpanKind, Timeline};
use leptos::prelude::*;
use std::rc::Rc;

const LANE_PX: f64 = 18.0;
const LABEL_PX: f64 = 220.0;
const BARS_PX: f64 = 520.0;
const INDENT_PX: f64 = 12.0;
/// Lanes drawn at most (a Map of thousands of iterations draws its first ones).
const MAX_LANES: usize = 300;

#[component]
pub fn TimelineView() -> impl IntoView {
    let sim = use_sim();
    // Rebuilt when the execution writes events or a new run starts, not when the
    // cursor moves. A run is told apart by the address of its recorded input.
    let written = Memo::new(move |_| {
        sim.with_session(|s| {
            let run = s.events().first().and_then(|e| e.details.input.as_ref()).map_or(0, |i| Rc::as_ptr(i) as usize);
            (s.events().len(), run)
        })
    });
    let cache = StoredValue::new_local(None::<((usize, usize), Rc<Timeline>)>);
    let timeline = move || {
        let key = written.get()?;
        if let Some(t) = cache.with_value(|c| c.as_ref().filter(|(k, _)| *k == key).map(|(_, t)| t.clone())) {
            return Some(t);
        }
        let t = sim.session.with_value(|s| s.as_ref().map(|s| Rc::new(s.timeline())))?;
        cache.set_value(Some((key, t.clone())));
        Some(t)
    };
    // The cursor's event and its virtual time.
    let cursor_at = move || {
        sim.with_session(|s| {
            s.cursor()
                .checked_sub(1)
                .map(|i| (i, s.events()[i].timestamp_ms))
        })
        .flatten()
    };
    move || {
        // Built once the recording is complete: rebuilding it for every chunk that
        // arrives would cost the whole history each time.
        if sim.recording.get() {
            return view! { <p class="sim-note">"The timeline is drawn when the run has been recorded."</p> }.into_any();
        }
        let Some(t) = timeline() else {
            return view! { <p class="sim-note">"Run the machine to see its timeline."</p> }.into_any();
        };
        drawing(t, cursor_at).into_any()
    }
}

fn drawing(t: Rc<Timeline>, cursor_at: impl Fn() -> Option<(usize, i64)> + Send + Sync + Copy + 'static) -> impl IntoView {
    let sim = use_sim();
    let shown = t.lanes.len().min(MAX_LANES);
    let height = shown as f64 * LANE_PX + 4.0;
    let labels = t.lanes[..shown]
        .iter()
        .enumerate()
        .map(|(row, lane)| {
            let y = row as f64 * LANE_PX + 13.0;
            let x = 4.0 + lane.depth as f64 * INDENT_PX;
            let text = if lane.iteration.is_empty() {
                lane.state.to_string()
            } else {
                format!("{} › {}", lane.iteration, lane.state)
            };
            view! { <text class="tl-label" x=x y=y data-testid="sim-tl-lane" data-state=lane.state.to_string() data-depth=lane.depth>{text}</text> }
        })
        .collect_view();
    let bars = fit(&t, BARS_PX, 0, shown)
        .into_iter()
        .map(|bar| {
            let lane = &t.lanes[bar.lane];
            let kind = match bar.kind {
                SpanKind::Active => "active",
                SpanKind::Waiting => "waiting",
                SpanKind::Backoff => "backoff",
            };
            let status = super::sim_panel::status_class(bar.status);
            let title = format!(
                "{}{} — {} ({}, {} visit{})",
                lane.state,
                if lane.iteration.is_empty() { String::new() } else { format!(" in {}", lane.iteration) },
                kind,
                bar.status.label(),
                bar.spans,
                if bar.spans == 1 { "" } else { "s" }
            );
            let event = bar.event;
            let y = bar.lane as f64 * LANE_PX + 3.0;
            let height = if bar.kind == SpanKind::Active { LANE_PX - 6.0 } else { LANE_PX - 10.0 };
            let y = if bar.kind == SpanKind::Active { y } else { y + 2.0 };
            view! {
                <rect class=format!("tl-bar tl-{kind} status-{status}") data-testid="sim-tl-bar" data-kind=kind
                    data-state=lane.state.to_string() data-iteration=lane.iteration.clone() data-event=event
                    x=LABEL_PX + bar.x y=y width=bar.width height=height rx="2"
                    on:click=move |_| super::runner::by_hand(sim, |s| s.seek(event + 1))>
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    let (start_ms, end_ms, events) = (t.start_ms, t.end_ms, t.events);
    let cursor_line = move || {
        cursor_at().map(|(event, ms)| {
            let axis = Timeline { start_ms, end_ms, events, ..Timeline::default() };
            let x = LABEL_PX + axis.x(event, ms, BARS_PX);
            view! { <line class="tl-cursor" data-testid="sim-tl-cursor" x1=x x2=x y1="0" y2=height /> }
        })
    };
    let hidden = t.lanes.len() - shown;
    let span_text = if t.by_events() {
        format!("{} · no virtual time passed: bars in event order", format_timestamp(t.start_ms))
    } else {
        format!(
            "{} → {} · {} s of virtual time",
            format_timestamp(t.start_ms),
            format_timestamp(t.end_ms),
            (t.end_ms - t.start_ms) as f64 / 1000.0
        )
    };
    view! {
        <div class="sim-timeline" data-testid="sim-timeline">
            <p class="sim-note">{span_text}" · bars: running, "<span class="tl-key tl-waiting">"waiting"</span>", "<span class="tl-key tl-backoff">"retry back-off"</span></p>
            <svg class="tl-svg" width=LABEL_PX + BARS_PX + 8.0 height=height role="img" aria-label="Timeline of states over virtual time">
                {labels}
                {bars}
                {cursor_line}
            </svg>
            {(hidden > 0).then(|| view! { <p class="sim-note">{format!("{hidden} more lanes not drawn")}</p> })}
        </div>
    }
}
