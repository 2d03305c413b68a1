//! Every state with its scope, and every position a state can be dropped at.

use super::*;

#[test]
fn drop_positions_cover_starts_edges_open_ends_and_empty_scopes() {
    let text = r#"{"StartAt": "C", "States": {
  "C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true}]},
  "P": {"Type": "Parallel", "Branches": [{"StartAt": "", "States": {}}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "C"}], "End": true}
}}"#;
    let d = doc(text);
    let names: Vec<(String, String)> = all_states(&d)
        .into_iter()
        .map(|s| (s.pointer, s.scope))
        .collect();
    assert_eq!(
        names,
        [
            ("/States/C".to_string(), String::new()),
            ("/States/P".to_string(), String::new())
        ]
    );
    let edge = |p: &str| Position::Edge(p.into());
    assert_eq!(
        drop_positions(&d),
        [
            Position::Start(String::new()),
            edge("/States/C/Choices/0/Next"),
            edge("/States/C/Default"),
            edge("/States/P/Catch/0/Next"),
            Position::After("/States/P".into()),
            Position::Start("/States/P/Branches/0".into()),
        ]
    );
    // Every one of them takes a Pass.
    for at in drop_positions(&d) {
        insert_template(&d, template("Pass"), &at).unwrap_or_else(|e| panic!("{at:?}: {e}"));
    }
    assert_eq!(
        drop_positions(&doc(EMPTY_MACHINE)),
        [Position::Start(String::new())]
    );
}
