//! `State`: one named state, its type, and typed reads of its fields.

use super::choice::ChoiceRule;
use super::json::{child_pointer, index_pointer, At, Field, Json};
use super::machine::{Machine, MachineKind, QueryLanguage};
use super::retry::{Catcher, Retrier};
use crate::json::tree::Span;
use alloc::string::String;
use alloc::vec::Vec;

/// The eight state types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateType {
    Task,
    Pass,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

impl StateType {
    /// The type called `name`, as written in `Type`.
    pub fn from_name(name: &str) -> Option<StateType> {
        Some(match name {
            "Task" => StateType::Task,
            "Pass" => StateType::Pass,
            "Choice" => StateType::Choice,
            "Wait" => StateType::Wait,
            "Succeed" => StateType::Succeed,
            "Fail" => StateType::Fail,
            "Parallel" => StateType::Parallel,
            "Map" => StateType::Map,
            _ => return None,
        })
    }

    /// The name written in `Type`.
    pub fn name(self) -> &'static str {
        match self {
            StateType::Task => "Task",
            StateType::Pass => "Pass",
            StateType::Choice => "Choice",
            StateType::Wait => "Wait",
            StateType::Succeed => "Succeed",
            StateType::Fail => "Fail",
            StateType::Parallel => "Parallel",
            StateType::Map => "Map",
        }
    }

    /// Types that take exactly one of `Next` / `End`.
    pub fn transitions(self) -> bool {
        matches!(
            self,
            StateType::Task
                | StateType::Pass
                | StateType::Wait
                | StateType::Parallel
                | StateType::Map
        )
    }

    /// Types that may carry `Retry` and `Catch`.
    pub fn handles_errors(self) -> bool {
        matches!(self, StateType::Task | StateType::Parallel | StateType::Map)
    }
}

/// A state of some machine.
#[derive(Clone)]
pub struct State<'d> {
    pub name: &'d str,
    pub name_span: Span,
    pub json: Json<'d>,
    /// JSON Pointer of the state object.
    pub pointer: String,
    /// The language its fields are read in: its own `QueryLanguage`, else the machine's.
    pub query_language: QueryLanguage,
}

impl<'d> State<'d> {
    /// The state held by `member` of a `States` object.
    pub fn new(member: Field<'d>, pointer: String, machine_language: QueryLanguage) -> State<'d> {
        let query_language = member
            .value
            .get("QueryLanguage")
            .and_then(|f| f.value.as_str())
            .and_then(QueryLanguage::from_name)
            .unwrap_or(machine_language);
        State {
            name: member.key,
            name_span: member.key_span,
            json: member.value,
            pointer,
            query_language,
        }
    }

    /// `Type` as written.
    pub fn type_name(&self) -> Option<&'d str> {
        self.field("Type")?.value.as_str()
    }

    /// `Type`, when it names one of the eight types.
    pub fn state_type(&self) -> Option<StateType> {
        StateType::from_name(self.type_name()?)
    }

    /// The field `key` (the last one when written twice).
    pub fn field(&self, key: &str) -> Option<Field<'d>> {
        self.json.get(key)
    }

    /// Where the field `key` is (its pointer, written out on demand).
    pub fn at<'k>(&'k self, key: &'k str) -> At<'k> {
        At::new(&self.pointer, key)
    }

    /// Pointer of the field `key`.
    pub fn field_pointer(&self, key: &str) -> String {
        child_pointer(&self.pointer, key)
    }

    /// `Next` as a string.
    pub fn next(&self) -> Option<&'d str> {
        self.field("Next")?.value.as_str()
    }

    /// `End: true`.
    pub fn is_end(&self) -> bool {
        self.field("End").and_then(|f| f.value.as_bool()) == Some(true)
    }

    /// The rules of a Choice state.
    pub fn choices(&self) -> Vec<ChoiceRule<'d>> {
        self.list("Choices", |json, pointer| ChoiceRule::new(json, pointer, 0))
    }

    /// `Default` of a Choice state.
    pub fn default(&self) -> Option<&'d str> {
        self.field("Default")?.value.as_str()
    }

    /// The retriers in `Retry`.
    pub fn retriers(&self) -> Vec<Retrier<'d>> {
        self.list("Retry", |json, pointer| Retrier { json, pointer })
    }

    /// The catchers in `Catch`.
    pub fn catchers(&self) -> Vec<Catcher<'d>> {
        self.list("Catch", |json, pointer| Catcher { json, pointer })
    }

    /// A Parallel state's branches.
    pub fn branches(&self, parent: &Machine<'d>) -> Vec<Machine<'d>> {
        self.list("Branches", |json, pointer| {
            Machine::nested(parent, json, pointer, MachineKind::Branch)
        })
        .into_iter()
        .filter(|m| m.json.is_object())
        .collect()
    }

    /// A Map state's `ItemProcessor`, else its deprecated `Iterator`.
    pub fn processor(&self, parent: &Machine<'d>) -> Option<Machine<'d>> {
        let key = if self.field("ItemProcessor").is_some() {
            "ItemProcessor"
        } else {
            "Iterator"
        };
        let f = self.field(key)?;
        f.value.is_object().then(|| {
            Machine::nested(
                parent,
                f.value,
                self.field_pointer(key),
                MachineKind::Processor,
            )
        })
    }

    fn list<T>(&self, key: &str, make: impl Fn(Json<'d>, String) -> T) -> Vec<T> {
        let Some(f) = self.field(key) else {
            return Vec::new();
        };
        let base = self.field_pointer(key);
        f.value
            .items()
            .enumerate()
            .map(|(i, json)| make(json, index_pointer(&base, i)))
            .collect()
    }
}
