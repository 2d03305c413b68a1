//! Any text through the YAML reader: no panic, no hang, and what it accepts is JSON.
#![no_main]

use engine_core::json::tree::{parse_document, yaml_to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(json) = yaml_to_json(text) {
        assert!(parse_document(&json).syntax_errors().is_empty());
    }
});
