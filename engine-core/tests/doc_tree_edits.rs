//! Edits by pointer on the lossless tree. Each case gives the text before, the edit and
//! the text expected after, written out by hand; the harness also checks that the
//! returned inverse restores the original byte for byte and that redo gives `after` again.

use engine_core::json::tree::{parse_document, Edit, EditError};

fn check(before: &str, edit: Edit, after: &str) {
    let mut doc = parse_document(before);
    assert!(
        doc.syntax_errors().is_empty(),
        "fixture parses: {:?}",
        doc.syntax_errors()
    );
    let undo = doc.apply(&edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    assert_eq!(doc.text(), after, "after {edit:?}");
    assert!(
        doc.syntax_errors().is_empty(),
        "edited text parses: {:?}",
        doc.syntax_errors()
    );
    let redo = doc.apply(&undo).expect("undo applies");
    assert_eq!(doc.text(), before, "undo of {edit:?}");
    doc.apply(&redo).expect("redo applies");
    assert_eq!(doc.text(), after, "redo of {edit:?}");
}

fn set(pointer: &str, value: &str) -> Edit {
    Edit::Set {
        pointer: pointer.into(),
        value: value.into(),
    }
}

fn remove(pointer: &str) -> Edit {
    Edit::Remove {
        pointer: pointer.into(),
    }
}

fn insert(pointer: &str, value: &str) -> Edit {
    Edit::Insert {
        pointer: pointer.into(),
        value: value.into(),
    }
}

const SMALL: &str = "{\n  \"Comment\": \"x\",\n  \"TimeoutSeconds\": 10\n}\n";

#[test]
fn set_replaces_a_value_in_place() {
    check(
        SMALL,
        set("/TimeoutSeconds", "20"),
        "{\n  \"Comment\": \"x\",\n  \"TimeoutSeconds\": 20\n}\n",
    );
    check(
        SMALL,
        set("/Comment", "\"caf\\u00e9\""),
        "{\n  \"Comment\": \"caf\\u00e9\",\n  \"TimeoutSeconds\": 10\n}\n",
    );
    check("[1, 2, 3]", set("/1", "2.50"), "[1, 2.50, 3]");
    check("{\"a\": 1}", set("", "[true]"), "[true]");
}

#[test]
fn set_adds_a_member_in_the_documents_style() {
    check(
        SMALL,
        set("/Version", "\"1.0\""),
        "{\n  \"Comment\": \"x\",\n  \"TimeoutSeconds\": 10,\n  \"Version\": \"1.0\"\n}\n",
    );
    // Four spaces and CRLF line breaks; the new object is laid out the same way.
    check(
        "{\r\n    \"A\": 1\r\n}",
        set("/B", "{\"x\":[1,2.50]}"),
        "{\r\n    \"A\": 1,\r\n    \"B\": {\r\n        \"x\": [\r\n            1,\r\n            2.50\r\n        ]\r\n    }\r\n}",
    );
    // Tabs.
    check(
        "{\n\t\"A\": {\n\t\t\"B\": 1\n\t}\n}",
        set("/A/C", "null"),
        "{\n\t\"A\": {\n\t\t\"B\": 1,\n\t\t\"C\": null\n\t}\n}",
    );
    // A key that needs escaping.
    check(
        "{\n  \"a\": 1\n}",
        set("/x~1y\"z", "0"),
        "{\n  \"a\": 1,\n  \"x/y\\\"z\": 0\n}",
    );
}

#[test]
fn one_line_containers_stay_on_one_line() {
    let before = "{\n  \"Parameters\": {\"a\": 1}\n}";
    check(
        before,
        set("/Parameters/b", "{\"c\": [1, 2]}"),
        "{\n  \"Parameters\": {\"a\": 1, \"b\": {\"c\": [1, 2]}}\n}",
    );
    check("{\"a\":1}", set("/b", "[1, 2]"), "{\"a\":1,\"b\":[1,2]}");
    check(
        "{\"a\":1,  \"b\":2}",
        set("/c", "3"),
        "{\"a\":1,  \"b\":2,  \"c\":3}",
    );
}

#[test]
fn runtime_values_are_laid_out_like_text() {
    let value =
        engine_core::json::parse_value("{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"C\"}")
            .unwrap();
    check(
        "{\n  \"Catch\": []\n}",
        Edit::insert_value("/Catch/0", &value),
        "{\n  \"Catch\": [\n    {\n      \"ErrorEquals\": [\n        \"States.ALL\"\n      ],\n      \"Next\": \"C\"\n    }\n  ]\n}",
    );
    check(
        "{\"a\": 1}",
        Edit::set_value("/a", &engine_core::Value::from("x")),
        "{\"a\": \"x\"}",
    );
}

#[test]
fn set_fills_an_empty_container() {
    check(
        "{\n  \"Parameters\": {}\n}",
        set("/Parameters/a", "1"),
        "{\n  \"Parameters\": {\n    \"a\": 1\n  }\n}",
    );
    check(
        "{\n  \"Items\": []\n}",
        set("/Items/-", "\"x\""),
        "{\n  \"Items\": [\n    \"x\"\n  ]\n}",
    );
    check("{}", set("/a", "{\"b\": 1}"), "{\"a\": {\"b\": 1}}");
}

#[test]
fn remove_takes_the_separator_with_it() {
    let three = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}";
    check(three, remove("/a"), "{\n  \"b\": 2,\n  \"c\": 3\n}");
    check(three, remove("/b"), "{\n  \"a\": 1,\n  \"c\": 3\n}");
    check(three, remove("/c"), "{\n  \"a\": 1,\n  \"b\": 2\n}");
    check(
        "{\n  \"a\": {\n    \"only\": true\n  }\n}",
        remove("/a/only"),
        "{\n  \"a\": {}\n}",
    );
    check("[1, [2, 3], 4]", remove("/1/0"), "[1, [3], 4]");
    check("[1, [2, 3], 4]", remove("/2"), "[1, [2, 3]]");
}

#[test]
fn insert_into_arrays() {
    let list = "{\n  \"ErrorEquals\": [\n    \"A\",\n    \"B\"\n  ]\n}";
    check(
        list,
        insert("/ErrorEquals/0", "\"Z\""),
        "{\n  \"ErrorEquals\": [\n    \"Z\",\n    \"A\",\n    \"B\"\n  ]\n}",
    );
    check(
        list,
        insert("/ErrorEquals/1", "\"Z\""),
        "{\n  \"ErrorEquals\": [\n    \"A\",\n    \"Z\",\n    \"B\"\n  ]\n}",
    );
    check(
        list,
        insert("/ErrorEquals/-", "\"Z\""),
        "{\n  \"ErrorEquals\": [\n    \"A\",\n    \"B\",\n    \"Z\"\n  ]\n}",
    );
    check("[1, 2]", insert("/2", "3"), "[1, 2, 3]");
}

#[test]
fn bad_edits_change_nothing() {
    let mut doc = parse_document(SMALL);
    assert_eq!(
        doc.apply(&set("/Missing/x", "1")),
        Err(EditError::NotFound("/Missing/x".into()))
    );
    assert!(matches!(
        doc.apply(&set("/Comment", "{\"a\":}")),
        Err(EditError::BadValue(_))
    ));
    assert!(matches!(doc.apply(&remove("")), Err(EditError::Invalid(_))));
    assert!(matches!(
        doc.apply(&insert("/Comment/0", "1")),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(
        doc.apply(&remove("/TimeoutSeconds/0")),
        Err(EditError::NotFound("/TimeoutSeconds/0".into()))
    );
    assert_eq!(doc.text(), SMALL);
}

const MACHINE: &str = r#"{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "C"}],
      "Next": "B"
    },
    "B": {
      "Type": "Choice",
      "Choices": [
        {"And": [{"Variable": "$.x", "IsPresent": true}, {"Not": {"Variable": "$.y", "StringEquals": "A", "Next": "A"}}], "Next": "A"},
        {"Variable": "$.z", "BooleanEquals": true, "Next": "C"}
      ],
      "Default": "A"
    },
    "P": {
      "Type": "Parallel",
      "Branches": [
        {"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "A"}, "A2": {"Type": "Pass", "End": true}}}
      ],
      "End": true
    },
    "C": {
      "Type": "Fail"
    }
  }
}"#;

fn machine_with(replacements: &[(&str, &str)]) -> String {
    let mut text = MACHINE.to_string();
    for (from, to) in replacements {
        assert!(text.contains(from), "fixture holds {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

#[test]
fn rename_a_state_and_its_references_in_scope() {
    // StartAt, the key, Choice rule Next (nested inside And/Not too), Default; the
    // branch's own "Next": "A" is another scope and stays; "StringEquals": "A" is data.
    let after = machine_with(&[
        ("\"StartAt\": \"A\"", "\"StartAt\": \"Start\""),
        (
            "\"A\": {\n      \"Type\": \"Task\"",
            "\"Start\": {\n      \"Type\": \"Task\"",
        ),
        (
            "\"StringEquals\": \"A\", \"Next\": \"A\"}}], \"Next\": \"A\"}",
            "\"StringEquals\": \"A\", \"Next\": \"Start\"}}], \"Next\": \"Start\"}",
        ),
        ("\"Default\": \"A\"", "\"Default\": \"Start\""),
    ]);
    check(
        MACHINE,
        Edit::RenameState {
            pointer: "/States/A".into(),
            name: "Start".into(),
        },
        &after,
    );
    // Catch Next.
    let after = machine_with(&[
        ("\"Next\": \"C\"}]", "\"Next\": \"Failed\"}]"),
        (
            "\"BooleanEquals\": true, \"Next\": \"C\"",
            "\"BooleanEquals\": true, \"Next\": \"Failed\"",
        ),
        (
            "\"C\": {\n      \"Type\": \"Fail\"",
            "\"Failed\": {\n      \"Type\": \"Fail\"",
        ),
    ]);
    check(
        MACHINE,
        Edit::RenameState {
            pointer: "/States/C".into(),
            name: "Failed".into(),
        },
        &after,
    );
    // Inside a branch: its StartAt and the key, nothing at the top level.
    let after = machine_with(&[(
        "{\"StartAt\": \"X\", \"States\": {\"X\":",
        "{\"StartAt\": \"Y\", \"States\": {\"Y\":",
    )]);
    check(
        MACHINE,
        Edit::RenameState {
            pointer: "/States/P/Branches/0/States/X".into(),
            name: "Y".into(),
        },
        &after,
    );
}

#[test]
fn rename_refuses_a_taken_or_bad_name() {
    let mut doc = parse_document(MACHINE);
    let taken = Edit::RenameState {
        pointer: "/States/A".into(),
        name: "A2".into(),
    };
    assert_eq!(doc.apply(&taken), Err(EditError::NameTaken("A2".into())));
    let long = Edit::RenameState {
        pointer: "/States/A".into(),
        name: "n".repeat(81),
    };
    assert!(matches!(doc.apply(&long), Err(EditError::Invalid(_))));
    let not_a_state = Edit::RenameState {
        pointer: "/StartAt".into(),
        name: "Z".into(),
    };
    assert!(matches!(
        doc.apply(&not_a_state),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(doc.text(), MACHINE);
}

#[test]
fn insert_a_state() {
    let edit = Edit::InsertState {
        states: "/States".into(),
        name: "W".into(),
        definition: "{\"Type\": \"Wait\", \"Seconds\": 5, \"Next\": \"B\"}".into(),
        after: Some("A".into()),
    };
    let after = machine_with(&[(
        "      \"Next\": \"B\"\n    },\n",
        "      \"Next\": \"B\"\n    },\n    \"W\": {\n      \"Type\": \"Wait\",\n      \"Seconds\": 5,\n      \"Next\": \"B\"\n    },\n",
    )]);
    check(MACHINE, edit, &after);
    // Into a one-line branch: on the branch's line.
    let edit = Edit::InsertState {
        states: "/States/P/Branches/0/States".into(),
        name: "Z".into(),
        definition: "{\"Type\": \"Succeed\"}".into(),
        after: None,
    };
    let after = machine_with(&[(
        "\"A2\": {\"Type\": \"Pass\", \"End\": true}}}",
        "\"A2\": {\"Type\": \"Pass\", \"End\": true}, \"Z\": {\"Type\": \"Succeed\"}}}",
    )]);
    check(MACHINE, edit, &after);
    let mut doc = parse_document(MACHINE);
    let taken = Edit::InsertState {
        states: "/States".into(),
        name: "X".into(),
        definition: "{}".into(),
        after: None,
    };
    assert_eq!(doc.apply(&taken), Err(EditError::NameTaken("X".into())));
}

#[test]
fn delete_a_state_repoints_references_to_its_next() {
    // A's references (StartAt, the Choice rules, Default) now name B, A's Next; A's own
    // Catch goes with it.
    let after = machine_with(&[
        ("\"StartAt\": \"A\"", "\"StartAt\": \"B\""),
        (
            "    \"A\": {\n      \"Type\": \"Task\",\n      \"Resource\": \"arn:aws:states:::lambda:invoke\",\n      \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"C\"}],\n      \"Next\": \"B\"\n    },\n    ",
            "    ",
        ),
        ("\"StringEquals\": \"A\", \"Next\": \"A\"}}], \"Next\": \"A\"}", "\"StringEquals\": \"A\", \"Next\": \"B\"}}], \"Next\": \"B\"}"),
        ("\"Default\": \"A\"", "\"Default\": \"B\""),
    ]);
    check(
        MACHINE,
        Edit::DeleteState {
            pointer: "/States/A".into(),
        },
        &after,
    );
    // A terminal state: removed; what named it is left for validation to report.
    let after = machine_with(&[(",\n    \"C\": {\n      \"Type\": \"Fail\"\n    }", "")]);
    check(
        MACHINE,
        Edit::DeleteState {
            pointer: "/States/C".into(),
        },
        &after,
    );
}

#[test]
fn move_a_state_between_scopes() {
    // C moves into the branch, which is written on one line: it is laid out on that line.
    let after = machine_with(&[
        (
            "\"A2\": {\"Type\": \"Pass\", \"End\": true}}}",
            "\"A2\": {\"Type\": \"Pass\", \"End\": true}, \"C\": {\"Type\": \"Fail\"}}}",
        ),
        (",\n    \"C\": {\n      \"Type\": \"Fail\"\n    }", ""),
    ]);
    check(
        MACHINE,
        Edit::MoveState {
            pointer: "/States/C".into(),
            to: "/States/P/Branches/0/States".into(),
            after: None,
        },
        &after,
    );
    // X moves out to the top level after A, keeping its own one-line form.
    let after = machine_with(&[
        ("{\"StartAt\": \"X\", \"States\": {\"X\": {\"Type\": \"Pass\", \"Next\": \"A\"}, \"A2\"", "{\"StartAt\": \"X\", \"States\": {\"A2\""),
        ("      \"Next\": \"B\"\n    },\n", "      \"Next\": \"B\"\n    },\n    \"X\": {\"Type\": \"Pass\", \"Next\": \"A\"},\n"),
    ]);
    check(
        MACHINE,
        Edit::MoveState {
            pointer: "/States/P/Branches/0/States/X".into(),
            to: "/States".into(),
            after: Some("A".into()),
        },
        &after,
    );
}

#[test]
fn move_within_its_own_states_reorders_the_text() {
    let before = "{\"StartAt\": \"A\", \"States\": {\n  \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"},\n  \"B\": {\"Type\": \"Pass\", \"Next\": \"C\"},\n  \"C\": {\"Type\": \"Succeed\"}\n}}";
    let moved = |name: &str, after: Option<&str>| Edit::MoveState {
        pointer: format!("/States/{name}"),
        to: "/States".into(),
        after: after.map(String::from),
    };
    let a_last = "{\"StartAt\": \"A\", \"States\": {\n  \"B\": {\"Type\": \"Pass\", \"Next\": \"C\"},\n  \"C\": {\"Type\": \"Succeed\"},\n  \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}\n}}";
    check(before, moved("A", None), a_last);
    let c_after_a = "{\"StartAt\": \"A\", \"States\": {\n  \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"},\n  \"C\": {\"Type\": \"Succeed\"},\n  \"B\": {\"Type\": \"Pass\", \"Next\": \"C\"}\n}}";
    check(before, moved("C", Some("A")), c_after_a);
    // Where it is already: nothing changes.
    let mut doc = parse_document(before);
    assert_eq!(doc.apply(&moved("B", Some("A"))).unwrap(), Edit::Text(vec![]));
    assert_eq!(doc.text(), before);
}

#[test]
fn move_keeps_a_multi_line_state_and_shifts_its_indentation() {
    let before = "{\n  \"StartAt\": \"M\",\n  \"States\": {\n    \"M\": {\n      \"Type\": \"Map\",\n      \"ItemProcessor\": {\n        \"StartAt\": \"I\",\n        \"States\": {\n          \"I\": {\n            \"Type\": \"Pass\",\n            \"End\": true\n          }\n        }\n      },\n      \"End\": true\n    },\n    \"T\": {\n      \"Type\": \"Pass\",\n      \"Result\": {\"k\": 1.0},\n      \"End\": true\n    }\n  }\n}";
    let after = "{\n  \"StartAt\": \"M\",\n  \"States\": {\n    \"M\": {\n      \"Type\": \"Map\",\n      \"ItemProcessor\": {\n        \"StartAt\": \"I\",\n        \"States\": {\n          \"I\": {\n            \"Type\": \"Pass\",\n            \"End\": true\n          },\n          \"T\": {\n            \"Type\": \"Pass\",\n            \"Result\": {\"k\": 1.0},\n            \"End\": true\n          }\n        }\n      },\n      \"End\": true\n    }\n  }\n}";
    check(
        before,
        Edit::MoveState {
            pointer: "/States/T".into(),
            to: "/States/M/ItemProcessor/States".into(),
            after: None,
        },
        after,
    );
    let mut doc = parse_document(before);
    let into_itself = Edit::MoveState {
        pointer: "/States/M".into(),
        to: "/States/M/ItemProcessor/States".into(),
        after: None,
    };
    assert!(matches!(
        doc.apply(&into_itself),
        Err(EditError::Invalid(_))
    ));
}
