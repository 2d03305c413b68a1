//! Finding definitions in templates. Expected texts follow the CloudFormation reference for
//! AWS::StepFunctions::StateMachine: `DefinitionSubstitutions` replaces `${key}` in the
//! definition; `Fn::Sub` substitutes `${Var}` and renders `${!Literal}` as `${Literal}`;
//! `Fn::Join` concatenates its list with the delimiter.

use engine_core::import::{find_state_machines, DefinitionSource};
use engine_core::json::parse_value;

fn machines(text: &str) -> Vec<engine_core::import::ImportedMachine> {
    find_state_machines(&parse_value(text).unwrap()).unwrap()
}

#[test]
fn bare_definition_is_itself() {
    let found = machines(r#"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source, DefinitionSource::Bare);
    assert_eq!(found[0].logical_id, None);
}

#[test]
fn definition_substitutions_replace_placeholders_in_a_definition_string() {
    let found = machines(
        r#"{"Resources":{"Machine":{"Type":"AWS::StepFunctions::StateMachine","Properties":{
            "StateMachineName":"HelloWorld-StateMachine",
            "DefinitionString":"{\"StartAt\":\"Hello\",\"States\":{\"Hello\":{\"Type\":\"Task\",\"Resource\":\"${HelloFunction}\",\"End\":true}}}",
            "DefinitionSubstitutions":{"HelloFunction":"arn:aws:lambda:us-east-1:111122223333:function:HelloFunction"}}}}}"#,
    );
    assert_eq!(found[0].logical_id.as_deref(), Some("Machine"));
    assert_eq!(found[0].name.as_deref(), Some("HelloWorld-StateMachine"));
    assert_eq!(found[0].source, DefinitionSource::DefinitionString);
    assert_eq!(
        found[0].definition_text,
        r#"{"StartAt":"Hello","States":{"Hello":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111122223333:function:HelloFunction","End":true}}}"#
    );
    assert!(found[0].notes.is_empty());
}

#[test]
fn fn_join_with_resource_references_leaves_named_placeholders() {
    // The shape CDK synthesizes: DefinitionString built with Fn::Join around Fn::GetAtt.
    let found = machines(
        r#"{"Resources":{
            "Fn":{"Type":"AWS::Lambda::Function","Properties":{}},
            "SM":{"Type":"AWS::StepFunctions::StateMachine","Properties":{"DefinitionString":{"Fn::Join":["",[
              "{\"StartAt\":\"Invoke\",\"States\":{\"Invoke\":{\"Type\":\"Task\",\"Resource\":\"",
              {"Fn::GetAtt":["Fn","Arn"]},
              "\",\"End\":true}}}"]]}}}}}"#,
    );
    assert_eq!(found.len(), 1);
    let def = parse_value(&found[0].definition_text).unwrap();
    assert_eq!(def.get("States").unwrap().get("Invoke").unwrap().get("Resource").unwrap().as_str(), Some("${Fn.Arn}"));
    assert_eq!(found[0].notes.len(), 1);
}

#[test]
fn fn_sub_uses_its_variable_map_and_escapes() {
    let found = machines(
        r#"{"Resources":{"SM":{"Type":"AWS::StepFunctions::StateMachine","Properties":{"DefinitionString":{"Fn::Sub":[
            "{\"Comment\":\"${!NotAVar}\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":\"${Greeting}\",\"End\":true}}}",
            {"Greeting":"hello"}]}}}}}"#,
    );
    let def = parse_value(&found[0].definition_text).unwrap();
    assert_eq!(def.get("Comment").unwrap().as_str(), Some("${NotAVar}"));
    assert_eq!(def.get("States").unwrap().get("P").unwrap().get("Result").unwrap().as_str(), Some("hello"));
}

#[test]
fn serverless_definition_object_and_several_machines_in_order() {
    let found = machines(
        r#"{"Resources":{
            "First":{"Type":"AWS::Serverless::StateMachine","Properties":{"Name":"one","Definition":{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}}},
            "Second":{"Type":"AWS::StepFunctions::StateMachine","Properties":{"Definition":{"StartAt":"B","States":{"B":{"Type":"Fail"}}}}}}}"#,
    );
    let ids: Vec<_> = found.iter().map(|m| m.logical_id.clone().unwrap()).collect();
    assert_eq!(ids, ["First", "Second"]);
    assert_eq!(found[0].name.as_deref(), Some("one"));
    assert_eq!(found[0].source, DefinitionSource::Definition);
    assert!(parse_value(&found[1].definition_text).unwrap().get("States").unwrap().get("B").is_some());
}

#[test]
fn definition_uri_and_non_templates_are_clear_errors() {
    let err = find_state_machines(
        &parse_value(r#"{"Resources":{"SM":{"Type":"AWS::Serverless::StateMachine","Properties":{"DefinitionUri":"statemachine/flow.asl.json"}}}}"#).unwrap(),
    )
    .unwrap_err();
    assert_eq!(err.pointer, "/Resources/SM/Properties/DefinitionUri");
    assert!(err.message.contains("statemachine/flow.asl.json"));
    let err = find_state_machines(&parse_value(r#"[1,2]"#).unwrap()).unwrap_err();
    assert_eq!(err.pointer, "");
    let err = find_state_machines(&parse_value(r#"{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}"#).unwrap()).unwrap_err();
    assert_eq!(err.pointer, "/Resources");
}
