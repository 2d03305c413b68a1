//! Export: YAML read back by an independent YAML 1.2 reader (saphyr) equals the JSON
//! value; templates get their definition replaced where CloudFormation reads it.

use engine_core::export::{replace_definition, to_yaml};
use engine_core::import::{open_json, DefinitionSource, Opened, TemplateOrigin, TextFormat};
use engine_core::json::parse_value;
use engine_core::{Map, Number, Value};
use saphyr::{LoadableYamlNode, Scalar, Yaml};
use engine_core::shared::Shared;

fn from_yaml(node: &Yaml) -> Value {
    match node {
        Yaml::Value(Scalar::Null) => Value::Null,
        Yaml::Value(Scalar::Boolean(b)) => Value::Bool(*b),
        Yaml::Value(Scalar::Integer(i)) => Value::Number(Number::from_f64_normalized(*i as f64)),
        Yaml::Value(Scalar::FloatingPoint(f)) => {
            Value::Number(Number::from_f64_normalized(f.into_inner()))
        }
        Yaml::Value(Scalar::String(s)) => Value::String(s.to_string()),
        Yaml::Sequence(items) => Value::array(items.iter().map(from_yaml).collect()),
        Yaml::Mapping(map) => {
            let mut out = Map::default();
            for (k, v) in map {
                let Yaml::Value(Scalar::String(key)) = k else {
                    panic!("non-string key {k:?}")
                };
                out.insert(key.as_ref().into(), from_yaml(v));
            }
            Value::Object(Shared::new(out))
        }
        other => panic!("unexpected YAML node {other:?}"),
    }
}

fn reread(value: &Value) -> Value {
    let text = to_yaml(value);
    let docs = Yaml::load_from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(docs.len(), 1, "{text}");
    from_yaml(&docs[0])
}

#[test]
fn every_gallery_definition_survives_yaml() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".json") || path.ends_with("index.json") {
            continue;
        }
        let value = parse_value(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(reread(&value), value, "{}", path.display());
        // The studio's own YAML reader (YAML import) reads it back the same.
        let json = engine_core::json::tree::yaml_to_json(&to_yaml(&value)).unwrap();
        assert_eq!(parse_value(&json).unwrap(), value, "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 6);
}

#[test]
fn awkward_strings_survive_yaml() {
    let value = parse_value(
        r#"{"": "", "yes": "no", "on": ["off", "null", "~", "True", "1e3", "0o17", "12:30", "-", "? x", "a: b", "c #d"],
            "quote\"back\\slash": "line\nbreak\ttab\u0007bell", "unicode": "Ä → ✓ \u2028", "esc": "'single' `tick` %p @at &amp *star !bang |pipe >gt",
            "nested": [[1, 2], [], {}, [{"a": [true, false, null, -0.5, 12345678901]}]]}"#,
    )
    .unwrap();
    assert_eq!(reread(&value), value);
}

fn origin(template: &str, source: DefinitionSource) -> TemplateOrigin {
    TemplateOrigin {
        template: parse_value(template).unwrap(),
        format: TextFormat::Json,
        logical_id: "SM".into(),
        source,
    }
}

/// `Resources.SM.Properties` of an exported template.
fn sm_properties(template: &Value) -> &Value {
    template
        .get("Resources")
        .and_then(|r| r.get("SM"))
        .and_then(|sm| sm.get("Properties"))
        .expect("SM properties")
}

const NEW_DEFINITION: &str = r#"{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}"#;

#[test]
fn definition_object_is_replaced_and_the_rest_kept() {
    let template = r#"{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"SM":{"Type":"AWS::StepFunctions::StateMachine",
        "Properties":{"RoleArn":"arn:aws:iam::123456789012:role/r","Definition":{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}}}}}"#;
    let out = parse_value(
        &replace_definition(
            &origin(template, DefinitionSource::Definition),
            NEW_DEFINITION,
        )
        .unwrap(),
    )
    .unwrap();
    let props = sm_properties(&out);
    assert_eq!(
        props.get("Definition").unwrap(),
        &parse_value(NEW_DEFINITION).unwrap()
    );
    assert_eq!(
        props.get("RoleArn").unwrap().as_str(),
        Some("arn:aws:iam::123456789012:role/r")
    );
    assert_eq!(
        out.get("AWSTemplateFormatVersion").unwrap().as_str(),
        Some("2010-09-09")
    );
    let broken = replace_definition(&origin(template, DefinitionSource::Definition), "{");
    assert!(broken.is_err());
}

#[test]
fn definition_string_keeps_its_form_and_substitutions_come_back() {
    let plain = r#"{"Resources":{"SM":{"Type":"AWS::StepFunctions::StateMachine","Properties":{
        "DefinitionString":"{}","DefinitionSubstitutions":{"Fn":"arn:aws:lambda:us-east-1:123456789012:function:f"}}}}}"#;
    let edited = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}"#;
    let out = parse_value(
        &replace_definition(&origin(plain, DefinitionSource::DefinitionString), edited).unwrap(),
    )
    .unwrap();
    let props = sm_properties(&out);
    assert_eq!(
        props.get("DefinitionString").unwrap().as_str(),
        Some(r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"${Fn}","End":true}}}"#)
    );

    let joined = r#"{"Resources":{"SM":{"Type":"AWS::StepFunctions::StateMachine","Properties":{
        "DefinitionString":{"Fn::Join":["",["{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"",{"Fn::GetAtt":["F","Arn"]},"\",\"End\":true}}}"]]}}}}}"#;
    let Opened::Document(doc) = open_json(joined) else {
        panic!("one machine")
    };
    let out =
        parse_value(&replace_definition(doc.origin.as_ref().unwrap(), &doc.text).unwrap()).unwrap();
    let sub = out
        .get("Resources")
        .unwrap()
        .get("SM")
        .unwrap()
        .get("Properties")
        .unwrap()
        .get("DefinitionString")
        .unwrap();
    assert_eq!(
        sub.get("Fn::Sub").unwrap().as_str(),
        Some(r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"${F.Arn}","End":true}}}"#)
    );
}

#[test]
fn a_yaml_template_is_written_back_as_yaml() {
    let template = r#"{"Transform":"AWS::Serverless-2016-10-31","Resources":{"SM":{"Type":"AWS::Serverless::StateMachine",
        "Properties":{"Definition":{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},"Policies":[{"LambdaInvokePolicy":{"FunctionName":{"Ref":"Fn"}}}]}}}}"#;
    let origin = TemplateOrigin {
        format: TextFormat::Yaml,
        ..origin(template, DefinitionSource::Definition)
    };
    let yaml = replace_definition(&origin, NEW_DEFINITION).unwrap();
    let docs = Yaml::load_from_str(&yaml).unwrap();
    let back = from_yaml(&docs[0]);
    assert_eq!(
        sm_properties(&back).get("Definition").unwrap(),
        &parse_value(NEW_DEFINITION).unwrap()
    );
    assert_eq!(
        back.get("Transform").unwrap().as_str(),
        Some("AWS::Serverless-2016-10-31")
    );
    let policies = sm_properties(&back).get("Policies").unwrap();
    assert_eq!(
        policies,
        sm_properties(&parse_value(template).unwrap())
            .get("Policies")
            .unwrap()
    );
}
