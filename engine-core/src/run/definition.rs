//! The machine model the interpreter runs: a definition `Value` compiled once into
//! states with their paths, templates and rules parsed, and transitions resolved to
//! indexes. Invalid definitions give a `DefinitionError`, never a panic.

use super::item_reader::ItemReaderSpec;
use super::jsonata_definition::{self, JsonataState, QueryLanguage};
use super::result_writer::{ItemBatcherSpec, ResultWriterSpec};
use super::task::TaskSpec;
use crate::choice::ChoiceRule;
use crate::path::{CompiledPath, CompiledResultPath, Template};
use crate::{Map, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// Nested Map/Parallel levels a definition may have (a hostile definition cannot recurse forever).
pub const MAX_NESTING: usize = 32;

/// Why a definition cannot be run: where (a JSON Pointer) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionError {
    pub pointer: String,
    pub message: String,
}

/// A compiled state machine, cheap to clone (shared).
#[derive(Clone, Debug)]
pub struct StateMachine {
    pub(crate) graph: Rc<Graph>,
    pub(crate) timeout_seconds: Option<u64>,
    pub(crate) name: String,
}

/// One `{StartAt, States}` graph: the machine itself, a Parallel branch or a Map processor.
#[derive(Debug)]
pub struct Graph {
    pub(crate) states: Vec<State>,
    pub(crate) start: usize,
}

/// `InputPath`/`OutputPath`: absent (`$`), `null`, or a path.
#[derive(Debug)]
pub(crate) enum IoPath {
    Whole,
    Null,
    Path(CompiledPath),
}

/// `ResultPath`: absent (`$`), `null` (discard), or a path.
#[derive(Debug)]
pub(crate) enum ResultPathSpec {
    Whole,
    Discard,
    Path(CompiledResultPath),
}

#[derive(Debug)]
pub(crate) enum Transition {
    Next(usize),
    End,
    Terminal,
}

/// One Retry entry.
#[derive(Debug)]
pub(crate) struct Retrier {
    pub errors: Vec<String>,
    pub interval_seconds: f64,
    pub max_attempts: u32,
    pub backoff_rate: f64,
    pub max_delay_seconds: Option<f64>,
    pub jitter_full: bool,
}

/// One Catch entry.
#[derive(Debug)]
pub(crate) struct Catcher {
    pub errors: Vec<String>,
    pub result_path: ResultPathSpec,
    pub next: usize,
    /// Replaces the state's `Assign` when this catcher handles the error; `$` is the error output.
    pub assign: Option<Template>,
}

/// One Choice rule with its target and its own `Assign` (which replaces the state's).
#[derive(Debug)]
pub(crate) struct ChoiceBranch {
    pub rule: ChoiceRule,
    pub next: usize,
    pub assign: Option<Template>,
}

/// A Wait's duration source.
#[derive(Debug)]
pub(crate) enum WaitSpec {
    Seconds(Value),
    Timestamp(String),
    SecondsPath(CompiledPath),
    TimestampPath(CompiledPath),
}

/// Fail `Error`/`Cause`: a constant, a path or an intrinsic.
#[derive(Debug)]
pub(crate) enum FailField {
    None,
    Constant(String),
    Path(CompiledPath),
    Intrinsic(crate::intrinsic::Intrinsic),
}

/// An integer field that may come from a path (`MaxConcurrency[Path]`, `ToleratedFailure*[Path]`).
#[derive(Debug)]
pub(crate) enum Knob {
    Absent,
    Constant(Value),
    Path(CompiledPath),
}

#[derive(Debug)]
pub(crate) struct MapSpec {
    pub processor: Rc<Graph>,
    pub distributed: bool,
    pub items_path: Option<CompiledPath>,
    pub item_selector: Option<Template>,
    pub max_concurrency: Knob,
    pub tolerated_count: Knob,
    pub tolerated_percentage: Knob,
    pub item_reader: Option<ItemReaderSpec>,
    pub item_batcher: Option<ItemBatcherSpec>,
    pub result_writer: Option<ResultWriterSpec>,
    /// `Label`: names the Map Run (its ARN) and the child executions.
    pub label: Option<String>,
}

#[derive(Debug)]
pub(crate) enum Kind {
    Pass { result: Option<Value> },
    Task(TaskSpec),
    Choice { rules: Vec<ChoiceBranch>, default: Option<usize> },
    Wait(WaitSpec),
    Succeed,
    Fail { error: FailField, cause: FailField },
    Parallel { branches: Vec<Rc<Graph>> },
    Map(alloc::boxed::Box<MapSpec>),
}

/// A compiled state.
#[derive(Debug)]
pub struct State {
    pub(crate) name: Rc<str>,
    pub(crate) type_name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) input_path: IoPath,
    pub(crate) output_path: IoPath,
    pub(crate) parameters: Option<Template>,
    pub(crate) result_selector: Option<Template>,
    pub(crate) result_path: ResultPathSpec,
    pub(crate) transition: Transition,
    pub(crate) retry: Vec<Retrier>,
    pub(crate) catch: Vec<Catcher>,
    /// `Assign`: evaluated against the state-entry variables, written when the state exits.
    pub(crate) assign: Option<Template>,
    /// Whether any field reads `$$` (or `$states`), so the context object is built only when needed.
    pub(crate) uses_context: bool,
    /// The JSONata-mode fields, when the state's query language is JSONata (its
    /// JSONPath fields are then absent).
    pub(crate) jsonata: Option<alloc::boxed::Box<JsonataState>>,
}

impl StateMachine {
    /// Compiles a definition (`{StartAt, States, TimeoutSeconds?, …}`).
    pub fn compile(definition: &Value) -> Result<StateMachine, DefinitionError> {
        let obj = definition.as_object().ok_or_else(|| err("", "a definition must be a JSON object"))?;
        let lang = QueryLanguage::read(obj, "", QueryLanguage::JsonPath)?;
        let graph = compile_graph(definition, "", 0, lang)?;
        super::variables::check_scopes(definition)?;
        let timeout_seconds = match obj.get("TimeoutSeconds") {
            None => None,
            Some(v) => Some(v.as_i64().filter(|s| *s > 0).ok_or_else(|| err("/TimeoutSeconds", "TimeoutSeconds must be a positive integer"))? as u64),
        };
        Ok(StateMachine { graph: Rc::new(graph), timeout_seconds, name: String::from("StateMachine") })
    }

    /// Sets the state machine name used in `$$.StateMachine` and ARNs.
    pub fn with_name(mut self, name: &str) -> StateMachine {
        self.name = name.to_string();
        self
    }
}

fn err(pointer: &str, message: &str) -> DefinitionError {
    DefinitionError { pointer: pointer.to_string(), message: message.to_string() }
}

/// Compiles one graph; `lang` is the machine's query language (nested graphs default to
/// it, not to their enclosing state's).
fn compile_graph(def: &Value, at: &str, depth: usize, lang: QueryLanguage) -> Result<Graph, DefinitionError> {
    if depth > MAX_NESTING {
        return Err(err(at, "Map/Parallel nested too deeply"));
    }
    let start = def.get("StartAt").and_then(Value::as_str).ok_or_else(|| err(at, "missing StartAt"))?;
    let states = def.get("States").and_then(Value::as_object).ok_or_else(|| err(at, "missing States"))?;
    let index = |name: &str, ptr: &str| -> Result<usize, DefinitionError> {
        states.get_index_of(name).ok_or_else(|| err(ptr, &format!("no state named '{name}'")))
    };
    let start = index(start, &format!("{at}/StartAt"))?;
    let mut out = Vec::with_capacity(states.len());
    for (name, body) in states {
        let ptr = format!("{at}/States/{}", pointer_escape(name));
        out.push(compile_state(name, body, &ptr, depth, lang, &index)?);
    }
    Ok(Graph { states: out, start })
}

fn pointer_escape(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

fn text<'v>(m: &'v Map, key: &str, ptr: &str) -> Result<Option<&'v str>, DefinitionError> {
    match m.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(err(&format!("{ptr}/{key}"), &format!("{key} must be a string"))),
    }
}

fn path(m: &Map, key: &str, ptr: &str) -> Result<Option<CompiledPath>, DefinitionError> {
    text(m, key, ptr)?
        .map(|t| CompiledPath::compile(t).map_err(|e| err(&format!("{ptr}/{key}"), &format!("invalid path '{t}': {}", e.message))))
        .transpose()
}

fn io_path(m: &Map, key: &str, ptr: &str) -> Result<IoPath, DefinitionError> {
    match m.get(key) {
        None => Ok(IoPath::Whole),
        Some(Value::Null) => Ok(IoPath::Null),
        Some(_) => Ok(path(m, key, ptr)?.map_or(IoPath::Whole, IoPath::Path)),
    }
}

fn result_path(m: &Map, ptr: &str) -> Result<ResultPathSpec, DefinitionError> {
    match m.get("ResultPath") {
        None => Ok(ResultPathSpec::Whole),
        Some(Value::Null) => Ok(ResultPathSpec::Discard),
        Some(Value::String(t)) => CompiledResultPath::compile(t)
            .map(ResultPathSpec::Path)
            .map_err(|e| err(&format!("{ptr}/ResultPath"), &format!("invalid ResultPath '{t}': {}", e.message))),
        Some(_) => Err(err(&format!("{ptr}/ResultPath"), "ResultPath must be a string or null")),
    }
}

fn template(m: &Map, key: &str, ptr: &str) -> Result<Option<Template>, DefinitionError> {
    m.get(key)
        .map(|t| Template::compile(t).map_err(|e| err(&format!("{ptr}/{key}{}", e.at), &e.message)))
        .transpose()
}

/// `Assign`: an object of variable names, compiled as a payload template.
fn assign(m: &Map, ptr: &str) -> Result<Option<Template>, DefinitionError> {
    let Some(v) = m.get("Assign") else { return Ok(None) };
    let at = format!("{ptr}/Assign");
    let obj = v.as_object().ok_or_else(|| err(&at, "Assign must be an object"))?;
    for key in obj.keys() {
        let name = key.strip_suffix(".$").unwrap_or(key);
        super::variables::check_name(name).map_err(|m| err(&format!("{at}/{}", pointer_escape(key)), &m))?;
    }
    Template::compile(v).map(Some).map_err(|e| err(&format!("{at}{}", e.at), &e.message))
}

fn number(v: &Value, ptr: &str, what: &str) -> Result<f64, DefinitionError> {
    v.as_f64().ok_or_else(|| err(ptr, &format!("{what} must be a number")))
}

fn error_list(m: &Map, ptr: &str) -> Result<Vec<String>, DefinitionError> {
    let list = m.get("ErrorEquals").and_then(Value::as_array).ok_or_else(|| err(ptr, "ErrorEquals must be a non-empty array"))?;
    list.iter().map(|e| e.as_str().map(str::to_string).ok_or_else(|| err(ptr, "ErrorEquals holds strings"))).collect()
}

fn knob(m: &Map, key: &str, ptr: &str) -> Result<Knob, DefinitionError> {
    if let Some(v) = m.get(key) {
        return Ok(Knob::Constant(v.clone()));
    }
    Ok(path(m, &format!("{key}Path"), ptr)?.map_or(Knob::Absent, Knob::Path))
}

fn compile_state(
    name: &str,
    body: &Value,
    ptr: &str,
    depth: usize,
    machine_lang: QueryLanguage,
    index: &dyn Fn(&str, &str) -> Result<usize, DefinitionError>,
) -> Result<State, DefinitionError> {
    let m = body.as_object().ok_or_else(|| err(ptr, "a state must be an object"))?;
    let lang = QueryLanguage::of_state(m, ptr, machine_lang)?;
    jsonata_definition::check_fields(m, ptr, lang)?;
    let jsonata = match lang {
        QueryLanguage::Jsonata => Some(alloc::boxed::Box::new(JsonataState::compile(m, ptr, index)?)),
        QueryLanguage::JsonPath => None,
    };
    let is_jsonata = jsonata.is_some();
    let ty = text(m, "Type", ptr)?.ok_or_else(|| err(ptr, "missing Type"))?;
    let transition = if let Some(next) = text(m, "Next", ptr)? {
        Transition::Next(index(next, &format!("{ptr}/Next"))?)
    } else if m.get("End") == Some(&Value::Bool(true)) {
        Transition::End
    } else {
        Transition::Terminal
    };
    let needs_transition = matches!(ty, "Pass" | "Task" | "Wait" | "Parallel" | "Map");
    if needs_transition && matches!(transition, Transition::Terminal) {
        return Err(err(ptr, &format!("a {ty} state needs Next or End")));
    }
    let (type_name, kind): (&'static str, Kind) = match ty {
        "Pass" => ("Pass", Kind::Pass { result: m.get("Result").cloned() }),
        "Task" => ("Task", Kind::Task(TaskSpec::compile(m, ptr, is_jsonata)?)),
        "Succeed" => ("Succeed", Kind::Succeed),
        "Fail" => {
            let field = |plain: &str, path_key: &str| -> Result<FailField, DefinitionError> {
                if let Some(t) = text(m, plain, ptr)? {
                    return Ok(FailField::Constant(t.to_string()));
                }
                match text(m, path_key, ptr)? {
                    None => Ok(FailField::None),
                    Some(t) if crate::intrinsic::is_intrinsic(t) => crate::intrinsic::Intrinsic::compile(t)
                        .map(FailField::Intrinsic)
                        .map_err(|e| err(&format!("{ptr}/{path_key}"), &e.message)),
                    Some(_) => Ok(path(m, path_key, ptr)?.map_or(FailField::None, FailField::Path)),
                }
            };
            ("Fail", Kind::Fail { error: field("Error", "ErrorPath")?, cause: field("Cause", "CausePath")? })
        }
        "Wait" => {
            let spec = if let Some(v) = m.get("Seconds") {
                WaitSpec::Seconds(v.clone())
            } else if let Some(t) = text(m, "Timestamp", ptr)? {
                WaitSpec::Timestamp(t.to_string())
            } else if let Some(p) = path(m, "SecondsPath", ptr)? {
                WaitSpec::SecondsPath(p)
            } else if let Some(p) = path(m, "TimestampPath", ptr)? {
                WaitSpec::TimestampPath(p)
            } else {
                return Err(err(ptr, "a Wait state needs Seconds, Timestamp, SecondsPath or TimestampPath"));
            };
            ("Wait", Kind::Wait(spec))
        }
        "Choice" => {
            let list = m.get("Choices").and_then(Value::as_array).filter(|l| !l.is_empty()).ok_or_else(|| err(ptr, "Choices must be a non-empty array"))?;
            let mut rules = Vec::with_capacity(list.len());
            // JSONata rules (`Condition`) are compiled with the state's JSONata fields.
            for (i, rule) in list.iter().enumerate().filter(|_| !is_jsonata) {
                let rptr = format!("{ptr}/Choices/{i}");
                let next = rule.get("Next").and_then(Value::as_str).ok_or_else(|| err(&rptr, "a Choice rule needs Next"))?;
                let compiled = ChoiceRule::compile(rule).map_err(|m| err(&rptr, &m))?;
                let assign = rule.as_object().map(|r| assign(r, &rptr)).transpose()?.flatten();
                rules.push(ChoiceBranch { rule: compiled, next: index(next, &format!("{rptr}/Next"))?, assign });
            }
            let default = text(m, "Default", ptr)?.map(|d| index(d, &format!("{ptr}/Default"))).transpose()?;
            ("Choice", Kind::Choice { rules, default })
        }
        "Parallel" => {
            let list = m.get("Branches").and_then(Value::as_array).ok_or_else(|| err(ptr, "Branches must be an array"))?;
            let branches = list
                .iter()
                .enumerate()
                .map(|(i, b)| compile_graph(b, &format!("{ptr}/Branches/{i}"), depth + 1, machine_lang).map(Rc::new))
                .collect::<Result<_, _>>()?;
            ("Parallel", Kind::Parallel { branches })
        }
        "Map" => {
            let (key, proc) = match (m.get("ItemProcessor"), m.get("Iterator")) {
                (Some(p), _) => ("ItemProcessor", p),
                (None, Some(p)) => ("Iterator", p),
                _ => return Err(err(ptr, "a Map state needs ItemProcessor")),
            };
            let processor = Rc::new(compile_graph(proc, &format!("{ptr}/{key}"), depth + 1, machine_lang)?);
            let distributed = proc.get("ProcessorConfig").and_then(|c| c.get("Mode")).and_then(Value::as_str) == Some("DISTRIBUTED");
            for field in ["ItemReader", "ItemBatcher", "ResultWriter", "Label"] {
                if !distributed && (m.contains_key(field) || m.contains_key(format!("{field}Path").as_str())) {
                    return Err(err(&format!("{ptr}/{field}"), &format!("{field} needs a distributed Map (ProcessorConfig.Mode DISTRIBUTED)")));
                }
            }
            let selector_key = if m.contains_key("ItemSelector") { "ItemSelector" } else { "Parameters" };
            let spec = MapSpec {
                processor,
                distributed,
                items_path: path(m, "ItemsPath", ptr)?,
                item_selector: if is_jsonata { None } else { template(m, selector_key, ptr)? },
                max_concurrency: if is_jsonata { Knob::Absent } else { knob(m, "MaxConcurrency", ptr)? },
                tolerated_count: if is_jsonata { Knob::Absent } else { knob(m, "ToleratedFailureCount", ptr)? },
                tolerated_percentage: if is_jsonata { Knob::Absent } else { knob(m, "ToleratedFailurePercentage", ptr)? },
                item_reader: m.get("ItemReader").map(|r| ItemReaderSpec::compile(r, ptr)).transpose()?,
                item_batcher: m.get("ItemBatcher").map(|b| ItemBatcherSpec::compile(b, ptr)).transpose()?,
                result_writer: m.get("ResultWriter").map(|w| ResultWriterSpec::compile(w, ptr)).transpose()?,
                label: text(m, "Label", ptr)?.map(str::to_string),
            };
            ("Map", Kind::Map(alloc::boxed::Box::new(spec)))
        }
        other => return Err(err(&format!("{ptr}/Type"), &format!("unknown state type '{other}'"))),
    };
    let mut retry = Vec::new();
    if let Some(list) = m.get("Retry").and_then(Value::as_array) {
        for (i, r) in list.iter().enumerate() {
            let rptr = format!("{ptr}/Retry/{i}");
            let rm = r.as_object().ok_or_else(|| err(&rptr, "a retrier must be an object"))?;
            retry.push(Retrier {
                errors: error_list(rm, &rptr)?,
                interval_seconds: rm.get("IntervalSeconds").map(|v| number(v, &rptr, "IntervalSeconds")).transpose()?.unwrap_or(1.0),
                max_attempts: rm.get("MaxAttempts").map(|v| v.as_i64().filter(|n| *n >= 0).ok_or_else(|| err(&rptr, "MaxAttempts must be a non-negative integer"))).transpose()?.unwrap_or(3).min(u32::MAX as i64) as u32,
                backoff_rate: rm.get("BackoffRate").map(|v| number(v, &rptr, "BackoffRate")).transpose()?.unwrap_or(2.0),
                max_delay_seconds: rm.get("MaxDelaySeconds").map(|v| number(v, &rptr, "MaxDelaySeconds")).transpose()?,
                jitter_full: rm.get("JitterStrategy").and_then(Value::as_str) == Some("FULL"),
            });
        }
    }
    let mut catch = Vec::new();
    if let Some(list) = m.get("Catch").and_then(Value::as_array) {
        for (i, c) in list.iter().enumerate() {
            let cptr = format!("{ptr}/Catch/{i}");
            let cm = c.as_object().ok_or_else(|| err(&cptr, "a catcher must be an object"))?;
            let next = text(cm, "Next", &cptr)?.ok_or_else(|| err(&cptr, "a catcher needs Next"))?;
            catch.push(Catcher {
                errors: error_list(cm, &cptr)?,
                result_path: result_path(cm, &cptr)?,
                next: index(next, &format!("{cptr}/Next"))?,
                assign: if is_jsonata { None } else { assign(cm, &cptr)? },
            });
        }
    }
    let is_map = matches!(kind, Kind::Map(_));
    if matches!(kind, Kind::Succeed | Kind::Fail { .. }) && m.contains_key("Assign") {
        return Err(err(&format!("{ptr}/Assign"), &format!("a {type_name} state cannot have Assign")));
    }
    Ok(State {
        assign: if is_jsonata { None } else { assign(m, ptr)? },
        name: Rc::from(name),
        type_name,
        uses_context: jsonata.as_ref().map_or_else(|| body_reads_context(body, 0), |j| j.reads_context),
        jsonata,
        input_path: io_path(m, "InputPath", ptr)?,
        output_path: io_path(m, "OutputPath", ptr)?,
        parameters: if is_map { None } else { template(m, "Parameters", ptr)? },
        result_selector: template(m, "ResultSelector", ptr)?,
        result_path: result_path(m, ptr)?,
        transition,
        retry,
        catch,
        kind,
    })
}

/// Whether a state's own fields (not nested branches) mention `$$`.
fn body_reads_context(v: &Value, depth: usize) -> bool {
    if depth > 64 {
        return true;
    }
    match v {
        Value::String(s) => s.contains("$$"),
        Value::Array(a) => a.iter().any(|x| body_reads_context(x, depth + 1)),
        Value::Object(m) => m
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "Branches" | "ItemProcessor" | "Iterator"))
            .any(|(_, x)| body_reads_context(x, depth + 1)),
        _ => false,
    }
}
