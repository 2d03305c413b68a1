//! Adding Choice rules, branches, Catchers and Retriers; connecting and ending transitions.

use super::*;

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

#[test]
fn connect_a_new_rule_or_catcher() {
    // The Choice's outlets end with a rule to add; pointing it at X appends a rule to X.
    let choice = r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "X"}], "Default": "X"}, "X": {"Type": "Succeed"}}}"#;
    let new_rule = outlets(&doc(choice), "/States/C").pop().unwrap();
    assert_eq!(new_rule.label, "New rule");
    assert!(new_rule.is_new() && new_rule.target.is_none());
    let after = r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "X"}, {"Variable": "$.value", "BooleanEquals": true, "Next": "X"}], "Default": "X"}, "X": {"Type": "Succeed"}}}"#;
    check(choice, connect(&doc(choice), &new_rule.slot, "X"), after);
    assert_valid(after);
    // A Task's last outlet is a States.ALL catcher to add.
    let task = r#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}, "F": {"Type": "Fail"}}}"#;
    let new_catcher = outlets(&doc(task), "/States/T").pop().unwrap();
    assert_eq!(new_catcher.label, "New catcher (States.ALL)");
    let after = r#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]}, "F": {"Type": "Fail"}}}"#;
    check(task, connect(&doc(task), &new_catcher.slot, "F"), after);
    assert_valid(after);
    // With a States.ALL catcher written, the new one is for States.TaskFailed and goes
    // first: ASL allows States.ALL only in the last catcher.
    let more = outlets(&doc(after), "/States/T").pop().unwrap();
    assert_eq!(more.label, "New catcher (States.TaskFailed)");
    let two = r#"{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "T"}, {"ErrorEquals": ["States.ALL"], "Next": "F"}]}, "F": {"Type": "Fail"}}}"#;
    check(after, connect(&doc(after), &more.slot, "T"), two);
    assert_valid(two);
    // Written transitions are not new; a Pass has no catcher to add; targets must exist.
    assert!(outlets(&doc(task), "/States/T").iter().filter(|o| o.is_new()).count() == 1);
    assert!(outlets(&doc(CHAIN), "/States/A").iter().all(|o| !o.is_new()));
    assert!(matches!(
        connect(&doc(CHAIN), "/States/A/Catch/-/Next", "B"),
        Err(EditError::Invalid(_))
    ));
    assert!(matches!(
        connect(&doc(task), &new_catcher.slot, "Nowhere"),
        Err(EditError::NotFound(_))
    ));
}
