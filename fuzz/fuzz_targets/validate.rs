//! Any bytes parsed and validated: no panic, every diagnostic's span inside the text.
#![no_main]

use engine_core::asl::validate;
use engine_core::json::tree::parse_document_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = parse_document_bytes(data);
    for d in validate(&doc) {
        assert!(d.span.start <= d.span.end && d.span.end <= doc.text().len());
    }
});
