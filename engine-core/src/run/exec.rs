//! The execution: options, the step loop, the virtual clock, limits, and the terminal
//! events. State-by-state behaviour lives in `frame.rs`, Map/Parallel in `group.rs`.
//!
//! Interleaving (documented, deterministic): every thread of execution (the machine, a
//! Parallel branch, a Map iteration) advances in *units* (e.g. a Task's
//! `Entered+Scheduled`, then `Started`, then its outcome, then `Exited`). A Map or
//! Parallel state advances its children round-robin, one unit per child per turn, in
//! branch/iteration order, skipping children waiting on the virtual clock; when every
//! thread waits, the clock jumps to the earliest wake-up time. A child that finished or
//! failed is reaped on its next turn.

use super::context::ContextBase;
use super::events::{Details, HistoryEvent, RareDetails};
use super::frame::{Frame, Phase, Progress};
use super::history::History;
use super::inspect::StateInspection;
use super::mocks::Mocks;
use super::result_writer::WrittenObject;
use super::size::SizeCache;
use super::StateMachine;
use crate::failure::errors;
use crate::rng::Rng;
use crate::{Failure, Map, Value};
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use hashbrown::HashMap;

/// Limits AWS enforces, plus a work cap so a hostile definition cannot hang the page.
#[derive(Clone, Debug)]
pub struct Limits {
    /// AWS's 25,000: event 25,000 may only be `ExecutionSucceeded`, else the execution
    /// fails with `States.Runtime` ("The execution reached the maximum number of history events (25000).").
    pub max_history_events: u32,
    /// AWS's 256 KiB per payload (`States.DataLimitExceeded`).
    pub max_payload_bytes: usize,
    /// The work cap (not AWS's): one unit per step of any thread, plus one per value a
    /// Map's ItemSelector builds. Past it the execution fails with `States.Runtime`, which
    /// no Catch handles; it bounds what the silent children of a distributed Map can do.
    pub max_units: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_history_events: 25_000, max_payload_bytes: 262_144, max_units: 5_000_000 }
    }
}

/// The failure when an execution has done more work than `Limits::max_units` allows.
fn work_limit(max_units: u64) -> Failure {
    Failure::runtime(alloc::format!("The execution exceeded the interpreter's work limit ({max_units} units)."))
}

/// Nodes of `v` that no other value shares (just built): shared subtrees cost nothing.
pub(crate) fn fresh_nodes(v: &Value) -> u64 {
    fn count(v: &Value, depth: usize) -> u64 {
        match v {
            _ if depth > 512 => 1,
            Value::Array(a) if crate::shared::Shared::strong_count(a) == 1 => 1 + a.iter().map(|x| count(x, depth + 1)).sum::<u64>(),
            Value::Object(m) if crate::shared::Shared::strong_count(m) == 1 => 1 + m.values().map(|x| count(x, depth + 1)).sum::<u64>(),
            _ => 1,
        }
    }
    count(v, 0)
}

/// How the execution was started: a Standard workflow, or an Express one started
/// asynchronously (StartExecution) or synchronously (StartSyncExecution).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExecutionType {
    #[default]
    Standard,
    ExpressAsync,
    ExpressSync,
}

/// How to run one execution.
#[derive(Clone, Debug)]
pub struct ExecutionOptions {
    pub mocks: Mocks,
    pub seed: u64,
    /// Virtual start time, epoch milliseconds.
    pub start_time_ms: i64,
    pub limits: Limits,
    pub execution_name: String,
    pub region: String,
    pub account_id: String,
    /// Keep the history events (the 25,000-event limit is enforced either way).
    pub record_history: bool,
    /// Keep per-state inspection data (TestState's `afterInputPath`, …).
    pub inspect: bool,
    /// Standard or Express (changes the execution ARN and `$$.Execution`).
    pub execution_type: ExecutionType,
    /// `$$.Execution.RoleArn`; `None` gives a role in the options' account.
    pub role_arn: Option<String>,
}

impl Default for ExecutionOptions {
    fn default() -> Self {
        ExecutionOptions {
            mocks: Mocks::none(),
            seed: 0,
            start_time_ms: 1_704_067_200_000, // 2024-01-01T00:00:00Z
            limits: Limits::default(),
            execution_name: String::from("statelab-execution"),
            region: String::from("us-east-1"),
            account_id: String::from("123456789012"),
            record_history: true,
            inspect: false,
            execution_type: ExecutionType::Standard,
            role_arn: None,
        }
    }
}

/// Where an execution is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Running,
    Succeeded,
    Failed,
    TimedOut,
}

impl Status {
    /// AWS's name for the status.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Running => "RUNNING",
            Status::Succeeded => "SUCCEEDED",
            Status::Failed => "FAILED",
            Status::TimedOut => "TIMED_OUT",
        }
    }
}

/// Everything outside the frame tree: history, clock, randomness, mock counters.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub now_ms: i64,
    pub start_ms: i64,
    pub next_id: u32,
    pub history: History,
    pub record: bool,
    pub rng: Rng,
    pub token_rng: Rng,
    pub mocks: Mocks,
    pub mock_calls: HashMap<Rc<str>, usize>,
    pub limits: Rc<Limits>,
    /// The fixed part of `$$`, built on first use (most executions never read `$$`).
    pub base: core::cell::OnceCell<Rc<ContextBase>>,
    /// What `base` is built from.
    pub base_source: Rc<(String, ExecutionOptions, Rc<Value>)>,
    /// Bytes of all live variables (the 10 MiB execution limit).
    pub var_bytes: usize,
    pub region: &'static str,
    pub transitions: u64,
    pub retries: u64,
    pub units: u64,
    /// Set when the history limit is reached; the execution then fails.
    pub history_full: bool,
    pub inspections: Option<Vec<Rc<StateInspection>>>,
    /// Objects distributed Maps' ResultWriters stored.
    pub written: Vec<WrittenObject>,
    /// Size bounds of recently measured payload containers (the 256 KiB limit).
    pub sizes: SizeCache,
}

impl Ctx {
    /// The fixed part of `$$` (execution and state machine ARNs, names, start time).
    pub fn base(&self) -> &ContextBase {
        self.base.get_or_init(|| {
            let (name, options, input) = &*self.base_source;
            Rc::new(ContextBase::new(name, options, input.clone()))
        })
    }

    /// Counts `units` of work against `Limits::max_units`: a Map's item selection can make
    /// far more data than one step's worth, so it pays for what it builds.
    pub fn charge(&mut self, units: u64) -> Result<(), Failure> {
        self.units = self.units.saturating_add(units);
        if self.units > self.limits.max_units {
            return Err(work_limit(self.limits.max_units));
        }
        Ok(())
    }

    /// Appends an event (unless `silent`, for child executions of a distributed Map).
    pub fn emit(&mut self, silent: bool, prev: u32, event_type: &'static str, details: Details) -> u32 {
        if silent {
            return prev;
        }
        if self.next_id >= self.limits.max_history_events {
            // Ids up to max-1 are ordinary events; the last one is kept for ExecutionFailed.
            self.history_full = true;
            return prev;
        }
        self.emit_terminal(prev, event_type, details)
    }

    /// Appends a closing event; it may take the last id the limit allows.
    pub fn emit_terminal(&mut self, prev: u32, event_type: &'static str, details: Details) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        if self.record {
            self.history.push(HistoryEvent { id, previous_event_id: prev, timestamp_ms: self.now_ms, event_type, details });
        }
        id
    }
}

/// One simulated execution. `Clone` is cheap (shared history chunks and payloads), so a
/// clone is a snapshot the studio can restore to step back.
#[derive(Clone)]
pub struct Execution {
    pub(crate) ctx: Ctx,
    root: Frame,
    status: Status,
    output: Option<Rc<Value>>,
    failure: Option<Failure>,
    deadline_ms: Option<i64>,
}

impl Execution {
    /// Starts an execution: records `ExecutionStarted` and places the machine at StartAt.
    pub fn new(machine: &StateMachine, input: Value, options: ExecutionOptions) -> Execution {
        let input = Rc::new(input);
        let region: &'static str = if options.region == "us-east-1" { "us-east-1" } else { "<region>" };
        let deadline_ms = machine.timeout_seconds.map(|s| options.start_time_ms.saturating_add((s as i64).saturating_mul(1000)));
        let mut ctx = Ctx {
            now_ms: options.start_time_ms,
            start_ms: options.start_time_ms,
            next_id: 1,
            history: History::default(),
            record: options.record_history,
            rng: Rng::seeded(options.seed),
            token_rng: Rng::seeded(options.seed ^ 0x5EED_70C3_u64),
            mocks: options.mocks.clone(),
            mock_calls: HashMap::new(),
            limits: Rc::new(options.limits.clone()),
            base: core::cell::OnceCell::new(),
            inspections: if options.inspect { Some(Vec::new()) } else { None },
            // The options move here whole: `$$` is built from them only if a state reads it.
            base_source: Rc::new((machine.name.clone(), options, input.clone())),
            var_bytes: 0,
            region,
            transitions: 0,
            retries: 0,
            units: 0,
            history_full: false,
            written: Vec::new(),
            sizes: SizeCache::default(),
        };
        ctx.emit(false, 0, "ExecutionStarted", Details { input: Some(input.clone()), ..Details::default() });
        // AWS links the first state's entry to event 0, not to ExecutionStarted.
        let root = Frame::new(machine.graph.clone(), input, 0, false, Rc::new(Map::default()));
        let mut exec = Execution { ctx, root, status: Status::Running, output: None, failure: None, deadline_ms };
        if exec.ctx.history_full {
            exec.finish_history_limit();
        }
        exec
    }

    /// Advances until at least one history event is written or the execution ends;
    /// returns the events written.
    pub fn step(&mut self) -> Vec<HistoryEvent> {
        let before = self.ctx.history.len();
        let start_id = self.ctx.next_id;
        while self.status == Status::Running && self.ctx.next_id == start_id {
            self.unit();
        }
        self.ctx.history.since(before)
    }

    /// Runs to completion.
    pub fn run(&mut self) -> Status {
        while self.status == Status::Running {
            self.unit();
        }
        self.status
    }

    fn unit(&mut self) {
        if let Err(f) = self.ctx.charge(1) {
            self.fail(f);
            return;
        }
        match self.root.phase {
            Phase::Done(ref out) => {
                let out = out.clone();
                let prev = self.root.last;
                self.ctx.emit_terminal(prev, "ExecutionSucceeded", Details { output: Some(out.clone()), ..Details::default() });
                self.status = Status::Succeeded;
                self.output = Some(out);
                return;
            }
            Phase::Failed(ref f) => {
                let f = f.clone();
                self.fail(f);
                return;
            }
            _ => {}
        }
        match self.root.advance(&mut self.ctx) {
            Progress::Did => {}
            Progress::Blocked(until) => {
                if let Some(deadline) = self.deadline_ms {
                    if until > deadline {
                        self.ctx.now_ms = deadline;
                        self.time_out();
                        return;
                    }
                }
                self.ctx.now_ms = self.ctx.now_ms.max(until);
            }
        }
        if self.ctx.history_full {
            self.finish_history_limit();
        }
    }

    fn fail(&mut self, f: Failure) {
        let prev = self.root.last;
        self.ctx.history_full = false;
        self.ctx.emit_terminal(prev, "ExecutionFailed", Details { rare: RareDetails::failure(f.error.clone(), f.cause.clone()), ..Details::default() });
        self.status = Status::Failed;
        self.failure = Some(f);
    }

    fn finish_history_limit(&mut self) {
        let cause = alloc::format!("The execution reached the maximum number of history events ({}).", self.ctx.limits.max_history_events);
        self.root.last = self.ctx.next_id.saturating_sub(1);
        self.fail(Failure::new(errors::RUNTIME, cause));
    }

    fn time_out(&mut self) {
        let prev = self.root.last;
        self.ctx.emit_terminal(prev, "ExecutionTimedOut", Details { rare: RareDetails::failure(Some(errors::TIMEOUT.to_string()), None), ..Details::default() });
        self.status = Status::TimedOut;
        self.failure = Some(Failure::error_only(errors::TIMEOUT));
    }

    /// The current status.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The output, once SUCCEEDED.
    pub fn output(&self) -> Option<&Value> {
        self.output.as_deref()
    }

    /// The error and cause, once FAILED or TIMED_OUT.
    pub fn failure(&self) -> Option<&Failure> {
        self.failure.as_ref()
    }

    /// Every recorded history event so far.
    pub fn history(&self) -> Vec<HistoryEvent> {
        self.ctx.history.since(0)
    }

    /// The number of history events written (recorded or not).
    pub fn event_count(&self) -> u32 {
        self.ctx.next_id - 1
    }

    /// State transitions so far (every `…StateEntered`, nested states included).
    pub fn transitions(&self) -> u64 {
        self.ctx.transitions
    }

    /// Retries performed so far (a retry is not a transition).
    pub fn retries(&self) -> u64 {
        self.ctx.retries
    }

    /// Virtual time elapsed since the start, in milliseconds.
    pub fn virtual_elapsed_ms(&self) -> i64 {
        self.ctx.now_ms - self.ctx.start_ms
    }

    /// The objects distributed Maps' ResultWriters stored (result files and manifests).
    pub fn written_objects(&self) -> &[WrittenObject] {
        &self.ctx.written
    }

    /// Per-state inspection records, when `ExecutionOptions::inspect` was set.
    pub fn inspections(&self) -> Vec<Rc<StateInspection>> {
        self.ctx.inspections.clone().unwrap_or_default()
    }

    /// The inspection records from position `start` on (a debugger collects them as the
    /// execution runs, without copying the earlier ones again).
    pub fn inspections_since(&self, start: usize) -> Vec<Rc<StateInspection>> {
        self.ctx.inspections.as_deref().and_then(|l| l.get(start..)).map(<[_]>::to_vec).unwrap_or_default()
    }
}
