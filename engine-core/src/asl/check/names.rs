//! State names across the whole machine: unique everywhere (nested branches and
//! processors included), 1 to 80 characters.

use super::{codes, Checker, MAX_MACHINE_DEPTH};
use crate::asl::view::{Machine, State, StateType};
use alloc::collections::BTreeSet;
use alloc::format;
use alloc::vec;
use alloc::vec::Vec;

/// Longest state name AWS accepts, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Every state name defined anywhere in the document.
pub type AllNames<'d> = BTreeSet<&'d str>;

/// Every state of the document, nested ones included, in text order.
pub fn all_states<'d>(top: &Machine<'d>) -> Vec<State<'d>> {
    let mut stack = vec![top.clone()];
    let mut found = Vec::new();
    while let Some(m) = stack.pop() {
        if m.depth > MAX_MACHINE_DEPTH {
            continue;
        }
        for s in m.states() {
            match s.state_type() {
                Some(StateType::Parallel) => stack.extend(s.branches(&m)),
                Some(StateType::Map) => stack.extend(s.processor(&m)),
                _ => {}
            }
            found.push(s);
        }
    }
    crate::sort::sort_by_key(&mut found, |s| s.name_span.start);
    found
}

/// Report duplicate and badly sized names.
pub fn check(c: &mut Checker, states: &[State]) {
    let mut seen = BTreeSet::new();
    for s in states {
        let chars = s.name.chars().count();
        if chars == 0 || chars > MAX_NAME_CHARS {
            c.error(
                codes::INVALID_STATE_NAME,
                s.pointer.clone(),
                s.name_span,
                format!(
                    "State name must be 1 to {MAX_NAME_CHARS} characters long; '{}' has {chars}",
                    short(s.name)
                ),
            );
        }
        if !seen.insert(s.name) {
            c.error(
                codes::DUPLICATE_STATE_NAME,
                s.pointer.clone(),
                s.name_span,
                format!("Duplicate State name: {}", s.name),
            );
        }
    }
}

/// The first 40 characters of a long name, for messages.
fn short(name: &str) -> alloc::string::String {
    if name.chars().count() <= 40 {
        return name.into();
    }
    let mut s: alloc::string::String = name.chars().take(40).collect();
    s.push('…');
    s
}
