//! A Choice rule's comparison in the rule builder: its operator and operand, which live
//! under the operator's own key. (Adding rules, retriers and catchers: `asl::edit`.)

use crate::asl::view::{child_pointer, operator, Json, Operand, OPERATORS};
use crate::json::tree::{Document, Edit, Span, TextChange};
use crate::json::Value;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

/// The comparison of the JSONPath rule at `rule`: its operator and the operand's text
/// (strings as they read, anything else as written).
pub fn rule_condition(doc: &Document, rule: &str) -> Option<(&'static str, String)> {
    let json = Json::new(doc, doc.resolve(rule)?);
    json.fields().find_map(|field| {
        let (name, _) = OPERATORS.iter().find(|(k, _)| *k == field.key)?;
        let text = match field.value.as_str() {
            Some(s) => s.to_string(),
            None => doc.source(field.value.id).to_string(),
        };
        Some((*name, text))
    })
}

/// The edits that make the rule at `rule` compare with `op` and the typed operand,
/// replacing its previous operator.
pub fn set_rule_operator(
    doc: &Document,
    rule: &str,
    op: &str,
    typed: &str,
) -> Result<Vec<Edit>, String> {
    let operand = operator(op).ok_or_else(|| format!("{op} is not a Choice rule operator"))?;
    let typed = typed.trim();
    let value = match operand {
        Operand::String | Operand::Timestamp | Operand::Path => Value::from(typed).to_json(),
        Operand::Number => match crate::json::parse_value(typed).ok().and_then(|v| v.as_f64()) {
            Some(_) => typed.into(),
            None => return Err(format!("{op} compares with a number")),
        },
        Operand::Boolean => match typed {
            "true" | "false" => typed.into(),
            _ => return Err(format!("{op} takes true or false")),
        },
        Operand::Rules | Operand::Rule => {
            crate::json::parse_value(typed).map_err(|e| format!("{op} is not JSON: {e}"))?;
            typed.into()
        }
    };
    // A new operator takes the previous one's place, so the rule still reads in order.
    let rule_json = doc.resolve(rule).map(|id| Json::new(doc, id));
    let previous = rule_json.and_then(|json| json.fields().find(|f| operator(f.key).is_some()));
    let edit = match previous {
        Some(field) => Edit::Text(vec![TextChange {
            span: Span::new(field.key_span.start, field.value.span().end),
            text: format!("{}: {value}", Value::from(op).to_json()),
        }]),
        None => Edit::Set {
            pointer: child_pointer(rule, op),
            value,
        },
    };
    let edits = vec![edit];
    Ok(edits)
}
