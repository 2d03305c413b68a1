//! JSONPath-mode expressions: paths (`$.a[0]`, `$$.Execution.Id`, `$var.x`), payload
//! templates (`"key.$"`), and ResultPath merging, with AWS's failure names and causes.
//!
//! Causes are the text AWS puts after its "An error occurred while executing the state
//! 'X' (entered at the event id #N). " prefix; the interpreter adds that prefix.
//!
//! Which call gives AWS's cause for which field (from the recorded executions):
//!
//! | field | call | cause on a miss |
//! | --- | --- | --- |
//! | InputPath, OutputPath, ItemsPath, TimeoutSecondsPath, HeartbeatSecondsPath | [`CompiledPath::select`] | `Invalid path '$.x' : No results for path: $['x']` |
//! | `key.$` in Parameters, ResultSelector, ItemSelector | [`Template::apply`] | `The JSONPath '$.x' specified for the field 'key.$' could not be found in the input '{…}'` |
//! | Fail ErrorPath, CausePath | [`CompiledPath::select_for_field`] / [`Intrinsic::evaluate_for_field`](crate::intrinsic::Intrinsic::evaluate_for_field) with `"ErrorPath"` | same, naming `ErrorPath` |
//! | Choice Variable, `*Path` operands | [`ChoiceRule::matches`](crate::choice::ChoiceRule::matches) | as InputPath |
//! | Wait SecondsPath/TimestampPath, Map `*Path` counts | [`CompiledPath::try_select`], then the interpreter's own wording | — |
//! | ResultPath | [`CompiledResultPath::apply`] | `States.ResultPathMatchFailure`: `Unable to apply ReferencePath $.x to input …` |

mod eval;
mod filter;
mod parse;
mod regex;
mod result_path;
mod template;

pub use filter::{Filter, Op, Operand};
pub use parse::{Root, Segment};
pub use regex::Regex;
pub use result_path::CompiledResultPath;
pub(crate) use eval::member_index;
pub use template::{Template, TemplateError};

use crate::{Failure, Map, Value};
use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use eval::Definite;

/// What `$`, `$$` and `$name` read while a state's fields are evaluated.
#[derive(Clone, Copy, Debug)]
pub struct Scope<'a> {
    /// `$`
    pub input: &'a Value,
    /// `$$` (the context object, already built by the interpreter)
    pub context: &'a Value,
    /// `$name` variables visible here (empty map when none)
    pub variables: &'a Map,
}

/// Why a path's text was rejected, and at which byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathSyntaxError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for PathSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at offset {}", self.message, self.offset)
    }
}

/// A parsed JSONPath / reference path, compiled once per definition.
#[derive(Clone, Debug)]
pub struct CompiledPath {
    text: String,
    root: Root,
    segments: Vec<Segment>,
    definite: bool,
    /// The last step is `['a','b']`: AWS's engine answers with an object holding those
    /// of the keys that exist (and such a step keeps a path definite).
    merge_leaf: bool,
}

impl CompiledPath {
    /// Parse `text` (`$…`, `$$…` or `$name…`).
    pub fn compile(text: &str) -> Result<CompiledPath, PathSyntaxError> {
        let (root, segments) = parse::parse_path(text)?;
        let merge_leaf = matches!(segments.last(), Some(Segment::Children(_)));
        let prefix = if merge_leaf { &segments[..segments.len() - 1] } else { &segments[..] };
        let definite = prefix.iter().all(Segment::is_definite);
        Ok(CompiledPath { text: text.to_string(), root, segments, definite, merge_leaf })
    }

    /// The path as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What the path starts from.
    pub fn root(&self) -> &Root {
        &self.root
    }

    /// The steps after the root.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// True when the path can select at most one value (no wildcard, slice, filter,
    /// index list or recursive descent): such a path yields the value itself.
    pub fn is_definite(&self) -> bool {
        self.definite
    }

    /// Starts with `$$`.
    pub fn is_context(&self) -> bool {
        self.root == Root::Context
    }

    /// True for a reference path: names and single indexes only (what ResultPath,
    /// `*Path` fields and Choice `Variable` accept).
    pub fn is_reference_path(&self) -> bool {
        self.definite && !self.merge_leaf
    }

    /// The steps before a merging `['a','b']` leaf (all steps when there is none).
    fn prefix(&self) -> &[Segment] {
        if self.merge_leaf { &self.segments[..self.segments.len() - 1] } else { &self.segments }
    }

    /// The key list of a merging leaf.
    fn merge_names(&self) -> Option<&[String]> {
        match (self.merge_leaf, self.segments.last()) {
            (true, Some(Segment::Children(names))) => Some(names),
            _ => None,
        }
    }

    /// AWS semantics for InputPath/OutputPath/ItemsPath/`*SecondsPath`…: a definite path
    /// that matches nothing fails with `States.Runtime` and the cause
    /// `Invalid path '<path>' : <engine message>`; an index past the end gives `null`;
    /// an indefinite path yields an array (possibly `[]`).
    pub fn select(&self, scope: &Scope) -> Result<Value, Failure> {
        self.select_cow(scope).map(Cow::into_owned)
    }

    /// As [`select`](Self::select), for a named field whose miss AWS reports as
    /// `The JSONPath '<path>' specified for the field '<field>' could not be found in the
    /// input '<JSON>'`: payload-template keys (`value.$`), Fail `ErrorPath`/`CausePath`.
    pub fn select_for_field(&self, scope: &Scope, field: &str) -> Result<Value, Failure> {
        self.select_cow_for_field(scope, field).map(Cow::into_owned)
    }

    /// [`select`](Self::select) without cloning a definite result.
    pub fn select_cow<'a>(&self, scope: &Scope<'a>) -> Result<Cow<'a, Value>, Failure> {
        self.select_with(scope, |path, _, message| {
            Failure::runtime(format!("Invalid path '{}' : {}", path.text, message))
        })
    }

    /// [`select_for_field`](Self::select_for_field) without cloning a definite result.
    pub fn select_cow_for_field<'a>(&self, scope: &Scope<'a>, field: &str) -> Result<Cow<'a, Value>, Failure> {
        self.select_with(scope, |path, base, _| {
            Failure::runtime(format!(
                "The JSONPath '{}' specified for the field '{}' could not be found in the input '{}'",
                path.text,
                field,
                base.map(Value::to_json).unwrap_or_default()
            ))
        })
    }

    fn select_with<'a>(
        &self,
        scope: &Scope<'a>,
        fail: impl FnOnce(&Self, Option<&Value>, &str) -> Failure,
    ) -> Result<Cow<'a, Value>, Failure> {
        let Some(base) = self.base(scope) else {
            let message = format!("The variable '{}' is not defined", self.variable_name());
            return Err(fail(self, None, &message));
        };
        let prefix = self.prefix();
        if self.definite {
            let found = match eval::select_definite(base, prefix) {
                Ok(Definite::Found(v)) => Some(v),
                Ok(Definite::OutOfRange) => None,
                Err(message) => return Err(fail(self, Some(base), &message)),
            };
            match self.merge_names() {
                Some(names) => eval::merge_leaf(found, names, prefix)
                    .map(Cow::Owned)
                    .map_err(|message| fail(self, Some(base), &message)),
                None => Ok(found.map_or(Cow::Owned(Value::Null), Cow::Borrowed)),
            }
        } else {
            let all = eval::select_all(base, prefix, base);
            let items = match self.merge_names() {
                Some(names) => all.into_iter().filter_map(|v| eval::merge_leaf(Some(v), names, &[]).ok()).collect::<Vec<Value>>().into(),
                None => all.into_iter().cloned().collect::<Vec<Value>>().into(),
            };
            Ok(Cow::Owned(Value::Array(items)))
        }
    }

    /// For Choice `Variable` / `IsPresent`: `None` when nothing matches (never a failure).
    pub fn try_select(&self, scope: &Scope) -> Option<Value> {
        self.try_select_ref(scope).map(Cow::into_owned)
    }

    /// [`try_select`](Self::try_select) without cloning a definite result.
    pub fn try_select_ref<'a>(&self, scope: &Scope<'a>) -> Option<Cow<'a, Value>> {
        let base = self.base(scope)?;
        let prefix = self.prefix();
        let names = self.merge_names();
        if self.definite {
            let v = eval::select_one(base, prefix, base)?;
            match names {
                Some(names) => eval::merge_leaf(Some(v), names, prefix).ok().map(Cow::Owned),
                None => Some(Cow::Borrowed(v)),
            }
        } else {
            let all = eval::select_all(base, prefix, base);
            let items = match names {
                Some(names) => all.into_iter().filter_map(|v| eval::merge_leaf(Some(v), names, &[]).ok()).collect::<Vec<Value>>().into(),
                None => all.into_iter().cloned().collect::<Vec<Value>>().into(),
            };
            Some(Cow::Owned(Value::Array(items)))
        }
    }

    fn base<'a>(&self, scope: &Scope<'a>) -> Option<&'a Value> {
        match &self.root {
            Root::Input => Some(scope.input),
            Root::Context => Some(scope.context),
            Root::Variable(name) => scope.variables.get(name.as_str()),
        }
    }

    /// The variable the path starts from (`myVar` in `$myVar.a`), if any.
    pub fn variable(&self) -> Option<&str> {
        match &self.root {
            Root::Variable(name) => Some(name),
            _ => None,
        }
    }

    fn variable_name(&self) -> &str {
        match &self.root {
            Root::Variable(name) => name,
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn run(path: &str, input: &str) -> Result<Value, Failure> {
        let input = parse_value(input).unwrap();
        let ctx = Value::object();
        let vars = Map::default();
        CompiledPath::compile(path).unwrap().select(&Scope { input: &input, context: &ctx, variables: &vars })
    }

    #[test]
    fn aws_recorded_missing_leaf_and_missing_property() {
        // scenarios.test_base_scenarios.test_invalid_jsonpath.ST_INVALID_JSONPATH_IN_INPUTPATH
        let f = run("$.NoSuchInputPath", r#"{"int-literal": 0}"#).unwrap_err();
        assert_eq!(f.error_name(), "States.Runtime");
        assert_eq!(
            f.cause.as_deref(),
            Some("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']")
        );
        // scenarios.test_base_scenarios.test_catch_states_runtime
        let f = run("$.no.such.result.path", "{}").unwrap_err();
        assert_eq!(
            f.cause.as_deref(),
            Some("Invalid path '$.no.such.result.path' : Missing property in path $['no']")
        );
    }

    #[test]
    fn field_shaped_cause() {
        let input = parse_value(r#"{"int-literal": 0}"#).unwrap();
        let ctx = Value::object();
        let vars = Map::default();
        let scope = Scope { input: &input, context: &ctx, variables: &vars };
        let f = CompiledPath::compile("$.no_such_jsonpath").unwrap().select_for_field(&scope, "value.$").unwrap_err();
        assert_eq!(
            f.cause.as_deref(),
            Some(
                "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'"
            )
        );
    }

    #[test]
    fn variables_and_context() {
        let input = Value::object();
        let ctx = parse_value(r#"{"Execution": {"Id": "x"}}"#).unwrap();
        let mut vars = Map::default();
        vars.insert("v".into(), parse_value(r#"{"a": [1, 2]}"#).unwrap());
        let scope = Scope { input: &input, context: &ctx, variables: &vars };
        assert_eq!(CompiledPath::compile("$$.Execution.Id").unwrap().select(&scope).unwrap(), Value::from("x"));
        assert_eq!(CompiledPath::compile("$v.a[1]").unwrap().select(&scope).unwrap(), Value::from(2i64));
        assert!(CompiledPath::compile("$w").unwrap().select(&scope).is_err());
        assert!(CompiledPath::compile("$$.Nope").unwrap().try_select(&scope).is_none());
    }

    #[test]
    fn name_list_leaf_merges_into_an_object() {
        assert_eq!(run("$['a','c','z']", r#"{"a": 1, "b": 2, "c": 3}"#).unwrap(), parse_value(r#"{"a": 1, "c": 3}"#).unwrap());
        assert_eq!(run("$[*]['a','b']", r#"[{"a": 1}, 5, {"b": 2}]"#).unwrap(), parse_value(r#"[{"a": 1}, {"b": 2}]"#).unwrap());
        assert!(run("$.x['a','b']", r#"{"x": 5}"#).is_err());
    }
}
