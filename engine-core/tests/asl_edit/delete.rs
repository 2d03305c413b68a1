//! Deleting states: rewiring to a single successor, `End` for a plain `Next` into a
//! terminal state, questions otherwise.

use super::*;

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
