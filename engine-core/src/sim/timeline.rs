//! States laid out over virtual time, for the studio's Gantt view: one span per state
//! visit, with Wait time and retry back-off shown as their own spans.

use crate::run::HistoryEvent;
use alloc::rc::Rc;
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

/// One bar of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub state: Rc<str>,
    pub kind: SpanKind,
    /// Virtual epoch milliseconds.
    pub start_ms: i64,
    pub end_ms: i64,
    /// Nesting depth (states inside Parallel branches and Map iterations are deeper).
    pub depth: usize,
}

struct Open {
    name: Rc<str>,
    entered_ms: i64,
    waiting: bool,
    failed_at: Option<i64>,
}

/// The spans of `events`, ordered by start time (then by depth). A visit that has not
/// ended by the last event ends at the last event's time.
pub fn timeline(events: &[HistoryEvent]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    for event in events {
        let kind = event.event_type;
        let at = event.timestamp_ms;
        if kind.ends_with("StateEntered") {
            let Some(name) = event.details.name.clone() else { continue };
            if kind == "FailStateEntered" {
                spans.push(Span { state: name, kind: SpanKind::Active, start_ms: at, end_ms: at, depth: open.len() });
                continue;
            }
            open.push(Open { name, entered_ms: at, waiting: kind == "WaitStateEntered", failed_at: None });
        } else if kind.ends_with("StateExited") {
            let Some(name) = event.details.name.as_ref() else { continue };
            if let Some(pos) = open.iter().rposition(|o| o.name == *name) {
                let visit = open.remove(pos);
                let kind = if visit.waiting { SpanKind::Waiting } else { SpanKind::Active };
                spans.push(Span { state: visit.name, kind, start_ms: visit.entered_ms, end_ms: at, depth: pos });
            }
        } else if kind.ends_with("Failed") || kind.ends_with("TimedOut") {
            if let Some(visit) = open.last_mut() {
                visit.failed_at = Some(at);
            }
        } else if kind.ends_with("Scheduled") {
            // A new attempt after a failure: the gap was the retry back-off.
            let depth = open.len().saturating_sub(1);
            if let Some(visit) = open.last_mut() {
                if let Some(failed) = visit.failed_at.take() {
                    if at > failed {
                        spans.push(Span { state: visit.name.clone(), kind: SpanKind::Backoff, start_ms: failed, end_ms: at, depth });
                    }
                }
            }
        }
    }
    let end = events.last().map_or(0, |e| e.timestamp_ms);
    for (depth, visit) in open.into_iter().enumerate() {
        let kind = if visit.waiting { SpanKind::Waiting } else { SpanKind::Active };
        spans.push(Span { state: visit.name, kind, start_ms: visit.entered_ms, end_ms: end, depth });
    }
    spans.sort_by(|a, b| a.start_ms.cmp(&b.start_ms).then(a.depth.cmp(&b.depth)));
    spans
}
