//! Choice rules: a `Variable` with one comparison operator, or `And`/`Or`/`Not` over
//! nested rules (JSONPath), or a `Condition` (JSONata).

use super::json::{child_pointer, index_pointer, At, Field, Json};
use alloc::string::String;
use alloc::vec::Vec;

/// What an operator compares its `Variable` with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    String,
    Number,
    Boolean,
    /// An RFC 3339 timestamp string.
    Timestamp,
    /// A reference path to the value (`…Path` operators).
    Path,
    /// `And` / `Or`: a non-empty array of rules.
    Rules,
    /// `Not`: one rule.
    Rule,
}

/// Every operator of a JSONPath Choice rule and its operand.
pub const OPERATORS: &[(&str, Operand)] = &[
    ("And", Operand::Rules),
    ("Or", Operand::Rules),
    ("Not", Operand::Rule),
    ("StringEquals", Operand::String),
    ("StringEqualsPath", Operand::Path),
    ("StringLessThan", Operand::String),
    ("StringLessThanPath", Operand::Path),
    ("StringGreaterThan", Operand::String),
    ("StringGreaterThanPath", Operand::Path),
    ("StringLessThanEquals", Operand::String),
    ("StringLessThanEqualsPath", Operand::Path),
    ("StringGreaterThanEquals", Operand::String),
    ("StringGreaterThanEqualsPath", Operand::Path),
    ("StringMatches", Operand::String),
    ("NumericEquals", Operand::Number),
    ("NumericEqualsPath", Operand::Path),
    ("NumericLessThan", Operand::Number),
    ("NumericLessThanPath", Operand::Path),
    ("NumericGreaterThan", Operand::Number),
    ("NumericGreaterThanPath", Operand::Path),
    ("NumericLessThanEquals", Operand::Number),
    ("NumericLessThanEqualsPath", Operand::Path),
    ("NumericGreaterThanEquals", Operand::Number),
    ("NumericGreaterThanEqualsPath", Operand::Path),
    ("BooleanEquals", Operand::Boolean),
    ("BooleanEqualsPath", Operand::Path),
    ("TimestampEquals", Operand::Timestamp),
    ("TimestampEqualsPath", Operand::Path),
    ("TimestampLessThan", Operand::Timestamp),
    ("TimestampLessThanPath", Operand::Path),
    ("TimestampGreaterThan", Operand::Timestamp),
    ("TimestampGreaterThanPath", Operand::Path),
    ("TimestampLessThanEquals", Operand::Timestamp),
    ("TimestampLessThanEqualsPath", Operand::Path),
    ("TimestampGreaterThanEquals", Operand::Timestamp),
    ("TimestampGreaterThanEqualsPath", Operand::Path),
    ("IsNull", Operand::Boolean),
    ("IsPresent", Operand::Boolean),
    ("IsNumeric", Operand::Boolean),
    ("IsString", Operand::Boolean),
    ("IsBoolean", Operand::Boolean),
    ("IsTimestamp", Operand::Boolean),
];

/// The operand of the operator called `key`, if it is one.
pub fn operator(key: &str) -> Option<Operand> {
    OPERATORS.iter().find(|(k, _)| *k == key).map(|(_, o)| *o)
}

/// One rule of `Choices`, or a rule nested in `And`/`Or`/`Not`.
#[derive(Clone)]
pub struct ChoiceRule<'d> {
    pub json: Json<'d>,
    pub pointer: String,
    /// 0 for a rule of `Choices`; nested rules have no `Next`.
    pub depth: usize,
}

impl<'d> ChoiceRule<'d> {
    /// The rule at `json`.
    pub fn new(json: Json<'d>, pointer: String, depth: usize) -> ChoiceRule<'d> {
        ChoiceRule {
            json,
            pointer,
            depth,
        }
    }

    /// True for a rule of `Choices` itself (it needs `Next`).
    pub fn is_top_level(&self) -> bool {
        self.depth == 0
    }

    /// `Next` as a string.
    pub fn next(&self) -> Option<&'d str> {
        self.json.get("Next")?.value.as_str()
    }

    /// The operator fields of this rule, in text order.
    pub fn operators(&self) -> Vec<(Field<'d>, Operand)> {
        self.json
            .fields()
            .filter_map(|f| operator(f.key).map(|o| (f, o)))
            .collect()
    }

    /// The rules nested under an `And`/`Or` (array) or `Not` (object) field.
    pub fn nested(&self, field: &Field<'d>) -> Vec<ChoiceRule<'d>> {
        let base = child_pointer(&self.pointer, field.key);
        if field.value.is_object() {
            return alloc::vec![ChoiceRule::new(field.value, base, self.depth + 1)];
        }
        field
            .value
            .items()
            .enumerate()
            .map(|(i, json)| ChoiceRule::new(json, index_pointer(&base, i), self.depth + 1))
            .collect()
    }

    /// Where the field `key` is (its pointer, written out on demand).
    pub fn at<'k>(&'k self, key: &'k str) -> At<'k> {
        At::new(&self.pointer, key)
    }

    /// Pointer of a field.
    pub fn field_pointer(&self, key: &str) -> String {
        child_pointer(&self.pointer, key)
    }
}
