//! Opening pasted text: definitions stay byte for byte, templates open their machine or
//! offer a choice, and text that is neither still opens (for its diagnostics).

use engine_core::import::{
    open_json, open_text, DefinitionSource, Opened, OpenedDocument, TextFormat,
};
use engine_core::json::parse_value;

fn document(text: &str) -> OpenedDocument {
    document_of(open_json(text))
}

fn document_of(opened: Opened) -> OpenedDocument {
    match opened {
        Opened::Document(doc) => doc,
        Opened::Choose(choice) => panic!("unexpected choice of {}", choice.machines.len()),
    }
}

#[test]
fn a_definition_opens_byte_for_byte() {
    let text =
        "{ \"StartAt\" : \"A\",\r\n  \"States\": {\"A\": {\"Type\": \"Succeed\", \"N\": 1.50}} }\n";
    let doc = document(text);
    assert_eq!(doc.text, text);
    assert_eq!(doc.origin, None);
}

#[test]
fn broken_and_foreign_texts_open_as_they_are() {
    let broken = "{\"StartAt\": \"A\", \"States\": {";
    assert_eq!(document(broken).text, broken);
    assert!(document(broken).notes.is_empty());
    let foreign = "[1, 2]";
    let doc = document(foreign);
    assert_eq!(doc.text, foreign);
    assert_eq!(doc.notes.len(), 1);
}

#[test]
fn a_template_with_two_machines_asks_and_each_choice_remembers_its_origin() {
    let template = r#"{"Resources":{
        "First":{"Type":"AWS::Serverless::StateMachine","Properties":{"Definition":{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}}},
        "Second":{"Type":"AWS::StepFunctions::StateMachine","Properties":{"DefinitionString":"{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Fail\"}}}"}}}}"#;
    let Opened::Choose(choice) = open_json(template) else {
        panic!("two machines")
    };
    assert_eq!(choice.machines.len(), 2);
    let second = choice.choose(1).unwrap();
    assert_eq!(
        second.text,
        r#"{"StartAt":"B","States":{"B":{"Type":"Fail"}}}"#
    );
    let origin = second.origin.unwrap();
    assert_eq!(origin.logical_id, "Second");
    assert_eq!(origin.source, DefinitionSource::DefinitionString);
    assert_eq!(origin.format, TextFormat::Json);
    assert!(choice.choose(2).is_none());
}

#[test]
fn a_template_with_one_machine_opens_it() {
    let doc = document(
        r#"{"Resources":{"SM":{"Type":"AWS::StepFunctions::StateMachine","Properties":{"Definition":{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}}}}}"#,
    );
    assert!(doc.text.contains("\"StartAt\": \"A\""));
    assert_eq!(doc.origin.unwrap().logical_id, "SM");
}

#[test]
fn a_yaml_definition_opens_as_json() {
    let doc = document_of(open_text("# a comment\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: {n: 1.5, ok: yes}\n    End: true\n"));
    let value = parse_value(&doc.text).unwrap();
    assert_eq!(value.get("StartAt").unwrap().as_str(), Some("A"));
    let result = value
        .get("States")
        .unwrap()
        .get("A")
        .unwrap()
        .get("Result")
        .unwrap();
    // YAML 1.2's core schema: `yes` is a string, 1.5 a number.
    assert_eq!(result.get("ok").unwrap().as_str(), Some("yes"));
    assert_eq!(result.get("n").unwrap().as_f64(), Some(1.5));
    assert_eq!(doc.origin, None);
}

#[test]
fn a_sam_yaml_template_with_short_form_tags_opens_its_machine() {
    let template = "Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub |
        {\"StartAt\": \"Call\", \"States\": {\"Call\": {\"Type\": \"Task\", \"Resource\": \"${Fn.Arn}\", \"Comment\": \"${Greeting}\", \"End\": true}}}
      DefinitionSubstitutions:
        Greeting: hello
";
    let doc = document_of(open_text(template));
    let value = parse_value(&doc.text).unwrap();
    let call = value.get("States").unwrap().get("Call").unwrap();
    assert_eq!(call.get("Resource").unwrap().as_str(), Some("${Fn.Arn}"));
    assert_eq!(call.get("Comment").unwrap().as_str(), Some("hello"));
    let origin = doc.origin.unwrap();
    assert_eq!(origin.format, TextFormat::Yaml);
    assert_eq!(origin.logical_id, "Flow");
    assert_eq!(
        doc.notes.len(),
        1,
        "the GetAtt placeholder is a deploy-time value"
    );
}

#[test]
fn unreadable_yaml_opens_as_it_is_with_a_note() {
    let text = "StartAt: A\n  States: [\n";
    let doc = document_of(open_text(text));
    assert_eq!(doc.text, text);
    assert_eq!(doc.notes.len(), 1);
}
