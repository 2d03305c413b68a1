//! Inserting a state on an edge, at a scope's start (empty branches and Map processors
//! included), after a state that ends, and on open Choice and Catch edges.

use super::*;

#[test]
fn insert_on_a_next_edge() {
    let change = insert_template(
        &doc(TWO),
        template("Wait"),
        &Position::Edge("/States/A/Next".into()),
    );
    assert_eq!(change.as_ref().unwrap().selection, ["/States/Wait"]);
    let after = r#"{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Next": "Wait"
    },
    "Wait": {
      "Type": "Wait",
      "Seconds": 5,
      "Next": "B"
    },
    "B": {
      "Type": "Pass",
      "End": true
    }
  }
}
"#;
    check(TWO, change, after);
    assert_valid(after);
}

#[test]
fn insert_at_the_start_and_after_an_end() {
    check(
        TWO,
        insert_template(&doc(TWO), template("Pass"), &Position::Start(String::new())),
        r#"{
  "StartAt": "Pass",
  "States": {
    "A": {
      "Type": "Pass",
      "Next": "B"
    },
    "B": {
      "Type": "Pass",
      "End": true
    },
    "Pass": {
      "Type": "Pass",
      "Next": "A"
    }
  }
}
"#,
    );
    let after = r#"{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Next": "B"
    },
    "B": {
      "Type": "Pass",
      "Next": "Lambda Invoke"
    },
    "Lambda Invoke": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {
        "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:MyFunction",
        "Payload.$": "$"
      },
      "End": true
    }
  }
}
"#;
    check(
        TWO,
        insert_template(
            &doc(TWO),
            template("lambda-invoke"),
            &Position::After("/States/B".into()),
        ),
        after,
    );
    assert_valid(after);
    // A second one gets the next free name.
    let again = insert_template(
        &doc(after),
        template("lambda-invoke"),
        &Position::After("/States/A".into()),
    )
    .unwrap();
    assert_eq!(again.selection, ["/States/Lambda Invoke (1)"]);
}

#[test]
fn insert_into_an_empty_branch_and_on_open_choice_edges() {
    let text = "{\n  \"StartAt\": \"P\",\n  \"States\": {\n    \"P\": {\n      \"Type\": \"Parallel\",\n      \"Branches\": [\n        {\n          \"StartAt\": \"\",\n          \"States\": {}\n        }\n      ],\n      \"End\": true\n    }\n  }\n}";
    let start = Position::Start("/States/P/Branches/0".into());
    let after = "{\n  \"StartAt\": \"P\",\n  \"States\": {\n    \"P\": {\n      \"Type\": \"Parallel\",\n      \"Branches\": [\n        {\n          \"StartAt\": \"Choice\",\n          \"States\": {\n            \"Choice\": {\n              \"Type\": \"Choice\",\n              \"Choices\": [\n                {\n                  \"Variable\": \"$.value\",\n                  \"BooleanEquals\": true\n                }\n              ]\n            }\n          }\n        }\n      ],\n      \"End\": true\n    }\n  }\n}";
    check(
        text,
        insert_template(&doc(text), template("Choice"), &start),
        after,
    );
    // The open rule and Default take the next states, which end the branch.
    let rule = "/States/P/Branches/0/States/Choice/Choices/0/Next";
    let with_rule = apply(
        after,
        &insert_template(
            &doc(after),
            template("Succeed"),
            &Position::Edge(rule.into()),
        )
        .unwrap()
        .edit,
    );
    let default = "/States/P/Branches/0/States/Choice/Default";
    let both = apply(
        &with_rule,
        &insert_template(
            &doc(&with_rule),
            template("Pass"),
            &Position::Edge(default.into()),
        )
        .unwrap()
        .edit,
    );
    let expected = "{\n  \"StartAt\": \"P\",\n  \"States\": {\n    \"P\": {\n      \"Type\": \"Parallel\",\n      \"Branches\": [\n        {\n          \"StartAt\": \"Choice\",\n          \"States\": {\n            \"Choice\": {\n              \"Type\": \"Choice\",\n              \"Choices\": [\n                {\n                  \"Variable\": \"$.value\",\n                  \"BooleanEquals\": true,\n                  \"Next\": \"Succeed\"\n                }\n              ],\n              \"Default\": \"Pass\"\n            },\n            \"Pass\": {\n              \"Type\": \"Pass\",\n              \"End\": true\n            },\n            \"Succeed\": {\n              \"Type\": \"Succeed\"\n            }\n          }\n        }\n      ],\n      \"End\": true\n    }\n  }\n}";
    assert_eq!(both, expected);
    assert_valid(&both);
}

#[test]
fn insert_on_a_catch_edge_and_into_a_map_processor() {
    let text = r#"{"StartAt": "T", "States": {
  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "End": true},
  "F": {"Type": "Fail"}
}}"#;
    let after = r#"{"StartAt": "T", "States": {
  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Pass"}], "End": true},
  "Pass": {
    "Type": "Pass",
    "Next": "F"
  },
  "F": {"Type": "Fail"}
}}"#;
    check(
        text,
        insert_template(
            &doc(text),
            template("Pass"),
            &Position::Edge("/States/T/Catch/0/Next".into()),
        ),
        after,
    );
    let map = r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "", "States": {}}, "End": true}}}"#;
    let after = r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "End": true}}}, "End": true}}}"#;
    check(
        map,
        insert_template(
            &doc(map),
            template("Pass"),
            &Position::Start("/States/M/ItemProcessor".into()),
        ),
        after,
    );
    assert_valid(after);
}

#[test]
fn insert_refuses_what_is_not_a_position() {
    let d = doc(TWO);
    let fails = |at: Position| insert_template(&d, template("Pass"), &at).unwrap_err();
    assert!(matches!(
        fails(Position::Edge("/States/A/Type".into())),
        EditError::Invalid(_)
    ));
    assert!(matches!(
        fails(Position::Edge("/States/Z/Next".into())),
        EditError::NotFound(_)
    ));
    assert!(matches!(
        fails(Position::Start("/States/A".into())),
        EditError::Invalid(_)
    ));
    // A Pass takes no Default or Catch; a Choice takes no Next; Succeed and Fail none.
    for slot in ["/States/A/Default", "/States/A/Catch/0/Next"] {
        assert!(
            matches!(fails(Position::Edge(slot.into())), EditError::Invalid(_)),
            "{slot}"
        );
    }
    let choice = doc(BRANCHING);
    for slot in ["/States/C/Next", "/States/Y/Next", "/States/N/Next"] {
        let err =
            insert_template(&choice, template("Pass"), &Position::Edge(slot.into())).unwrap_err();
        assert!(matches!(err, EditError::Invalid(_)), "{slot}");
    }
    let succeed = r#"{"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}"#;
    let err = insert_template(
        &doc(succeed),
        template("Pass"),
        &Position::After("/States/S".into()),
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Invalid(_)));
}

#[test]
fn insert_in_a_jsonata_machine_writes_arguments() {
    let text = "{\n\t\"QueryLanguage\": \"JSONata\",\n\t\"StartAt\": \"S\",\n\t\"States\": {\n\t\t\"S\": {\n\t\t\t\"Type\": \"Succeed\"\n\t\t}\n\t}\n}";
    // Tab indentation, as the document has it.
    let after = "{\n\t\"QueryLanguage\": \"JSONata\",\n\t\"StartAt\": \"SNS Publish\",\n\t\"States\": {\n\t\t\"S\": {\n\t\t\t\"Type\": \"Succeed\"\n\t\t},\n\t\t\"SNS Publish\": {\n\t\t\t\"Type\": \"Task\",\n\t\t\t\"Resource\": \"arn:aws:states:::sns:publish\",\n\t\t\t\"Arguments\": {\n\t\t\t\t\"TopicArn\": \"arn:aws:sns:us-east-1:123456789012:MyTopic\",\n\t\t\t\t\"Message\": \"{% $states.input %}\"\n\t\t\t},\n\t\t\t\"Next\": \"S\"\n\t\t}\n\t}\n}";
    check(
        text,
        insert_template(
            &doc(text),
            template("sns-publish"),
            &Position::Start(String::new()),
        ),
        after,
    );
    assert_valid(after);
}
