//! The visual editor's operations on small definitions. Each expected text is written out
//! by hand from the ASL's rules (a transition names a state of its own scope; `End: true`
//! and `Next` exclude each other; Choice rules and Catchers carry their own `Next`) and the
//! editor's contract (new text in the document's layout, nothing else touched). The
//! harness also checks that the result validates where it should, that the returned
//! inverse restores the original byte for byte, and that redo gives the result again.

use engine_core::asl::edit::*;
use engine_core::asl::{validate, Diagnostic, QueryLanguage};
use engine_core::json::tree::{parse_document, Document, Edit, EditError};
use engine_core::json::Value;

fn apply(before: &str, edit: &Edit) -> String {
    let mut doc = parse_document(before);
    let undo = doc.apply(edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    let after = doc.text().to_string();
    assert!(doc.syntax_errors().is_empty(), "parses: {after}");
    let redo = doc.apply(&undo).expect("undo applies");
    assert_eq!(doc.text(), before, "undo restores the original");
    doc.apply(&redo).expect("redo applies");
    assert_eq!(doc.text(), after, "redo gives the result again");
    after
}

fn check(before: &str, change: Result<Change, EditError>, after: &str) {
    let change = change.unwrap_or_else(|e| panic!("operation fails: {e}"));
    assert_eq!(apply(before, &change.edit), after);
}

fn errors(text: &str) -> Vec<Diagnostic> {
    validate(&parse_document(text))
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

fn assert_valid(text: &str) {
    let errs = errors(text);
    assert!(errs.is_empty(), "{text}\n{errs:#?}");
}

fn doc(text: &str) -> Document {
    parse_document(text)
}

fn done(outcome: Result<Outcome, EditError>) -> Result<Change, EditError> {
    match outcome? {
        Outcome::Done(change) => Ok(change),
        Outcome::Ask(questions) => panic!("asks {questions:?}"),
    }
}

fn template(id: &str) -> &'static Template {
    find_template(id).unwrap()
}

const TWO: &str = r#"{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Next": "B"
    },
    "B": {
      "Type": "Pass",
      "End": true
    }
  }
}
"#;

// ---- catalogue -------------------------------------------------------------------

#[test]
fn catalogue_has_every_flow_state_and_action_in_both_languages() {
    let flow: Vec<&str> = catalogue()
        .iter()
        .filter(|t| t.group == Group::Flow)
        .map(|t| t.state_type())
        .collect();
    assert_eq!(
        flow,
        ["Pass", "Wait", "Choice", "Parallel", "Map", "Succeed", "Fail"]
    );
    let resources: Vec<(&str, String, String)> = catalogue()
        .iter()
        .filter(|t| t.group == Group::Action)
        .map(|t| {
            let path = t.definition(QueryLanguage::JsonPath);
            let ata = t.definition(QueryLanguage::Jsonata);
            assert_eq!(path.get("Resource"), ata.get("Resource"));
            assert!(ata.get("Parameters").is_none(), "{}", t.id);
            let pass = if path
                .get("Resource")
                .and_then(Value::as_str)
                .unwrap()
                .contains(":activity:")
            {
                "none".to_string()
            } else {
                assert!(path.get("Arguments").is_none(), "{}", t.id);
                keys(path.get("Parameters").unwrap())
            };
            let args = if pass == "none" {
                "none".to_string()
            } else {
                keys(ata.get("Arguments").unwrap())
            };
            (t.id, pass, args)
        })
        .collect();
    // Parameter names as the developer guide's service pages give them; JSONata drops `.$`.
    assert_eq!(
        resources,
        [
            (
                "lambda-invoke",
                "FunctionName Payload.$".into(),
                "FunctionName Payload".into()
            ),
            (
                "dynamodb-getitem",
                "TableName Key".into(),
                "TableName Key".into()
            ),
            (
                "dynamodb-putitem",
                "TableName Item".into(),
                "TableName Item".into()
            ),
            (
                "dynamodb-updateitem",
                "TableName Key UpdateExpression ExpressionAttributeNames ExpressionAttributeValues"
                    .into(),
                "TableName Key UpdateExpression ExpressionAttributeNames ExpressionAttributeValues"
                    .into()
            ),
            (
                "sns-publish",
                "TopicArn Message.$".into(),
                "TopicArn Message".into()
            ),
            (
                "sqs-sendmessage",
                "QueueUrl MessageBody.$".into(),
                "QueueUrl MessageBody".into()
            ),
            ("eventbridge-putevents", "Entries".into(), "Entries".into()),
            (
                "ecs-runtask",
                "LaunchType Cluster TaskDefinition".into(),
                "LaunchType Cluster TaskDefinition".into()
            ),
            ("glue-startjobrun", "JobName".into(), "JobName".into()),
            (
                "stepfunctions-startexecution",
                "StateMachineArn Input.$".into(),
                "StateMachineArn Input".into()
            ),
            ("aws-sdk", "".into(), "".into()),
            ("activity", "none".into(), "none".into()),
        ]
    );
    let arn = |id: &str| {
        template(id)
            .definition(QueryLanguage::JsonPath)
            .get("Resource")
            .and_then(Value::as_str)
            .unwrap()
            .to_string()
    };
    assert_eq!(arn("lambda-invoke"), "arn:aws:states:::lambda:invoke");
    assert_eq!(
        arn("dynamodb-updateitem"),
        "arn:aws:states:::dynamodb:updateItem"
    );
    assert_eq!(
        arn("eventbridge-putevents"),
        "arn:aws:states:::events:putEvents"
    );
    assert_eq!(arn("ecs-runtask"), "arn:aws:states:::ecs:runTask.sync");
    assert_eq!(arn("glue-startjobrun"), "arn:aws:states:::glue:startJobRun");
    assert_eq!(
        arn("stepfunctions-startexecution"),
        "arn:aws:states:::states:startExecution"
    );
    assert_eq!(
        arn("activity"),
        "arn:aws:states:us-east-1:123456789012:activity:MyActivity"
    );
}

fn keys(v: &Value) -> String {
    v.as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_template_makes_a_valid_machine_in_both_languages() {
    for t in catalogue()
        .iter()
        .filter(|t| !matches!(t.state_type(), "Parallel" | "Map" | "Choice"))
    {
        for (language, head) in [
            (QueryLanguage::JsonPath, ""),
            (QueryLanguage::Jsonata, "\"QueryLanguage\": \"JSONata\", "),
        ] {
            let empty = format!("{{{head}\"StartAt\": \"\", \"States\": {{}}}}");
            let change = insert_template(&doc(&empty), t, &Position::Start(String::new())).unwrap();
            let text = apply(&empty, &change.edit);
            assert_valid(&text);
            let _ = language;
        }
    }
}

#[test]
fn search_matches_labels_keywords_and_resources() {
    let ids = |q: &str| search(q).iter().map(|t| t.id).collect::<Vec<_>>();
    assert_eq!(
        ids("dynamo"),
        [
            "dynamodb-getitem",
            "dynamodb-putitem",
            "dynamodb-updateitem"
        ]
    );
    assert_eq!(ids("DynamoDB put"), ["dynamodb-putitem"]);
    assert_eq!(ids("lambda"), ["lambda-invoke"]);
    assert_eq!(ids("events"), ["eventbridge-putevents"]);
    assert_eq!(ids("sync"), ["ecs-runtask"]);
    assert_eq!(ids("loop"), ["Map"]);
    assert_eq!(search("").len(), catalogue().len());
    assert!(search("no such thing").is_empty());
    let (name, state) = aws_sdk_call("s3", "getObject", QueryLanguage::Jsonata);
    assert_eq!(name, "s3:getObject");
    assert_eq!(
        state.to_json(),
        r#"{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Arguments":{}}"#
    );
}

// ---- insert ----------------------------------------------------------------------

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
    let succeed = r#"{"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}"#;
    let err = insert_template(
        &doc(succeed),
        template("Pass"),
        &Position::After("/States/S".into()),
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Invalid(_)));
}

// ---- delete ----------------------------------------------------------------------

const CHAIN: &str = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "B"},
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "End": true}
  }
}"#;

#[test]
fn delete_rewires_to_the_single_successor() {
    let after = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "End": true}
  }
}"#;
    check(
        CHAIN,
        done(delete_states(&doc(CHAIN), &["/States/B".into()], &[])),
        after,
    );
    assert_valid(after);
    // Deleting the first state moves StartAt on.
    let after = r#"{
  "StartAt": "B",
  "States": {
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "End": true}
  }
}"#;
    check(
        CHAIN,
        done(delete_states(&doc(CHAIN), &["/States/A".into()], &[])),
        after,
    );
    // Deleting the last: its predecessor ends.
    let after = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "B"},
    "B": {"Type": "Pass", "End": true}
  }
}"#;
    check(
        CHAIN,
        done(delete_states(&doc(CHAIN), &["/States/C".into()], &[])),
        after,
    );
    // Two at once: through both.
    let after = r#"{
  "StartAt": "C",
  "States": {
    "C": {"Type": "Pass", "End": true}
  }
}"#;
    check(
        CHAIN,
        done(delete_states(
            &doc(CHAIN),
            &["/States/B".into(), "/States/A".into()],
            &[],
        )),
        after,
    );
    // All of them: an empty machine.
    let all = ["/States/A".into(), "/States/B".into(), "/States/C".into()];
    check(
        CHAIN,
        done(delete_states(&doc(CHAIN), &all, &[])),
        "{\n  \"StartAt\": \"\",\n  \"States\": {}\n}",
    );
}

const BRANCHING: &str = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "BooleanEquals": true, "Next": "Y"}], "Default": "N"},
    "Y": {"Type": "Succeed"},
    "N": {"Type": "Fail"}
  }
}"#;

#[test]
fn delete_asks_when_the_successor_is_not_single() {
    let outcome = delete_states(&doc(BRANCHING), &["/States/C".into()], &[]).unwrap();
    assert_eq!(
        outcome,
        Outcome::Ask(vec![Question {
            reference: "/States/A/Next".into(),
            leaving: "/States/C".into(),
            options: vec!["Y".into(), "N".into()],
        }])
    );
    let answer = Answer {
        reference: "/States/A/Next".into(),
        target: "N".into(),
    };
    let after = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "N"},
    "Y": {"Type": "Succeed"},
    "N": {"Type": "Fail"}
  }
}"#;
    check(
        BRANCHING,
        done(delete_states(
            &doc(BRANCHING),
            &["/States/C".into()],
            &[answer],
        )),
        after,
    );
    // A rule into a terminal state has no End to fall back on: ask, offering what remains.
    let Outcome::Ask(q) = delete_states(&doc(BRANCHING), &["/States/Y".into()], &[]).unwrap()
    else {
        panic!()
    };
    assert_eq!(q[0].reference, "/States/C/Choices/0/Next");
    assert_eq!(q[0].options, ["A", "C", "N"]);
}

// ---- move ------------------------------------------------------------------------

#[test]
fn move_within_a_scope_rewires_both_ends() {
    let after = r#"{
  "StartAt": "B",
  "States": {
    "A": {"Type": "Pass", "End": true},
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "Next": "A"}
  }
}"#;
    check(
        CHAIN,
        done(move_state(
            &doc(CHAIN),
            "/States/A",
            &Position::After("/States/C".into()),
            &[],
        )),
        after,
    );
    assert_valid(after);
    let err = move_state(
        &doc(CHAIN),
        "/States/B",
        &Position::Edge("/States/A/Next".into()),
        &[],
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Invalid(_)));
}

#[test]
fn move_into_a_branch_and_out_again() {
    let text = r#"{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Next": "P"
    },
    "P": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "",
          "States": {}
        }
      ],
      "End": true
    }
  }
}"#;
    let after = r#"{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "End": true
            }
          }
        }
      ],
      "End": true
    }
  }
}"#;
    let change = done(move_state(
        &doc(text),
        "/States/A",
        &Position::Start("/States/P/Branches/0".into()),
        &[],
    ));
    assert_eq!(
        change.as_ref().unwrap().selection,
        ["/States/P/Branches/0/States/A"]
    );
    check(text, change, after);
    assert_valid(after);
    let back = done(move_state(
        &doc(after),
        "/States/P/Branches/0/States/A",
        &Position::Start(String::new()),
        &[],
    ));
    let out = r#"{
  "StartAt": "A",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "",
          "States": {}
        }
      ],
      "End": true
    },
    "A": {
      "Type": "Pass",
      "Next": "P"
    }
  }
}"#;
    check(after, back, out);
}

// ---- parts and connections -------------------------------------------------------

#[test]
fn add_rule_branch_catch_and_retry() {
    let choice = r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "X"}]}, "X": {"Type": "Succeed"}}}"#;
    let change = add_choice_rule(&doc(choice), "/States/C", Some("X"));
    assert_eq!(change.as_ref().unwrap().selection, ["/States/C/Choices/1"]);
    let after = r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "X"}, {"Variable": "$.value", "BooleanEquals": true, "Next": "X"}]}, "X": {"Type": "Succeed"}}}"#;
    check(choice, change, after);
    assert_valid(after);
    let jsonata = r#"{"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": []}}}"#;
    check(
        jsonata,
        add_choice_rule(&doc(jsonata), "/States/C", None),
        r#"{"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% true %}"}]}}}"#,
    );
    let task = r#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}, "F": {"Type": "Fail"}}}"#;
    let after = r#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]}, "F": {"Type": "Fail"}}}"#;
    check(
        task,
        add_catch(&doc(task), "/States/T", &[], Some("F")),
        after,
    );
    assert_valid(after);
    let with_retry = r#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "Retry": [{"ErrorEquals": ["States.Timeout", "States.TaskFailed"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2}]}, "F": {"Type": "Fail"}}}"#;
    check(
        after,
        add_retry(
            &doc(after),
            "/States/T",
            &["States.Timeout", "States.TaskFailed"],
        ),
        with_retry,
    );
    assert_valid(with_retry);
    let parallel = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\": [\n  {\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}\n], \"End\": true}}}";
    let after = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\": [\n  {\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}},\n  {\n    \"StartAt\": \"\",\n    \"States\": {}\n  }\n], \"End\": true}}}";
    // New text takes the document's layout: two-space indentation, one member a line.
    check(parallel, add_branch(&doc(parallel), "/States/P"), after);
    assert!(matches!(
        add_branch(&doc(task), "/States/T"),
        Err(EditError::Invalid(_))
    ));
}

#[test]
fn connect_reconnect_and_end() {
    let after = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "C"},
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "End": true}
  }
}"#;
    check(CHAIN, connect(&doc(CHAIN), "/States/A/Next", "C"), after);
    let looped = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "B"},
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "Next": "A"}
  }
}"#;
    check(CHAIN, connect(&doc(CHAIN), "/States/C/Next", "A"), looped);
    check(looped, end_here(&doc(looped), "/States/C/Next"), CHAIN);
    check(
        CHAIN,
        connect(&doc(CHAIN), "/StartAt", "B"),
        &CHAIN.replacen("\"StartAt\": \"A\"", "\"StartAt\": \"B\"", 1),
    );
    assert!(matches!(
        connect(&doc(CHAIN), "/States/A/Next", "Z"),
        Err(EditError::NotFound(_))
    ));
    let choice = r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "X"}]}, "X": {"Type": "Succeed"}}}"#;
    let after = r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "X"}], "Default": "X"}, "X": {"Type": "Succeed"}}}"#;
    check(
        choice,
        connect(&doc(choice), "/States/C/Default", "X"),
        after,
    );
    assert!(matches!(
        connect(&doc(choice), "/States/C/Next", "X"),
        Err(EditError::Invalid(_))
    ));
}

// ---- clipboard -------------------------------------------------------------------

#[test]
fn paste_renames_and_remaps_transitions() {
    let clip = copy_states(&doc(CHAIN), &["/States/B".into(), "/States/A".into()]).unwrap();
    assert_eq!(
        clip.text,
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "C"}}}"#
    );
    let change = paste_states(&doc(CHAIN), &clip, &Position::After("/States/C".into())).unwrap();
    assert_eq!(change.selection, ["/States/A (1)", "/States/B (1)"]);
    let after = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "B"},
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "Next": "A (1)"},
    "A (1)": {
      "Type": "Pass",
      "Next": "B (1)"
    },
    "B (1)": {
      "Type": "Pass",
      "End": true
    }
  }
}"#;
    check(CHAIN, Ok(change), after);
    assert_valid(after);
}

#[test]
fn duplicate_renames_nested_states_and_keeps_catch_targets() {
    let text = r#"{"StartAt": "P", "States": {
  "P": {"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "Y"}, "Y": {"Type": "Succeed"}}}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "Next": "Done"},
  "Done": {"Type": "Succeed"},
  "F": {"Type": "Fail"}
}}"#;
    let change = duplicate_states(&doc(text), &["/States/P".into()]).unwrap();
    assert_eq!(change.selection, ["/States/P (1)"]);
    let after = r#"{"StartAt": "P", "States": {
  "P": {"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "Y"}, "Y": {"Type": "Succeed"}}}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "Next": "P (1)"},
  "P (1)": {
    "Type": "Parallel",
    "Branches": [
      {
        "StartAt": "X (1)",
        "States": {
          "X (1)": {
            "Type": "Pass",
            "Next": "Y (1)"
          },
          "Y (1)": {
            "Type": "Succeed"
          }
        }
      }
    ],
    "Catch": [
      {
        "ErrorEquals": [
          "States.ALL"
        ],
        "Next": "F"
      }
    ],
    "Next": "Done"
  },
  "Done": {"Type": "Succeed"},
  "F": {"Type": "Fail"}
}}"#;
    check(text, Ok(change), after);
    assert_valid(after);
}

// ---- inspector -------------------------------------------------------------------

#[test]
fn set_and_clear_fields() {
    let text = r#"{
  "StartAt": "T",
  "States": {
    "T": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "End": true
    }
  }
}"#;
    let after = r#"{
  "StartAt": "T",
  "States": {
    "T": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "End": true,
      "Parameters": {
        "FunctionName": "f"
      }
    }
  }
}"#;
    check(
        text,
        set_field(&doc(text), "/States/T/Parameters/FunctionName", "\"f\""),
        after,
    );
    let retry = after.replace(
        "\"f\"\n      }",
        "\"f\"\n      },\n      \"TimeoutSeconds\": 2.50e1",
    );
    check(
        after,
        set_field(&doc(after), "/States/T/TimeoutSeconds", "2.50e1"),
        &retry,
    );
    check(
        after,
        clear_field(&doc(after), "/States/T/Parameters"),
        text,
    );
    assert_eq!(
        clear_field(&doc(text), "/States/T/Nothing").unwrap().edit,
        Edit::Text(vec![])
    );
    assert!(matches!(
        set_field(&doc(text), "/States/T/Type", "{"),
        Err(EditError::BadValue(_))
    ));
    let renamed = text.replace("\"T\"", "\"Call\"");
    let change = rename_state(&doc(text), "/States/T", "Call");
    assert_eq!(change.as_ref().unwrap().selection, ["/States/Call"]);
    check(text, change, &renamed);
}

#[test]
fn workflow_settings() {
    let text = "{\n  \"StartAt\": \"S\",\n  \"States\": {\n    \"S\": {\n      \"Type\": \"Succeed\"\n    }\n  }\n}";
    let after = "{\n  \"StartAt\": \"S\",\n  \"States\": {\n    \"S\": {\n      \"Type\": \"Succeed\"\n    }\n  },\n  \"Comment\": \"Hi \\\"there\\\"\"\n}";
    check(text, set_comment(&doc(text), Some("Hi \"there\"")), after);
    check(after, set_comment(&doc(after), None), text);
    let timed = "{\n  \"StartAt\": \"S\",\n  \"States\": {\n    \"S\": {\n      \"Type\": \"Succeed\"\n    }\n  },\n  \"TimeoutSeconds\": 60\n}";
    check(text, set_timeout_seconds(&doc(text), Some(60)), timed);
    let jsonata = "{\n  \"StartAt\": \"S\",\n  \"States\": {\n    \"S\": {\n      \"Type\": \"Succeed\"\n    }\n  },\n  \"QueryLanguage\": \"JSONata\"\n}";
    check(
        text,
        set_query_language(&doc(text), QueryLanguage::Jsonata),
        jsonata,
    );
    assert_valid(jsonata);
    check(
        jsonata,
        set_query_language(&doc(jsonata), QueryLanguage::JsonPath),
        &jsonata.replace("JSONata", "JSONPath"),
    );
    assert_eq!(
        set_query_language(&doc(text), QueryLanguage::JsonPath)
            .unwrap()
            .edit,
        Edit::Text(vec![])
    );
}

// ---- more positions, scopes and languages ------------------------------------------

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

const NESTED: &str = r#"{"StartAt": "P", "States": {
  "P": {"Type": "Parallel", "Branches": [
    {"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "Y"}, "Y": {"Type": "Pass", "End": true}}}
  ], "Next": "Z"},
  "Z": {"Type": "Succeed"}
}}"#;

#[test]
fn delete_inside_a_branch_and_a_parent_with_its_children() {
    let after = r#"{"StartAt": "P", "States": {
  "P": {"Type": "Parallel", "Branches": [
    {"StartAt": "Y", "States": {"Y": {"Type": "Pass", "End": true}}}
  ], "Next": "Z"},
  "Z": {"Type": "Succeed"}
}}"#;
    check(
        NESTED,
        done(delete_states(
            &doc(NESTED),
            &["/States/P/Branches/0/States/X".into()],
            &[],
        )),
        after,
    );
    assert_valid(after);
    // Selecting a branch's state with its Parallel deletes the Parallel once.
    let selection = ["/States/P/Branches/0/States/Y".into(), "/States/P".into()];
    let after = "{\"StartAt\": \"Z\", \"States\": {\n  \"Z\": {\"Type\": \"Succeed\"}\n}}";
    check(
        NESTED,
        done(delete_states(&doc(NESTED), &selection, &[])),
        after,
    );
    assert_valid(after);
}

#[test]
fn move_asks_about_a_choice_and_refuses_catch_targets_across_scopes() {
    let Outcome::Ask(q) = move_state(
        &doc(BRANCHING),
        "/States/C",
        &Position::Start(String::new()),
        &[],
    )
    .unwrap() else {
        panic!("a Choice with two targets leaves A without a single successor")
    };
    assert_eq!(q[0].reference, "/States/A/Next");
    let text = r#"{"StartAt": "T", "States": {
  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "Next": "P"},
  "P": {"Type": "Parallel", "Branches": [{"StartAt": "", "States": {}}], "End": true},
  "F": {"Type": "Fail"}
}}"#;
    let err = move_state(
        &doc(text),
        "/States/T",
        &Position::Start("/States/P/Branches/0".into()),
        &[],
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Invalid(_)));
    // Its copy can go there only when the Catch target can follow: it cannot.
    let clip = copy_states(&doc(text), &["/States/T".into()]).unwrap();
    let err = paste_states(
        &doc(text),
        &clip,
        &Position::Start("/States/P/Branches/0".into()),
    )
    .unwrap_err();
    assert!(matches!(err, EditError::Invalid(_)));
}

#[test]
fn paste_into_an_empty_branch() {
    let text = r#"{"StartAt": "A", "States": {
  "A": {"Type": "Pass", "Next": "P"},
  "P": {"Type": "Parallel", "Branches": [{"StartAt": "", "States": {}}], "End": true}
}}"#;
    let clip = copy_states(&doc(text), &["/States/A".into()]).unwrap();
    let change = paste_states(
        &doc(text),
        &clip,
        &Position::Start("/States/P/Branches/0".into()),
    )
    .unwrap();
    assert_eq!(change.selection, ["/States/P/Branches/0/States/A (1)"]);
    let after = r#"{"StartAt": "A", "States": {
  "A": {"Type": "Pass", "Next": "P"},
  "P": {"Type": "Parallel", "Branches": [{"StartAt": "A (1)", "States": {
    "A (1)": {
      "Type": "Pass",
      "End": true
    }
  }}], "End": true}
}}"#;
    check(text, Ok(change), after);
    assert_valid(after);
}
