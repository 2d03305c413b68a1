//! Moving a state within its scope and across scopes.

use super::*;

#[test]
fn move_within_a_scope_rewires_both_ends() {
    // The text of A follows its new predecessor C.
    let after = r#"{
  "StartAt": "B",
  "States": {
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "Next": "A"},
    "A": {"Type": "Pass", "End": true}
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
    // C moved onto the edge A→B: A→C→B, B ends; C's text goes after A.
    let after = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "Next": "B"},
    "B": {"Type": "Pass", "End": true}
  }
}"#;
    check(
        CHAIN,
        done(move_state(
            &doc(CHAIN),
            "/States/C",
            &Position::Edge("/States/A/Next".into()),
            &[],
        )),
        after,
    );
    assert_valid(after);
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
