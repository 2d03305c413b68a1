//! Choice rules (JSONPath mode).
//!
//! **Temporary, replaced by the path branch.** A compact stand-in with the contract's
//! signatures so the interpreter can run Choice states.

use crate::path::{CompiledPath, Scope};
use crate::run::clock::parse_timestamp;
use crate::{Failure, Value};
use alloc::boxed::Box;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::cmp::Ordering;

#[derive(Clone, Debug)]
enum Operand {
    Literal(Value),
    Path(CompiledPath),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    String,
    Numeric,
    Boolean,
    Timestamp,
}

#[derive(Clone, Copy, Debug)]
enum Cmp {
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
}

#[derive(Clone, Debug)]
enum Rule {
    And(Vec<Rule>),
    Or(Vec<Rule>),
    Not(Box<Rule>),
    Compare { var: CompiledPath, kind: Kind, cmp: Cmp, operand: Operand },
    Matches { var: CompiledPath, pattern: String },
    Is { var: CompiledPath, test: String, expect: bool },
}

/// A compiled Choice rule.
#[derive(Clone, Debug)]
pub struct ChoiceRule {
    rule: Rule,
}

impl ChoiceRule {
    /// Compiles a rule object (top-level or nested).
    pub fn compile(rule: &Value) -> Result<ChoiceRule, String> {
        Ok(ChoiceRule { rule: compile(rule, 0)? })
    }

    /// Whether the rule matches.
    pub fn matches(&self, scope: &Scope) -> Result<bool, Failure> {
        eval(&self.rule, scope)
    }
}

fn compile(v: &Value, depth: usize) -> Result<Rule, String> {
    if depth > 64 {
        return Err("Choice rules nested too deeply".to_string());
    }
    let m = v.as_object().ok_or("a Choice rule must be an object")?;
    let list = |key: &str| -> Result<Vec<Rule>, String> {
        m.get(key)
            .and_then(Value::as_array)
            .ok_or(format!("{key} takes an array"))?
            .iter()
            .map(|r| compile(r, depth + 1))
            .collect()
    };
    if m.contains_key("And") {
        return Ok(Rule::And(list("And")?));
    }
    if m.contains_key("Or") {
        return Ok(Rule::Or(list("Or")?));
    }
    if let Some(inner) = m.get("Not") {
        return Ok(Rule::Not(Box::new(compile(inner, depth + 1)?)));
    }
    let var_text = m.get("Variable").and_then(Value::as_str).ok_or("a Choice rule needs a Variable")?;
    let var = CompiledPath::compile(var_text).map_err(|e| e.message)?;
    for (key, value) in m {
        if matches!(key.as_str(), "Variable" | "Next" | "Comment" | "Assign" | "Output") {
            continue;
        }
        if key == "StringMatches" {
            let pattern = value.as_str().ok_or("StringMatches takes a string")?.to_string();
            return Ok(Rule::Matches { var, pattern });
        }
        if let Some(test) = key.strip_prefix("Is") {
            let expect = value.as_bool().ok_or(format!("{key} takes a boolean"))?;
            return Ok(Rule::Is { var, test: test.to_string(), expect });
        }
        let (base, is_path) = match key.strip_suffix("Path") {
            Some(b) => (b, true),
            None => (key.as_str(), false),
        };
        let (kind, rest) = if let Some(r) = base.strip_prefix("String") {
            (Kind::String, r)
        } else if let Some(r) = base.strip_prefix("Numeric") {
            (Kind::Numeric, r)
        } else if let Some(r) = base.strip_prefix("Boolean") {
            (Kind::Boolean, r)
        } else if let Some(r) = base.strip_prefix("Timestamp") {
            (Kind::Timestamp, r)
        } else {
            return Err(format!("unknown Choice operator {key}"));
        };
        let cmp = match rest {
            "Equals" => Cmp::Equals,
            "LessThan" => Cmp::LessThan,
            "GreaterThan" => Cmp::GreaterThan,
            "LessThanEquals" => Cmp::LessThanEquals,
            "GreaterThanEquals" => Cmp::GreaterThanEquals,
            _ => return Err(format!("unknown Choice operator {key}")),
        };
        let operand = if is_path {
            let text = value.as_str().ok_or(format!("{key} takes a path"))?;
            Operand::Path(CompiledPath::compile(text).map_err(|e| e.message)?)
        } else {
            Operand::Literal(value.clone())
        };
        return Ok(Rule::Compare { var, kind, cmp, operand });
    }
    Err("a Choice rule needs a comparison operator".to_string())
}

fn eval(rule: &Rule, scope: &Scope) -> Result<bool, Failure> {
    match rule {
        Rule::And(rs) => {
            for r in rs {
                if !eval(r, scope)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Rule::Or(rs) => {
            for r in rs {
                if eval(r, scope)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Rule::Not(r) => Ok(!eval(r, scope)?),
        Rule::Is { var, test, expect } => {
            let v = var.try_select(scope);
            let holds = match test.as_str() {
                "Present" => v.is_some(),
                "Null" => matches!(v, Some(Value::Null)),
                "Numeric" => matches!(v, Some(Value::Number(_))),
                "String" => matches!(v, Some(Value::String(_))),
                "Boolean" => matches!(v, Some(Value::Bool(_))),
                "Timestamp" => matches!(&v, Some(Value::String(s)) if parse_timestamp(s).is_some()),
                _ => false,
            };
            Ok(holds == *expect)
        }
        Rule::Matches { var, pattern } => {
            let v = var.select(scope)?;
            Ok(v.as_str().is_some_and(|s| wildcard(pattern.as_bytes(), s.as_bytes())))
        }
        Rule::Compare { var, kind, cmp, operand } => {
            let v = var.select(scope)?;
            let other = match operand {
                Operand::Literal(o) => o.clone(),
                Operand::Path(p) => p.select(scope)?,
            };
            let ord = match kind {
                Kind::String => match (v.as_str(), other.as_str()) {
                    (Some(a), Some(b)) => Some(a.cmp(b)),
                    _ => None,
                },
                Kind::Numeric => match (v.as_number(), other.as_number()) {
                    (Some(a), Some(b)) => a.partial_cmp(&b),
                    _ => None,
                },
                Kind::Boolean => match (v.as_bool(), other.as_bool()) {
                    (Some(a), Some(b)) => Some(a.cmp(&b)),
                    _ => None,
                },
                Kind::Timestamp => match (v.as_str().and_then(parse_timestamp), other.as_str().and_then(parse_timestamp)) {
                    (Some(a), Some(b)) => Some(a.cmp(&b)),
                    _ => None,
                },
            };
            Ok(match (cmp, ord) {
                (_, None) => false,
                (Cmp::Equals, Some(o)) => o == Ordering::Equal,
                (Cmp::LessThan, Some(o)) => o == Ordering::Less,
                (Cmp::GreaterThan, Some(o)) => o == Ordering::Greater,
                (Cmp::LessThanEquals, Some(o)) => o != Ordering::Greater,
                (Cmp::GreaterThanEquals, Some(o)) => o != Ordering::Less,
            })
        }
    }
}

/// `*` matches any run of characters; `\*` and `\\` are literal.
fn wildcard(p: &[u8], s: &[u8]) -> bool {
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi + 1, si));
            pi += 1;
            continue;
        }
        let (lit, width) = if pi < p.len() && p[pi] == b'\\' && pi + 1 < p.len() { (Some(p[pi + 1]), 2) } else { (p.get(pi).copied(), 1) };
        if lit == Some(s[si]) {
            pi += width;
            si += 1;
        } else if let Some((sp, ss)) = star {
            pi = sp;
            si = ss + 1;
            star = Some((sp, ss + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}
