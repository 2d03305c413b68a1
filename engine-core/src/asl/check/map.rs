//! Map states: the processor (and its deprecated forms), the item source, concurrency,
//! tolerated failures, `ItemBatcher`, `ItemReader` and `ResultWriter`.

use super::state::{exclusive, wrong_language};
use super::{codes, paths, templates, values, Checker};
use crate::asl::fields::{lookup, ITEM_BATCHER_FIELDS};
use crate::asl::view::{child_pointer, At, Machine, QueryLanguage, State};
use alloc::format;

/// Largest `MaxInputBytesPerBatch` (256 KiB).
const MAX_BATCH_BYTES: f64 = 262_144.0;
/// Largest count AWS accepts in Map numbers.
const MAX_COUNT: f64 = 99_999_999.0;

/// Check a Map state; returns its processor to be checked as a machine.
pub fn check<'d>(c: &mut Checker<'d>, m: &Machine<'d>, s: &State<'d>) -> Option<Machine<'d>> {
    let ql = s.query_language;
    match (s.field("ItemProcessor"), s.field("Iterator")) {
        (None, None) => c.error(
            codes::MISSING_FIELD,
            s.pointer.clone(),
            s.name_span,
            "Missing required field 'ItemProcessor'".into(),
        ),
        (Some(_), Some(i)) => exclusive(c, s, "ItemProcessor", "Iterator", i.key_span),
        _ => {}
    }
    deprecated(c, s, "Iterator", "ItemProcessor");
    if ql == QueryLanguage::JsonPath {
        deprecated(c, s, "Parameters", "ItemSelector");
        if let (Some(_), Some(p)) = (s.field("ItemSelector"), s.field("Parameters")) {
            exclusive(c, s, "ItemSelector", "Parameters", p.key_span);
        }
        if let Some(f) = s.field("ItemsPath") {
            paths::reference_path(c, s.at("ItemsPath"), f);
        }
    }
    if let Some(f) = s.field("Items").filter(|_| ql == QueryLanguage::Jsonata) {
        let expression = f.value.as_str().is_some_and(values::is_jsonata_expression);
        if !expression && !f.value.is_array() {
            values::wrong_type(
                c,
                s.field_pointer("Items"),
                f.value,
                "an array or a JSONata expression",
            );
        }
    }
    counted(c, s, "MaxConcurrency", 0.0, MAX_COUNT, true);
    counted(c, s, "ToleratedFailurePercentage", 0.0, 100.0, false);
    counted(c, s, "ToleratedFailureCount", 0.0, MAX_COUNT, true);
    if let Some(f) = s.field("Label") {
        values::string(c, s.at("Label"), f);
    }
    item_batcher(c, s);
    for key in ["ItemReader", "ResultWriter"] {
        if let Some(f) = s.field(key) {
            let parameters = f
                .value
                .get("Parameters")
                .filter(|_| ql == QueryLanguage::JsonPath);
            if let Some(p) = parameters {
                let base = s.field_pointer(key);
                templates::payload(c, At::new(&base, "Parameters"), p.value);
            }
            // The developer guide's ItemReader page: JSONata replaces `Parameters` with `Arguments`.
            let other = match ql {
                QueryLanguage::JsonPath => "Arguments",
                QueryLanguage::Jsonata => "Parameters",
            };
            if let Some(o) = f.value.get(other) {
                let pointer = child_pointer(&s.field_pointer(key), other);
                wrong_language(c, pointer, o.key_span, other, ql);
            }
            if !f.value.is_object() {
                values::wrong_type(c, s.field_pointer(key), f.value, "an object");
            } else if key == "ItemReader" && f.value.get("Resource").is_none() {
                c.error(
                    codes::MISSING_FIELD,
                    s.field_pointer(key),
                    f.key_span,
                    "Missing required field 'Resource' in 'ItemReader'".into(),
                );
            }
        }
    }
    if let Some(f) = s.field("ItemProcessor").or_else(|| s.field("Iterator")) {
        if !f.value.is_object() {
            values::wrong_type(c, s.field_pointer(f.key), f.value, "an object");
        }
    }
    s.processor(m)
}

fn deprecated(c: &mut Checker, s: &State, old: &str, new: &str) {
    if let Some(f) = s.field(old) {
        c.warning(
            codes::DEPRECATED_FIELD,
            s.field_pointer(old),
            f.key_span,
            format!("'{old}' is deprecated on Map states: use '{new}'"),
        );
    }
}

/// `key` (a number in `min..=max`, an integer when `integer`) or `keyPath`, not both.
fn counted(c: &mut Checker, s: &State, key: &str, min: f64, max: f64, integer: bool) {
    let path_key = format!("{key}Path");
    if let (Some(_), Some(p)) = (s.field(key), s.field(&path_key)) {
        exclusive(c, s, key, &path_key, p.key_span);
    }
    if let Some(p) = s
        .field(&path_key)
        .filter(|_| s.query_language == QueryLanguage::JsonPath)
    {
        paths::reference_path(c, s.at(&path_key), p);
    }
    if let Some(f) = s.field(key) {
        let ql = Some(s.query_language);
        if integer {
            values::integer_in(c, s.at(key), f, min, max, ql);
        } else {
            values::number_in(c, s.at(key), f, min, max, ql);
        }
    }
}

fn item_batcher(c: &mut Checker, s: &State) {
    let Some(f) = s.field("ItemBatcher") else {
        return;
    };
    let pointer = s.field_pointer("ItemBatcher");
    if !f.value.is_object() {
        return values::wrong_type(c, pointer, f.value, "an object");
    }
    let ql = s.query_language;
    for field in f.value.fields() {
        let p = At::new(&pointer, field.key);
        match lookup(ITEM_BATCHER_FIELDS, field.key) {
            None => c.error(
                codes::UNKNOWN_FIELD,
                p.pointer(),
                field.key_span,
                format!("Field '{}' is not supported in ItemBatcher", field.key),
            ),
            Some(lang) if !lang.allows(ql) => {
                wrong_language(c, p.pointer(), field.key_span, field.key, ql)
            }
            Some(_) => match field.key {
                "MaxItemsPerBatch" => {
                    values::integer_in(c, p, field, 1.0, MAX_COUNT, Some(ql));
                }
                "MaxInputBytesPerBatch" => {
                    values::integer_in(c, p, field, 1.0, MAX_BATCH_BYTES, Some(ql));
                }
                "MaxItemsPerBatchPath" | "MaxInputBytesPerBatchPath" => {
                    paths::reference_path(c, p, field)
                }
                _ => {}
            },
        }
    }
    for key in ["MaxItemsPerBatch", "MaxInputBytesPerBatch"] {
        let path_key = format!("{key}Path");
        if let (Some(_), Some(p)) = (f.value.get(key), f.value.get(&path_key)) {
            c.error(
                codes::MUTUALLY_EXCLUSIVE_FIELDS,
                child_pointer(&pointer, &path_key),
                p.key_span,
                format!("'{key}' and '{path_key}' can not be used together"),
            );
        }
    }
    let limits = [
        "MaxItemsPerBatch",
        "MaxItemsPerBatchPath",
        "MaxInputBytesPerBatch",
        "MaxInputBytesPerBatchPath",
    ];
    if !limits.iter().any(|k| f.value.get(k).is_some()) {
        c.error(
            codes::MISSING_FIELD,
            pointer,
            f.key_span,
            "'ItemBatcher' needs 'MaxItemsPerBatch' or 'MaxInputBytesPerBatch' (or their Path forms)".into(),
        );
    }
}
