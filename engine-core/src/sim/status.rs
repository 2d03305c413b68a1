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

#[derive(Clone, Debug)]
struct Visit {
    name: Rc<str>,
    status: RunStatus,
    saw_failure: bool,
}

/// The status of every state that has run in `events[..upto]`, in order of first entry.
/// A state entered several times (loops, Map iterations) shows its latest visit, except
/// that a failure anywhere stays visible.
pub fn state_statuses(events: &[HistoryEvent], upto: usize) -> Vec<(Rc<str>, RunStatus)> {
    let mut scan = StatusScan::default();
    scan.feed(&events[..upto.min(events.len())]);
    scan.statuses()
}

/// `state_statuses` as a fold over the history that can be carried on as events are
/// shown, and copied to resume from.
#[derive(Clone, Debug, Default)]
pub struct StatusScan {
    visits: Vec<Visit>,
    // The states currently open, innermost last, so failure events find their state.
    open: Vec<usize>,
    /// How many events have been read.
    read: usize,
}

impl StatusScan {
    /// The statuses after the events read so far.
    pub fn statuses(&self) -> Vec<(Rc<str>, RunStatus)> {
        self.visits.iter().map(|v| (v.name.clone(), v.status)).collect()
    }

    /// Reads the next events.
    pub fn feed(&mut self, events: &[HistoryEvent]) {
        for event in events {
            self.event(event);
        }
        self.read += events.len();
    }

    fn find(&self, name: &Rc<str>) -> Option<usize> {
        // Names are usually shared with the visits' own: the pointer check spares the text.
        self.visits.iter().position(|v| Rc::ptr_eq(&v.name, name) || v.name == *name)
    }

    fn event(&mut self, event: &HistoryEvent) {
        let kind = event.event_type;
        if kind.ends_with("StateEntered") {
            let Some(name) = event.details.name.clone() else { return };
            let index = match self.find(&name) {
                Some(i) => {
                    let visit = &mut self.visits[i];
                    if visit.status != RunStatus::Failed {
                        visit.status = RunStatus::InProgress;
                    }
                    visit.saw_failure = false;
                    i
                }
                None => {
                    self.visits.push(Visit { name, status: RunStatus::InProgress, saw_failure: false });
                    self.visits.len() - 1
                }
            };
            if kind == "FailStateEntered" {
                self.visits[index].status = RunStatus::Failed;
            } else {
                self.open.push(index);
            }
            return;
        }
        let (visits, open) = (&mut self.visits, &mut self.open);
        if kind.ends_with("StateExited") {
            let Some(name) = event.details.name.as_ref() else { return };
            if let Some(pos) = open.iter().rposition(|&i| Rc::ptr_eq(&visits[i].name, name) || visits[i].name == *name) {
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
            for &index in open.iter() {
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
}

/// Statuses at any cursor without re-reading the whole history each time: the scan at
/// the last cursor asked for, and a copy every `EVERY` events to resume from when the
/// cursor moves back.
#[derive(Clone, Debug, Default)]
pub struct StatusCache {
    current: StatusScan,
    checkpoints: Vec<StatusScan>,
}

impl StatusCache {
    /// Events between two checkpoints: moving the cursor anywhere reads at most this many.
    const EVERY: usize = 1024;

    /// The statuses at `upto` events of `events` (a history that only grows).
    pub fn at(&mut self, events: &[HistoryEvent], upto: usize) -> Vec<(Rc<str>, RunStatus)> {
        let upto = upto.min(events.len());
        if self.current.read > upto {
            let k = (upto / Self::EVERY).min(self.checkpoints.len());
            self.current = if k == 0 { StatusScan::default() } else { self.checkpoints[k - 1].clone() };
        }
        while self.current.read < upto {
            let next = (self.current.read / Self::EVERY + 1) * Self::EVERY;
            let stop = next.min(upto);
            let from = self.current.read;
            self.current.feed(&events[from..stop]);
            if stop == next && self.checkpoints.len() < next / Self::EVERY {
                self.checkpoints.push(self.current.clone());
            }
        }
        self.current.statuses()
    }
}

fn is_failure(kind: &str) -> bool {
    kind.ends_with("Failed") || kind.ends_with("TimedOut")
}
