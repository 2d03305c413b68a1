//! Opening pasted text: definitions stay byte for byte, templates open their machine or
//! offer a choice, and text that is neither still opens (for its diagnostics).

use engine_core::import::{open_json, DefinitionSource, Opened, TextFormat};

fn document(text: &str) -> engine_core::import::OpenedDocument {
    match open_json(text) {
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
