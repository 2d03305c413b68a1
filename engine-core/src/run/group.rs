//! Parallel and Map: starting children, the round-robin turn, reaping finished and
//! failed children (with AWS's iteration and abort events), tolerated failures, and the
//! final result in branch/item order. A distributed Map runs its iterations inline as
//! silent child executions: only `MapRun*` events appear, as on AWS.

use crate::shared::Shared;
use super::dataflow::{self, Env};
use super::definition::{Graph, Kind, Knob, MapSpec, State};
use super::item_reader::{self, ItemReaderSpec};
use super::mocks::MockOutcome;
use super::result_writer::{self, ChildRecord, ItemBatcherSpec};
use super::events::{state_event, Details, RareDetails};
use super::exec::Ctx;
use super::frame::{Frame, Phase, Progress};
use super::query_error::QueryFailure;
use crate::failure::errors;
use crate::{Failure, Map, Value};
use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// AWS runs at most this many inline Map iterations at once.
const INLINE_MAP_CONCURRENCY: usize = 40;

/// The children of a running Map or Parallel state.
#[derive(Clone)]
pub(crate) struct Group {
    parallel: bool,
    distributed: bool,
    graphs: Vec<Rc<Graph>>,
    inputs: Vec<Rc<Value>>,
    next_index: usize,
    children: Vec<(usize, Frame)>,
    results: Vec<Option<Rc<Value>>>,
    cursor: usize,
    concurrency: usize,
    failed: usize,
    tolerated_count: Option<u64>,
    tolerated_percentage: Option<f64>,
    trigger: u32,
    map_run: u32,
    map_run_arn: alloc::string::String,
    /// Items per child when batching (tolerated failures count items, not batches).
    batch_sizes: Option<Vec<usize>>,
    /// What the children did, kept only when a ResultWriter writes them.
    log: Option<Box<RunLog>>,
}

/// Per child execution of a distributed Map with a ResultWriter.
#[derive(Clone, Default)]
struct RunLog {
    params: Value,
    names: Vec<alloc::string::String>,
    inputs: Vec<Rc<Value>>,
    start: Vec<i64>,
    stop: Vec<i64>,
    errors: Vec<Option<Failure>>,
}

/// The Map/Parallel state's entry (and re-entry on Retry): `…StateStarted` and the first children.
pub(crate) fn start(frame: &mut Frame, ctx: &mut Ctx, state: &State) {
    let started = match &state.jsonata {
        Some(q) => super::jsonata_group::try_start(frame, ctx, state, q),
        None => try_start(frame, ctx, state).map_err(QueryFailure::from),
    };
    if let Err(qf) = started {
        frame.fail_group_entry(ctx, state, qf);
    }
}

fn try_start(frame: &mut Frame, ctx: &mut Ctx, state: &State) -> Result<(), Failure> {
    let cv = frame.context(ctx, state, None);
    let vars = frame.vars.clone();
    let env = Env { context: &cv, variables: &vars };
    let effective = dataflow::io_path(&state.input_path, &frame.input, &env)?;
    let group = match &state.kind {
        Kind::Parallel { branches } => {
            let input = dataflow::parameters(state, effective.clone(), &env, &mut ctx.rng)?;
            if let Some(i) = frame.insp.as_mut() {
                i.after_input_path = Some(effective);
                i.after_parameters = Some(input.clone());
            }
            parallel_group(frame, ctx, branches, input)
        }
        Kind::Map(spec) => map_group(frame, ctx, state, spec, &env, effective)?,
        _ => return Ok(()),
    };
    launch(frame, ctx, state, group);
    Ok(())
}

/// `ParallelStateStarted` and a group running every branch on `input`.
pub(crate) fn parallel_group(frame: &mut Frame, ctx: &mut Ctx, branches: &[Rc<Graph>], input: Rc<Value>) -> Box<Group> {
    frame.emit(ctx, "ParallelStateStarted", Details::default());
    Box::new(Group::new(true, false, branches.to_vec(), alloc::vec![input; branches.len()]))
}

/// Starts the first children of a group (and a distributed Map's Map Run).
pub(crate) fn launch(frame: &mut Frame, ctx: &mut Ctx, state: &State, mut group: Box<Group>) {
    group.trigger = frame.last;
    if group.distributed {
        let arn = group.map_run_arn.clone();
        group.map_run = frame.emit(ctx, "MapRunStarted", Details { rare: RareDetails { map_run_arn: Some(arn), ..RareDetails::default() }.boxed(), ..Details::default() });
        group.trigger = group.map_run;
    }
    while group.children.len() < group.concurrency && group.next_index < group.inputs.len() {
        group.spawn(frame, ctx, state);
    }
    frame.group = Some(group);
    frame.phase = Phase::GroupRun;
}

fn map_group(frame: &mut Frame, ctx: &mut Ctx, state: &State, spec: &MapSpec, env: &Env, effective: Rc<Value>) -> Result<Box<Group>, Failure> {
    let items = match &spec.item_reader {
        Some(reader) => {
            if let Some(t) = &reader.parameters {
                t.apply(&env.scope(&effective), &mut ctx.rng)?;
            }
            let max_items = knob_int(&reader.max_items, "MaxItems", env, &effective)?.unwrap_or(0);
            read_items(ctx, state, reader, max_items)?
        }
        None => {
            let items = match &spec.items_path {
                Some(p) => p.select(&env.scope(&effective))?,
                None => (*effective).clone(),
            };
            let Value::Array(items) = items else {
                return Err(Failure::runtime(format!("Map state input must be an array but was: {}", items.to_json())));
            };
            Shared::unwrap_or_clone(items)
        }
    };
    // AWS checks MaxConcurrencyPath before the Map starts, the tolerated failures after.
    let max = knob_int(&spec.max_concurrency, "MaxConcurrency", env, &effective)?.unwrap_or(0);
    frame.emit(ctx, "MapStateStarted", Details { rare: RareDetails { length: Some(items.len() as u32), ..RareDetails::default() }.boxed(), ..Details::default() });
    let count = knob_int(&spec.tolerated_count, "ToleratedFailureCount", env, &effective)?;
    let pct = knob_float(&spec.tolerated_percentage, env, &effective)?;
    check_tolerance(count, pct)?;
    let selected = select_items(frame, ctx, state, spec, env, &effective, items)?;
    let batching = spec.item_batcher.as_ref().map(|b| batching(ctx, b, env, &effective)).transpose()?;
    let writer_params = match spec.result_writer.as_ref().filter(|w| spec.distributed && w.resource.is_some()) {
        Some(w) => Some(w.parameters.as_ref().map(|t| t.apply(&env.scope(&effective), &mut ctx.rng)).transpose()?.unwrap_or_else(Value::object)),
        None => None,
    };
    let plan = MapPlan { items: selected, max_concurrency: max, tolerated_count: count, tolerated_percentage: pct, batching, writer_params };
    map_group_from(ctx, state, spec, plan)
}

/// The tolerated-failure limits AWS accepts.
pub(crate) fn check_tolerance(count: Option<i64>, pct: Option<f64>) -> Result<(), Failure> {
    if count.is_some_and(|c| c < 0) {
        return Err(Failure::runtime("ToleratedFailureCount cannot be negative."));
    }
    if pct.is_some_and(|p| !(0.0..=100.0).contains(&p)) {
        return Err(Failure::runtime("ToleratedFailurePercentage must be between 0 and 100."));
    }
    Ok(())
}

/// What a Map's fields evaluated to (in either query language): the child inputs after
/// ItemSelector, and the concurrency and tolerated-failure limits.
pub(crate) struct MapPlan {
    pub items: Vec<Value>,
    pub max_concurrency: i64,
    pub tolerated_count: Option<i64>,
    pub tolerated_percentage: Option<f64>,
    pub batching: Option<Batching>,
    /// The ResultWriter's `Parameters`/`Arguments`, when it writes to a Resource.
    pub writer_params: Option<Value>,
}

/// A distributed Map's `ItemBatcher`, evaluated (0 = no limit).
pub(crate) struct Batching {
    pub max_items: i64,
    pub max_bytes: i64,
    pub batch_input: Option<Value>,
}

/// The Map's group from its plan: batching, concurrency, and a distributed Map's Map Run.
pub(crate) fn map_group_from(ctx: &mut Ctx, state: &State, spec: &MapSpec, plan: MapPlan) -> Result<Box<Group>, Failure> {
    let MapPlan { items: selected, max_concurrency: max, tolerated_count: count, tolerated_percentage: pct, batching, writer_params } = plan;
    let (inputs, batch_sizes) = match batching {
        None => (selected.into_iter().map(Rc::new).collect::<Vec<_>>(), None),
        Some(b) => {
            let batches = batch_items(b, selected)?;
            let sizes = batches.iter().map(|(_, n)| *n).collect();
            (batches.into_iter().map(|(v, _)| Rc::new(v)).collect(), Some(sizes))
        }
    };
    let cap = if spec.distributed { usize::MAX } else { INLINE_MAP_CONCURRENCY };
    let mut g = Group::new(false, spec.distributed, alloc::vec![spec.processor.clone()], inputs);
    g.concurrency = if max <= 0 { cap } else { (max as usize).min(cap) };
    g.tolerated_count = count.map(|c| c as u64);
    g.tolerated_percentage = pct;
    g.batch_sizes = batch_sizes;
    if spec.distributed {
        g.map_run_arn = map_run_arn(ctx, state, spec);
        if let Some(params) = writer_params {
            let n = g.inputs.len();
            g.log = Some(Box::new(RunLog {
                params,
                names: alloc::vec![alloc::string::String::new(); n],
                inputs: alloc::vec![Rc::new(Value::Null); n],
                start: alloc::vec![0; n],
                stop: alloc::vec![0; n],
                errors: alloc::vec![None; n],
            }));
        }
    }
    Ok(Box::new(g))
}

/// `arn:…:mapRun:<state machine>/<Label or a UUID>:<UUID>`, as AWS names Map Runs.
fn map_run_arn(ctx: &mut Ctx, state: &State, spec: &MapSpec) -> alloc::string::String {
    let _ = state;
    let sm = ctx.base().execution_arn.replace(":execution:", ":mapRun:");
    let sm: alloc::string::String = sm.rsplit_once(':').map_or(sm.as_str(), |(head, _)| head).into();
    let label = spec.label.clone().unwrap_or_else(|| ctx.token_rng.uuid_v4());
    format!("{sm}/{label}:{}", ctx.token_rng.uuid_v4())
}

/// The mocked ItemReader content, parsed (see `item_reader.rs`).
pub(crate) fn read_items(ctx: &mut Ctx, state: &State, reader: &ItemReaderSpec, max_items: i64) -> Result<Vec<Value>, Failure> {
    match ctx.mocks.map_sources(&state.name).and_then(|m| m.item_reader.as_ref()) {
        Some(MockOutcome::Return(content)) => item_reader::read(reader, content, max_items),
        Some(MockOutcome::Throw(f)) => Err(f.clone()),
        None => Err(Failure::runtime(format!(
            "No mocked ItemReader content for the Map state '{}' (its reader is {}; mock it as {{\"{}\": {{\"ItemReader\": {{\"Return\": ...}}}}}}).",
            state.name, reader.resource, state.name
        ))),
    }
}

/// The JSONPath `ItemBatcher`'s limits and `BatchInput`, evaluated.
fn batching(ctx: &mut Ctx, b: &ItemBatcherSpec, env: &Env, effective: &Value) -> Result<Batching, Failure> {
    let max_items = knob_int(&b.max_items, "MaxItemsPerBatch", env, effective)?.unwrap_or(0);
    let max_bytes = knob_int(&b.max_bytes, "MaxInputBytesPerBatch", env, effective)?.unwrap_or(0);
    let batch_input = b.batch_input.as_ref().map(|t| t.apply(&env.scope(effective), &mut ctx.rng)).transpose()?;
    Ok(Batching { max_items, max_bytes, batch_input })
}

/// `ItemBatcher`: groups the selected items into child inputs.
fn batch_items(b: Batching, items: Vec<Value>) -> Result<Vec<(Value, usize)>, Failure> {
    let Batching { max_items, max_bytes, batch_input } = b;
    if max_items < 0 {
        return Err(Failure::runtime("MaxItemsPerBatch must be a positive integer."));
    }
    if !(0..=result_writer::MAX_BATCH_BYTES).contains(&max_bytes) {
        return Err(Failure::runtime(format!("MaxInputBytesPerBatch must be between 1 and {}.", result_writer::MAX_BATCH_BYTES)));
    }
    let max_items = if max_items == 0 { usize::MAX } else { max_items as usize };
    let max_bytes = if max_bytes == 0 { result_writer::MAX_BATCH_BYTES } else { max_bytes } as usize;
    result_writer::batch(items, max_items, max_bytes, batch_input).map_err(Failure::runtime)
}

/// `ItemSelector` applied to each item (with `$$.Map.Item`).
fn select_items(frame: &Frame, ctx: &mut Ctx, state: &State, spec: &MapSpec, env: &Env, effective: &Value, items: Vec<Value>) -> Result<Vec<Value>, Failure> {
    let Some(t) = &spec.item_selector else { return Ok(items) };
    let mut inputs = Vec::with_capacity(items.len());
    // `$$` is built once; only Map.Item changes per item (keeps large Maps linear).
    let mut cv = if state.uses_context { frame.context(ctx, state, Some((0, &Value::Null))) } else { Value::Null };
    for (index, item) in items.into_iter().enumerate() {
        if let Some(slot) = cv.as_object_mut().and_then(|m| m.get_mut("Map")).and_then(|m| m.as_object_mut()).and_then(|m| m.get_mut("Item")).and_then(Value::as_object_mut) {
            slot.insert("Index".into(), Value::from(index as i64));
            slot.insert("Value".into(), item);
        }
        let ienv = Env { context: &cv, variables: env.variables };
        let input = t.apply(&ienv.scope(effective), &mut ctx.rng)?;
        ctx.charge(super::exec::fresh_nodes(&input))?;
        inputs.push(input);
    }
    Ok(inputs)
}

fn knob_value(knob: &Knob, env: &Env, input: &Value) -> Result<Option<(Value, Option<alloc::string::String>)>, Failure> {
    Ok(match knob {
        Knob::Absent => None,
        Knob::Constant(v) => Some((v.clone(), None)),
        Knob::Path(p) => Some((p.select(&env.scope(input))?, Some(p.text().into()))),
    })
}

fn knob_int(knob: &Knob, field: &str, env: &Env, input: &Value) -> Result<Option<i64>, Failure> {
    match knob_value(knob, env, input)? {
        None => Ok(None),
        // AWS parses a string holding an integer ("1") as that integer.
        Some((v, path)) => match v.as_number().and_then(|n| if n.is_int() { n.as_i64() } else { None }).or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())) {
            Some(n) => Ok(Some(n)),
            None => Err(Failure::runtime(format!(
                "The {field}Path field refers to value \"{}\" which is not a valid integer: {}",
                shown(&v),
                path.unwrap_or_default()
            ))),
        },
    }
}

fn knob_float(knob: &Knob, env: &Env, input: &Value) -> Result<Option<f64>, Failure> {
    match knob_value(knob, env, input)? {
        None => Ok(None),
        Some((v, path)) => match v.as_f64().or_else(|| v.as_str().and_then(|s| s.trim().parse::<f64>().ok()).filter(|f| f.is_finite())) {
            Some(n) => Ok(Some(n)),
            None => Err(Failure::runtime(format!(
                "The ToleratedFailurePercentagePath field refers to value \"{}\" which is not a valid float: {}",
                shown(&v),
                path.unwrap_or_default()
            ))),
        },
    }
}

fn shown(v: &Value) -> alloc::string::String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_json(),
    }
}

impl Group {
    fn new(parallel: bool, distributed: bool, graphs: Vec<Rc<Graph>>, inputs: Vec<Rc<Value>>) -> Group {
        let n = inputs.len();
        Group {
            parallel,
            distributed,
            graphs,
            inputs,
            next_index: 0,
            children: Vec::new(),
            results: alloc::vec![None; n],
            cursor: 0,
            concurrency: usize::MAX,
            failed: 0,
            tolerated_count: None,
            tolerated_percentage: None,
            trigger: 0,
            map_run: 0,
            map_run_arn: alloc::string::String::new(),
            batch_sizes: None,
            log: None,
        }
    }

    fn spawn(&mut self, frame: &mut Frame, ctx: &mut Ctx, state: &State) {
        let index = self.next_index;
        self.next_index += 1;
        let graph = if self.parallel { self.graphs[index].clone() } else { self.graphs[0].clone() };
        let silent = frame.silent || self.distributed;
        let mut last = self.trigger;
        if !self.parallel {
            let d = Details { name: Some(state.name.clone()), index: Some(index as u32), ..Details::default() };
            last = ctx.emit(silent, self.trigger, "MapIterationStarted", d);
        }
        let input = core::mem::take(&mut self.inputs[index]);
        if let Some(log) = self.log.as_mut() {
            log.names[index] = ctx.token_rng.uuid_v4();
            log.inputs[index] = input.clone();
            log.start[index] = ctx.now_ms;
        }
        // A distributed Map's child executions see no outer variables.
        let vars = if self.distributed { Rc::new(Map::default()) } else { frame.vars.clone() };
        self.children.push((index, Frame::new(graph, input, last, silent, vars)));
    }

    /// Releases the variables of every child still running.
    pub fn release_variables(&self, ctx: &mut Ctx) {
        for (_, child) in &self.children {
            child.release_variables(ctx);
        }
    }

    /// Items a child carried (a batch counts all its items).
    fn items_of(&self, index: usize) -> usize {
        self.batch_sizes.as_ref().and_then(|s| s.get(index).copied()).unwrap_or(1)
    }

    fn tolerates(&self) -> bool {
        let items = self.batch_sizes.as_ref().map_or(self.results.len(), |s| s.iter().sum());
        let total = items.max(1) as f64;
        match (self.tolerated_count, self.tolerated_percentage) {
            (None, None) => false,
            (c, p) => c.is_some_and(|c| self.failed as u64 <= c) || p.is_some_and(|p| self.failed as f64 * 100.0 / total <= p),
        }
    }
}

/// One turn of the group: reap or advance the next child, round-robin.
pub(crate) fn run(frame: &mut Frame, ctx: &mut Ctx, state: &State) -> Progress {
    let Some(mut group) = frame.group.take() else {
        frame.phase = Phase::Failed(Failure::runtime("internal: Map/Parallel state lost its children"));
        return Progress::Did;
    };
    if group.children.is_empty() && group.next_index >= group.inputs.len() {
        complete(frame, ctx, state, group);
        return Progress::Did;
    }
    let n = group.children.len();
    let mut earliest = i64::MAX;
    for k in 0..n {
        let pos = (group.cursor + k) % n;
        match group.children[pos].1.phase {
            Phase::Done(_) | Phase::Failed(_) => {
                group.cursor = pos;
                reap(frame, ctx, state, group, pos);
                return Progress::Did;
            }
            _ => {}
        }
        match group.children[pos].1.advance(ctx) {
            Progress::Did => {
                group.cursor = pos + 1;
                frame.group = Some(group);
                return Progress::Did;
            }
            Progress::Blocked(t) => earliest = earliest.min(t),
        }
    }
    frame.group = Some(group);
    Progress::Blocked(earliest)
}

fn reap(frame: &mut Frame, ctx: &mut Ctx, state: &State, mut group: Box<Group>, pos: usize) {
    let (index, child) = group.children.remove(pos);
    child.release_variables(ctx);
    if let Some(log) = group.log.as_mut() {
        log.stop[index] = ctx.now_ms;
        if let Phase::Failed(f) = &child.phase {
            log.errors[index] = Some(f.clone());
        }
    }
    let silent = frame.silent || group.distributed;
    let name_details = |i: usize| Details { name: Some(state.name.clone()), index: Some(i as u32), ..Details::default() };
    match child.phase.clone() {
        Phase::Done(out) => {
            if !group.parallel {
                ctx.emit(silent, child.last, "MapIterationSucceeded", name_details(index));
            }
            group.results[index] = Some(out);
        }
        Phase::Failed(f) => {
            group.failed += group.items_of(index);
            if !group.parallel && group.tolerates() {
                ctx.emit(silent, child.last, "MapIterationFailed", name_details(index));
                let mut err = Map::default();
                err.insert("Error".into(), f.error.as_deref().map_or(Value::Null, Value::from));
                err.insert("Cause".into(), f.cause.as_deref().map_or(Value::Null, Value::from));
                group.results[index] = Some(Rc::new(Value::from(err)));
            } else {
                let tolerance_set = group.tolerated_count.is_some() || group.tolerated_percentage.is_some();
                let f = if tolerance_set && !group.parallel {
                    Failure::new(errors::EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded")
                } else {
                    f
                };
                fail_group(frame, ctx, state, group, index, child, f);
                return;
            }
        }
        _ => {}
    }
    group.trigger = child.last;
    while group.children.len() < group.concurrency && group.next_index < group.inputs.len() {
        group.spawn(frame, ctx, state);
    }
    frame.group = Some(group);
}

fn fail_group(frame: &mut Frame, ctx: &mut Ctx, state: &State, group: Box<Group>, index: usize, child: Frame, f: Failure) {
    let silent = frame.silent || group.distributed;
    let cause_id = child.last;
    // Each child: its iteration event first (Map), then its state's abort event.
    if !group.parallel {
        let d = Details { name: Some(state.name.clone()), index: Some(index as u32), ..Details::default() };
        ctx.emit(silent, cause_id, "MapIterationFailed", d);
    }
    abort(ctx, &child, cause_id);
    for (i, other) in &group.children {
        if !group.parallel {
            let d = Details { name: Some(state.name.clone()), index: Some(*i as u32), ..Details::default() };
            ctx.emit(silent, cause_id, "MapIterationAborted", d);
        }
        abort(ctx, other, cause_id);
    }
    let mut prev = if group.distributed { group.map_run } else { cause_id };
    if group.distributed {
        prev = ctx.emit(frame.silent, prev, "MapRunFailed", Details::default());
    }
    frame.last = prev;
    group.release_variables(ctx);
    frame.group = None;
    // A state that will be retried writes no …StateFailed event (as AWS records it).
    if !frame.will_retry(state, &f) {
        let failed = if group.parallel { "ParallelStateFailed" } else { "MapStateFailed" };
        frame.emit(ctx, failed, Details::default());
    }
    frame.handle_failure(ctx, state, f);
}

/// `…StateAborted` for a thread still inside a state (and its own children first).
fn abort(ctx: &mut Ctx, frame: &Frame, cause_id: u32) {
    if let Some(g) = &frame.group {
        for (i, child) in &g.children {
            if !g.parallel {
                let d = Details { name: Some(frame.current_state().name.clone()), index: Some(*i as u32), ..Details::default() };
                ctx.emit(frame.silent || g.distributed, cause_id, "MapIterationAborted", d);
            }
            abort(ctx, child, cause_id);
        }
    }
    if frame.in_state && !matches!(frame.phase, Phase::Done(_)) {
        let state = frame.current_state();
        ctx.emit(frame.silent, cause_id, state_event(state.type_name, "Aborted"), Details::default());
    }
}

fn complete(frame: &mut Frame, ctx: &mut Ctx, state: &State, group: Box<Group>) {
    let mut last = group.trigger;
    if group.distributed {
        last = ctx.emit(frame.silent, group.map_run, "MapRunSucceeded", Details::default());
    }
    let succeeded = if group.parallel { "ParallelStateSucceeded" } else { "MapStateSucceeded" };
    ctx.emit(frame.silent, last, succeeded, Details::default());
    frame.last = last;
    let results: Vec<Value> = group.results.into_iter().map(|r| r.map(|v| Rc::try_unwrap(v).unwrap_or_else(|v| (*v).clone())).unwrap_or(Value::Null)).collect();
    let result = match &state.kind {
        Kind::Map(spec) => match (&spec.result_writer, group.log) {
            (Some(w), Some(log)) => match write_results(ctx, state, spec, w, &group.map_run_arn, *log, results) {
                Ok(v) => v,
                Err(f) => {
                    let f = frame.located(state, f);
                    frame.handle_failure(ctx, state, f);
                    return;
                }
            },
            (Some(w), None) => Value::from(result_writer::inline(w, results)),
            _ => Value::from(results),
        },
        _ => Value::from(results),
    };
    frame.finish_with_result(ctx, state, Rc::new(result));
}

/// The ResultWriter's files and manifest; the Map's result is where they went.
fn write_results(ctx: &mut Ctx, state: &State, spec: &MapSpec, w: &result_writer::ResultWriterSpec, map_run_arn: &str, log: RunLog, results: Vec<Value>) -> Result<Value, Failure> {
    if let Some(MockOutcome::Throw(f)) = ctx.mocks.map_sources(&state.name).and_then(|m| m.result_writer.as_ref()) {
        return Err(f.clone());
    }
    let label = map_run_arn.rsplit_once(':').map_or("", |(head, _)| head).rsplit('/').next().unwrap_or("");
    let sm_arn = ctx.base().state_machine_arn();
    let child_sm = format!("{sm_arn}/{label}");
    let exec_prefix = child_sm.replacen(":stateMachine:", ":execution:", 1);
    let start = |ms: i64| super::clock::format_timestamp(ms);
    let records: Vec<ChildRecord> = results
        .into_iter()
        .enumerate()
        .map(|(i, out)| ChildRecord {
            name: log.names[i].clone(),
            input: log.inputs[i].clone(),
            output: if log.errors[i].is_some() { None } else { Some(Rc::new(out)) },
            error: log.errors[i].clone(),
            start: start(log.start[i]),
            stop: start(log.stop[i]),
        })
        .collect();
    let _ = spec;
    let (result, objects) = result_writer::write(w, &log.params, map_run_arn, &records, &exec_prefix, &child_sm);
    ctx.written.extend(objects);
    Ok(result)
}
