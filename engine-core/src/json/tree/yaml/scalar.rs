//! Plain scalars resolved by the YAML 1.2 core schema, and tags applied to nodes.

use super::YamlNode;
use crate::json::tree::lex::is_json_number;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;

/// What a plain (unquoted) scalar means: null, a boolean, a number, or text.
pub(super) fn resolve_plain(text: &str) -> YamlNode {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return YamlNode::Null,
        "true" | "True" | "TRUE" => return YamlNode::Bool(true),
        "false" | "False" | "FALSE" => return YamlNode::Bool(false),
        _ => {}
    }
    match number_lexeme(text) {
        Some(lexeme) => YamlNode::Number(lexeme),
        None => YamlNode::String(text.into()),
    }
}

/// The JSON lexeme of a YAML core-schema number: kept as written when JSON allows it,
/// else rewritten (`+1` → `1`, `007` → `7`, `.5` → `0.5`, `0x1F` → `31`, `0o17` → `15`).
/// `.inf` and `.nan` have no JSON form and stay text.
fn number_lexeme(text: &str) -> Option<String> {
    if is_json_number(text.as_bytes()) {
        return Some(text.into());
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return u64::from_str_radix(hex, 16).ok().map(|n| n.to_string());
    }
    if let Some(octal) = text.strip_prefix("0o") {
        return u64::from_str_radix(octal, 8).ok().map(|n| n.to_string());
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let (sign, body) = match text.as_bytes().first() {
        Some(b'-') => ("-", &text[1..]),
        Some(b'+') => ("", &text[1..]),
        _ => ("", text),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.find('.') {
        Some(at) => (&mantissa[..at], Some(&mantissa[at + 1..])),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    let has_digits = !int.is_empty() || frac.is_some_and(|f| !f.is_empty());
    if !(has_digits && digits(int) && frac.is_none_or(digits) && exponent_ok) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let mut out = format!("{sign}{}", if int.is_empty() { "0" } else { int });
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(if frac.is_empty() { "0" } else { frac });
    }
    if let Some(e) = exponent {
        out.push('e');
        out.push_str(e);
    }
    Some(out)
}

/// `node` under `tag`. Core tags convert the scalar (`!!str 1` is text); CloudFormation
/// short forms become their long form: `!Ref x` → `{"Ref": x}`, `!Condition x` →
/// `{"Condition": x}`, `!GetAtt a.b` → `{"Fn::GetAtt": ["a", "b"]}`, `!Name x` →
/// `{"Fn::Name": x}`.
pub(super) fn apply_tag(
    tag: &str,
    node: YamlNode,
    source: Option<&str>,
) -> Result<YamlNode, String> {
    let text = || source.map(String::from).unwrap_or_default();
    match tag {
        "!!str" => Ok(match node {
            YamlNode::Null | YamlNode::Bool(_) | YamlNode::Number(_) => YamlNode::String(text()),
            other => other,
        }),
        "!!int" | "!!float" => match resolve_plain(&text()) {
            number @ YamlNode::Number(_) => Ok(number),
            _ => Err(format!("`{}` is not a number", text())),
        },
        "!!bool" | "!!null" | "!!map" | "!!seq" | "!" => Ok(node),
        "!Ref" | "!Condition" => Ok(YamlNode::Mapping(vec![(tag[1..].into(), node)])),
        "!GetAtt" => {
            let value = match node {
                YamlNode::String(s) => match s.split_once('.') {
                    Some((resource, attribute)) => YamlNode::Sequence(vec![
                        YamlNode::String(resource.into()),
                        YamlNode::String(attribute.into()),
                    ]),
                    None => YamlNode::String(s),
                },
                other => other,
            };
            Ok(YamlNode::Mapping(vec![("Fn::GetAtt".into(), value)]))
        }
        _ if tag.starts_with("!!") => Err(format!("unsupported tag `{tag}`")),
        _ => Ok(YamlNode::Mapping(vec![(
            format!("Fn::{}", &tag[1..]),
            node,
        )])),
    }
}
