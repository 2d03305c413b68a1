//! Each state's status at a point in the history, named as the console colours them.

use crate::run::HistoryEvent;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// A state's status at the cursor (a state absent from the list has not run).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    InProgress,
    Succeeded,
    /// It failed, and a Catch sent the execution on.
    Caught,
    Failed,
    /// Aborted because a sibling branch or iteration failed.
    Cancelled,
}

impl RunStatus {
    /// The word the studio shows beside the colour (colour is never the only carrier).
    pub fn label(self) -> &'static str {
        match self {
            RunStatus::InProgress => "in progress",
            RunStatus::Succeeded => "succeeded",
            RunStatus::Caught => "caught error",
            RunStatus::Failed => "failed",
            RunStatus::Cancelled => "cancelled",
        }
    }
}

struct Visit {
    name: Rc<str>,
    status: RunStatus,
    saw_failure: bool,
}

/// The status of every state that has run in `events[..upto]`, in order of first entry.
/// A state entered several times (loops, Map iterations) shows its latest visit, except
/// that a failure anywhere stays visible.
pub fn state_statuses(events: &[HistoryEvent], upto: usize) -> Vec<(Rc<str>, RunStatus)> {
    let mut visits: Vec<Visit> = Vec::new();
    // The states currently open, innermost last, so failure events find their state.
    let mut open: Vec<usize> = Vec::new();
    for event in events.iter().take(upto) {
        let kind = event.event_type;
        if kind.ends_with("StateEntered") {
            let Some(name) = event.details.name.clone() else { continue };
            let index = match visits.iter().position(|v| v.name == name) {
                Some(i) => {
                    if visits[i].status != RunStatus::Failed {
                        visits[i].status = RunStatus::InProgress;
                    }
                    visits[i].saw_failure = false;
                    i
                }
                None => {
                    visits.push(Visit { name, status: RunStatus::InProgress, saw_failure: false });
                    visits.len() - 1
                }
            };
            if kind == "FailStateEntered" {
                visits[index].status = RunStatus::Failed;
            } else {
                open.push(index);
            }
        } else if kind.ends_with("StateExited") {
            let Some(name) = event.details.name.as_ref() else { continue };
            if let Some(pos) = open.iter().rposition(|&i| visits[i].name == *name) {
                let index = open.remove(pos);
                let visit = &mut visits[index];
                if visit.status == RunStatus::InProgress {
                    visit.status = if visit.saw_failure { RunStatus::Caught } else { RunStatus::Succeeded };
                }
            }
        } else if kind.ends_with("Scheduled") {
            // A retry: the earlier attempt's failure was handled by a Retry, not a Catch.
            if let Some(&index) = open.last() {
                visits[index].saw_failure = false;
            }
        } else if is_failure(kind) {
            if let Some(&index) = open.last() {
                visits[index].saw_failure = true;
            }
        } else if kind == "MapIterationAborted" || kind == "ParallelStateAborted" {
            for &index in &open {
                if visits[index].status == RunStatus::InProgress {
                    visits[index].status = RunStatus::Cancelled;
                }
            }
        } else if kind.starts_with("Execution") && kind != "ExecutionStarted" {
            // The execution ended: whatever is still open failed with it (or timed out).
            let ended = if kind == "ExecutionSucceeded" { RunStatus::Succeeded } else { RunStatus::Failed };
            for index in open.drain(..) {
                if visits[index].status == RunStatus::InProgress {
                    visits[index].status = ended;
                }
            }
        }
    }
    visits.into_iter().map(|v| (v.name, v.status)).collect()
}

fn is_failure(kind: &str) -> bool {
    kind.ends_with("Failed") || kind.ends_with("TimedOut")
}
