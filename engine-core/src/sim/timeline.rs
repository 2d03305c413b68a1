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
}

/// The timeline of `events` as read into `visits`. A visit that has not ended runs to
/// the last event's time.
pub fn timeline(events: &[HistoryEvent], visits: &Visits) -> Timeline {
    let at = |i: usize| events.get(i).map_or(0, |e| e.timestamp_ms);
    let end_ms = events.last().map_or(0, |e| e.timestamp_ms);
    let mut out = Timeline { start_ms: at(0), end_ms, ..Timeline::default() };
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
        let (end, status) = match visit.end {
            Some((i, s)) => (at(i), s),
            None => (end_ms, RunStatus::InProgress),
        };
        let waits = events.get(visit.entered).is_some_and(|e| e.event_type == "WaitStateEntered");
        let kind = if waits { SpanKind::Waiting } else { SpanKind::Active };
        let bar = |kind, start_ms, end_ms, event| Span { lane, state: visit.name.clone(), kind, start_ms, end_ms, depth, event, status };
        out.spans.push(bar(kind, at(visit.entered), end, visit.entered));
        for &(failed, retried) in &visit.backoffs {
            if at(retried) > at(failed) {
                out.spans.push(bar(SpanKind::Backoff, at(failed), at(retried), failed));
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
