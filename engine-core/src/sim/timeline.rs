//! States laid out over virtual time, for the studio's Gantt view: one lane per state
//! and Map iteration (nested lanes under their Map or Parallel), one bar per visit, and
//! Wait time and Retry back-off drawn as their own bars.

use super::status::RunStatus;
use super::visits::{IterationPath, Visits};
use crate::run::HistoryEvent;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

/// What a span of virtual time was spent on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// The state was running (a Task's call, a Pass, ...).
    Active,
    /// A Wait state waiting.
    Waiting,
    /// Between a failed attempt and the retry: the Retry back-off interval.
    Backoff,
}

/// One row of the timeline: a state, in one Map iteration.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub state: Rc<str>,
    pub path: IterationPath,
    /// The iterations around it, e.g. `Map #2 › Inner #0` (empty outside Maps).
    pub iteration: String,
    /// Map and Parallel states around it.
    pub depth: usize,
}

/// One bar of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub lane: usize,
    pub state: Rc<str>,
    pub kind: SpanKind,
    /// Virtual epoch milliseconds.
    pub start_ms: i64,
    pub end_ms: i64,
    /// Nesting depth (states inside Parallel branches and Map iterations are deeper).
    pub depth: usize,
    /// The event the bar starts at (the visit's `…StateEntered`, or the failure a
    /// back-off follows): where clicking the bar moves the cursor.
    pub event: usize,
    /// The event it ends at (the last event while the visit runs).
    pub end_event: usize,
    /// How the visit ended (`InProgress` while it runs at the last event).
    pub status: RunStatus,
}

/// Lanes in order of first entry, and every bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    pub spans: Vec<Span>,
    /// Virtual time of the first and last event.
    pub start_ms: i64,
    pub end_ms: i64,
    /// Events read.
    pub events: usize,
}

impl Timeline {
    /// True when no virtual time passed (no Wait, back-off or task duration): bars are
    /// then laid out by event order, so they still show sequence and nesting.
    pub fn by_events(&self) -> bool {
        self.end_ms <= self.start_ms
    }

    /// Horizontal position of an event on a drawing `width` pixels wide.
    pub fn x(&self, event: usize, ms: i64, width: f64) -> f64 {
        if self.by_events() {
            event as f64 * width / self.events.max(1) as f64
        } else {
            (ms - self.start_ms) as f64 * width / (self.end_ms - self.start_ms) as f64
        }
    }
}

/// The timeline of `events` as read into `visits`. A visit that has not ended runs to
/// the last event's time.
pub fn timeline(events: &[HistoryEvent], visits: &Visits) -> Timeline {
    let at = |i: usize| events.get(i).map_or(0, |e| e.timestamp_ms);
    let end_ms = events.last().map_or(0, |e| e.timestamp_ms);
    let mut out = Timeline { start_ms: at(0), end_ms, events: events.len(), ..Timeline::default() };
    let last = events.len().saturating_sub(1);
    let mut lanes: BTreeMap<(IterationPath, Rc<str>), usize> = BTreeMap::new();
    for visit in visits.visits() {
        let key = (visit.path.clone(), visit.name.clone());
        let lane = *lanes.entry(key).or_insert_with(|| {
            out.lanes.push(Lane {
                state: visit.name.clone(),
                path: visit.path.clone(),
                iteration: iteration_label(&visit.path),
                depth: visits.nesting().depth(&visit.name),
            });
            out.lanes.len() - 1
        });
        let depth = out.lanes[lane].depth;
        let (end_event, status) = match visit.end {
            Some((i, s)) => (i, s),
            None => (last, RunStatus::InProgress),
        };
        let waits = events.get(visit.entered).is_some_and(|e| e.event_type == "WaitStateEntered");
        let kind = if waits { SpanKind::Waiting } else { SpanKind::Active };
        let bar = |kind, event, end_event| Span { lane, state: visit.name.clone(), kind, start_ms: at(event), end_ms: at(end_event), depth, event, end_event, status };
        out.spans.push(bar(kind, visit.entered, end_event));
        for &(failed, retried) in &visit.backoffs {
            if at(retried) > at(failed) {
                out.spans.push(bar(SpanKind::Backoff, failed, retried));
            }
        }
    }
    out
}

/// `Map #2 › Inner #0` for a path (empty at the top level).
pub fn iteration_label(path: &IterationPath) -> String {
    let mut label = String::new();
    for step in path.iter() {
        if !label.is_empty() {
            label.push_str(" › ");
        }
        label.push_str(&format!("{} #{}", step.map, step.index));
    }
    label
}

/// A bar placed on a drawing `width` pixels wide.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub lane: usize,
    pub kind: SpanKind,
    pub status: RunStatus,
    pub x: f64,
    pub width: f64,
    /// Where clicking the bar moves the cursor (the first merged span's event).
    pub event: usize,
    /// Spans drawn as this bar (narrow neighbours in one lane are merged).
    pub spans: usize,
}

/// Narrowest bar drawn, in pixels, so instant states stay visible and clickable.
pub const MIN_BAR_PX: f64 = 2.0;

/// The spans of lanes `first..first + count` placed on `width` pixels (by virtual
/// time, or by event order when no time passed); spans of one
/// lane and kind that would overlap on screen become one bar, so a loop of thousands
/// of visits draws at most a few bars per pixel column.
pub fn fit(t: &Timeline, width: f64, first: usize, count: usize) -> Vec<Bar> {
    let mut bars: Vec<Bar> = Vec::new();
    // The last bar of each (lane, kind), to extend instead of drawing anew.
    let mut last: BTreeMap<(usize, u8), usize> = BTreeMap::new();
    for span in t.spans.iter().filter(|s| s.lane >= first && s.lane < first + count) {
        let x = t.x(span.event, span.start_ms, width);
        let w = (t.x(span.end_event, span.end_ms, width) - x).max(MIN_BAR_PX);
        let key = (span.lane, span.kind as u8);
        if let Some(&b) = last.get(&key) {
            let bar = &mut bars[b];
            // Overlapping on screen (touching bars stay apart: back-to-back Waits).
            if x < bar.x + bar.width {
                bar.width = bar.width.max(x + w - bar.x);
                bar.spans += 1;
                bar.status = worse(bar.status, span.status);
                continue;
            }
        }
        last.insert(key, bars.len());
        bars.push(Bar { lane: span.lane, kind: span.kind, status: span.status, x, width: w, event: span.event, spans: 1 });
    }
    bars
}

/// The status a merged bar shows: a failure or a running visit stays visible.
fn worse(a: RunStatus, b: RunStatus) -> RunStatus {
    let rank = |s| match s {
        RunStatus::Failed => 4,
        RunStatus::InProgress => 3,
        RunStatus::Cancelled => 2,
        RunStatus::Caught => 1,
        RunStatus::Succeeded => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(lane: usize, start_ms: i64, end_ms: i64, event: usize) -> Span {
        Span { lane, state: Rc::from("S"), kind: SpanKind::Active, start_ms, end_ms, depth: 0, event, end_event: event + 1, status: RunStatus::Succeeded }
    }

    #[test]
    fn spans_scale_to_the_width_and_narrow_neighbours_merge() {
        let mut t = Timeline { start_ms: 1000, end_ms: 11_000, ..Timeline::default() };
        // 10 s over 100 px: 10 ms per pixel.
        t.spans = alloc::vec![span(0, 1000, 6000, 1), span(0, 6000, 6005, 2), span(0, 6005, 6010, 3), span(1, 9000, 11_000, 4)];
        let bars = fit(&t, 100.0, 0, 2);
        assert_eq!(bars.len(), 3);
        assert_eq!((bars[0].x, bars[0].width, bars[0].spans, bars[0].event), (0.0, 50.0, 1, 1));
        // Two 5 ms visits (0.05 px) drawn 2 px wide from 50 and 50.05 px overlap: one bar.
        assert_eq!((bars[1].x, bars[1].spans, bars[1].event), (50.0, 2, 2));
        assert!((bars[1].width - 2.05).abs() < 1e-9, "{}", bars[1].width);
        assert_eq!((bars[2].lane, bars[2].x, bars[2].width), (1, 80.0, 20.0));
        assert_eq!(fit(&t, 100.0, 1, 1).len(), 1, "only the lanes asked for");
    }

    #[test]
    fn an_instant_execution_is_laid_out_by_event_order() {
        let mut t = Timeline { start_ms: 0, end_ms: 0, events: 10, ..Timeline::default() };
        t.spans = alloc::vec![span(0, 0, 0, 1), span(1, 0, 0, 4)];
        let bars = fit(&t, 100.0, 0, 2);
        // Ten events over 100 px: event 1 → 10 px, event 4 → 40 px, each one event wide.
        assert_eq!((bars[0].x, bars[0].width, bars[1].x, bars[1].width), (10.0, 10.0, 40.0, 10.0));
        assert!(t.by_events() && t.x(5, 0, 100.0) == 50.0);
    }
}
