//! The few CloudFormation intrinsic functions a definition string is built with
//! (`Fn::Sub`, `Fn::Join`, `Ref`, `Fn::GetAtt`), resolved to text. What cannot be known
//! offline (another resource's ARN, a parameter's value) becomes a `${Name}` placeholder,
//! the same syntax `Fn::Sub` and `DefinitionSubstitutions` use, so the person sees where
//! a deploy-time value goes.

use crate::{Map, Value};
use alloc::format;
use alloc::string::{String, ToString};

/// The text `value` stands for, or `None` when it is not a string-valued expression.
pub fn resolve_text(value: &Value, depth: usize) -> Option<String> {
    if depth > 32 {
        return None;
    }
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(map) if map.len() == 1 => {
            let (name, arg) = map.iter().next()?;
            match name.as_str() {
                "Ref" => Some(format!("${{{}}}", arg.as_str()?)),
                "Fn::GetAtt" => Some(format!("${{{}}}", get_att_name(arg)?)),
                "Fn::Sub" => substitute(arg, depth),
                "Fn::Join" => join(arg, depth),
                _ => None,
            }
        }
        _ => None,
    }
}

fn get_att_name(arg: &Value) -> Option<String> {
    match arg {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) if parts.len() == 2 => {
            Some(format!("{}.{}", parts[0].as_str()?, parts[1].as_str()?))
        }
        _ => None,
    }
}

/// `Fn::Sub`: a string, or `[string, {Var: value}]`. Variables the map does not give
/// (pseudo parameters, other resources) stay as `${...}`.
fn substitute(arg: &Value, depth: usize) -> Option<String> {
    match arg {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) if parts.len() == 2 => {
            let text = parts[0].as_str()?;
            let vars = parts[1].as_object()?;
            Some(replace_placeholders(text, vars, depth + 1))
        }
        _ => None,
    }
}

fn join(arg: &Value, depth: usize) -> Option<String> {
    let parts = arg.as_array()?;
    if parts.len() != 2 {
        return None;
    }
    let delimiter = parts[0].as_str()?;
    let items = parts[1].as_array()?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(delimiter);
        }
        out.push_str(&resolve_text(item, depth + 1)?);
    }
    Some(out)
}

/// Replaces each `${Name}` whose name `vars` maps to a resolvable value; `${!Literal}`
/// is CloudFormation's escape for a literal `${Literal}`.
pub fn replace_placeholders(text: &str, vars: &Map, depth: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after[..end];
        if let Some(literal) = name.strip_prefix('!') {
            out.push_str("${");
            out.push_str(literal);
            out.push('}');
        } else {
            match vars.get(name).and_then(|v| resolve_text(v, depth + 1)) {
                Some(value) => out.push_str(&value),
                None => {
                    out.push_str("${");
                    out.push_str(name);
                    out.push('}');
                }
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}
