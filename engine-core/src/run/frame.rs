//! One thread of execution (the machine, a Parallel branch or a Map iteration) and the
//! units of work each state type performs.

use super::context::{self, StateContext};
use super::dataflow::{self, Env};
use super::definition::{ChoiceBranch, FailField, Graph, Kind, State, Transition};
use super::events::{state_event, Details, RareDetails};
use super::exec::Ctx;
use super::group::{self, Group};
use super::inspect::StateInspection;
use super::mocks::MockOutcome;
use super::query_error::QueryFailure;
use super::retry;
use super::task::{Integration, Pattern, Seconds, TaskSpec};
use super::variables;
use super::wait;
use crate::path::Template;
use crate::failure::errors;
use crate::{Failure, Map, Value};
use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

/// Whether a unit ran, or when the thread can next run.
pub(crate) enum Progress {
    Did,
    Blocked(i64),
}

/// What a Task is called with (either query language).
pub(crate) struct TaskCall {
    pub params: Rc<Value>,
    pub timeout: Option<i64>,
    pub heartbeat: Option<i64>,
    pub credentials: Option<Rc<Value>>,
}

/// What a Task call will end with, decided when it is scheduled.
#[derive(Clone, Debug)]
pub(crate) enum TaskEnd {
    Succeeded(Rc<Value>),
    Failed(Failure),
    TimedOut(Failure),
}

/// The next unit a thread performs.
#[derive(Clone, Debug)]
pub(crate) enum Phase {
    Enter,
    TaskSchedule,
    TaskStart { end: TaskEnd, duration_ms: i64 },
    TaskFinish(TaskEnd),
    GroupStart,
    GroupRun,
    Exit { output: Rc<Value>, next: Option<usize> },
    Done(Rc<Value>),
    Failed(Failure),
}

/// A thread of execution through one graph.
#[derive(Clone)]
pub(crate) struct Frame {
    pub graph: Rc<Graph>,
    pub state: usize,
    pub phase: Phase,
    pub input: Rc<Value>,
    pub last: u32,
    pub entered_id: u32,
    pub entered_ms: i64,
    pub retry_counts: Vec<u32>,
    pub retry_total: u32,
    pub ready_at: i64,
    pub silent: bool,
    pub in_state: bool,
    pub task_token: Option<Rc<str>>,
    pub group: Option<Box<Group>>,
    pub insp: Option<Box<StateInspection>>,
    /// Variables visible here (this scope's and the enclosing ones'); shared until written.
    pub vars: Rc<Map>,
    /// Bytes of the variables this scope assigned itself (released when the scope ends).
    pub var_bytes: usize,
    /// Values the current state's `Assign` evaluated to, written when the state exits.
    pub assigned: Option<(Map, isize)>,
}

impl Frame {
    pub fn new(graph: Rc<Graph>, input: Rc<Value>, last: u32, silent: bool, vars: Rc<Map>) -> Frame {
        let state = graph.start;
        Frame {
            graph,
            state,
            phase: Phase::Enter,
            input,
            last,
            entered_id: 0,
            entered_ms: 0,
            retry_counts: Vec::new(),
            retry_total: 0,
            ready_at: i64::MIN,
            silent,
            in_state: false,
            task_token: None,
            group: None,
            insp: None,
            vars,
            var_bytes: 0,
            assigned: None,
        }
    }

    /// Performs one unit of work, or says when this thread can next run.
    pub fn advance(&mut self, ctx: &mut Ctx) -> Progress {
        if self.ready_at > ctx.now_ms {
            return Progress::Blocked(self.ready_at);
        }
        let graph = self.graph.clone();
        let state = &graph.states[self.state];
        match core::mem::replace(&mut self.phase, Phase::Enter) {
            Phase::Enter => self.enter(ctx, state),
            Phase::TaskSchedule => self.task_schedule(ctx, state),
            Phase::TaskStart { end, duration_ms } => self.task_start(ctx, state, end, duration_ms),
            Phase::TaskFinish(end) => self.task_finish(ctx, state, end),
            Phase::GroupStart => group::start(self, ctx, state),
            Phase::GroupRun => {
                self.phase = Phase::GroupRun;
                return group::run(self, ctx, state);
            }
            Phase::Exit { output, next } => self.exit(ctx, state, output, next),
            terminal @ (Phase::Done(_) | Phase::Failed(_)) => self.phase = terminal,
        }
        Progress::Did
    }

    /// Emits an event on this thread and makes it the thread's latest.
    pub fn emit(&mut self, ctx: &mut Ctx, event_type: &'static str, details: Details) -> u32 {
        self.last = ctx.emit(self.silent, self.last, event_type, details);
        self.last
    }

    /// `$$` for the current state (built only when the state reads it).
    pub fn context(&self, ctx: &Ctx, state: &State, map_item: Option<(usize, &Value)>) -> Value {
        if !state.uses_context {
            return Value::Null;
        }
        context::build(
            ctx.base(),
            &StateContext {
                name: &state.name,
                entered_ms: self.entered_ms,
                // AWS shows RetryCount only in states that can retry.
                retry_count: matches!(state.kind, Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)).then_some(self.retry_total),
                task_token: self.task_token.as_deref(),
                map_item,
            },
        )
    }

    fn enter(&mut self, ctx: &mut Ctx, state: &State) {
        let details = Details { name: Some(state.name.clone()), input: Some(self.input.clone()), ..Details::default() };
        self.entered_id = self.emit(ctx, state_event(state.type_name, "Entered"), details);
        self.entered_ms = ctx.now_ms;
        self.in_state = true;
        self.retry_counts.clear();
        self.retry_counts.resize(state.retry.len(), 0);
        self.retry_total = 0;
        self.task_token = None;
        self.assigned = None;
        ctx.transitions += 1;
        if ctx.inspections.is_some() {
            self.insp = Some(Box::new(StateInspection {
                name: state.name.clone(),
                entered_event_id: self.entered_id,
                input: Some(self.input.clone()),
                ..StateInspection::default()
            }));
        }
        if let Some(q) = &state.jsonata {
            return self.enter_jsonata(ctx, state, q);
        }
        let outcome = match &state.kind {
            Kind::Pass { result } => self.pass(ctx, state, result.as_ref()),
            Kind::Choice { rules, default } => self.choice(ctx, state, rules, *default),
            Kind::Wait(spec) => self.wait(ctx, state, spec),
            Kind::Succeed => self.succeed(ctx, state),
            Kind::Fail { error, cause } => {
                self.in_state = false;
                let f = self.fail_fields(ctx, state, error, cause);
                match f {
                    Ok(f) => self.fail_frame(ctx, f),
                    Err(f) => self.fail_frame(ctx, self.located(state, f)),
                }
                return;
            }
            Kind::Task(_) => return self.task_schedule(ctx, state),
            Kind::Parallel { .. } | Kind::Map(_) => return group::start(self, ctx, state),
        };
        match outcome {
            Ok((output, next)) => self.phase = Phase::Exit { output, next },
            Err(f) => {
                let f = self.located(state, f);
                self.handle_failure(ctx, state, f);
            }
        }
    }

    /// AWS's prefix for failures raised while evaluating a state's fields.
    pub fn located(&self, state: &State, f: Failure) -> Failure {
        let cause = format!(
            "An error occurred while executing the state '{}' (entered at the event id #{}). {}",
            state.name,
            self.entered_id,
            f.cause.as_deref().unwrap_or("")
        );
        Failure { error: f.error, cause: Some(cause) }
    }

    pub(crate) fn next_of(state: &State) -> Option<usize> {
        match state.transition {
            Transition::Next(n) => Some(n),
            _ => None,
        }
    }

    fn pass(&mut self, ctx: &mut Ctx, state: &State, result: Option<&Value>) -> Result<(Rc<Value>, Option<usize>), Failure> {
        let cv = self.context(ctx, state, None);
        let vars = self.vars.clone();
        let env = Env { context: &cv, variables: &vars };
        let effective = dataflow::io_path(&state.input_path, &self.input, &env)?;
        let effective = dataflow::parameters(state, effective, &env, &mut ctx.rng)?;
        let result = match result {
            Some(r) => Rc::new(r.clone()),
            None => effective.clone(),
        };
        self.evaluate_assign(ctx, state.assign.as_ref(), &result, &env)?;
        let after = dataflow::result_path_noted(&mut ctx.sizes, &state.result_path, &self.input, result.clone())?;
        let output = dataflow::io_path(&state.output_path, &after, &env)?;
        if let Some(i) = self.insp.as_mut() {
            i.after_input_path = Some(effective.clone());
            i.after_parameters = Some(effective);
            i.result = Some(result);
            i.after_result_path = Some(after);
        }
        Ok((output, Self::next_of(state)))
    }

    fn choice(&mut self, ctx: &mut Ctx, state: &State, rules: &[ChoiceBranch], default: Option<usize>) -> Result<(Rc<Value>, Option<usize>), Failure> {
        let cv = self.context(ctx, state, None);
        let vars = self.vars.clone();
        let env = Env { context: &cv, variables: &vars };
        let effective = dataflow::io_path(&state.input_path, &self.input, &env)?;
        let mut matched = None;
        for (index, branch) in rules.iter().enumerate() {
            if branch.rule.matches(&env.scope(&effective))? {
                matched = Some(branch);
                if let Some(i) = self.insp.as_mut() {
                    i.matched_rule = Some(index);
                }
                break;
            }
        }
        // A matched rule's Assign replaces the state's.
        let (next, assign) = match (matched, default) {
            (Some(b), _) => (b.next, b.assign.as_ref().or(state.assign.as_ref())),
            (None, Some(d)) => (d, state.assign.as_ref()),
            (None, None) => return Err(Failure::new(errors::NO_CHOICE_MATCHED, "No Matches!")),
        };
        self.evaluate_assign(ctx, assign, &effective, &env)?;
        let output = dataflow::io_path(&state.output_path, &effective, &env)?;
        if let Some(i) = self.insp.as_mut() {
            i.after_input_path = Some(effective);
        }
        Ok((output, Some(next)))
    }

    fn wait(&mut self, ctx: &mut Ctx, state: &State, spec: &super::definition::WaitSpec) -> Result<(Rc<Value>, Option<usize>), Failure> {
        let cv = self.context(ctx, state, None);
        let vars = self.vars.clone();
        let env = Env { context: &cv, variables: &vars };
        let effective = dataflow::io_path(&state.input_path, &self.input, &env)?;
        let until = wait::until_ms(spec, &effective, &env, ctx.now_ms)?;
        self.evaluate_assign(ctx, state.assign.as_ref(), &effective, &env)?;
        let output = dataflow::io_path(&state.output_path, &effective, &env)?;
        self.ready_at = until;
        Ok((output, Self::next_of(state)))
    }

    fn succeed(&mut self, ctx: &mut Ctx, state: &State) -> Result<(Rc<Value>, Option<usize>), Failure> {
        let cv = self.context(ctx, state, None);
        let vars = self.vars.clone();
        let env = Env { context: &cv, variables: &vars };
        let effective = dataflow::io_path(&state.input_path, &self.input, &env)?;
        let output = dataflow::io_path(&state.output_path, &effective, &env)?;
        Ok((output, None))
    }

    fn fail_fields(&mut self, ctx: &mut Ctx, state: &State, error: &FailField, cause: &FailField) -> Result<Failure, Failure> {
        let cv = self.context(ctx, state, None);
        let vars = self.vars.clone();
        let env = Env { context: &cv, variables: &vars };
        let mut read = |field: &FailField, key: &str| -> Result<Option<String>, Failure> {
            let v = match field {
                FailField::None => return Ok(None),
                FailField::Constant(s) => return Ok(Some(s.clone())),
                FailField::Path(p) => p.try_select(&env.scope(&self.input)).ok_or_else(|| {
                    Failure::runtime(format!(
                        "The JSONPath '{}' specified for the field '{key}' could not be found in the input '{}'",
                        p.text(),
                        self.input.to_json()
                    ))
                })?,
                FailField::Intrinsic(f) => f.evaluate(&env.scope(&self.input), &mut ctx.rng)?,
            };
            match v {
                Value::String(s) => Ok(Some(s)),
                other => Ok(Some(other.to_json())),
            }
        };
        let e = read(error, "ErrorPath")?;
        let c = read(cause, "CausePath")?;
        Ok(Failure { error: e, cause: c })
    }

    pub(crate) fn task_schedule(&mut self, ctx: &mut Ctx, state: &State) {
        let Kind::Task(spec) = &state.kind else { return };
        if spec.pattern == Pattern::WaitForTaskToken && self.task_token.is_none() {
            self.task_token = Some(Rc::from(ctx.token_rng.uuid_v4().as_str()));
        }
        let call = match &state.jsonata {
            Some(q) => self.task_call_jsonata(ctx, state, q),
            None => self.task_call(ctx, state, spec).map_err(QueryFailure::from),
        };
        if let Err(qf) = call.and_then(|c| self.schedule_task(ctx, state, spec, c).map_err(QueryFailure::from)) {
            self.fail_query(ctx, state, qf);
        }
    }

    /// The JSONPath Task call: InputPath → Parameters, and the timeouts.
    fn task_call(&mut self, ctx: &mut Ctx, state: &State, spec: &TaskSpec) -> Result<TaskCall, Failure> {
        let cv = self.context(ctx, state, None);
        let vars = self.vars.clone();
        let env = Env { context: &cv, variables: &vars };
        let effective = dataflow::io_path(&state.input_path, &self.input, &env)?;
        let params = dataflow::parameters(state, effective.clone(), &env, &mut ctx.rng)?;
        let seconds = |s: &Seconds, field: &str| -> Result<Option<i64>, Failure> {
            match s {
                Seconds::Absent => Ok(None),
                Seconds::Constant(n) => Ok(Some(*n)),
                Seconds::Path(p) => {
                    let v = p.select(&env.scope(&self.input))?;
                    match v.as_i64() {
                        Some(n) if n > 0 => Ok(Some(n)),
                        _ => Err(Failure::runtime(format!("The {field}Path parameter does not reference a positive integer: {} == {}", p.text(), v.to_json()))),
                    }
                }
            }
        };
        let timeout = seconds(&spec.timeout, "TimeoutSeconds")?;
        let heartbeat = seconds(&spec.heartbeat, "HeartbeatSeconds")?;
        if let Some(i) = self.insp.as_mut() {
            i.after_input_path = Some(effective);
            i.after_parameters = Some(params.clone());
        }
        Ok(TaskCall { params, timeout, heartbeat, credentials: spec.credentials.clone().map(Rc::new) })
    }

    /// Takes the call's mocked response and writes the scheduling event.
    fn schedule_task(&mut self, ctx: &mut Ctx, state: &State, spec: &TaskSpec, call: TaskCall) -> Result<(), Failure> {
        let TaskCall { params, timeout, heartbeat, credentials } = call;
        spec.check_parameters(&params)?;
        // Take the next mock now: a call that cannot be answered is never scheduled.
        let call = ctx.mock_calls.entry(state.name.clone()).or_insert(0);
        let number = *call;
        *call += 1;
        let Some(response) = ctx.mocks.response(&state.name, number).cloned() else {
            return Err(Failure::runtime(format!(
                "No mocked response for the Task state '{}', call #{} (the mocks give {} call(s)).",
                state.name,
                number + 1,
                number
            )));
        };
        let mut end = match response.outcome {
            MockOutcome::Return(v) => {
                let v = if spec.wraps_lambda_payload() && spec.pattern == Pattern::RequestResponse { super::task::shape_lambda_invoke(v) } else { v };
                TaskEnd::Succeeded(Rc::new(v))
            }
            // AWS writes an empty cause for timeouts.
            MockOutcome::Throw(f) if matches!(f.error.as_deref(), Some(errors::TIMEOUT | errors::HEARTBEAT_TIMEOUT)) => {
                TaskEnd::TimedOut(Failure { cause: Some(f.cause.unwrap_or_default()), error: f.error })
            }
            MockOutcome::Throw(f) => TaskEnd::Failed(f),
        };
        let mut duration_ms = response.delay_ms;
        if let Some(t) = timeout.filter(|t| response.delay_ms > t * 1000) {
            end = TaskEnd::TimedOut(Failure::new(errors::TIMEOUT, ""));
            duration_ms = t * 1000;
        } else if let Some(h) = heartbeat.filter(|h| response.delay_ms > h * 1000) {
            end = TaskEnd::TimedOut(Failure::new(errors::HEARTBEAT_TIMEOUT, ""));
            duration_ms = h * 1000;
        }
        let resource = spec.resource_arn.clone();
        let details = match &spec.integration {
            Integration::Lambda => ("LambdaFunctionScheduled", Details { input: Some(params), resource: Some(resource), rare: RareDetails::scheduling(timeout, None, credentials), ..Details::default() }),
            Integration::Activity => ("ActivityScheduled", Details { input: Some(params), resource: Some(resource), rare: RareDetails::scheduling(timeout, heartbeat, None), ..Details::default() }),
            Integration::Service { resource_type, resource } => (
                "TaskScheduled",
                Details {
                    parameters: Some(params),
                    resource: Some(resource.clone()),
                    resource_type: Some(resource_type.clone()),
                    rare: Some(Box::new(RareDetails {
                        region: Some(ctx.region),
                        timeout_in_seconds: timeout,
                        heartbeat_in_seconds: heartbeat,
                        task_credentials: credentials,
                        ..RareDetails::default()
                    })),
                    ..Details::default()
                },
            ),
        };
        self.emit(ctx, details.0, details.1);
        self.phase = Phase::TaskStart { end, duration_ms };
        Ok(())
    }

    fn service_details(spec: &TaskSpec) -> Details {
        match &spec.integration {
            Integration::Service { resource_type, resource } => Details {
                resource: Some(resource.clone()),
                resource_type: Some(resource_type.clone()),
                ..Details::default()
            },
            _ => Details::default(),
        }
    }

    fn task_start(&mut self, ctx: &mut Ctx, state: &State, end: TaskEnd, duration_ms: i64) {
        let Kind::Task(spec) = &state.kind else { return };
        match spec.integration {
            Integration::Lambda => {
                self.emit(ctx, "LambdaFunctionStarted", Details::default());
            }
            Integration::Activity => {
                self.emit(ctx, "ActivityStarted", Details::default());
            }
            Integration::Service { .. } => {
                self.emit(ctx, "TaskStarted", Self::service_details(spec));
                if spec.pattern != Pattern::RequestResponse {
                    let d = Details { output: Some(Rc::new(Value::object())), ..Self::service_details(spec) };
                    self.emit(ctx, "TaskSubmitted", d);
                }
            }
        }
        self.ready_at = ctx.now_ms.saturating_add(duration_ms);
        self.phase = Phase::TaskFinish(end);
    }

    fn task_finish(&mut self, ctx: &mut Ctx, state: &State, end: TaskEnd) {
        let Kind::Task(spec) = &state.kind else { return };
        let family = match spec.integration {
            Integration::Lambda => 0,
            Integration::Activity => 1,
            Integration::Service { .. } => 2,
        };
        let names = [
            ("LambdaFunctionSucceeded", "LambdaFunctionFailed", "LambdaFunctionTimedOut"),
            ("ActivitySucceeded", "ActivityFailed", "ActivityTimedOut"),
            ("TaskSucceeded", "TaskFailed", "TaskTimedOut"),
        ][family];
        let end = match end {
            TaskEnd::Succeeded(v) => match dataflow::check_size(&mut ctx.sizes, &v, ctx.limits.max_payload_bytes, &spec.resource_arn) {
                Ok(()) => TaskEnd::Succeeded(v),
                Err(f) => TaskEnd::Failed(f),
            },
            other => other,
        };
        match end {
            TaskEnd::Succeeded(result) => {
                let d = Details { output: Some(result.clone()), ..Self::service_details(spec) };
                self.emit(ctx, names.0, d);
                self.finish_with_result(ctx, state, result);
            }
            TaskEnd::Failed(f) => {
                let d = Details { rare: RareDetails::failure(f.error.clone(), f.cause.clone()), ..Self::service_details(spec) };
                self.emit(ctx, names.1, d);
                self.handle_failure(ctx, state, f);
            }
            TaskEnd::TimedOut(f) => {
                let d = Details { rare: RareDetails::failure(f.error.clone(), f.cause.clone()), ..Self::service_details(spec) };
                self.emit(ctx, names.2, d);
                self.handle_failure(ctx, state, f);
            }
        }
    }

    /// A Task, Map or Parallel result becomes the state's output (or its failure).
    pub fn finish_with_result(&mut self, ctx: &mut Ctx, state: &State, result: Rc<Value>) {
        let shaped = match &state.jsonata {
            Some(q) => self.shape_result_jsonata(ctx, state, q, result),
            None => self.shape_result(ctx, state, result).map_err(QueryFailure::from),
        };
        match shaped {
            Ok(output) => self.phase = Phase::Exit { output, next: Self::next_of(state) },
            Err(qf) => self.fail_query(ctx, state, qf),
        }
    }

    /// result → ResultSelector → ResultPath → OutputPath, for Task, Map and Parallel.
    pub fn shape_result(&mut self, ctx: &mut Ctx, state: &State, result: Rc<Value>) -> Result<Rc<Value>, Failure> {
        let cv = self.context(ctx, state, None);
        let vars = self.vars.clone();
        let env = Env { context: &cv, variables: &vars };
        let selected = dataflow::result_selector(state, result.clone(), &env, &mut ctx.rng)?;
        self.evaluate_assign(ctx, state.assign.as_ref(), &selected, &env)?;
        let after = dataflow::result_path_noted(&mut ctx.sizes, &state.result_path, &self.input, selected.clone())?;
        let output = dataflow::io_path(&state.output_path, &after, &env)?;
        if let Some(i) = self.insp.as_mut() {
            i.result = Some(result);
            i.after_result_selector = Some(selected);
            i.after_result_path = Some(after);
        }
        Ok(output)
    }

    fn exit(&mut self, ctx: &mut Ctx, state: &State, output: Rc<Value>, next: Option<usize>) {
        if let Err(f) = dataflow::check_size(&mut ctx.sizes, &output, ctx.limits.max_payload_bytes, &state.name) {
            self.fail_frame(ctx, f);
            return;
        }
        let assigned = self.assigned.take();
        let shown = assigned.as_ref().filter(|(m, _)| !m.is_empty()).map(|(m, _)| Box::new(RareDetails { assigned_variables: Some(Rc::new(m.clone())), ..RareDetails::default() }));
        let details = Details { name: Some(state.name.clone()), output: Some(output.clone()), rare: shown, ..Details::default() };
        self.emit(ctx, state_event(state.type_name, "Exited"), details);
        self.in_state = false;
        self.group = None;
        if let Some((values, delta)) = assigned {
            self.write_variables(ctx, values, delta);
        }
        if let Some(mut i) = self.insp.take() {
            // A retried attempt that then succeeded ends the visit SUCCEEDED (the
            // retry it took stays in retry_index).
            if i.status.is_empty() || i.status == "RETRIABLE" {
                i.status = "SUCCEEDED";
            }
            i.output = Some(output.clone());
            i.variables = Some(self.vars.clone());
            i.next_state = next.map(|n| self.graph.states[n].name.clone());
            if let Some(list) = ctx.inspections.as_mut() {
                list.push(Rc::new(*i));
            }
        }
        match next {
            Some(n) => {
                self.state = n;
                self.input = output;
                self.phase = Phase::Enter;
            }
            None => self.phase = Phase::Done(output),
        }
    }

    /// Whether `handle_failure` would retry `f` (the first retrier handling it has attempts left).
    pub fn will_retry(&self, state: &State, f: &Failure) -> bool {
        let err = f.error.as_deref().unwrap_or("");
        state.retry.iter().enumerate().find(|(_, r)| retry::handles(&r.errors, err)).is_some_and(|(i, r)| self.retry_counts[i] < r.max_attempts)
    }

    /// Retry, then Catch, else the thread fails. States.Runtime is never handled.
    pub fn handle_failure(&mut self, ctx: &mut Ctx, state: &State, f: Failure) {
        self.assigned = None;
        let err = f.error.as_deref().unwrap_or("");
        let retriable = matches!(state.kind, Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_));
        if retriable {
            for (i, r) in state.retry.iter().enumerate() {
                if !retry::handles(&r.errors, err) {
                    continue;
                }
                if self.retry_counts[i] < r.max_attempts {
                    let delay = retry::delay_ms(r, self.retry_counts[i], &mut ctx.rng);
                    self.retry_counts[i] += 1;
                    self.retry_total += 1;
                    ctx.retries += 1;
                    self.ready_at = ctx.now_ms.saturating_add(delay);
                    self.phase = if matches!(state.kind, Kind::Task(_)) { Phase::TaskSchedule } else { Phase::GroupStart };
                    if let Some(insp) = self.insp.as_mut() {
                        insp.status = "RETRIABLE";
                        insp.retry_index = Some(i);
                        insp.retry_backoff_interval_seconds = Some(delay as f64 / 1000.0);
                        insp.error = Some(f.clone());
                    }
                    return;
                }
                break;
            }
            for (i, c) in state.catch.iter().enumerate() {
                if !retry::handles(&c.errors, err) {
                    continue;
                }
                let mut out = Map::default();
                out.insert("Error".into(), f.error.as_deref().map_or(Value::Null, Value::from));
                out.insert("Cause".into(), f.cause.as_deref().map_or(Value::Null, Value::from));
                let error_output = Value::from(out);
                if let Some(q) = &state.jsonata {
                    return self.catch_jsonata(ctx, state, q, i, c.next, error_output, f);
                }
                // The catcher's Assign replaces the state's; `$` is the error output.
                let vars = self.vars.clone();
                let cv = self.context(ctx, state, None);
                let env = Env { context: &cv, variables: &vars };
                if let Err(e) = self.evaluate_assign(ctx, c.assign.as_ref(), &error_output, &env) {
                    let e = self.located(state, e);
                    self.fail_frame(ctx, e);
                    return;
                }
                match dataflow::result_path(&c.result_path, &self.input, Rc::new(error_output)) {
                    Ok(output) => {
                        if let Some(insp) = self.insp.as_mut() {
                            insp.status = "CAUGHT_ERROR";
                            insp.catch_index = Some(i);
                            insp.error = Some(f.clone());
                        }
                        self.phase = Phase::Exit { output, next: Some(c.next) };
                    }
                    Err(e) => {
                        let e = self.located(state, e);
                        self.fail_frame(ctx, e);
                    }
                }
                return;
            }
        }
        self.fail_frame(ctx, f);
    }

    /// The thread fails; its parent (or the execution) reaps it on its next turn.
    pub fn fail_frame(&mut self, ctx: &mut Ctx, f: Failure) {
        self.assigned = None;
        if let Some(mut i) = self.insp.take() {
            i.status = "FAILED";
            i.variables = Some(self.vars.clone());
            i.error = Some(f.clone());
            if let Some(list) = ctx.inspections.as_mut() {
                list.push(Rc::new(*i));
            }
        }
        self.phase = Phase::Failed(f);
    }
}

impl Frame {
    /// Evaluates an `Assign` (`$` = `value`, variables as at state entry); the values are
    /// written when the state exits, so every field of the state reads the old ones.
    pub fn evaluate_assign(&mut self, ctx: &mut Ctx, assign: Option<&Template>, value: &Value, env: &Env) -> Result<(), Failure> {
        self.assigned = None;
        if let Some(t) = assign {
            self.assigned = Some(variables::evaluate(t, &env.scope(value), &mut ctx.rng, ctx.var_bytes)?);
        }
        Ok(())
    }

    fn write_variables(&mut self, ctx: &mut Ctx, values: Map, delta: isize) {
        let vars = Rc::make_mut(&mut self.vars);
        for (name, value) in values {
            vars.insert(name, value);
        }
        self.var_bytes = (self.var_bytes as isize + delta).max(0) as usize;
        ctx.var_bytes = (ctx.var_bytes as isize + delta).max(0) as usize;
    }

    /// Releases the variables of this scope and every scope still running under it.
    pub fn release_variables(&self, ctx: &mut Ctx) {
        ctx.var_bytes = ctx.var_bytes.saturating_sub(self.var_bytes);
        if let Some(g) = &self.group {
            g.release_variables(ctx);
        }
    }

    /// Name of the state this thread is in (for abort events).
    pub fn current_state(&self) -> &State {
        &self.graph.states[self.state]
    }
}

