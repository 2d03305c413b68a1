//! The fields of a JSONata-mode state, compiled: `Arguments`, `Output`, `Assign`, Choice
//! `Condition`s, Wait `Seconds`/`Timestamp`, Fail `Error`/`Cause`, Map `Items`,
//! `ItemSelector` and its limits, Task timeouts and `Credentials`, and each Catcher's
//! `Output`/`Assign`. Every value may hold `{% … %}` expressions anywhere.
//!
//! Also the query-language rules: which fields each language allows (AWS's messages),
//! and that a JSONata machine cannot have JSONPath states.

use super::definition::DefinitionError;
use super::query_template::{may_read_context, mentioned_names, QueryValue};
use crate::{Map, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The query language of a state (`QueryLanguage`, else the machine's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QueryLanguage {
    JsonPath,
    Jsonata,
}

impl QueryLanguage {
    fn name(self) -> &'static str {
        match self {
            QueryLanguage::JsonPath => "JSONPath",
            QueryLanguage::Jsonata => "JSONata",
        }
    }

    /// Reads a `QueryLanguage` field; absent gives `default`.
    pub fn read(
        m: &Map,
        ptr: &str,
        default: QueryLanguage,
    ) -> Result<QueryLanguage, DefinitionError> {
        match m.get("QueryLanguage") {
            None => Ok(default),
            Some(Value::String(s)) if s == "JSONPath" => Ok(QueryLanguage::JsonPath),
            Some(Value::String(s)) if s == "JSONata" => Ok(QueryLanguage::Jsonata),
            Some(other) => Err(err(
                &format!("{ptr}/QueryLanguage"),
                &format!(
                    "QueryLanguage must be 'JSONPath' or 'JSONata', not {}",
                    other.to_json()
                ),
            )),
        }
    }

    /// A state's language, checked against the machine's: a JSONata machine has only JSONata states.
    pub fn of_state(
        m: &Map,
        ptr: &str,
        machine: QueryLanguage,
    ) -> Result<QueryLanguage, DefinitionError> {
        let lang = QueryLanguage::read(m, ptr, machine)?;
        if machine == QueryLanguage::Jsonata && lang == QueryLanguage::JsonPath {
            return Err(err(
                &format!("{ptr}/QueryLanguage"),
                "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
            ));
        }
        Ok(lang)
    }
}

/// Fields only JSONPath states may have.
const JSONPATH_ONLY: &[&str] = &[
    "InputPath",
    "OutputPath",
    "Parameters",
    "ResultSelector",
    "ResultPath",
    "Result",
    "ItemsPath",
    "SecondsPath",
    "TimestampPath",
    "ErrorPath",
    "CausePath",
    "TimeoutSecondsPath",
    "HeartbeatSecondsPath",
    "MaxConcurrencyPath",
    "ToleratedFailureCountPath",
    "ToleratedFailurePercentagePath",
];

/// Fields only JSONata states may have.
const JSONATA_ONLY: &[&str] = &["Arguments", "Output", "Items"];

/// Rejects a field the state's language does not have, with AWS's message.
pub(crate) fn check_fields(m: &Map, ptr: &str, lang: QueryLanguage) -> Result<(), DefinitionError> {
    let (forbidden, other) = match lang {
        QueryLanguage::JsonPath => (JSONATA_ONLY, QueryLanguage::Jsonata),
        QueryLanguage::Jsonata => (JSONPATH_ONLY, QueryLanguage::JsonPath),
    };
    // The state itself, then its Catchers and Choice rules (where `Variable` and
    // `Condition` are the language-specific fields).
    let rule_field = match lang {
        QueryLanguage::JsonPath => "Condition",
        QueryLanguage::Jsonata => "Variable",
    };
    let mut owners: Vec<(&Map, String, bool)> = alloc::vec![(m, ptr.to_string(), false)];
    for key in ["Catch", "Choices"] {
        for (i, item) in m
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(im) = item.as_object() {
                owners.push((im, format!("{ptr}/{key}/{i}"), key == "Choices"));
            }
        }
    }
    for (owner, at, is_rule) in owners {
        let extra: &[&str] = if is_rule { &[rule_field] } else { &[] };
        if let Some(key) = forbidden
            .iter()
            .chain(extra)
            .find(|k| owner.contains_key(**k))
        {
            return Err(err(
                &format!("{at}/{key}"),
                &format!("QueryLanguage is set to '{}', but field '{key}' is only supported for the '{}' QueryLanguage", lang.name(), other.name()),
            ));
        }
    }
    Ok(())
}

/// A JSONata Choice rule.
#[derive(Debug)]
pub(crate) struct JsonataChoice {
    pub condition: QueryValue,
    pub next: usize,
    /// Replace the state's `Output`/`Assign` when this rule matches.
    pub output: Option<QueryValue>,
    pub assign: Option<QueryValue>,
}

/// A JSONata Catcher's `Output` (default: the error output) and `Assign`.
#[derive(Debug, Default)]
pub(crate) struct JsonataCatch {
    pub output: Option<QueryValue>,
    pub assign: Option<QueryValue>,
}

/// A JSONata-mode state's compiled fields (absent ones are `None`).
#[derive(Debug, Default)]
pub(crate) struct JsonataState {
    pub arguments: Option<QueryValue>,
    pub output: Option<QueryValue>,
    pub assign: Option<QueryValue>,
    pub choices: Vec<JsonataChoice>,
    pub seconds: Option<QueryValue>,
    pub timestamp: Option<QueryValue>,
    pub error: Option<QueryValue>,
    pub cause: Option<QueryValue>,
    pub items: Option<QueryValue>,
    pub item_selector: Option<QueryValue>,
    pub max_concurrency: Option<QueryValue>,
    pub tolerated_count: Option<QueryValue>,
    pub tolerated_percentage: Option<QueryValue>,
    pub timeout_seconds: Option<QueryValue>,
    pub heartbeat_seconds: Option<QueryValue>,
    pub credentials: Option<QueryValue>,
    /// A distributed Map's `ItemReader.Arguments` and `ItemReader.ReaderConfig.MaxItems`.
    pub reader_arguments: Option<QueryValue>,
    pub reader_max_items: Option<QueryValue>,
    /// A distributed Map's `ItemBatcher` fields.
    pub batcher_max_items: Option<QueryValue>,
    pub batcher_max_bytes: Option<QueryValue>,
    pub batch_input: Option<QueryValue>,
    /// A distributed Map's `ResultWriter.Arguments`.
    pub writer_arguments: Option<QueryValue>,
    pub catch: Vec<JsonataCatch>,
    /// Every `$name` the expressions mention: only these variables are bound.
    pub mentioned: Vec<String>,
    /// Whether an expression may read `$states.context` (so it is built only then).
    pub reads_context: bool,
}

fn err(pointer: &str, message: &str) -> DefinitionError {
    DefinitionError {
        pointer: pointer.to_string(),
        message: message.to_string(),
    }
}

/// Compiles `m[key]` as a JSONata field value.
pub(crate) fn field(m: &Map, key: &str, ptr: &str) -> Result<Option<QueryValue>, DefinitionError> {
    m.get(key)
        .map(|v| {
            QueryValue::compile(v)
                .map_err(|(at, message)| err(&format!("{ptr}/{key}{at}"), &message))
        })
        .transpose()
}

/// `Assign`: an object of variable names (checked as in JSONPath mode, no `.$` suffix).
pub(crate) fn assign(m: &Map, ptr: &str) -> Result<Option<QueryValue>, DefinitionError> {
    let Some(v) = m.get("Assign") else {
        return Ok(None);
    };
    let at = format!("{ptr}/Assign");
    let obj = v
        .as_object()
        .ok_or_else(|| err(&at, "Assign must be an object"))?;
    for key in obj.keys() {
        super::variables::check_name(key).map_err(|msg| {
            err(
                &format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                &msg,
            )
        })?;
    }
    field(m, "Assign", ptr)
}

impl JsonataState {
    /// Compiles the JSONata fields of state `m`; `index` resolves `Next` names.
    pub fn compile(
        m: &Map,
        ptr: &str,
        index: &dyn Fn(&str, &str) -> Result<usize, DefinitionError>,
    ) -> Result<JsonataState, DefinitionError> {
        let mut s = JsonataState {
            arguments: field(m, "Arguments", ptr)?,
            output: field(m, "Output", ptr)?,
            assign: assign(m, ptr)?,
            seconds: field(m, "Seconds", ptr)?,
            timestamp: field(m, "Timestamp", ptr)?,
            error: field(m, "Error", ptr)?,
            cause: field(m, "Cause", ptr)?,
            items: field(m, "Items", ptr)?,
            item_selector: field(m, "ItemSelector", ptr)?,
            max_concurrency: field(m, "MaxConcurrency", ptr)?,
            tolerated_count: field(m, "ToleratedFailureCount", ptr)?,
            tolerated_percentage: field(m, "ToleratedFailurePercentage", ptr)?,
            timeout_seconds: field(m, "TimeoutSeconds", ptr)?,
            heartbeat_seconds: field(m, "HeartbeatSeconds", ptr)?,
            credentials: field(m, "Credentials", ptr)?,
            ..JsonataState::default()
        };
        let part = |key: &str| {
            m.get(key)
                .and_then(Value::as_object)
                .map(|o| (o, format!("{ptr}/{key}")))
        };
        if let Some((r, at)) = part("ItemReader") {
            s.reader_arguments = field(r, "Arguments", &at)?;
            if let Some(c) = r.get("ReaderConfig").and_then(Value::as_object) {
                s.reader_max_items = field(c, "MaxItems", &format!("{at}/ReaderConfig"))?;
            }
        }
        if let Some((b, at)) = part("ItemBatcher") {
            s.batcher_max_items = field(b, "MaxItemsPerBatch", &at)?;
            s.batcher_max_bytes = field(b, "MaxInputBytesPerBatch", &at)?;
            s.batch_input = field(b, "BatchInput", &at)?;
        }
        if let Some((w, at)) = part("ResultWriter") {
            s.writer_arguments = field(w, "Arguments", &at)?;
        }
        for (i, rule) in m
            .get("Choices")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let rptr = format!("{ptr}/Choices/{i}");
            let rm = rule
                .as_object()
                .ok_or_else(|| err(&rptr, "a Choice rule must be an object"))?;
            let next = rm
                .get("Next")
                .and_then(Value::as_str)
                .ok_or_else(|| err(&rptr, "a Choice rule needs Next"))?;
            let condition = field(rm, "Condition", &rptr)?
                .ok_or_else(|| err(&rptr, "a JSONata Choice rule needs Condition"))?;
            s.choices.push(JsonataChoice {
                condition,
                next: index(next, &format!("{rptr}/Next"))?,
                output: field(rm, "Output", &rptr)?,
                assign: assign(rm, &rptr)?,
            });
        }
        for (i, c) in m
            .get("Catch")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let cptr = format!("{ptr}/Catch/{i}");
            let cm = c
                .as_object()
                .ok_or_else(|| err(&cptr, "a catcher must be an object"))?;
            s.catch.push(JsonataCatch {
                output: field(cm, "Output", &cptr)?,
                assign: assign(cm, &cptr)?,
            });
        }
        let (mut names, mut context) = (Vec::new(), false);
        s.for_each_field(&mut |v| {
            v.for_each_expression(&mut |e| {
                mentioned_names(&e.text, &mut names);
                context |= may_read_context(&e.text);
            })
        });
        s.mentioned = names;
        s.reads_context = context;
        Ok(s)
    }

    /// Calls `f` with every compiled field value.
    fn for_each_field(&self, f: &mut dyn FnMut(&QueryValue)) {
        let own = [
            &self.arguments,
            &self.output,
            &self.assign,
            &self.seconds,
            &self.timestamp,
            &self.error,
            &self.cause,
            &self.items,
            &self.item_selector,
            &self.max_concurrency,
            &self.tolerated_count,
            &self.tolerated_percentage,
            &self.timeout_seconds,
            &self.heartbeat_seconds,
            &self.credentials,
            &self.reader_arguments,
            &self.reader_max_items,
            &self.batcher_max_items,
            &self.batcher_max_bytes,
            &self.batch_input,
            &self.writer_arguments,
        ];
        own.into_iter().flatten().for_each(&mut *f);
        for c in &self.choices {
            f(&c.condition);
            c.output.iter().chain(&c.assign).for_each(&mut *f);
        }
        for c in &self.catch {
            c.output.iter().chain(&c.assign).for_each(&mut *f);
        }
    }
}
