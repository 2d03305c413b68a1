//! Copy, paste and duplicate with name de-duplication and remapped transitions.

use super::*;

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
