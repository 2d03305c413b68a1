//! What one state visit decided, beyond the inspection record's own Retry/Catch fields
//! (TestState's `retryIndex`, `retryBackoffIntervalSeconds`, `catchIndex`): the Choice
//! rule that matched (its index and the rule in short form), and the variables the
//! state assigned.

use crate::diagram::rule::rule_text;
use crate::run::StateInspection;
use crate::{Map, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Which way a Choice state went.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleMatch {
    /// `Choices[index]` matched; `text` is the rule in short form (`$.x == 3`).
    Rule { index: usize, text: String },
    /// No rule matched and the `Default` was taken.
    Default,
}

/// A visit's decisions.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Set for Choice states that chose.
    pub choice: Option<RuleMatch>,
    /// Names of the variables this visit assigned, in `Assign`'s order.
    pub assigned: Vec<String>,
}

/// The decisions of `inspection`; `state` is the state's definition (for the rule
/// text), `assigned` the visit's `assignedVariables`.
pub fn decision(inspection: &StateInspection, state: Option<&Value>, assigned: Option<&Map>) -> Decision {
    let is_choice = state.and_then(|s| s.get("Type")).and_then(Value::as_str) == Some("Choice");
    let choice = match inspection.matched_rule {
        Some(index) => Some(RuleMatch::Rule { index, text: rule_short_form(state, index) }),
        None if is_choice && inspection.next_state.is_some() => Some(RuleMatch::Default),
        None => None,
    };
    Decision {
        choice,
        assigned: assigned.map(|m| m.keys().map(|k| String::from(k.as_str())).collect()).unwrap_or_default(),
    }
}

/// The value a JSON Pointer names in a definition (a selected state's object).
pub fn value_at<'a>(definition: &'a Value, pointer: &str) -> Option<&'a Value> {
    crate::json::tree::split_pointer(pointer)?.iter().try_fold(definition, |v, token| match v {
        Value::Array(items) => items.get(crate::json::tree::array_index(token)?),
        _ => v.get(token),
    })
}

fn rule_short_form(state: Option<&Value>, index: usize) -> String {
    state
        .and_then(|s| s.get("Choices"))
        .and_then(Value::as_array)
        .and_then(|rules| rules.get(index))
        .map(rule_text)
        .unwrap_or_else(|| format!("Choices[{index}]"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;
    use alloc::rc::Rc;

    #[test]
    fn choice_rule_and_default_are_named() {
        let state = parse_value(r#"{"Type":"Choice","Choices":[
            {"Variable":"$.n","NumericGreaterThan":5,"Next":"Big"},
            {"Variable":"$.n","NumericEquals":3,"Next":"Three"}],"Default":"Other"}"#)
        .unwrap();
        let mut i = StateInspection { matched_rule: Some(1), next_state: Some(Rc::from("Three")), status: "SUCCEEDED", ..Default::default() };
        let d = decision(&i, Some(&state), None);
        assert_eq!(d.choice, Some(RuleMatch::Rule { index: 1, text: "$.n == 3".into() }));
        i.matched_rule = None;
        i.next_state = Some(Rc::from("Other"));
        assert_eq!(decision(&i, Some(&state), None).choice, Some(RuleMatch::Default));
    }

    #[test]
    fn pointers_name_nested_states() {
        let d = parse_value(r#"{"States":{"P":{"Branches":[{"States":{"a/b":{"Type":"Pass"}}}]}}}"#).unwrap();
        let s = value_at(&d, "/States/P/Branches/0/States/a~1b").unwrap();
        assert_eq!(s.get("Type").and_then(Value::as_str), Some("Pass"));
        assert!(value_at(&d, "/States/Q").is_none() && value_at(&d, "States").is_none());
    }

    #[test]
    fn a_task_has_no_choice_but_its_assigned_variables() {
        let i = StateInspection { status: "CAUGHT_ERROR", catch_index: Some(0), ..Default::default() };
        let mut vars = Map::default();
        vars.insert("x".into(), Value::from(1));
        let state = parse_value(r#"{"Type":"Task"}"#).unwrap();
        let d = decision(&i, Some(&state), Some(&vars));
        assert_eq!(d.choice, None);
        assert_eq!(d.assigned, ["x"]);
    }
}
