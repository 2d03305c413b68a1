//! Choice rules (JSONPath mode): a `Variable` with one comparison operator or `Is*`
//! test, or `And`/`Or`/`Not` over nested rules. Compiled once per definition.

mod operator;
mod string_matches;
pub mod timestamp;

pub use operator::{Comparison, Family, Relation, TypeTest};
pub use string_matches::Pattern;
pub use timestamp::{parse_timestamp, Timestamp};

use crate::path::{CompiledPath, Scope};
use crate::{Failure, Value};
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use operator::{comparison_from_key, compare_values, type_test_from_key, Literal};

/// Deepest And/Or/Not nesting accepted, so hostile definitions cannot exhaust the stack.
const MAX_RULE_DEPTH: usize = 64;

/// A Choice rule (top-level rule with `Next`, or nested inside And/Or/Not).
#[derive(Clone, Debug)]
pub struct ChoiceRule {
    rule: Rule,
    next: Option<String>,
}

#[derive(Clone, Debug)]
enum Rule {
    And(Vec<Rule>),
    Or(Vec<Rule>),
    Not(Box<Rule>),
    Literal { variable: CompiledPath, op: Comparison, value: Literal },
    Path { variable: CompiledPath, op: Comparison, other: CompiledPath },
    Test { variable: CompiledPath, test: TypeTest, expected: bool },
}

impl ChoiceRule {
    /// Compile a rule object; the message says what is wrong with it.
    pub fn compile(rule: &Value) -> Result<ChoiceRule, String> {
        let next = rule.get("Next").and_then(Value::as_str).map(str::to_string);
        Ok(ChoiceRule { rule: compile_rule(rule, 0)?, next })
    }

    /// The rule's `Next` (top-level rules only).
    pub fn next(&self) -> Option<&str> {
        self.next.as_deref()
    }

    /// Whether the rule matches. Type mismatches are `false`, not errors (AWS). A
    /// `Variable` (or `*Path` operand) that matches nothing fails with `States.Runtime`,
    /// except under `IsPresent`, which is then simply false.
    pub fn matches(&self, scope: &Scope) -> Result<bool, Failure> {
        eval(&self.rule, scope)
    }
}

fn compile_rule(v: &Value, depth: usize) -> Result<Rule, String> {
    if depth > MAX_RULE_DEPTH {
        return Err("Choice rules nested too deeply".into());
    }
    let map = v.as_object().ok_or("a Choice rule must be an object")?;
    for (key, ctor) in [("And", Rule::And as fn(Vec<Rule>) -> Rule), ("Or", Rule::Or)] {
        if let Some(list) = map.get(key) {
            let items = list.as_array().filter(|a| !a.is_empty()).ok_or(format!("{key} must be a non-empty array"))?;
            let rules = items.iter().map(|r| compile_rule(r, depth + 1)).collect::<Result<Vec<_>, _>>()?;
            return Ok(ctor(rules));
        }
    }
    if let Some(inner) = map.get("Not") {
        return Ok(Rule::Not(Box::new(compile_rule(inner, depth + 1)?)));
    }
    let variable_text = map
        .get("Variable")
        .and_then(Value::as_str)
        .ok_or("a Choice rule needs Variable (or And, Or, Not)")?;
    let variable = CompiledPath::compile(variable_text).map_err(|e| format!("Variable: {e}"))?;
    let mut found = None;
    for (key, value) in map {
        if matches!(key.as_str(), "Variable" | "Next" | "Comment" | "Assign" | "Output") {
            continue;
        }
        let rule = if let Some(test) = type_test_from_key(key) {
            let expected = value.as_bool().ok_or(format!("{key} must be true or false"))?;
            Rule::Test { variable: variable.clone(), test, expected }
        } else if let Some((op, is_path)) = comparison_from_key(key) {
            if is_path {
                let text = value.as_str().ok_or(format!("{key} must be a path"))?;
                let other = CompiledPath::compile(text).map_err(|e| format!("{key}: {e}"))?;
                Rule::Path { variable: variable.clone(), op, other }
            } else {
                let lit = Literal::for_operator(op, value).ok_or(format!("{key} has a value of the wrong type"))?;
                Rule::Literal { variable: variable.clone(), op, value: lit }
            }
        } else {
            return Err(format!("unknown Choice rule field '{key}'"));
        };
        if found.replace(rule).is_some() {
            return Err("a Choice rule must have exactly one comparison operator".into());
        }
    }
    found.ok_or_else(|| "a Choice rule needs a comparison operator".to_string())
}

fn eval(rule: &Rule, scope: &Scope) -> Result<bool, Failure> {
    Ok(match rule {
        Rule::And(rules) => {
            for r in rules {
                if !eval(r, scope)? {
                    return Ok(false);
                }
            }
            true
        }
        Rule::Or(rules) => {
            for r in rules {
                if eval(r, scope)? {
                    return Ok(true);
                }
            }
            false
        }
        Rule::Not(inner) => !eval(inner, scope)?,
        Rule::Test { variable, test: TypeTest::IsPresent, expected } => {
            variable.try_select_ref(scope).is_some() == *expected
        }
        Rule::Test { variable, test, expected } => test.holds(&*variable.select_cow(scope)?) == *expected,
        Rule::Literal { variable, op, value } => value.compare(*op, &*variable.select_cow(scope)?),
        Rule::Path { variable, op, other } => {
            let left = variable.select_cow(scope)?;
            let right = other.select_cow(scope)?;
            compare_values(*op, &left, &right)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;
    use crate::Map;

    fn check(rule: &str, input: &str) -> Result<bool, Failure> {
        let input = parse_value(input).unwrap();
        let ctx = Value::object();
        let vars = Map::default();
        ChoiceRule::compile(&parse_value(rule).unwrap())
            .unwrap()
            .matches(&Scope { input: &input, context: &ctx, variables: &vars })
    }

    #[test]
    fn composite_rules_from_the_aws_docs() {
        let rule = r#"{"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20},
                                {"Variable": "$.value", "NumericLessThan": 30}], "Next": "ValueInTwenties"}"#;
        assert!(check(rule, r#"{"value": 22}"#).unwrap());
        assert!(!check(rule, r#"{"value": 30}"#).unwrap());
        let not = r#"{"Not": {"Variable": "$.type", "StringEquals": "Private"}, "Next": "Public"}"#;
        assert!(!check(not, r#"{"type": "Private"}"#).unwrap());
    }

    #[test]
    fn missing_variable_is_runtime_except_is_present() {
        assert!(!check(r#"{"Variable": "$.x", "IsPresent": true}"#, "{}").unwrap());
        assert!(check(r#"{"Variable": "$.x", "IsPresent": false}"#, "{}").unwrap());
        let f = check(r#"{"Variable": "$.x", "StringEquals": "a"}"#, "{}").unwrap_err();
        assert_eq!(f.error_name(), "States.Runtime");
    }

    #[test]
    fn rejects_malformed_rules() {
        for bad in [
            r#"{"Variable": "$.x"}"#,
            r#"{"Variable": "$.x", "StringEquals": 1}"#,
            r#"{"Variable": "$.x", "TimestampEquals": "yesterday"}"#,
            r#"{"Variable": "$.x", "NumericEquals": 1, "IsNull": true}"#,
            r#"{"Variable": "$.x", "BooleanLessThan": true}"#,
            r#"{"And": []}"#,
            r#"{"Variable": "$.x", "StringMatchesPath": "$.y"}"#,
        ] {
            assert!(ChoiceRule::compile(&parse_value(bad).unwrap()).is_err(), "{bad}");
        }
    }
}
