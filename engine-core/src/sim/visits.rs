//! The history read as state visits: which Map iteration each event ran in, which visit
//! it belongs to, and when each visit (and each iteration) began and ended.
//!
//! Map iterations interleave in the history, so an event's iteration is read from its
//! `previousEventId` chain (each thread chains its own events, starting from its
//! `MapIterationStarted`). A chain can run through a sibling's events where a thread
//! resumes after a child ends (AWS links `MapStateExited` to the last child event), so
//! an event keeps only the iterations of the Maps that actually hold its state.
//! Built incrementally, so a session extends it as the execution writes events.

use super::nesting::{GroupKind, Nesting};
use super::status::RunStatus;
use crate::run::HistoryEvent;
use alloc::collections::BTreeMap;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// One Map iteration an event ran in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Iteration {
    pub map: Rc<str>,
    pub index: u32,
}

/// The iterations around an event, outermost first (empty outside every Map).
pub type IterationPath = Rc<[Iteration]>;

/// One visit of a state: from its `…StateEntered` to its end.
#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    pub name: Rc<str>,
    pub path: IterationPath,
    /// Index of the `…StateEntered` event.
    pub entered: usize,
    /// Index of the event that ended the visit, and how it ended.
    pub end: Option<(usize, RunStatus)>,
    /// Retry back-off gaps: the failure event and the event that started the retry.
    pub backoffs: Vec<(usize, usize)>,
    failed_at: Option<usize>,
}

impl Visit {
    /// The visit's status when `cursor` events are shown (`None` before it began).
    pub fn status_at(&self, cursor: usize) -> Option<RunStatus> {
        if self.entered >= cursor {
            return None;
        }
        Some(match self.end {
            Some((at, status)) if at < cursor => status,
            _ => RunStatus::InProgress,
        })
    }
}

/// One iteration of a Map visit.
#[derive(Clone, Debug, PartialEq)]
pub struct IterationRun {
    /// The Map's visit (index into `Visits::visits`).
    pub map_visit: Option<usize>,
    pub index: u32,
    /// Its events' path (ends with this iteration).
    pub path: IterationPath,
    /// Index of its `MapIterationStarted` event.
    pub started: usize,
    pub end: Option<(usize, RunStatus)>,
}

/// Visits and iterations of a history, with each event's iteration path and visit.
#[derive(Clone, Debug, Default)]
pub struct Visits {
    nesting: Nesting,
    paths: Vec<IterationPath>,
    owners: Vec<Option<usize>>,
    visits: Vec<Visit>,
    iterations: Vec<IterationRun>,
    open: BTreeMap<(IterationPath, Rc<str>), usize>,
    open_iterations: BTreeMap<IterationPath, usize>,
}

impl Visits {
    /// An empty reading for a machine's history.
    pub fn new(nesting: Nesting) -> Visits {
        Visits { nesting, ..Visits::default() }
    }

    /// The placements it reads names with.
    pub fn nesting(&self) -> &Nesting {
        &self.nesting
    }

    /// Every visit so far, in order of entry.
    pub fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// Every Map iteration so far, in order of start.
    pub fn iterations(&self) -> &[IterationRun] {
        &self.iterations
    }

    /// The iteration path of the event at `index`.
    pub fn path(&self, index: usize) -> Option<&IterationPath> {
        self.paths.get(index)
    }

    /// The visit the event at `index` belongs to, when it can be told.
    pub fn owner(&self, index: usize) -> Option<usize> {
        self.owners.get(index).copied().flatten()
    }

    /// Reads the events it has not seen yet (`events` is the whole history so far).
    pub fn sync(&mut self, events: &[HistoryEvent]) {
        for i in self.paths.len()..events.len() {
            let (path, owner) = self.read(events, i);
            self.paths.push(path);
            self.owners.push(owner);
        }
    }

    fn read(&mut self, events: &[HistoryEvent], i: usize) -> (IterationPath, Option<usize>) {
        let e = &events[i];
        let prev = index_of(events, e.previous_event_id);
        let prev_path = prev.map_or_else(|| Rc::from(Vec::new()), |p| self.paths[p].clone());
        let prev_owner = prev.and_then(|p| self.owners[p]);
        let t = e.event_type;
        if let (true, Some(name)) = (t.ends_with("StateEntered"), e.details.name.clone()) {
            let path = self.trim(&prev_path, &name);
            if let Some(stale) = self.open.remove(&(path.clone(), name.clone())) {
                self.close(stale, i, RunStatus::Cancelled);
            }
            let v = self.visits.len();
            self.visits.push(Visit { name: name.clone(), path: path.clone(), entered: i, end: None, backoffs: Vec::new(), failed_at: None });
            if t == "FailStateEntered" {
                self.visits[v].end = Some((i, RunStatus::Failed));
            } else {
                self.open.insert((path.clone(), name), v);
            }
            return (path, Some(v));
        }
        if let (true, Some(name)) = (t.ends_with("StateExited"), e.details.name.clone()) {
            let path = self.trim(&prev_path, &name);
            let owner = self.open.remove(&(path.clone(), name.clone()));
            if let Some(v) = owner {
                let status = if self.visits[v].failed_at.is_some() { RunStatus::Caught } else { RunStatus::Succeeded };
                self.close(v, i, status);
                self.close_inside(&path, |n| n.is_inside_named(&name), i, RunStatus::Cancelled);
            }
            return (path, owner);
        }
        if let (Some(name), Some(index)) = (e.details.name.clone(), e.details.index.filter(|_| t.starts_with("MapIteration"))) {
            return self.iteration_event(t, name, index, &prev_path, i);
        }
        if let Some(kind) = group_event_kind(t) {
            return self.group_event(t, kind, &prev_path, prev_owner, i);
        }
        if t.ends_with("StateAborted") {
            // An aborted sibling's state follows its iteration's abort event.
            let after_iteration = i.checked_sub(1).filter(|&p| events[p].event_type.starts_with("MapIteration"));
            return (after_iteration.map_or(prev_path, |p| self.paths[p].clone()), None);
        }
        if t.starts_with("Execution") && t != "ExecutionStarted" {
            let status = match t {
                "ExecutionSucceeded" => RunStatus::Succeeded,
                "ExecutionAborted" => RunStatus::Cancelled,
                _ => RunStatus::Failed,
            };
            let open: Vec<usize> = self.open.values().copied().collect();
            for v in open {
                self.close(v, i, status);
            }
            self.open.clear();
            let running: Vec<usize> = self.open_iterations.values().copied().collect();
            for r in running {
                self.iterations[r].end = Some((i, status));
            }
            self.open_iterations.clear();
            return (prev_path, None);
        }
        // A Task's own events, Map Run events: same thread and visit as the previous one.
        if let Some(v) = prev_owner {
            if is_failure(t) {
                self.visits[v].failed_at = Some(i);
            } else if t.ends_with("Scheduled") {
                self.retried(v, i);
            }
        }
        (prev_path, prev_owner)
    }

    /// `MapIteration{Started,Succeeded,Failed,Aborted}` of Map `name`, iteration `index`.
    fn iteration_event(&mut self, t: &str, name: Rc<str>, index: u32, prev_path: &IterationPath, i: usize) -> (IterationPath, Option<usize>) {
        let base = self.trim(prev_path, &name);
        let mut steps = base.to_vec();
        steps.push(Iteration { map: name.clone(), index });
        let path: IterationPath = Rc::from(steps);
        let map_visit = self.open.get(&(base, name)).copied();
        let ended = match t {
            "MapIterationStarted" => {
                let r = self.iterations.len();
                self.iterations.push(IterationRun { map_visit, index, path: path.clone(), started: i, end: None });
                self.open_iterations.insert(path.clone(), r);
                None
            }
            "MapIterationSucceeded" => Some(RunStatus::Succeeded),
            "MapIterationFailed" => Some(RunStatus::Failed),
            _ => Some(RunStatus::Cancelled),
        };
        if let Some(status) = ended {
            if let Some(r) = self.open_iterations.remove(&path) {
                self.iterations[r].end = Some((i, status));
            }
            if status == RunStatus::Failed {
                if let Some(m) = map_visit {
                    self.visits[m].failed_at = Some(i);
                }
            }
            self.close_inside(&path, |_| true, i, status);
        }
        (path, map_visit)
    }

    /// `MapState*` / `ParallelState*` events: they carry no name, so the group is found
    /// from the previous event's state (itself on `…Started`, else an enclosing group).
    fn group_event(&mut self, t: &str, kind: GroupKind, prev_path: &IterationPath, prev_owner: Option<usize>, i: usize) -> (IterationPath, Option<usize>) {
        let Some(from) = prev_owner.map(|v| self.visits[v].name.clone()) else {
            return (prev_path.clone(), None);
        };
        let own = t.ends_with("Started") && self.nesting.group_kind(&from) == Some(kind);
        let group = if own { Some(from) } else { self.nesting.ancestors(&from).map(|(g, _)| g).find(|g| self.nesting.group_kind(g) == Some(kind)) };
        let Some(group) = group else {
            return (prev_path.clone(), None);
        };
        let path = self.trim(prev_path, &group);
        let owner = self.open.get(&(path.clone(), group)).copied();
        if let Some(v) = owner {
            if t.ends_with("Failed") {
                self.visits[v].failed_at = Some(i);
            } else if t.ends_with("Started") {
                self.retried(v, i);
            }
        }
        (path, owner)
    }

    /// A new attempt after a failure: the gap was the Retry back-off.
    fn retried(&mut self, v: usize, i: usize) {
        if let Some(failed) = self.visits[v].failed_at.take() {
            self.visits[v].backoffs.push((failed, i));
        }
    }

    fn close(&mut self, v: usize, i: usize, status: RunStatus) {
        if self.visits[v].end.is_none() {
            self.visits[v].end = Some((i, status));
        }
    }

    /// Ends every open visit on (or under) `path` whose state passes `inside`.
    fn close_inside(&mut self, path: &IterationPath, inside: impl Fn(&NameTest) -> bool, i: usize, status: RunStatus) {
        let ended: Vec<(IterationPath, Rc<str>)> = self
            .open
            .keys()
            .filter(|(p, n)| p.starts_with(path) && inside(&NameTest { nesting: &self.nesting, name: n }))
            .cloned()
            .collect();
        for key in ended {
            if let Some(v) = self.open.remove(&key) {
                self.close(v, i, status);
            }
        }
    }

    /// The longest prefix of `path` made of Maps that hold `name`.
    fn trim(&self, path: &IterationPath, name: &str) -> IterationPath {
        let keep = path.iter().take_while(|step| self.nesting.is_inside(name, &step.map)).count();
        if keep == path.len() {
            path.clone()
        } else {
            Rc::from(&path[..keep])
        }
    }
}

/// A state name asked about its place (for `close_inside`'s filter).
struct NameTest<'a> {
    nesting: &'a Nesting,
    name: &'a str,
}

impl NameTest<'_> {
    fn is_inside_named(&self, group: &str) -> bool {
        self.nesting.is_inside(self.name, group)
    }
}

fn group_event_kind(t: &str) -> Option<GroupKind> {
    // An abort is written from the failing sibling's thread: its chain says nothing.
    if t.ends_with("Entered") || t.ends_with("Exited") || t.ends_with("Aborted") {
        return None;
    }
    if t.starts_with("MapState") {
        Some(GroupKind::Map)
    } else if t.starts_with("ParallelState") {
        Some(GroupKind::Parallel)
    } else {
        None
    }
}

fn is_failure(t: &str) -> bool {
    t.ends_with("Failed") || t.ends_with("TimedOut")
}

/// The position of the event with id `id` (ids count up from 1, one per event).
pub(crate) fn index_of(events: &[HistoryEvent], id: u32) -> Option<usize> {
    let guess = (id as usize).checked_sub(1)?;
    if events.get(guess).is_some_and(|e| e.id == id) {
        return Some(guess);
    }
    events.binary_search_by_key(&id, |e| e.id).ok()
}
