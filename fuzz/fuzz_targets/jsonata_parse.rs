//! Any text through the JSONata parser: no panic, no stack overflow; a syntax error
//! points inside the expression.
#![no_main]

use engine_core::jsonata::Expression;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = core::str::from_utf8(data) else { return };
    if let Err(e) = Expression::parse(src) {
        if let Some(p) = e.position {
            assert!(p <= src.chars().count() + 1, "position {p} past the end of {src:?}");
        }
    }
});
