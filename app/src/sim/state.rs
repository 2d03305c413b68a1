//! The simulate panel's state, provided once by `SimState`'s parent.

use engine_core::sim::{MockDrafts, Scenarios, Session, Verdict};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// Signals of the simulate panel. The session itself is not reactive: `rev` is bumped
/// after every change to it, and views read it inside `rev`-tracking closures.
#[derive(Clone, Copy)]
pub struct SimState {
    pub session: StoredValue<Option<Session>, LocalStorage>,
    pub rev: RwSignal<u64>,
    /// The execution input as typed (the active scenario's, being edited).
    pub input: RwSignal<String>,
    /// The mocks as typed (the active scenario's, being edited); edits inside a
    /// response do not notify (the editors keep their own text) but bump `edits`;
    /// `mocks_shape` is bumped when responses are added, removed, reordered or imported.
    pub drafts: RwSignal<MockDrafts>,
    pub mocks_shape: RwSignal<u64>,
    /// Bumped on every typed change to the drafts, so autosave follows typing.
    pub edits: RwSignal<u64>,
    /// The document's scenarios; the active one's input and mocks are the two signals
    /// above while it is being edited (see `snapshot`).
    pub scenarios: RwSignal<Scenarios>,
    /// The pass/fail table: per scenario name, the last run's result.
    pub verdicts: RwSignal<Vec<ScenarioRun>>,
    pub breakpoints: RwSignal<BTreeSet<String>>,
    /// The Map iteration picked per Map (by name): the graph and the inspector show its
    /// nested states in that iteration.
    pub picks: RwSignal<BTreeMap<String, u32>>,
    /// True while the cursor follows the run to its end or a breakpoint.
    pub running: RwSignal<bool>,
    /// True while the simulator's worker is still recording the run.
    pub recording: RwSignal<bool>,
    /// Why the last Run could not start.
    pub error: RwSignal<Option<String>>,
    /// True while the simulate panel is the pane on show: long lists are built only then.
    pub on_show: RwSignal<bool>,
}

/// One row of the pass/fail table.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioRun {
    pub name: String,
    /// The run's final status, or why it could not start.
    pub outcome: Result<&'static str, String>,
    pub verdict: Verdict,
}

impl SimState {
    pub fn new() -> SimState {
        SimState {
            session: StoredValue::new_local(None),
            rev: RwSignal::new(0),
            input: RwSignal::new("{}".to_string()),
            drafts: RwSignal::new(MockDrafts::default()),
            mocks_shape: RwSignal::new(0),
            edits: RwSignal::new(0),
            scenarios: RwSignal::new(Scenarios::default()),
            verdicts: RwSignal::new(Vec::new()),
            breakpoints: RwSignal::new(BTreeSet::new()),
            picks: RwSignal::new(BTreeMap::new()),
            running: RwSignal::new(false),
            recording: RwSignal::new(false),
            error: RwSignal::new(None),
            on_show: RwSignal::new(false),
        }
    }

    /// Reads the session (tracking `rev`); `None` before the first run.
    pub fn with_session<R>(&self, f: impl FnOnce(&Session) -> R) -> Option<R> {
        self.rev.track();
        self.session.with_value(|s| s.as_ref().map(f))
    }

    /// Changes the session and notifies every view.
    pub fn update_session<R>(&self, f: impl FnOnce(&mut Session) -> R) -> Option<R> {
        let out = self
            .session
            .try_update_value(|s| s.as_mut().map(f))
            .flatten();
        self.rev.update(|r| *r += 1);
        out
    }

    /// The picked iterations as the session's views take them (tracking `picks`).
    pub fn pick_list(&self) -> Vec<(Rc<str>, u32)> {
        self.picks.with(|p| p.iter().map(|(m, k)| (Rc::from(m.as_str()), *k)).collect())
    }

    /// Replaces the drafts and redraws the mocks editor.
    pub fn set_drafts(&self, drafts: MockDrafts) {
        self.drafts.set(drafts);
        self.mocks_shape.update(|n| *n += 1);
    }

    /// Notes a typed change to the drafts.
    pub fn touch(&self) {
        self.edits.update(|n| *n += 1);
    }

    /// The scenarios with the active one's input and mocks as they are being edited.
    pub fn snapshot(&self) -> Scenarios {
        let mut all = self.scenarios.get_untracked();
        let active = all.active_mut();
        active.input = self.input.get_untracked();
        active.mocks = self.drafts.get_untracked();
        all
    }

    /// Makes `scenarios` the panel's, showing the active one's input and mocks.
    pub fn load(&self, scenarios: Scenarios) {
        let active = scenarios.active().clone();
        self.scenarios.set(scenarios);
        self.input.set(active.input);
        self.set_drafts(active.mocks);
    }
}

/// The panel's state, provided by `PaneTabs`.
pub fn use_sim() -> SimState {
    expect_context::<SimState>()
}
