//! The typed views read the tree in place: every state, rule, retrier, catcher and nested
//! machine carries its JSON Pointer, and fields carry the spans of their keys and values.

use engine_core::asl::view::{Machine, MachineKind, Operand, QueryLanguage};
use engine_core::asl::StateType;
use engine_core::json::tree::parse_document;

const DEFINITION: &str = r#"{
  "QueryLanguage": "JSONPath",
  "StartAt": "Work",
  "States": {
    "Work": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Fan"}],
      "Next": "Pick"
    },
    "Pick": {
      "Type": "Choice",
      "Choices": [{"Not": {"Variable": "$.x", "IsNull": true}, "Next": "Fan"}],
      "Default": "Each"
    },
    "Fan": {
      "Type": "Parallel",
      "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}],
      "End": true
    },
    "Each": {
      "Type": "Map",
      "QueryLanguage": "JSONata",
      "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}},
      "End": true
    }
  }
}"#;

fn slice(text: &str, span: engine_core::json::tree::Span) -> &str {
    &text[span.start..span.end]
}

#[test]
fn machine_and_states_carry_pointers_spans_and_types() {
    let doc = parse_document(DEFINITION);
    let m = Machine::view(&doc).expect("an object");
    assert_eq!(m.kind, MachineKind::Top);
    assert_eq!(m.query_language, QueryLanguage::JsonPath);
    assert_eq!(m.start_at().and_then(|f| f.value.as_str()), Some("Work"));
    let states = m.states();
    let names: Vec<&str> = states.iter().map(|s| s.name).collect();
    assert_eq!(names, ["Work", "Pick", "Fan", "Each"]);
    let types: Vec<Option<StateType>> = states.iter().map(|s| s.state_type()).collect();
    assert_eq!(
        types,
        [
            Some(StateType::Task),
            Some(StateType::Choice),
            Some(StateType::Parallel),
            Some(StateType::Map)
        ]
    );
    for s in &states {
        assert_eq!(s.pointer, format!("/States/{}", s.name));
        assert_eq!(slice(DEFINITION, s.name_span), format!("\"{}\"", s.name));
        assert!(slice(DEFINITION, s.json.span()).starts_with('{'));
        assert_eq!(doc.resolve(&s.pointer), Some(s.json.id));
    }
    let work = &states[0];
    let resource = work.field("Resource").unwrap();
    assert_eq!(slice(DEFINITION, resource.key_span), "\"Resource\"");
    assert_eq!(
        slice(DEFINITION, resource.value.span()),
        "\"arn:aws:states:::lambda:invoke\""
    );
    assert_eq!(work.at("Resource").pointer(), "/States/Work/Resource");
    assert_eq!(work.next(), Some("Pick"));
    // The Map state opts into JSONata; the others inherit the machine's JSONPath.
    assert_eq!(states[3].query_language, QueryLanguage::Jsonata);
    assert_eq!(states[2].query_language, QueryLanguage::JsonPath);
}

#[test]
fn retriers_catchers_and_choice_rules() {
    let doc = parse_document(DEFINITION);
    let m = Machine::view(&doc).unwrap();
    let states = m.states();
    let retriers = states[0].retriers();
    assert_eq!(retriers.len(), 1);
    assert_eq!(retriers[0].pointer, "/States/Work/Retry/0");
    assert_eq!(
        retriers[0]
            .json
            .get("MaxAttempts")
            .and_then(|f| f.value.as_f64()),
        Some(2.0)
    );
    let catchers = states[0].catchers();
    assert_eq!(catchers[0].pointer, "/States/Work/Catch/0");
    assert_eq!(catchers[0].next(), Some("Fan"));
    let rules = states[1].choices();
    assert_eq!(rules[0].pointer, "/States/Pick/Choices/0");
    assert!(rules[0].is_top_level());
    let ops = rules[0].operators();
    assert_eq!(ops.len(), 1);
    assert_eq!((ops[0].0.key, ops[0].1), ("Not", Operand::Rule));
    let nested = rules[0].nested(&ops[0].0);
    assert_eq!(nested[0].pointer, "/States/Pick/Choices/0/Not");
    assert!(!nested[0].is_top_level());
    assert_eq!(nested[0].operators()[0].1, Operand::Boolean);
    assert_eq!(states[1].default(), Some("Each"));
}

#[test]
fn branches_and_processors_are_machines() {
    let doc = parse_document(DEFINITION);
    let m = Machine::view(&doc).unwrap();
    let states = m.states();
    let branches = states[2].branches(&m);
    assert_eq!(branches.len(), 1);
    assert_eq!(branches[0].pointer, "/States/Fan/Branches/0");
    assert_eq!(branches[0].kind, MachineKind::Branch);
    assert_eq!(
        branches[0].states()[0].pointer,
        "/States/Fan/Branches/0/States/B"
    );
    let processor = states[3].processor(&m).unwrap();
    assert_eq!(processor.kind, MachineKind::Processor);
    assert_eq!(processor.pointer, "/States/Each/ItemProcessor");
    // States inside a processor inherit the machine's language, not the Map state's.
    assert_eq!(
        processor.states()[0].query_language,
        QueryLanguage::JsonPath
    );
    assert_eq!(processor.depth, 1);
}
