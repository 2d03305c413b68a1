//! Parser, pointer and position tests; expected values are worked out by hand from
//! RFC 8259 (JSON) and RFC 6901 (pointers).

use super::*;
use crate::json::{Number, Value};
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

fn messages(doc: &Document) -> Vec<(&str, usize)> {
    doc.syntax_errors()
        .iter()
        .map(|e| (e.message.as_str(), e.span.start))
        .collect()
}

#[test]
fn keeps_text_order_lexemes_escapes_and_duplicates() {
    let text = "{\"b\": 1.0, \"a\": [1e3, -0, 123456789012345678901234567890],\n \"s\": \"\\u00e9\\n\\/\", \"a\": null}";
    let doc = parse_document(text);
    assert_eq!(doc.text(), text);
    assert!(doc.syntax_errors().is_empty());
    let root = doc.root().unwrap();
    let keys: Vec<&str> = doc.members(root).iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["b", "a", "s", "a"]);
    assert_eq!(doc.lexeme(doc.members(root)[0].value), Some("1.0"));
    let array = doc.members(root)[1].value;
    let lexemes: Vec<&str> = doc
        .items(array)
        .iter()
        .filter_map(|&i| doc.lexeme(i))
        .collect();
    assert_eq!(lexemes, ["1e3", "-0", "123456789012345678901234567890"]);
    let s = doc.members(root)[2].value;
    assert_eq!(doc.as_str(s), Some("é\n/"));
    assert_eq!(doc.source(s), "\"\\u00e9\\n\\/\"");
    let s_key = text.find("\"s\"").unwrap();
    assert_eq!(doc.members(root)[2].key_span, Span::new(s_key, s_key + 3));
    // The last duplicate wins, as JSON readers and AWS take it.
    assert_eq!(doc.get(root, "a"), Some(doc.members(root)[3].value));
    let value = doc.to_value(root);
    assert_eq!(value.get("a"), Some(&Value::Null));
    assert_eq!(value.get("b"), Some(&Value::Number(Number::Float(1.0))));
}

#[test]
fn scalars_and_surrogate_pairs() {
    let doc = parse_document(" [true, false, null, \"\\ud83d\\ude00\", \"\\ud800x\"] ");
    let root = doc.root().unwrap();
    assert_eq!(doc.node(root).span, Span::new(1, 47));
    let kinds: Vec<&NodeKind> = doc.items(root).iter().map(|&i| &doc.node(i).kind).collect();
    assert_eq!(kinds[0], &NodeKind::Bool(true));
    assert_eq!(kinds[1], &NodeKind::Bool(false));
    assert_eq!(kinds[2], &NodeKind::Null);
    assert_eq!(doc.as_str(doc.items(root)[3]), Some("😀"));
    assert_eq!(doc.as_str(doc.items(root)[4]), Some("\u{FFFD}x"));
    assert!(doc.syntax_errors().is_empty());
}

#[test]
fn collects_every_error_with_recovery() {
    let text = "{\"a\" 1, \"b\": [1,,2,], \"c\": tru, \"d\": \"x\\qy\", 'e': 01,}";
    let doc = parse_document(text);
    assert_eq!(
        messages(&doc),
        [
            ("expected `:` after the key", text.find(" 1").unwrap() + 1),
            (
                "unexpected `,`: expected a value",
                text.find(",,").unwrap() + 1
            ),
            ("trailing comma before `]`", text.find(",]").unwrap()),
            (
                "unexpected `tru`: expected a JSON value",
                text.find("tru").unwrap()
            ),
            ("invalid escape `\\q`", text.find("\\q").unwrap()),
            ("strings must use double quotes", text.find("'e'").unwrap()),
            ("invalid number `01`", text.find("01").unwrap()),
            ("trailing comma before `}`", text.len() - 2),
        ]
    );
    // What could be read is kept: a, b with its two numbers, d with the escape as written.
    let root = doc.root().unwrap();
    let keys: Vec<&str> = doc.members(root).iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["a", "b", "d"]);
    assert_eq!(doc.items(doc.get(root, "b").unwrap()).len(), 2);
    assert_eq!(doc.as_str(doc.get(root, "d").unwrap()), Some("x\\qy"));
}

#[test]
fn truncated_text_reports_the_end() {
    let doc = parse_document("{\"States\": {\"A\": [1, 2");
    assert_eq!(
        messages(&doc),
        [("unexpected end of text: expected `]`", 22)]
    );
    let root = doc.root().unwrap();
    assert_eq!(doc.node(root).span, Span::new(0, 22));
    assert_eq!(
        doc.resolve("/States/A/1").map(|id| doc.source(id)),
        Some("2")
    );
}

#[test]
fn unterminated_string_ends_at_the_line_break() {
    let doc = parse_document("{\"a\": \"abc\n, \"b\": 2}");
    assert_eq!(messages(&doc), [("unterminated string: expected `\"`", 6)]);
    assert_eq!(doc.resolve("/b").map(|id| doc.source(id)), Some("2"));
    assert_eq!(doc.resolve("/a").and_then(|id| doc.as_str(id)), Some("abc"));
}

#[test]
fn control_characters_missing_commas_and_mismatched_closers() {
    let text = "{\"a\": \"x\ty\" \"b\": [1 2}";
    let doc = parse_document(text);
    assert_eq!(
        messages(&doc),
        [
            (
                "control character U+0009 must be escaped in a string",
                text.find('\t').unwrap()
            ),
            ("expected `,` between members", text.find("\"b").unwrap()),
            ("expected `,` between array items", text.find('2').unwrap()),
            ("expected `]` before this", text.find('}').unwrap()),
        ]
    );
    assert_eq!(doc.resolve("/b/1").map(|id| doc.source(id)), Some("2"));
}

#[test]
fn unquoted_keys_comments_and_wrong_literals() {
    let doc = parse_document("{\n  // note\n  a: True\n}");
    assert_eq!(
        messages(&doc),
        [
            ("comments are not allowed in JSON", 4),
            ("property names must be double-quoted strings", 14),
            ("`True`: JSON literals are lower-case", 17),
        ]
    );
}

#[test]
fn empty_and_trailing_text() {
    assert_eq!(
        messages(&parse_document("  ")),
        [("expected a JSON value", 2)]
    );
    assert_eq!(
        messages(&parse_document("{} {}")),
        [("unexpected text after the JSON value", 3)]
    );
    assert_eq!(
        messages(&parse_document("]")),
        [
            ("unexpected `]`: expected a JSON value", 0),
            ("expected a JSON value", 1)
        ]
    );
    let scalar = parse_document("\"just a string\"");
    assert!(
        scalar.syntax_errors().is_empty(),
        "a non-object root is the validator's business"
    );
}

#[test]
fn ten_thousand_levels_do_not_overflow() {
    let text: String = "[".repeat(10_000) + &"]".repeat(10_000);
    let doc = parse_document(&text);
    assert_eq!(messages(&doc), [("nesting deeper than 512 levels", 512)]);
    assert_eq!(doc.text(), text);
    let deepest = doc.node_at(5_000).unwrap();
    assert_eq!(doc.depth(deepest), 5_000);
    assert_eq!(doc.pointer_of(deepest).len(), 2 * 5_000);
    let _ = doc.to_value(doc.root().unwrap());
    let truncated = parse_document(&"{\"a\":".repeat(10_000));
    assert_eq!(truncated.syntax_errors().len(), 2);
}

#[test]
fn ten_megabytes_of_text() {
    let mut text = String::from("{\"States\": {");
    let mut i = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&alloc::format!(
            "\"S{i}\": {{\"Type\": \"Pass\", \"Next\": \"S{}\"}}, ",
            i + 1
        ));
        i += 1;
    }
    text.push_str("\"End\": {\"Type\": \"Succeed\"}}}");
    let doc = parse_document(&text);
    assert!(doc.syntax_errors().is_empty());
    assert_eq!(doc.members(doc.resolve("/States").unwrap()).len(), i + 1);
    // Garbage of the same size: errors are capped, never a crash.
    let garbage = String::from("[") + &"@,".repeat(5 * 1024 * 1024);
    let doc = parse_document(&garbage);
    assert_eq!(doc.syntax_errors().len(), MAX_ERRORS + 1);
}

#[test]
fn invalid_utf8_is_a_diagnostic() {
    let doc = parse_document_bytes(b"{\"a\": \"x\xffy\", \"b\": \xc3}");
    assert_eq!(messages(&doc)[0], ("invalid UTF-8 at byte 8", 8));
    assert_eq!(messages(&doc)[1].0, "invalid UTF-8 at byte 18");
    assert_eq!(
        doc.resolve("/a").and_then(|id| doc.as_str(id)),
        Some("x\u{FFFD}y")
    );
    let valid = parse_document_bytes("{\"é\": 1}".as_bytes());
    assert!(valid.syntax_errors().is_empty());
}

#[test]
fn rfc6901_examples_resolve() {
    // RFC 6901 section 5.
    let text = r#"{"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8}"#;
    let doc = parse_document(text);
    let at = |p: &str| doc.resolve(p).map(|id| doc.source(id));
    assert_eq!(at(""), Some(text));
    assert_eq!(at("/foo"), Some("[\"bar\", \"baz\"]"));
    assert_eq!(at("/foo/0"), Some("\"bar\""));
    let expected = [
        ("/", "0"),
        ("/a~1b", "1"),
        ("/c%d", "2"),
        ("/e^f", "3"),
        ("/g|h", "4"),
    ];
    for (pointer, source) in expected {
        assert_eq!(at(pointer), Some(source), "{pointer}");
    }
    for (pointer, source) in [("/i\\j", "5"), ("/k\"l", "6"), ("/ ", "7"), ("/m~0n", "8")] {
        assert_eq!(at(pointer), Some(source), "{pointer}");
    }
    assert_eq!(at("/foo/01"), None);
    assert_eq!(at("/foo/-"), None);
    assert_eq!(at("/foo/2"), None);
    assert_eq!(at("foo"), None);
    assert_eq!(at("/m~2n"), None);
    let slash = doc.resolve("/a~1b").unwrap();
    assert_eq!(doc.pointer_of(slash), "/a~1b");
    assert_eq!(doc.pointer_of(doc.resolve("/m~0n").unwrap()), "/m~0n");
    assert_eq!(doc.pointer_of(doc.resolve("/foo/1").unwrap()), "/foo/1");
    assert_eq!(doc.pointer_of(doc.root().unwrap()), "");
    assert_eq!(join_pointer(&["a/b", "m~n"]), "/a~1b/m~0n");
    assert_eq!(
        split_pointer("/a~1b/m~0n"),
        Some(vec![String::from("a/b"), String::from("m~n")])
    );
}

#[test]
fn line_and_column_in_chars_and_utf16() {
    let text = "{\r\n  \"é😀\": 1,\n\t\"b\": 2\r}";
    let doc = parse_document(text);
    let one = text.find('1').unwrap();
    // `  "é😀": ` is 8 characters, 9 UTF-16 units (the emoji is a surrogate pair).
    assert_eq!(doc.line_col(one), LineCol { line: 2, column: 9 });
    assert_eq!(
        doc.line_col_utf16(one),
        LineCol {
            line: 2,
            column: 10
        }
    );
    assert_eq!(doc.utf16_column(one), 10);
    let two = text.find('2').unwrap();
    assert_eq!(doc.line_col(two), LineCol { line: 3, column: 7 });
    assert_eq!(doc.line_col(text.len() - 1), LineCol { line: 4, column: 1 });
    assert_eq!(doc.line_col(0), LineCol { line: 1, column: 1 });
    // Inside a multi-byte character counts as the character's start.
    let emoji = text.find('😀').unwrap();
    assert_eq!(doc.line_col(emoji + 2), doc.line_col(emoji));
    assert_eq!(doc.offset_of(LineCol { line: 2, column: 9 }), one);
    // `{\r\n` 3 units, then the 9 of line 2.
    assert_eq!(doc.utf16_offset(one), 12);
    assert_eq!(doc.byte_offset_of_utf16(12), one);
    assert_eq!(doc.line_count(), 4);
}
