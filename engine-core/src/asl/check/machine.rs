//! A machine, branch or processor: its own fields, `StartAt`, `States`, then each state
//! and the flow between them; nested machines are checked the same way.

use super::{codes, state, values, Checker, MAX_MACHINE_DEPTH};
use crate::asl::fields::{BRANCH_FIELDS, PROCESSOR_FIELDS, TOP_FIELDS};
use crate::asl::view::{Machine, MachineKind, QueryLanguage};
use alloc::format;
use alloc::vec;

/// Check `top` and every machine nested in it.
pub fn check<'d>(c: &mut Checker<'d>, top: &Machine<'d>) {
    let mut stack = vec![top.clone()];
    while let Some(m) = stack.pop() {
        if m.depth > MAX_MACHINE_DEPTH {
            c.error(
                codes::TOO_DEEPLY_NESTED,
                m.pointer.clone(),
                m.json.span(),
                format!(
                    "Parallel and Map states are nested more than {MAX_MACHINE_DEPTH} levels deep"
                ),
            );
            continue;
        }
        own_fields(c, &m);
        let states = m.states();
        for s in &states {
            stack.extend(state::check(c, &m, s));
        }
    }
}

fn own_fields(c: &mut Checker, m: &Machine) {
    let (allowed, what) = match m.kind {
        MachineKind::Top => (TOP_FIELDS, "a state machine"),
        MachineKind::Branch => (BRANCH_FIELDS, "a Parallel branch"),
        MachineKind::Processor => (PROCESSOR_FIELDS, "a Map ItemProcessor"),
    };
    for f in m.json.fields() {
        if !allowed.contains(&f.key) {
            let message = if f.key == "QueryLanguage" && m.kind != MachineKind::Top {
                format!("'QueryLanguage' is not supported in {what}: set it on the states inside")
            } else {
                format!("Field '{}' is not supported in {what}", f.key)
            };
            c.error(
                codes::UNKNOWN_FIELD,
                m.field_pointer(f.key),
                f.key_span,
                message,
            );
        }
    }
    values::duplicate_keys(c, m.json, &m.pointer);
    let (start, span) = (m.start_at(), m.json.span());
    match start {
        None => c.error(
            codes::MISSING_FIELD,
            m.pointer.clone(),
            span,
            "Missing required field 'StartAt'".into(),
        ),
        Some(f) if f.value.as_str().is_none() => {
            values::wrong_type(c, m.field_pointer("StartAt"), f.value, "a string");
        }
        Some(_) => {}
    }
    match m.states_field() {
        None => c.error(
            codes::MISSING_FIELD,
            m.pointer.clone(),
            span,
            "Missing required field 'States'".into(),
        ),
        Some(f) if !f.value.is_object() => {
            values::wrong_type(c, m.states_pointer(), f.value, "an object")
        }
        Some(f) if f.value.is_empty() => c.error(
            codes::INVALID_VALUE,
            m.states_pointer(),
            f.key_span,
            "'States' must contain at least one state".into(),
        ),
        Some(_) => {}
    }
    if m.kind == MachineKind::Top {
        top_fields(c, m);
    }
    if m.kind == MachineKind::Processor {
        values::processor_config(c, m);
    }
}

fn top_fields(c: &mut Checker, m: &Machine) {
    if let Some(f) = m.json.get("QueryLanguage") {
        if f.value
            .as_str()
            .and_then(QueryLanguage::from_name)
            .is_none()
        {
            values::bad_query_language(c, m.at("QueryLanguage"), f.value);
        }
    }
    if let Some(f) = m.json.get("Version") {
        if f.value.as_str().is_none() {
            values::wrong_type(c, m.field_pointer("Version"), f.value, "a string");
        }
    }
    if let Some(f) = m.json.get("Comment") {
        if f.value.as_str().is_none() {
            values::wrong_type(c, m.field_pointer("Comment"), f.value, "a string");
        }
    }
    if let Some(f) = m.json.get("TimeoutSeconds") {
        values::integer_in(c, m.at("TimeoutSeconds"), f, 1.0, values::MAX_SECONDS, None);
    }
}
