//! Choice states: `Choices` (each rule one operator, or a JSONata `Condition`),
//! `Default`, and the operands' types.

use super::state::wrong_language;
use super::{codes, paths, templates, values, Checker};
use crate::asl::fields::{lookup, CHOICE_RULE_FIELDS};
use crate::asl::view::{operator, ChoiceRule, Field, Operand, QueryLanguage, State};
use alloc::format;
use alloc::vec::Vec;

/// Deepest `And`/`Or`/`Not` nesting walked.
const MAX_RULE_DEPTH: usize = 64;

/// Check a Choice state's rules and `Default`.
pub fn check(c: &mut Checker, s: &State) {
    match s.field("Choices") {
        None => c.error(
            codes::MISSING_FIELD,
            s.pointer.clone(),
            s.name_span,
            "Missing required field 'Choices'".into(),
        ),
        Some(f) if !f.value.is_array() => {
            values::wrong_type(c, s.field_pointer("Choices"), f.value, "an array")
        }
        Some(f) if f.value.is_empty() => c.error(
            codes::INVALID_VALUE,
            s.field_pointer("Choices"),
            f.value.span(),
            "'Choices' must contain at least one rule".into(),
        ),
        Some(_) => {}
    }
    match s.field("Default") {
        Some(f) => values::string(c, s.at("Default"), f),
        None => c.warning(
            codes::CHOICE_WITHOUT_DEFAULT,
            s.pointer.clone(),
            s.name_span,
            format!("Choice state '{}' has no 'Default': an unmatched input fails with States.NoChoiceMatched", s.name),
        ),
    }
    let mut stack: Vec<ChoiceRule> = s.choices();
    stack.reverse();
    while let Some(rule) = stack.pop() {
        if !rule.json.is_object() {
            values::wrong_type(c, rule.pointer.clone(), rule.json, "an object");
            continue;
        }
        if rule.depth > MAX_RULE_DEPTH {
            c.error(
                codes::TOO_DEEPLY_NESTED,
                rule.pointer.clone(),
                rule.json.span(),
                "Choice rules are nested too deeply".into(),
            );
            continue;
        }
        let nested = match s.query_language {
            QueryLanguage::JsonPath => jsonpath_rule(c, &rule),
            QueryLanguage::Jsonata => {
                jsonata_rule(c, &rule);
                Vec::new()
            }
        };
        stack.extend(nested.into_iter().rev());
    }
}

/// Fields every rule may carry, `Next` on top-level rules, `Assign`.
fn common(c: &mut Checker, rule: &ChoiceRule, ql: QueryLanguage) {
    values::duplicate_keys(c, rule.json, &rule.pointer);
    for f in rule.json.fields() {
        let p = rule.at(f.key);
        match lookup(CHOICE_RULE_FIELDS, f.key) {
            Some(lang) if !lang.allows(ql) => wrong_language(c, p.pointer(), f.key_span, f.key, ql),
            Some(_) if f.key == "Next" && !rule.is_top_level() => c.error(
                codes::UNKNOWN_FIELD,
                p.pointer(),
                f.key_span,
                "A rule nested in 'And', 'Or' or 'Not' can not have 'Next'".into(),
            ),
            Some(_) => match f.key {
                "Next" | "Comment" => values::string(c, p, f),
                "Assign" => templates::assign(c, p, f, ql),
                _ => {}
            },
            None if operator(f.key).is_some() => {
                if ql == QueryLanguage::Jsonata {
                    wrong_language(c, p.pointer(), f.key_span, f.key, ql);
                }
            }
            None => c.error(
                codes::UNKNOWN_FIELD,
                p.pointer(),
                f.key_span,
                format!("Field '{}' is not supported in a Choice rule", f.key),
            ),
        }
    }
    if rule.is_top_level() && rule.json.get("Next").is_none() {
        c.error(
            codes::MISSING_FIELD,
            rule.pointer.clone(),
            rule.json.span(),
            "Missing required field 'Next'".into(),
        );
    }
}

fn jsonata_rule(c: &mut Checker, rule: &ChoiceRule) {
    common(c, rule, QueryLanguage::Jsonata);
    match rule.json.get("Condition") {
        None => c.error(
            codes::MISSING_FIELD,
            rule.pointer.clone(),
            rule.json.span(),
            "Missing required field 'Condition'".into(),
        ),
        Some(f) if f.value.as_str().is_none() && f.value.as_bool().is_none() => values::wrong_type(
            c,
            rule.field_pointer("Condition"),
            f.value,
            "a JSONata expression or a boolean",
        ),
        Some(_) => {}
    }
}

/// Check a JSONPath rule; returns its nested rules.
fn jsonpath_rule<'d>(c: &mut Checker, rule: &ChoiceRule<'d>) -> Vec<ChoiceRule<'d>> {
    common(c, rule, QueryLanguage::JsonPath);
    let ops = rule.operators();
    match ops.len() {
        0 => c.error(
            codes::CHOICE_RULE_NO_OPERATOR,
            rule.pointer.clone(),
            rule.json.span(),
            "A Choice rule needs one comparison operator (or And, Or, Not)".into(),
        ),
        1 => {}
        _ => {
            let names: Vec<&str> = ops.iter().map(|(f, _)| f.key).collect();
            c.error(
                codes::CHOICE_RULE_MULTIPLE_OPERATORS,
                rule.pointer.clone(),
                rule.json.span(),
                format!(
                    "A Choice rule takes exactly one operator; found {}",
                    names.join(", ")
                ),
            );
        }
    }
    let boolean = ops
        .iter()
        .any(|(_, o)| matches!(o, Operand::Rules | Operand::Rule));
    match rule.json.get("Variable") {
        Some(f) => paths::reference_path(c, rule.at("Variable"), f),
        None if !boolean && !ops.is_empty() => c.error(
            codes::MISSING_FIELD,
            rule.pointer.clone(),
            rule.json.span(),
            "Missing required field 'Variable'".into(),
        ),
        None => {}
    }
    let mut nested = Vec::new();
    for (f, operand) in &ops {
        operand_check(c, rule, f, *operand);
        if matches!(operand, Operand::Rules | Operand::Rule) {
            nested.extend(rule.nested(f));
        }
    }
    nested
}

fn operand_check(c: &mut Checker, rule: &ChoiceRule, f: &Field, operand: Operand) {
    let p = rule.at(f.key);
    let v = f.value;
    match operand {
        Operand::String => values::string(c, p, *f),
        Operand::Number if v.as_f64().is_none() => {
            values::wrong_type(c, p.pointer(), v, "a number")
        }
        Operand::Boolean if v.as_bool().is_none() => {
            values::wrong_type(c, p.pointer(), v, "a boolean")
        }
        Operand::Timestamp => paths::timestamp(c, p, *f, QueryLanguage::JsonPath),
        Operand::Path => paths::reference_path(c, p, *f),
        Operand::Rules if !v.is_array() => {
            values::wrong_type(c, p.pointer(), v, "an array of rules")
        }
        Operand::Rules if v.is_empty() => c.error(
            codes::INVALID_VALUE,
            p.pointer(),
            v.span(),
            format!("'{}' needs at least one rule", f.key),
        ),
        Operand::Rule if !v.is_object() => values::wrong_type(c, p.pointer(), v, "an object"),
        _ => {}
    }
}
