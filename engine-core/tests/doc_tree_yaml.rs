//! YAML read into the document model. Expected JSON is written by hand from the YAML
//! 1.2 specification (block and flow styles, chomping, folding, core schema) and
//! CloudFormation's documented short forms (`!Ref`, `!Sub`, `!GetAtt a.b`).

mod common;
#[path = "support/doc_gen.rs"]
mod doc_gen;

use engine_core::export::to_yaml;
use engine_core::json::parse_value;
use engine_core::json::tree::{parse_yaml_document, yaml_to_json, LineCol};
use engine_core::rng::Rng;
use engine_core::Value;

/// The YAML reads as `expected` (JSON), key order included.
fn reads_as(yaml: &str, expected: &str) {
    let json = yaml_to_json(yaml).unwrap_or_else(|e| panic!("{e} in\n{yaml}"));
    let got = parse_value(&json).expect("output is JSON");
    let want = parse_value(expected).expect("expectation is JSON");
    assert_eq!(got.to_json(), want.to_json(), "\n{yaml}");
}

fn fails_at(yaml: &str, line: u32, column: u32) -> String {
    let e = yaml_to_json(yaml).expect_err(yaml);
    assert_eq!(e.at, LineCol { line, column }, "{e}");
    e.message
}

#[test]
fn a_sam_template_with_short_form_tags() {
    let yaml = r#"AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  MyMachine:
    Type: AWS::Serverless::StateMachine   # the machine
    Properties:
      Name: !Sub "${AWS::StackName}-machine"
      Role: !GetAtt Role.Arn
      Definition:
        Comment: A "quoted" thing
        StartAt: First
        States:
          First:
            Type: Task
            Resource: !Ref FnArn
            Retry:
              - ErrorEquals: [States.ALL]
                IntervalSeconds: 1
                BackoffRate: 2.0
            Next: Done
          Done:
            Type: Succeed
"#;
    reads_as(
        yaml,
        r#"{"AWSTemplateFormatVersion": "2010-09-09", "Transform": "AWS::Serverless-2016-10-31",
            "Resources": {"MyMachine": {"Type": "AWS::Serverless::StateMachine", "Properties": {
              "Name": {"Fn::Sub": "${AWS::StackName}-machine"}, "Role": {"Fn::GetAtt": ["Role", "Arn"]},
              "Definition": {"Comment": "A \"quoted\" thing", "StartAt": "First", "States": {
                "First": {"Type": "Task", "Resource": {"Ref": "FnArn"},
                          "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "BackoffRate": 2.0}],
                          "Next": "Done"},
                "Done": {"Type": "Succeed"}}}}}}}"#,
    );
    // The number keeps its written form in the document.
    let doc = parse_yaml_document(yaml).unwrap();
    let rate = doc
        .resolve("/Resources/MyMachine/Properties/Definition/States/First/Retry/0/BackoffRate")
        .unwrap();
    assert_eq!(doc.lexeme(rate), Some("2.0"));
    assert!(doc.syntax_errors().is_empty());
}

#[test]
fn block_scalars_chomp_and_fold() {
    let yaml = "literal: |\n  line one\n    indented\n\n  last\nfolded: >-\n  a\n  b\n\n  c\nkeep: |+\n  x\n\nstrip: |-\n  y\nsub: !Sub |\n  {\"k\": \"${V}\"}\n";
    reads_as(
        yaml,
        r#"{"literal": "line one\n  indented\n\nlast\n", "folded": "a b\nc", "keep": "x\n\n", "strip": "y",
            "sub": {"Fn::Sub": "{\"k\": \"${V}\"}\n"}}"#,
    );
}

#[test]
fn scalars_resolve_by_the_core_schema() {
    let yaml = "a: 1.0\nb: 007\nc: +12\nd: .5\ne: 0x1F\nf: ~\ng: true\nh: \"true\"\ni: 'it''s'\nj: 2012-10-17\nk: 1e3\nl: .inf\nm: \"tab\\tand \\u00e9 \\ud83d\\ude00\"\nn: multi\n  line plain\no: \"folded\n  quoted\"\np:\nq: !!str 42\nr: arn:aws:states:::lambda:invoke\ns: a #not a comment inside? yes it is\nt: a#b\n";
    reads_as(
        yaml,
        r#"{"a": 1.0, "b": 7, "c": 12, "d": 0.5, "e": 31, "f": null, "g": true, "h": "true", "i": "it's",
            "j": "2012-10-17", "k": 1e3, "l": ".inf", "m": "tab\tand é 😀", "n": "multi line plain",
            "o": "folded quoted", "p": null, "q": "42", "r": "arn:aws:states:::lambda:invoke", "s": "a", "t": "a#b"}"#,
    );
    let doc = parse_yaml_document("a: 1.0\nbig: 123456789012345678901234567890\n").unwrap();
    assert_eq!(doc.resolve("/a").and_then(|id| doc.lexeme(id)), Some("1.0"));
    assert_eq!(
        doc.resolve("/big").and_then(|id| doc.lexeme(id)),
        Some("123456789012345678901234567890")
    );
}

#[test]
fn flow_collections_anchors_merges_and_sequences() {
    let yaml = "base: &base\n  Type: Pass\n  End: true\ncopy: *base\nmerged:\n  <<: *base\n  End: false\nflow: {a: [1, 2, {b: c}], 'd': \"e\", f: }\nlist:\n- x\n- - y\n  - z\n- k: v\n  k2: v2\n-\n- last\nmulti: [\n  1,   # one\n  2\n]\n";
    reads_as(
        yaml,
        r#"{"base": {"Type": "Pass", "End": true}, "copy": {"Type": "Pass", "End": true},
            "merged": {"Type": "Pass", "End": false}, "flow": {"a": [1, 2, {"b": "c"}], "d": "e", "f": null},
            "list": ["x", ["y", "z"], {"k": "v", "k2": "v2"}, null, "last"], "multi": [1, 2]}"#,
    );
    reads_as("--- # a document\n- 1\n...\n", "[1]");
    reads_as("", "null");
    reads_as("%YAML 1.2\n---\nplain text\n", "\"plain text\"");
}

#[test]
fn errors_say_where() {
    assert!(fails_at("a: 1\n b: 2\n", 2, 3).contains("key: value"));
    assert!(fails_at("a: \"abc\n", 1, 4).contains("unterminated"));
    assert!(fails_at("a:\n\tb: 1\n", 2, 1).contains("tabs"));
    assert!(fails_at("a: [1, 2\n", 1, 4).contains("unclosed"));
    assert!(fails_at("? a\n: b\n", 1, 1).contains("complex"));
    assert!(fails_at("a: 1\n---\nb: 2\n", 2, 1).contains("several"));
    assert!(fails_at("a: *x\n", 1, 4).contains("unknown anchor"));
    assert!(fails_at("a:\n  b: 1\n c: 2\n", 3, 2).contains("indentation"));
    assert!(fails_at("é: \"x\" y\n", 1, 8).contains("after the value"));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let flow = "[".repeat(10_000) + &"]".repeat(10_000);
    assert!(yaml_to_json(&flow).unwrap_err().message.contains("nesting"));
    let block = "- ".repeat(10_000) + "x\n";
    assert!(yaml_to_json(&block)
        .unwrap_err()
        .message
        .contains("nesting"));
}

/// Every definition of the corpus: its JSON text read as YAML (JSON is YAML's flow
/// style) and its YAML rendering by the exporter both read back as the same value.
#[test]
fn corpus_definitions_read_back_from_json_and_yaml() {
    let shared = common::shared_dir();
    let mut files: Vec<_> = std::fs::read_dir(shared.join("conformance/localstack/cases"))
        .expect("cases")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.extend(
        std::fs::read_dir(shared.join("examples"))
            .expect("examples")
            .flatten()
            .map(|e| e.path()),
    );
    let mut checked = 0;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let text = std::fs::read_to_string(path).unwrap();
        let case = parse_value(&text).unwrap();
        let definition = case.get("definition").cloned().unwrap_or(case);
        if !matches!(definition, Value::Object(_)) {
            continue;
        }
        let json = definition.to_json();
        let from_json = yaml_to_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            parse_value(&from_json).unwrap().to_json(),
            json,
            "{}",
            path.display()
        );
        let yaml = to_yaml(&definition);
        let from_yaml =
            yaml_to_json(&yaml).unwrap_or_else(|e| panic!("{}: {e}\n{yaml}", path.display()));
        assert_eq!(
            parse_value(&from_yaml).unwrap().to_json(),
            json,
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 800, "{checked} definitions checked");
}

/// Damaged YAML gives an error or a value, never a panic or a hang; a value is always
/// well-formed JSON.
#[test]
fn damaged_yaml_never_panics() {
    let seeds = [
        "a: 1\nb:\n  - x\n  - {c: [1, 'q', \"r\\n\"]}\n  - &k y\nd: *k\ne: |-\n  t\n  u\nf: !GetAtt R.Arn\n",
        "Resources:\n  M:\n    Properties:\n      Definition: !Sub\n        - \"${X}\"\n        - X: >\n            folded\n            text\n",
    ];
    let mut rng = Rng::seeded(3);
    for i in 0..20_000 {
        let text = doc_gen::mutate(&mut rng, seeds[i % seeds.len()]);
        if let Ok(json) = yaml_to_json(&text) {
            assert!(parse_value(&json).is_ok(), "{text:?} gave {json:?}");
        }
    }
}
