use super::*;
use crate::asl::validate;
use crate::asl::view::{QueryLanguage, StateType};
use crate::json::tree::parse_document;
use alloc::string::String;
use alloc::vec::Vec;

const MACHINE: &str = r#"{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "f"},
      "Retry": [{"ErrorEquals": ["States.TaskFailed", "States.Timeout"], "MaxAttempts": 2}],
      "TimeoutSeconds": 30,
      "End": true
    },
    "Route": {
      "Type": "Choice",
      "Choices": [{"Variable": "$.kind", "StringEquals": "a", "Next": "Call"}],
      "Default": "Done"
    },
    "Done": {"Type": "Succeed"}
  }
}"#;

fn keys(fields: &[FieldSpec]) -> Vec<&'static str> {
    fields.iter().map(|f| f.key).collect()
}

fn field(key: &str, fields: Vec<FieldSpec>) -> FieldSpec {
    fields.into_iter().find(|f| f.key == key).expect(key)
}

fn task(key: &str) -> FieldSpec {
    field(key, state_fields(StateType::Task, QueryLanguage::JsonPath))
}

fn edited(text: &str, edits: &[crate::json::tree::Edit]) -> String {
    apply(&parse_document(text), edits).expect("edits apply")
}

#[test]
fn a_task_shows_the_fields_of_its_query_language() {
    // AWS developer guide, "Task workflow state" and "Transforming data with JSONata":
    // JSONPath states take InputPath/Parameters/ResultSelector/ResultPath/OutputPath,
    // JSONata states take Arguments/Output instead.
    let jsonpath = keys(&state_fields(StateType::Task, QueryLanguage::JsonPath));
    for key in ["Resource", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "InputPath", "TimeoutSeconds", "Assign"] {
        assert!(jsonpath.contains(&key), "{key} in {jsonpath:?}");
    }
    assert!(!jsonpath.contains(&"Arguments") && !jsonpath.contains(&"Output"));
    let jsonata = keys(&state_fields(StateType::Task, QueryLanguage::Jsonata));
    assert!(jsonata.contains(&"Arguments") && jsonata.contains(&"Output"));
    for key in ["InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "TimeoutSecondsPath"] {
        assert!(!jsonata.contains(&key), "{key} not in {jsonata:?}");
    }
}

#[test]
fn a_fail_state_shows_error_and_cause_but_no_transition() {
    // "Fail workflow state": Error, Cause (and their Path forms); no Next, End, InputPath.
    let fail = keys(&state_fields(StateType::Fail, QueryLanguage::JsonPath));
    assert!(fail.contains(&"Error") && fail.contains(&"Cause") && fail.contains(&"ErrorPath"));
    assert!(!fail.contains(&"Next") && !fail.contains(&"End") && !fail.contains(&"InputPath"));
}

#[test]
fn fields_read_as_a_person_types_them() {
    let doc = parse_document(MACHINE);
    assert_eq!(read(&doc, "/States/Call", &task("Resource")).as_deref(), Some("arn:aws:states:::lambda:invoke"));
    assert_eq!(read(&doc, "/States/Call", &task("TimeoutSeconds")).as_deref(), Some("30"));
    assert_eq!(read(&doc, "/States/Call", &task("Parameters")).as_deref(), Some(r#"{"FunctionName": "f"}"#));
    assert_eq!(read(&doc, "/States/Call", &task("Comment")), None);
    let retrier = field("ErrorEquals", retrier_fields(QueryLanguage::JsonPath));
    assert_eq!(read(&doc, "/States/Call/Retry/0", &retrier).as_deref(), Some("States.TaskFailed, States.Timeout"));
    assert_eq!(rule_condition(&doc, "/States/Route/Choices/0"), Some(("StringEquals", "a".into())));
}

#[test]
fn setting_a_field_adds_it_in_the_documents_style_and_touches_nothing_else() {
    let doc = parse_document(MACHINE);
    let edits = edits_for(&doc, "/States/Done", &field("Comment", state_fields(StateType::Succeed, QueryLanguage::JsonPath)), QueryLanguage::JsonPath, "All \"done\"").unwrap();
    let text = edited(MACHINE, &edits);
    assert_eq!(text, MACHINE.replace(r#""Done": {"Type": "Succeed"}"#, r#""Done": {"Type": "Succeed", "Comment": "All \"done\""}"#));
}

#[test]
fn next_replaces_end_and_end_replaces_next() {
    // A state has exactly one of Next and End (ASL specification, "Transitions").
    let doc = parse_document(MACHINE);
    let edits = edits_for(&doc, "/States/Call", &task("Next"), QueryLanguage::JsonPath, "Route").unwrap();
    let text = edited(MACHINE, &edits);
    assert!(text.contains(r#""TimeoutSeconds": 30,
      "Next": "Route"
    }"#), "{text}");
    assert!(!text.contains(r#""End": true,"#) && validate(&parse_document(&text)).is_empty());
    let doc = parse_document(&text);
    let back = edits_for(&doc, "/States/Call", &task("End"), QueryLanguage::JsonPath, "true").unwrap();
    assert_eq!(edited(&text, &back), MACHINE);
}

#[test]
fn clearing_a_field_removes_it_and_unchanged_text_is_no_edit() {
    let doc = parse_document(MACHINE);
    let edits = edits_for(&doc, "/States/Call", &task("TimeoutSeconds"), QueryLanguage::JsonPath, "  ").unwrap();
    assert_eq!(edited(MACHINE, &edits), MACHINE.replace("\n      \"TimeoutSeconds\": 30,", ""));
    assert!(edits_for(&doc, "/States/Call", &task("TimeoutSeconds"), QueryLanguage::JsonPath, "30").unwrap().is_empty());
    assert!(edits_for(&doc, "/States/Call", &task("Comment"), QueryLanguage::JsonPath, "").unwrap().is_empty());
}

#[test]
fn typed_text_that_does_not_fit_is_refused_with_a_reason() {
    let doc = parse_document(MACHINE);
    let err = edits_for(&doc, "/States/Call", &task("TimeoutSeconds"), QueryLanguage::JsonPath, "ten").unwrap_err();
    assert!(err.contains("whole number"), "{err}");
    let err = edits_for(&doc, "/States/Call", &task("TimeoutSeconds"), QueryLanguage::JsonPath, "1.5").unwrap_err();
    assert!(err.contains("whole number"), "{err}");
    // JSONPath has no expressions in numeric fields; JSONata takes {% %} there.
    assert!(edits_for(&doc, "/States/Call", &task("TimeoutSeconds"), QueryLanguage::JsonPath, "{% $t %}").is_err());
    let jsonata = field("TimeoutSeconds", state_fields(StateType::Task, QueryLanguage::Jsonata));
    let edits = edits_for(&doc, "/States/Call", &jsonata, QueryLanguage::Jsonata, "{% $t %}").unwrap();
    assert!(edited(MACHINE, &edits).contains(r#""TimeoutSeconds": "{% $t %}""#));
    let err = edits_for(&doc, "/States/Call", &task("Parameters"), QueryLanguage::JsonPath, "{\n  \"a\": }").unwrap_err();
    assert!(err.starts_with("Parameters is not JSON") && err.contains("(line 2, column"), "{err}");
    let jitter = field("JitterStrategy", retrier_fields(QueryLanguage::JsonPath));
    assert!(edits_for(&doc, "/States/Call/Retry/0", &jitter, QueryLanguage::JsonPath, "SOME").is_err());
}

#[test]
fn paths_take_null_and_lists_take_commas() {
    let doc = parse_document(MACHINE);
    let edits = edits_for(&doc, "/States/Call", &task("ResultPath"), QueryLanguage::JsonPath, "null").unwrap();
    assert!(edited(MACHINE, &edits).contains(r#""ResultPath": null"#));
    let errors = field("ErrorEquals", retrier_fields(QueryLanguage::JsonPath));
    let edits = edits_for(&doc, "/States/Call/Retry/0", &errors, QueryLanguage::JsonPath, "States.ALL").unwrap();
    assert!(edited(MACHINE, &edits).contains(r#""ErrorEquals": ["States.ALL"]"#));
}

#[test]
fn a_rules_operator_is_replaced_with_its_operand() {
    let doc = parse_document(MACHINE);
    let edits = set_rule_operator(&doc, "/States/Route/Choices/0", "NumericGreaterThan", "5").unwrap();
    let text = edited(MACHINE, &edits);
    assert!(text.contains(r#"{"Variable": "$.kind", "NumericGreaterThan": 5, "Next": "Call"}"#), "{text}");
    assert!(set_rule_operator(&doc, "/States/Route/Choices/0", "NumericEquals", "five").is_err());
    assert!(set_rule_operator(&doc, "/States/Route/Choices/0", "IsNull", "yes").is_err());
    assert!(set_rule_operator(&doc, "/States/Route/Choices/0", "Sometimes", "1").is_err());
    let edits = set_rule_operator(&doc, "/States/Route/Choices/0", "StringMatches", "a*").unwrap();
    assert!(edited(MACHINE, &edits).contains(r#""StringMatches": "a*""#));
}
