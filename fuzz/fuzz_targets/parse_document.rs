//! Any bytes through the lossless parser: no panic, the text kept, every span inside the
//! text, pointers that resolve, values that build, and valid text that stays valid when
//! rewritten and after an edit and its undo.
#![no_main]

use engine_core::json::tree::{parse_document_bytes, Document, Edit, NodeId, Style};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = parse_document_bytes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(doc.text(), text);
    }
    check_spans(&doc);
    let Some(root) = doc.root() else { return };
    let _ = doc.to_value(root);
    if !doc.syntax_errors().is_empty() {
        return;
    }
    for style in [Style::pretty("  "), Style::compact()] {
        let rewritten = engine_core::json::tree::parse_document(&doc.reformat(&style));
        assert!(rewritten.syntax_errors().is_empty());
        assert_eq!(rewritten.to_value(rewritten.root().unwrap()), doc.to_value(root));
    }
    // Remove the last node in text order and put it back.
    let last = NodeId(doc.node_count() as u32 - 1);
    let pointer = doc.pointer_of(last);
    let mut edited = doc.clone();
    if let Ok(undo) = edited.apply(&Edit::Remove { pointer }) {
        assert!(edited.syntax_errors().is_empty());
        edited.apply(&undo).unwrap();
        assert_eq!(edited.text(), doc.text());
    }
});

fn check_spans(doc: &Document) {
    let text = doc.text();
    let ok = |o: usize| o <= text.len() && text.is_char_boundary(o);
    for e in doc.syntax_errors() {
        assert!(ok(e.span.start) && ok(e.span.end) && e.span.start <= e.span.end);
        let _ = doc.line_col(e.span.start);
        let _ = doc.line_col_utf16(e.span.end);
    }
    for i in 0..doc.node_count() {
        let span = doc.node(NodeId(i as u32)).span;
        assert!(ok(span.start) && ok(span.end) && span.start <= span.end);
    }
    // Every node under the root, except behind a key a later duplicate hides, has a
    // pointer that resolves to it.
    let mut stack: Vec<NodeId> = doc.root().into_iter().collect();
    while let Some(id) = stack.pop() {
        assert_eq!(doc.resolve(&doc.pointer_of(id)), Some(id));
        let members = doc.members(id);
        let visible = members.iter().enumerate().filter(|(i, m)| members[i + 1..].iter().all(|n| n.key != m.key));
        stack.extend(visible.map(|(_, m)| m.value));
        stack.extend(doc.items(id).iter().copied());
    }
}
