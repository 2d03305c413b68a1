//! The gallery's machines (public/examples) through graph → diagram → layout.
//!
//! Expected counts are read off each definition by hand with the rule in
//! `engine_core::diagram`'s module docs: states plus a Start and an End marker; one edge
//! per `Next`, `Default`, Choice rule and Catcher, plus Start → `StartAt` and each
//! top-level terminal state → End.

use engine_core::diagram::{diagram, Diagram};
use engine_core::graph::StateGraph;
use engine_core::json::parse_value;
use engine_core::layout::{layout, EdgeKind, NodeKind};

fn example(name: &str) -> Diagram {
    let path = format!(
        "{}/../public/examples/{name}.asl.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let def = parse_value(&text).expect("gallery definitions are JSON");
    diagram(&StateGraph::from_definition(&def))
}

fn node<'d>(d: &'d Diagram, name: &str) -> &'d engine_core::diagram::DiagramNode {
    d.nodes
        .iter()
        .find(|n| n.state.is_some() && n.name == name)
        .unwrap_or_else(|| panic!("no node {name}"))
}

#[test]
fn node_and_edge_counts_match_the_definitions() {
    for (name, nodes, edges) in [
        ("game-housekeeping", 8, 4),
        ("image-processing", 8, 3),
        ("job-poller.jsonata", 8, 9),
        ("retry-and-fallback", 5, 5),
        ("running-instances-map", 5, 3),
        ("running-instances-parallel", 7, 3),
    ] {
        let d = example(name);
        assert_eq!(d.nodes.len(), nodes, "{name} nodes");
        assert_eq!(d.edges.len(), edges, "{name} edges");
        assert_eq!(d.input.nodes.len(), nodes);
        // Every edge is drawn: none is dropped by the layout.
        let l = layout(&d.input);
        assert_eq!(l.nodes.len(), nodes, "{name} boxes");
        assert_eq!(l.edges.len(), edges, "{name} routes");
    }
}

#[test]
fn services_come_from_the_resources() {
    let d = example("game-housekeeping");
    assert_eq!(node(&d, "GenerateLevelReport").detail, "Lambda: invoke");
    assert_eq!(node(&d, "UpdateCompletedLevel").detail, "DynamoDB: putItem");
    assert_eq!(
        node(&d, "LogMetric").detail,
        "aws-sdk:cloudwatch: putMetricData"
    );
    let d = example("image-processing");
    assert_eq!(node(&d, "ConvertToPng").detail, "Lambda: convert");
    assert_eq!(
        node(&d, "DetectLabels").detail,
        "aws-sdk:rekognition: detectLabels"
    );
}

#[test]
fn branch_states_sit_in_their_lanes_and_markers_frame_the_top_level() {
    let d = example("game-housekeeping");
    let parallel = node(&d, "Housekeeping");
    assert_eq!(parallel.kind, NodeKind::Parallel);
    assert_eq!(parallel.detail, "Parallel · 3 branches");
    let lane = |name: &str| {
        d.input.nodes[node(&d, name).id]
            .parent
            .map(|p| (p.node, p.lane))
    };
    assert_eq!(lane("GenerateLevelReport"), Some((parallel.id, 0)));
    assert_eq!(lane("UpdateCompletedGame"), Some((parallel.id, 1)));
    assert_eq!(lane("LogMetric"), Some((parallel.id, 2)));
    assert_eq!(lane("Housekeeping"), None);
    assert_eq!(d.nodes[0].kind, NodeKind::Start);
    assert_eq!(d.nodes.last().unwrap().kind, NodeKind::End);
    assert!(node(&d, "LevelOrGame").is_start);
    assert!(node(&d, "UpdateCompletedGame").is_end);
    let m = example("running-instances-map");
    let map = node(&m, "EachRegion");
    assert_eq!(map.kind, NodeKind::Map);
    assert_eq!(
        m.input.nodes[node(&m, "GetRunningInstances").id]
            .parent
            .map(|p| (p.node, p.lane)),
        Some((map.id, 0))
    );
}

#[test]
fn choice_and_catch_edges_carry_their_conditions_and_errors() {
    let d = example("job-poller.jsonata");
    let is_done = node(&d, "IsDone").id;
    let label = |kind| {
        d.edges
            .iter()
            .find(|e| e.from == is_done && e.kind == kind)
            .and_then(|e| e.label.clone())
    };
    assert_eq!(
        label(EdgeKind::ChoiceRule(0)).as_deref(),
        Some("$status = 'SUCCEEDED'")
    );
    assert_eq!(
        label(EdgeKind::ChoiceRule(1)).as_deref(),
        Some("$status = 'FAILED' or $polls >= 10")
    );
    assert_eq!(label(EdgeKind::Default).as_deref(), Some("Default"));
    let r = example("retry-and-fallback");
    let catch = r
        .edges
        .iter()
        .find(|e| e.kind == EdgeKind::Catch(0))
        .unwrap();
    assert_eq!(catch.label.as_deref(), Some("States.ALL"));
    assert_eq!(r.nodes[catch.to].name, "FallbackStep");
}

#[test]
fn long_names_wrap_inside_their_boxes_and_the_drawing_is_deterministic() {
    let name = "ThisIsAVeryLongStateNameThatKeepsGoingAndGoingUntilItMustWrap";
    let text = format!(
        r#"{{"StartAt": "{name}", "States": {{"{name}": {{"Type": "Pass", "Comment": "c", "End": true}}}}}}"#
    );
    let def = parse_value(&text).unwrap();
    let d = diagram(&StateGraph::from_definition(&def));
    let n = node(&d, name);
    assert!(n.name_lines.len() >= 2);
    assert_eq!(n.name_lines.concat(), name);
    assert!(n.tooltip.starts_with(name) && n.tooltip.ends_with("\nc"));
    let single = d.input.nodes[n.id].height;
    assert!(single > 48.0, "a wrapped name makes the box taller");
    assert_eq!(d, diagram(&StateGraph::from_definition(&def)));
}

#[test]
fn broken_definitions_still_draw() {
    for text in [
        "{}",
        r#"{"StartAt": "A"}"#,
        r#"{"StartAt": "A", "States": {"A": {"Type": "Parallel", "Branches": [{"StartAt": "X"}]}}}"#,
        r#"{"StartAt": "A", "States": {"A": {"Type": 5, "Next": "Gone"}, "B": []}}"#,
    ] {
        let def = parse_value(text).unwrap();
        let d = diagram(&StateGraph::from_definition(&def));
        let l = layout(&d.input);
        assert_eq!(l.nodes.len(), d.nodes.len(), "{text}");
        assert_eq!(l.edges.len(), d.edges.len(), "{text}");
    }
}
