//! Where each state sits in the machine: the Map or Parallel (and branch) that holds it.
//! State names are unique across a whole machine, so a name found in the history says
//! which group it ran in; only the Map iteration has to be read from the events.

use crate::run::definition::{Graph, Kind, Transition};
use crate::run::StateMachine;
use alloc::collections::BTreeMap;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// The two kinds of state that run nested states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    Map,
    Parallel,
}

/// One state's place in the machine.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// The Map or Parallel holding this state, and the branch (always 0 for a Map).
    pub parent: Option<(Rc<str>, usize)>,
    /// Set when the state is itself a Map or Parallel.
    pub group: Option<GroupKind>,
    /// True when the state ends its branch (`End`, `Succeed`, `Fail`).
    pub terminal: bool,
    /// Map and Parallel states around it.
    pub depth: usize,
    /// A Parallel's branch count (1 for a Map, 0 for other states).
    pub branches: usize,
}

/// Every state's placement, by name, and the groups in definition order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Nesting {
    // Read and written directly by the recording's wire form (`sim::wire`).
    pub(super) states: BTreeMap<Rc<str>, Placement>,
    pub(super) groups: Vec<Rc<str>>,
}

impl Nesting {
    /// Reads the placements from a compiled machine.
    pub fn of(machine: &StateMachine) -> Nesting {
        let mut nesting = Nesting::default();
        nesting.visit(&machine.graph, None, 0);
        nesting
    }

    fn visit(&mut self, graph: &Graph, parent: Option<(Rc<str>, usize)>, depth: usize) {
        for state in &graph.states {
            let (group, branches): (_, Vec<&Rc<Graph>>) = match &state.kind {
                Kind::Parallel { branches } => (Some(GroupKind::Parallel), branches.iter().collect()),
                Kind::Map(spec) => (Some(GroupKind::Map), alloc::vec![&spec.processor]),
                _ => (None, Vec::new()),
            };
            let terminal = !matches!(state.kind, Kind::Choice { .. }) && !matches!(state.transition, Transition::Next(_));
            let placement = Placement { parent: parent.clone(), group, terminal, depth, branches: branches.len() };
            self.states.insert(state.name.clone(), placement);
            if group.is_some() {
                self.groups.push(state.name.clone());
            }
            for (b, branch) in branches.into_iter().enumerate() {
                self.visit(branch, Some((state.name.clone(), b)), depth + 1);
            }
        }
    }

    /// The placement of a state, if the machine has it.
    pub fn get(&self, name: &str) -> Option<&Placement> {
        self.states.get(name)
    }

    /// The Map and Parallel states, in definition order (outer before inner).
    pub fn groups(&self) -> &[Rc<str>] {
        &self.groups
    }

    /// The group kind of a state (`None` for other states and unknown names).
    pub fn group_kind(&self, name: &str) -> Option<GroupKind> {
        self.get(name).and_then(|p| p.group)
    }

    /// Nesting depth of a state (0 at the top level or when unknown).
    pub fn depth(&self, name: &str) -> usize {
        self.get(name).map_or(0, |p| p.depth)
    }

    /// True when `name` runs somewhere inside `group` (at any depth).
    pub fn is_inside(&self, name: &str, group: &str) -> bool {
        self.ancestors(name).any(|(g, _)| &*g == group)
    }

    /// The groups around a state, innermost first, each with the branch it is in.
    pub fn ancestors<'a>(&'a self, name: &str) -> impl Iterator<Item = (Rc<str>, usize)> + 'a {
        let mut at = self.get(name).and_then(|p| p.parent.clone());
        core::iter::from_fn(move || {
            let here = at.take()?;
            at = self.get(&here.0).and_then(|p| p.parent.clone());
            Some(here)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    #[test]
    fn places_branch_and_iteration_states() {
        let text = r#"{"StartAt":"P","States":{
            "P":{"Type":"Parallel","Next":"M","Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                {"StartAt":"B","States":{"B":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"C"}],"Default":"C"},"C":{"Type":"Succeed"}}}]},
            "M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Pass","End":true}}}}}}"#;
        let m = StateMachine::compile(&parse_value(text).unwrap()).unwrap();
        let n = Nesting::of(&m);
        assert_eq!(n.groups(), &[Rc::from("P"), Rc::from("M")]);
        assert_eq!(n.get("B").unwrap().parent, Some((Rc::from("P"), 1)));
        assert_eq!(n.get("T").unwrap().parent, Some((Rc::from("M"), 0)));
        assert_eq!(n.group_kind("M"), Some(GroupKind::Map));
        assert_eq!(n.depth("A"), 1);
        assert!(n.is_inside("C", "P") && !n.is_inside("C", "M"));
        assert!(!n.get("B").unwrap().terminal && n.get("C").unwrap().terminal && n.get("A").unwrap().terminal);
        assert!(!n.get("P").unwrap().terminal);
        assert_eq!(n.get("P").unwrap().branches, 2);
    }
}
