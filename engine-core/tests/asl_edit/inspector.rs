//! Setting and clearing fields by pointer, renaming, and the workflow's settings.

use super::*;

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
