//! json::position: pointers to text ranges and cursor offsets to states. Expected pointers
//! follow RFC 6901 and ASL's nesting (States, Branches[i].States, ItemProcessor/Iterator.States);
//! expected offsets are found in the test text itself.

use engine_core::json::position::{
    enclosing_state, member_range_utf16, member_span, state_at, state_at_utf16, visible_span,
};
use engine_core::json::tree::{parse_document, Span};

#[test]
fn enclosing_state_follows_asl_nesting() {
    let cases: &[(&str, Option<&str>)] = &[
        ("/States/A", Some("/States/A")),
        ("/States/A/Parameters/x.$", Some("/States/A")),
        (
            "/States/P/Branches/0/States/B/Next",
            Some("/States/P/Branches/0/States/B"),
        ),
        (
            "/States/P/Branches/12/States/B",
            Some("/States/P/Branches/12/States/B"),
        ),
        (
            "/States/M/ItemProcessor/States/Inner/Type",
            Some("/States/M/ItemProcessor/States/Inner"),
        ),
        (
            "/States/M/Iterator/States/I",
            Some("/States/M/Iterator/States/I"),
        ),
        ("/States/P/Branches/0", Some("/States/P")),
        ("/States/P/Branches/0/States", Some("/States/P")),
        ("/States/C/Choices/0/Next", Some("/States/C")),
        // "01" is not an RFC 6901 array index.
        ("/States/P/Branches/01/States/B", Some("/States/P")),
        ("/States/a~1b/Type", Some("/States/a~1b")),
        ("/States/", Some("/States/")),
        ("/States", None),
        ("/Comment", None),
        ("", None),
        ("States/A", None),
    ];
    for (pointer, expected) in cases {
        assert_eq!(enclosing_state(pointer), *expected, "{pointer}");
    }
}

const MACHINE: &str = r#"{
  "StartAt": "First",
  "States": {
    "First": { "Type": "Pass", "Next": "Fan" },
    "Fan": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "Inner", "States": { "Inner": { "Type": "Succeed" } } }
      ],
      "End": true
    }
  }
}"#;

fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle} not in the text"))
}

#[test]
fn member_span_runs_from_the_key_to_the_end_of_the_value() {
    let doc = parse_document(MACHINE);
    let start = at(MACHINE, r#""First": {"#);
    let end = at(MACHINE, r#""Next": "Fan" }"#) + r#""Next": "Fan" }"#.len();
    let span = member_span(&doc, "/States/First").unwrap();
    assert_eq!((span.start, span.end), (start, end));
    assert_eq!(
        &MACHINE[span.start..span.end],
        r#""First": { "Type": "Pass", "Next": "Fan" }"#
    );

    let inner = member_span(&doc, "/States/Fan/Branches/0/States/Inner").unwrap();
    assert_eq!(
        &MACHINE[inner.start..inner.end],
        r#""Inner": { "Type": "Succeed" }"#
    );

    // An array item has no key: its value alone.
    let branch = member_span(&doc, "/States/Fan/Branches/0").unwrap();
    assert!(MACHINE[branch.start..branch.end].starts_with(r#"{ "StartAt": "Inner""#));

    let root = member_span(&doc, "").unwrap();
    assert_eq!((root.start, root.end), (0, MACHINE.len()));
    assert_eq!(member_span(&doc, "/States/Missing"), None);
}

#[test]
fn a_cursor_is_in_the_innermost_state_around_it() {
    let doc = parse_document(MACHINE);
    // On the state's own name, inside its value, and just after its closing brace.
    assert_eq!(
        state_at(&doc, at(MACHINE, r#""First": {"#) + 1).as_deref(),
        Some("/States/First")
    );
    assert_eq!(
        state_at(&doc, at(MACHINE, r#""Pass""#) + 2).as_deref(),
        Some("/States/First")
    );
    let after_first = at(MACHINE, r#""Next": "Fan" }"#) + r#""Next": "Fan" }"#.len();
    assert_eq!(
        state_at(&doc, after_first).as_deref(),
        Some("/States/First")
    );
    // Nested in a branch.
    assert_eq!(
        state_at(&doc, at(MACHINE, r#""Succeed""#)).as_deref(),
        Some("/States/Fan/Branches/0/States/Inner")
    );
    // The branch list itself belongs to the Parallel state.
    assert_eq!(
        state_at(&doc, at(MACHINE, r#""Branches""#)).as_deref(),
        Some("/States/Fan")
    );
    // Outside any state.
    assert_eq!(
        state_at(&doc, at(MACHINE, r#""StartAt": "First""#) + 3),
        None
    );
    assert_eq!(state_at(&doc, 0), None);
    assert_eq!(state_at(&doc, MACHINE.len() + 10), None);
}

#[test]
fn utf16_offsets_count_what_the_browser_counts() {
    // "é" is 2 bytes and 1 UTF-16 unit; "🙂" is 4 bytes and 2 units.
    let text = "{\"Comment\": \"é🙂\", \"StartAt\": \"Ω\", \"States\": { \"Ω\": { \"Type\": \"Succeed\" } } }";
    let doc = parse_document(text);
    let utf16 = |byte: usize| text[..byte].encode_utf16().count();
    let key = at(text, "\"Ω\": {");
    let end = at(text, "\"Succeed\" }") + "\"Succeed\" }".len();
    assert_eq!(
        member_range_utf16(&doc, "/States/Ω"),
        Some((utf16(key), utf16(end)))
    );
    assert_eq!(
        state_at_utf16(&doc, utf16(at(text, "Succeed"))).as_deref(),
        Some("/States/Ω")
    );
    assert_eq!(state_at_utf16(&doc, utf16(at(text, "StartAt"))), None);
}

#[test]
fn broken_text_still_answers_where_it_can() {
    // A missing comma: the recovering parser keeps both states.
    let text = r#"{"States": {"A": {"Type": "Pass"} "B": {"Type": "Succeed"}}}"#;
    let doc = parse_document(text);
    assert!(!doc.syntax_errors().is_empty());
    assert_eq!(
        state_at(&doc, at(text, "Succeed")).as_deref(),
        Some("/States/B")
    );
    assert_eq!(
        state_at(&doc, at(text, "Pass")).as_deref(),
        Some("/States/A")
    );
    // Garbage has no states and never panics.
    let doc = parse_document("}{]][\u{0}");
    for offset in 0..8 {
        assert_eq!(state_at(&doc, offset), None);
    }
}

#[test]
fn an_empty_span_is_widened_to_a_character_it_can_underline() {
    let doc = parse_document("{\"a\": 1 \"é\": 2}");
    let text = doc.text();
    let quote = text.find("\"é").unwrap();
    // A place before a character: that character.
    assert_eq!(
        visible_span(&doc, Span::new(quote, quote)),
        Span::new(quote, quote + 1)
    );
    // Before a two-byte character: both of its bytes.
    let e = quote + 1;
    assert_eq!(visible_span(&doc, Span::new(e, e)), Span::new(e, e + 2));
    // Inside a character: moved back to its start.
    assert_eq!(
        visible_span(&doc, Span::new(e + 1, e + 1)),
        Span::new(e, e + 2)
    );
    // At the end of the text: the last character.
    let end = text.len();
    assert_eq!(
        visible_span(&doc, Span::new(end, end)),
        Span::new(end - 1, end)
    );
    // Past the end: clamped to it.
    assert_eq!(
        visible_span(&doc, Span::new(end + 5, end + 5)),
        Span::new(end - 1, end)
    );
    // A real range is left alone.
    assert_eq!(visible_span(&doc, Span::new(1, 4)), Span::new(1, 4));
    // Nothing to underline in an empty text.
    assert_eq!(
        visible_span(&parse_document(""), Span::new(0, 0)),
        Span::new(0, 0)
    );
}
