//! The gallery's definitions (../shared/examples), turned into layout inputs by hand:
//! a Start marker into `StartAt`, every top-level terminal state (`End: true`, Succeed,
//! Fail) into one End marker, branch states inside their Parallel's lanes, the Map's
//! `ItemProcessor` in lane 0, Choice rules and Catchers labelled.

use engine_core::layout::{EdgeKind, Layout, NodeKind::*};

use crate::support::{centre_x, lay_out_checked, node_box, Machine};

fn job_poller() -> Machine {
    let mut m = Machine::default();
    m.state("Start", Start, None)
        .state("StartJob", Task, None)
        .state("WaitABit", Wait, None)
        .state("GetStatus", Task, None)
        .state("IsDone", Choice, None)
        .state("Finished", Succeed, None)
        .state("GaveUp", Fail, None)
        .state("End", End, None);
    m.edge("Start", "StartJob", EdgeKind::Start, None)
        .next("StartJob", "WaitABit")
        .next("WaitABit", "GetStatus")
        .next("GetStatus", "IsDone")
        .edge(
            "IsDone",
            "Finished",
            EdgeKind::ChoiceRule(0),
            Some("$status = 'SUCCEEDED'"),
        )
        .edge(
            "IsDone",
            "GaveUp",
            EdgeKind::ChoiceRule(1),
            Some("$status = 'FAILED' or $polls >= 10"),
        )
        .edge("IsDone", "WaitABit", EdgeKind::Default, Some("Default"))
        .edge("Finished", "End", EdgeKind::End, None)
        .edge("GaveUp", "End", EdgeKind::End, None);
    m
}

fn retry_and_fallback() -> Machine {
    let mut m = Machine::default();
    m.state("Start", Start, None)
        .state("FirstStep", Task, None)
        .state("SecondStep", Succeed, None)
        .state("FallbackStep", Fail, None)
        .state("End", End, None);
    m.edge("Start", "FirstStep", EdgeKind::Start, None)
        .next("FirstStep", "SecondStep")
        .edge(
            "FirstStep",
            "FallbackStep",
            EdgeKind::Catch(0),
            Some("States.ALL"),
        )
        .edge("SecondStep", "End", EdgeKind::End, None)
        .edge("FallbackStep", "End", EdgeKind::End, None);
    m
}

fn game_housekeeping() -> Machine {
    let mut m = Machine::default();
    let p = Some(("Housekeeping", 0));
    m.state("Start", Start, None)
        .state("Housekeeping", Parallel, None)
        .state("End", End, None);
    m.state("GenerateLevelReport", Task, p)
        .state("LevelOrGame", Choice, Some(("Housekeeping", 1)))
        .state("UpdateCompletedLevel", Task, Some(("Housekeeping", 1)))
        .state("UpdateCompletedGame", Task, Some(("Housekeeping", 1)))
        .state("LogMetric", Task, Some(("Housekeeping", 2)));
    m.edge("Start", "Housekeeping", EdgeKind::Start, None)
        .edge("Housekeeping", "End", EdgeKind::End, None)
        .edge(
            "LevelOrGame",
            "UpdateCompletedGame",
            EdgeKind::ChoiceRule(0),
            Some("$.gameCompleted == true"),
        )
        .edge(
            "LevelOrGame",
            "UpdateCompletedLevel",
            EdgeKind::Default,
            Some("Default"),
        );
    m
}

fn image_processing() -> Machine {
    let mut m = Machine::default();
    m.state("Start", Start, None)
        .state("ProcessImage", Parallel, None);
    for (lane, name) in [
        "ConvertToPng",
        "ConvertToWebp",
        "MakeThumbnails",
        "DetectLabels",
    ]
    .iter()
    .enumerate()
    {
        m.state(name, Task, Some(("ProcessImage", lane)));
    }
    m.state("CheckResults", Task, None).state("End", End, None);
    m.edge("Start", "ProcessImage", EdgeKind::Start, None)
        .next("ProcessImage", "CheckResults")
        .edge("CheckResults", "End", EdgeKind::End, None);
    m
}

fn running_instances_parallel() -> Machine {
    let mut m = Machine::default();
    m.state("Start", Start, None)
        .state("GetRegions", Task, None)
        .state("PerRegion", Parallel, None);
    for lane in 0..3 {
        m.state(
            &format!("GetRunningInstancesRegion{}", lane + 1),
            Task,
            Some(("PerRegion", lane)),
        );
    }
    m.state("End", End, None);
    m.edge("Start", "GetRegions", EdgeKind::Start, None)
        .next("GetRegions", "PerRegion")
        .edge("PerRegion", "End", EdgeKind::End, None);
    m
}

fn running_instances_map() -> Machine {
    let mut m = Machine::default();
    m.state("Start", Start, None)
        .state("GetRegions", Task, None)
        .state("EachRegion", Map, None)
        .state("GetRunningInstances", Task, Some(("EachRegion", 0)))
        .state("End", End, None);
    m.edge("Start", "GetRegions", EdgeKind::Start, None)
        .next("GetRegions", "EachRegion")
        .edge("EachRegion", "End", EdgeKind::End, None);
    m
}

fn checked(m: &Machine) -> Layout {
    lay_out_checked(&m.input)
}

#[test]
fn job_poller_loop_is_the_one_back_edge() {
    let m = job_poller();
    let l = checked(&m);
    let back: Vec<_> = l
        .edges
        .iter()
        .filter(|e| e.is_back_edge)
        .map(|e| (e.from, e.to, e.kind))
        .collect();
    assert_eq!(
        back,
        vec![(m.id("IsDone"), m.id("WaitABit"), EdgeKind::Default)]
    );
}

#[test]
fn job_poller_reads_top_to_bottom_in_one_straight_column() {
    let m = job_poller();
    let l = checked(&m);
    let chain =
        ["Start", "StartJob", "WaitABit", "GetStatus", "IsDone"].map(|n| node_box(&l, m.id(n)));
    for w in chain.windows(2) {
        assert!(w[0].y + w[0].height < w[1].y);
        assert!(
            (centre_x(&w[0]) - centre_x(&w[1])).abs() < 1e-6,
            "chain not aligned: {w:?}"
        );
    }
    // The two outcomes share a row below the Choice, its rules left to right in order,
    // the Choice centred over them; End is below both.
    let (ok, gave_up) = (node_box(&l, m.id("Finished")), node_box(&l, m.id("GaveUp")));
    assert_eq!(ok.y, gave_up.y);
    assert!(ok.x + ok.width < gave_up.x);
    let mid = (centre_x(&ok) + centre_x(&gave_up)) / 2.0;
    assert!((centre_x(&chain[4]) - mid).abs() < 1e-6);
    assert!(node_box(&l, m.id("End")).y > ok.y + ok.height);
    // The two rule labels sit a text line apart in height, so long conditions do not overprint.
    let label = |kind| {
        l.edges
            .iter()
            .find(|e| e.kind == kind)
            .and_then(|e| e.label_at)
            .unwrap()
    };
    assert!((label(EdgeKind::ChoiceRule(0)).y - label(EdgeKind::ChoiceRule(1)).y).abs() >= 12.0);
}

#[test]
fn retry_and_fallback_puts_success_and_fallback_side_by_side() {
    let m = retry_and_fallback();
    let l = checked(&m);
    assert!(l.edges.iter().all(|e| !e.is_back_edge));
    let (ok, fallback) = (
        node_box(&l, m.id("SecondStep")),
        node_box(&l, m.id("FallbackStep")),
    );
    assert_eq!(ok.y, fallback.y, "Next and Catch targets share a rank");
    assert!(ok.x + ok.width < fallback.x, "Next left of Catch");
    let catch = l
        .edges
        .iter()
        .find(|e| e.kind == EdgeKind::Catch(0))
        .unwrap();
    assert!(catch.label_at.is_some());
}

#[test]
fn game_housekeeping_branches_are_three_lanes_in_order() {
    let m = game_housekeeping();
    let l = checked(&m);
    let lanes: Vec<_> = l
        .containers
        .iter()
        .filter(|c| c.node == m.id("Housekeeping"))
        .collect();
    assert_eq!(
        lanes.iter().map(|c| c.lane).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    assert!(lanes
        .windows(2)
        .all(|w| w[0].x + w[0].width < w[1].x && w[0].y == w[1].y && w[0].height == w[1].height));
    // The Choice's two writes sit side by side below it, inside the second lane.
    let choice = node_box(&l, m.id("LevelOrGame"));
    let (game, level) = (
        node_box(&l, m.id("UpdateCompletedGame")),
        node_box(&l, m.id("UpdateCompletedLevel")),
    );
    assert_eq!(game.y, level.y);
    assert!(game.y > choice.y + choice.height);
    assert!(game.x + game.width < level.x, "rule 0 left of Default");
    let container = node_box(&l, m.id("Housekeeping"));
    assert!(
        container.width >= 3.0 * 120.0,
        "the Parallel grew to hold its lanes"
    );
}

#[test]
fn image_processing_has_four_lanes_then_the_check() {
    let m = image_processing();
    let l = checked(&m);
    let lanes: Vec<_> = l
        .containers
        .iter()
        .filter(|c| c.node == m.id("ProcessImage"))
        .collect();
    assert_eq!(lanes.len(), 4);
    let tasks = [
        "ConvertToPng",
        "ConvertToWebp",
        "MakeThumbnails",
        "DetectLabels",
    ]
    .map(|n| node_box(&l, m.id(n)));
    assert!(tasks
        .windows(2)
        .all(|w| w[0].x < w[1].x && w[0].y == w[1].y));
    let (parallel, check) = (
        node_box(&l, m.id("ProcessImage")),
        node_box(&l, m.id("CheckResults")),
    );
    assert!(check.y > parallel.y + parallel.height);
    assert!((centre_x(&parallel) - centre_x(&check)).abs() < 1e-6);
}

#[test]
fn running_instances_parallel_and_map_nest_their_states() {
    let m = running_instances_parallel();
    let l = checked(&m);
    assert_eq!(l.containers.len(), 3);
    let m = running_instances_map();
    let l = checked(&m);
    assert_eq!(l.containers.len(), 1);
    assert_eq!(
        (l.containers[0].node, l.containers[0].lane),
        (m.id("EachRegion"), 0)
    );
}

#[test]
fn every_example_fits_a_view() {
    for m in [
        job_poller(),
        retry_and_fallback(),
        game_housekeeping(),
        image_processing(),
        running_instances_parallel(),
        running_instances_map(),
    ] {
        let l = checked(&m);
        let t = l.fit_transform(800.0, 600.0);
        let b = l.bounds();
        let (a, z) = (
            t.apply(engine_core::layout::Point { x: b.x, y: b.y }),
            t.apply(engine_core::layout::Point {
                x: b.x + b.width,
                y: b.y + b.height,
            }),
        );
        assert!(a.x >= 0.0 && a.y >= 0.0 && z.x <= 800.0 && z.y <= 600.0);
        assert!(l.minimap_scale(200.0, 150.0) > 0.0);
    }
}
