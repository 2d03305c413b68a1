//! A generated state machine of a given size, shaped like real ones: chains of Tasks,
//! Choice fan-outs that join again (some looping back), Catchers to Fail states, and
//! Parallels and Maps nested a few levels deep. Shared by the tests and the benchmark.

use engine_core::layout::{ContainerRef, EdgeKind, LayoutEdge, LayoutInput, LayoutNode, NodeKind};
use engine_core::rng::Rng;

/// How deep the generated Parallels and Maps nest.
const MAX_NESTING: usize = 3;

struct Gen {
    input: LayoutInput,
    rng: Rng,
    left: usize,
    /// Top-level Fail states: each gets an edge to the End marker, as the studio draws them.
    top_fails: Vec<usize>,
}

impl Gen {
    fn node(&mut self, kind: NodeKind, parent: Option<ContainerRef>) -> usize {
        let id = self.input.nodes.len();
        let label = format!("{kind:?}{id}");
        let (width, height) = match kind {
            NodeKind::Start | NodeKind::End => (28.0, 28.0),
            _ => (120.0 + (self.rng.int_in(0, 10) * 8) as f64, 40.0),
        };
        self.input.nodes.push(LayoutNode {
            id,
            label,
            kind,
            width,
            height,
            parent,
        });
        if !matches!(kind, NodeKind::Start | NodeKind::End) {
            self.left = self.left.saturating_sub(1);
        }
        id
    }

    fn edge(&mut self, from: usize, to: usize, kind: EdgeKind, label: Option<String>) {
        self.input.edges.push(LayoutEdge {
            from,
            to,
            kind,
            label,
        });
    }

    /// A run of blocks in one scope; returns its first and last state.
    fn sequence(
        &mut self,
        parent: Option<ContainerRef>,
        depth: usize,
        budget: usize,
    ) -> Option<(usize, usize)> {
        let stop = self.left.saturating_sub(budget);
        let mut ends: Option<(usize, usize)> = None;
        while self.left > stop {
            let (first, last) = self.block(parent, depth, self.left - stop);
            match &mut ends {
                None => ends = Some((first, last)),
                Some((_, prev)) => {
                    let p = *prev;
                    self.edge(p, first, EdgeKind::Next, None);
                    *prev = last;
                }
            }
        }
        ends
    }

    fn block(
        &mut self,
        parent: Option<ContainerRef>,
        depth: usize,
        budget: usize,
    ) -> (usize, usize) {
        let roll = self.rng.int_in(0, 9);
        // Each block stays within its budget, so the machine has exactly the states asked for.
        if budget >= 17 && roll < 3 {
            self.choice(parent)
        } else if budget >= 12 && depth < MAX_NESTING && roll < 5 {
            self.container(parent, depth, budget)
        } else if budget >= 3 && roll < 6 {
            self.caught_task(parent)
        } else {
            self.chain(parent, budget)
        }
    }

    fn chain(&mut self, parent: Option<ContainerRef>, budget: usize) -> (usize, usize) {
        let n = (self.rng.int_in(1, 4) as usize).min(budget.max(1));
        let first = self.node(NodeKind::Task, parent);
        let mut last = first;
        for _ in 1..n {
            let next = self.node(NodeKind::Task, parent);
            self.edge(last, next, EdgeKind::Next, None);
            last = next;
        }
        (first, last)
    }

    fn caught_task(&mut self, parent: Option<ContainerRef>) -> (usize, usize) {
        let task = self.node(NodeKind::Task, parent);
        let fail = self.node(NodeKind::Fail, parent);
        if parent.is_none() {
            self.top_fails.push(fail);
        }
        let after = self.node(NodeKind::Pass, parent);
        self.edge(task, after, EdgeKind::Next, None);
        self.edge(
            task,
            fail,
            EdgeKind::Catch(0),
            Some("States.ALL".to_string()),
        );
        (task, after)
    }

    fn choice(&mut self, parent: Option<ContainerRef>) -> (usize, usize) {
        let choice = self.node(NodeKind::Choice, parent);
        let join = self.node(NodeKind::Pass, parent);
        let rules = self.rng.int_in(2, 4) as usize;
        for arm in 0..=rules {
            let (first, last) = self.chain(parent, 3);
            let kind = if arm == rules {
                EdgeKind::Default
            } else {
                EdgeKind::ChoiceRule(arm)
            };
            self.edge(choice, first, kind, Some(format!("$.v == {arm}")));
            // Now and then an arm retries: a loop back to the Choice.
            let target = if self.rng.int_in(0, 5) == 0 {
                choice
            } else {
                join
            };
            self.edge(last, target, EdgeKind::Next, None);
        }
        (choice, join)
    }

    fn container(
        &mut self,
        parent: Option<ContainerRef>,
        depth: usize,
        budget: usize,
    ) -> (usize, usize) {
        let is_map = self.rng.int_in(0, 2) == 0;
        let kind = if is_map {
            NodeKind::Map
        } else {
            NodeKind::Parallel
        };
        let node = self.node(kind, parent);
        let lanes = if is_map {
            1
        } else {
            self.rng.int_in(2, 4) as usize
        };
        let share = ((budget - 1) / 2 / lanes).max(1);
        for lane in 0..lanes {
            self.sequence(Some(ContainerRef { node, lane }), depth + 1, share);
        }
        (node, node)
    }
}

/// A machine with exactly `states` states (plus a Start and an End marker), fixed by `seed`.
pub fn machine(states: usize, seed: u64) -> LayoutInput {
    let mut g = Gen {
        input: LayoutInput::default(),
        rng: Rng::seeded(seed),
        left: states,
        top_fails: Vec::new(),
    };
    let start = g.node(NodeKind::Start, None);
    let end = g.node(NodeKind::End, None);
    if let Some((first, last)) = g.sequence(None, 0, states) {
        g.edge(start, first, EdgeKind::Start, None);
        g.edge(last, end, EdgeKind::End, None);
    }
    for fail in core::mem::take(&mut g.top_fails) {
        g.edge(fail, end, EdgeKind::End, None);
    }
    g.input
}
