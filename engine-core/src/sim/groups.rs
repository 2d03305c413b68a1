//! Map and Parallel at the cursor: each iteration's or branch's status, and the graph's
//! colours with one iteration picked per Map (its nested states show that iteration).

use super::nesting::GroupKind;
use super::status::RunStatus;
use super::visits::{Visit, Visits};
use alloc::rc::Rc;
use alloc::vec::Vec;

/// One iteration (Map) or branch (Parallel) and its status at the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Child {
    pub index: u32,
    pub status: RunStatus,
}

/// A Map or Parallel state's latest visit at the cursor, child by child.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupView {
    pub name: Rc<str>,
    pub kind: GroupKind,
    pub children: Vec<Child>,
}

/// Every Map and Parallel that has been entered by `cursor`, in definition order.
pub fn group_views(visits: &Visits, cursor: usize) -> Vec<GroupView> {
    let nesting = visits.nesting();
    nesting
        .groups()
        .iter()
        .filter_map(|name| {
            let kind = nesting.group_kind(name)?;
            let (index, visit) = latest_visit(visits, name, cursor)?;
            let children = match kind {
                GroupKind::Map => map_children(visits, index, cursor),
                GroupKind::Parallel => {
                    let branches = nesting.get(name).map_or(0, |p| p.branches);
                    (0..branches).map(|b| Child { index: b as u32, status: branch_status(visits, visit, b, cursor) }).collect()
                }
            };
            Some(GroupView { name: name.clone(), kind, children })
        })
        .collect()
}

fn latest_visit<'a>(visits: &'a Visits, name: &str, cursor: usize) -> Option<(usize, &'a Visit)> {
    visits.visits().iter().enumerate().rev().find(|(_, v)| &*v.name == name && v.entered < cursor)
}

fn map_children(visits: &Visits, map_visit: usize, cursor: usize) -> Vec<Child> {
    visits
        .iterations()
        .iter()
        .filter(|r| r.map_visit == Some(map_visit) && r.started < cursor)
        .map(|r| {
            let status = match r.end {
                Some((at, s)) if at < cursor => s,
                _ => RunStatus::InProgress,
            };
            Child { index: r.index, status }
        })
        .collect()
}

/// A branch's status from its states' visits within the Parallel's visit: a failure or
/// cancellation shows; it has succeeded once a state that ends the branch has.
fn branch_status(visits: &Visits, parallel: &Visit, branch: usize, cursor: usize) -> RunStatus {
    let nesting = visits.nesting();
    let mut finished = false;
    let mut worst: Option<RunStatus> = None;
    for v in visits.visits().iter().filter(|v| v.entered > parallel.entered && v.path == parallel.path) {
        let Some(status) = v.status_at(cursor) else { continue };
        let Some((_, b)) = nesting.ancestors(&v.name).find(|(g, _)| *g == parallel.name) else { continue };
        if b != branch {
            continue;
        }
        match status {
            RunStatus::Failed | RunStatus::Cancelled => worst = Some(worst.map_or(status, |w| if w == RunStatus::Failed { w } else { status })),
            RunStatus::Succeeded | RunStatus::Caught => {
                let direct = nesting.get(&v.name).and_then(|p| p.parent.as_ref()).is_some_and(|(g, _)| *g == parallel.name);
                finished |= direct && nesting.get(&v.name).is_some_and(|p| p.terminal);
            }
            RunStatus::InProgress => {}
        }
    }
    match (worst, finished, parallel.status_at(cursor)) {
        (Some(w), _, _) => w,
        (None, true, _) | (None, _, Some(RunStatus::Succeeded | RunStatus::Caught)) => RunStatus::Succeeded,
        _ => RunStatus::InProgress,
    }
}

/// The graph's statuses with Maps' nested states shown for one picked iteration each:
/// `picks` names a Map and an iteration index; its nested states take their latest
/// status within that iteration (and are not run when it has not reached them).
pub fn picked_statuses(visits: &Visits, base: Vec<(Rc<str>, RunStatus)>, picks: &[(Rc<str>, u32)], cursor: usize) -> Vec<(Rc<str>, RunStatus)> {
    let nesting = visits.nesting();
    let mut out = base;
    for (map, k) in picks {
        let Some((map_visit, _)) = latest_visit(visits, map, cursor) else { continue };
        let Some(run) = visits.iterations().iter().find(|r| r.map_visit == Some(map_visit) && r.index == *k && r.started < cursor) else {
            continue;
        };
        out.retain(|(name, _)| !nesting.is_inside(name, map));
        for v in visits.visits().iter().filter(|v| v.entered > run.started && v.path.starts_with(&run.path)) {
            let Some(status) = v.status_at(cursor) else { continue };
            match out.iter_mut().find(|(n, _)| *n == v.name) {
                Some(slot) => slot.1 = status,
                None => out.push((v.name.clone(), status)),
            }
        }
    }
    out
}
