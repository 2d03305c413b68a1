//! Writing the groups: container frames and lanes, edges, markers, states.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use core::fmt::Write;

use super::escape::push_escaped;
use super::number::Tenths;
use crate::diagram::metrics::*;
use crate::diagram::text::text_width;
use crate::diagram::{DiagramEdge, DiagramNode, Mark, Scene};
use crate::layout::{ContainerBox, ContainerRef, EdgeKind, EdgeRoute, NodeBox, NodeKind, Rect};

/// Which boxes are drawn in full.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Detail {
    All,
    None,
    /// Those meeting this rectangle (layout coordinates).
    Within(Rect),
}

impl Detail {
    fn covers(&self, x: f64, y: f64, w: f64, h: f64) -> bool {
        match self {
            Detail::All => true,
            Detail::None => false,
            Detail::Within(r) => {
                x <= r.x + r.width && x + w >= r.x && y <= r.y + r.height && y + h >= r.y
            }
        }
    }
}

/// Diagnostics per node: their count and their messages, one a line.
pub type NodeMarks = BTreeMap<usize, (Mark, String)>;

/// The outline of a box by type, in box-local coordinates.
pub fn shape_path(kind: NodeKind, state_type: &str, w: f64, h: f64) -> String {
    let rounded = |r: f64| {
        let r = r.min(h / 2.0).min(w / 2.0);
        let (x1, y1) = (w - r, h - r);
        format!("M{r},0H{x1}A{r},{r} 0 0 1 {w},{r}V{y1}A{r},{r} 0 0 1 {x1},{h}H{r}A{r},{r} 0 0 1 0,{y1}V{r}A{r},{r} 0 0 1 {r},0Z")
    };
    let chamfer = |c: f64| {
        let c = c.min(h / 2.0).min(w / 2.0);
        let (x1, y1) = (w - c, h - c);
        format!("M{c},0H{x1}L{w},{c}V{y1}L{x1},{h}H{c}L0,{y1}V{c}Z")
    };
    match kind {
        NodeKind::Choice => {
            // A hexagon: pointed ends read as "decision".
            let c = (h / 2.0).min(14.0);
            let (x1, m) = (w - c, h / 2.0);
            format!("M{c},0H{x1}L{w},{m}L{x1},{h}H{c}L0,{m}Z")
        }
        NodeKind::Fail => chamfer(10.0),
        NodeKind::Succeed | NodeKind::Wait | NodeKind::Start | NodeKind::End => rounded(h / 2.0),
        NodeKind::Pass if state_type != "Pass" => chamfer(0.0),
        _ => rounded(6.0),
    }
}

/// The CSS class naming a box's type (`unknown` for a missing or unknown `Type`).
pub fn type_class(n: &DiagramNode) -> &'static str {
    match n.kind {
        NodeKind::Task => "task",
        NodeKind::Choice => "choice",
        NodeKind::Wait => "wait",
        NodeKind::Succeed => "succeed",
        NodeKind::Fail => "fail",
        NodeKind::Parallel => "parallel",
        NodeKind::Map => "map",
        NodeKind::Start => "start",
        NodeKind::End => "end",
        NodeKind::Pass if n.state_type == "Pass" => "pass",
        NodeKind::Pass => "unknown",
    }
}

/// What a screen reader says for a state: name, type, service, start/end, diagnostics.
pub fn aria_label(n: &DiagramNode, mark: Option<Mark>) -> String {
    let kind = if n.state_type.is_empty() {
        "state with no Type"
    } else {
        n.state_type.as_str()
    };
    let mut s = format!("{}, {}", n.name, kind);
    if let Some(svc) = &n.service {
        s = format!("{s}, {}", svc.label());
    }
    if n.is_start {
        s.push_str(", start");
    }
    if n.is_end {
        s.push_str(", end");
    }
    if let Some(m) = mark {
        if m.errors > 0 {
            s = format!("{s}, {} error(s)", m.errors);
        }
        if m.warnings > 0 {
            s = format!("{s}, {} warning(s)", m.warnings);
        }
    }
    s
}

/// Writes `<tag attr="escaped"`-style text; `w!` keeps the many small writes short.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => { let _ = write!($out, $($arg)*); };
}

fn text_el(out: &mut String, class: &str, x: f64, y: f64, anchor: &str, text: &str) {
    w!(
        out,
        "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">",
        Tenths(x),
        Tenths(y)
    );
    push_escaped(out, text);
    out.push_str("</text>");
}

fn title(out: &mut String, text: &str) {
    out.push_str("<title>");
    push_escaped(out, text);
    out.push_str("</title>");
}

/// The whole drawing, in paint order: container frames and lanes, edges, markers, states.
pub fn render(scene: &Scene, detail: Detail, marks: &NodeMarks, tab_stop: Option<usize>) -> String {
    let d = &scene.diagram;
    let mut frames = String::new();
    let mut edges = String::new();
    let mut markers = String::new();
    let mut states = String::new();
    for n in &d.nodes {
        let Some(b) = scene.node_box(n.id) else {
            continue;
        };
        if n.state.is_none() {
            marker(&mut markers, n, b);
        } else if n.kind.is_container() {
            let full = detail.covers(b.x, b.y, b.width, b.height);
            state(
                &mut frames,
                n,
                b,
                full,
                marks.get(&n.id),
                tab_stop == Some(n.id),
            );
            for lane in scene.layout.containers.iter().filter(|c| c.node == n.id) {
                let about = d.lane(ContainerRef {
                    node: lane.node,
                    lane: lane.lane,
                });
                let (pointer, empty) = about.map_or(("", false), |l| (l.pointer.as_str(), l.empty));
                lane_el(
                    &mut frames,
                    lane,
                    n.kind == NodeKind::Map,
                    pointer,
                    empty,
                    full,
                );
            }
        } else {
            let full = detail.covers(b.x, b.y, b.width, b.height);
            state(
                &mut states,
                n,
                b,
                full,
                marks.get(&n.id),
                tab_stop == Some(n.id),
            );
        }
    }
    for (e, r) in scene.routed_edges() {
        let name = |id: usize| d.nodes.get(id).map_or("", |n| n.name.as_str());
        let labelled = r
            .label_at
            .is_some_and(|p| detail.covers(p.x, p.y, 0.0, 0.0));
        edge(&mut edges, e, r, name(e.from), name(e.to), labelled);
    }
    format!("<g class=\"frames\">{frames}</g><g class=\"edges\">{edges}</g><g class=\"markers\">{markers}</g><g class=\"nodes\">{states}</g>")
}

fn marker(out: &mut String, n: &DiagramNode, b: &NodeBox) {
    let t = type_class(n);
    w!(out, "<g class=\"marker marker-{t}\" data-marker=\"{t}\" transform=\"translate({},{})\" aria-hidden=\"true\"><path d=\"{}\"/>", Tenths(b.x), Tenths(b.y), shape_path(n.kind, "", b.width, b.height));
    text_el(
        out,
        "",
        b.width / 2.0,
        b.height / 2.0 + 4.0,
        "middle",
        &n.name,
    );
    out.push_str("</g>");
}

fn state(
    out: &mut String,
    n: &DiagramNode,
    b: &NodeBox,
    full: bool,
    mark: Option<&(Mark, String)>,
    tab_stop: bool,
) {
    let (w, h) = (b.width, b.height);
    let container = n.kind.is_container();
    let flag = match mark {
        Some((m, _)) if m.errors > 0 => " has-error",
        Some(_) => " has-warning",
        None => "",
    };
    w!(
        out,
        "<g class=\"node node-{}{}{}{}\" data-state=\"",
        type_class(n),
        if container { " container" } else { "" },
        flag,
        if full { "" } else { " lod" }
    );
    push_escaped(out, &n.name);
    w!(out, "\" data-node-id=\"{}\" data-pointer=\"", n.id);
    push_escaped(out, &n.pointer);
    w!(out, "\" transform=\"translate({},{})\" tabindex=\"{}\" role=\"button\" aria-pressed=\"false\" aria-label=\"", Tenths(b.x), Tenths(b.y), if tab_stop { 0 } else { -1 });
    push_escaped(out, &aria_label(n, mark.map(|m| m.0)));
    out.push_str("\">");
    if container {
        let (w, h) = (Tenths(w), Tenths(h));
        w!(out, "<rect class=\"shape\" width=\"{w}\" height=\"{h}\" rx=\"8\"/><path class=\"header\" d=\"M0,{CONTAINER_HEADER}H{w}\"/>");
    } else {
        w!(
            out,
            "<path class=\"shape\" d=\"{}\"/>",
            shape_path(n.kind, &n.state_type, w, h)
        );
    }
    if full {
        title(out, &n.tooltip);
        if container {
            text_el(
                out,
                "name",
                PAD_X,
                CONTAINER_HEADER / 2.0 + 5.0,
                "start",
                &n.name,
            );
            text_el(
                out,
                "detail",
                w - PAD_X,
                CONTAINER_HEADER / 2.0 + 4.0,
                "end",
                &n.detail,
            );
        } else {
            w!(out, "<text class=\"name\" text-anchor=\"middle\">");
            for (i, line) in n.name_lines.iter().enumerate() {
                w!(
                    out,
                    "<tspan x=\"{}\" y=\"{}\">",
                    Tenths(w / 2.0),
                    Tenths(PAD_Y + LINE_HEIGHT * (i as f64 + 1.0) - 4.0)
                );
                push_escaped(out, line);
                out.push_str("</tspan>");
            }
            out.push_str("</text>");
            let y = PAD_Y + LINE_HEIGHT * n.name_lines.len() as f64 + DETAIL_HEIGHT - 3.0;
            text_el(out, "detail", w / 2.0, y, "middle", &n.detail);
        }
        if n.is_start {
            out.push_str("<text class=\"flag\" x=\"-4\" y=\"12\" text-anchor=\"end\" aria-hidden=\"true\">▶</text>");
        }
    }
    if let Some((m, text)) = mark {
        let (cls, glyph) = if m.errors > 0 {
            ("mark mark-error", "!")
        } else {
            ("mark mark-warning", "?")
        };
        w!(
            out,
            "<g class=\"{cls}\" transform=\"translate({},0)\">",
            Tenths(w - 2.0)
        );
        title(out, text);
        w!(
            out,
            "<circle r=\"8\"/><text y=\"4\" text-anchor=\"middle\">{glyph}</text></g>"
        );
    }
    out.push_str("</g>");
}

fn lane_el(
    out: &mut String,
    lane: &ContainerBox,
    map: bool,
    pointer: &str,
    empty: bool,
    full: bool,
) {
    let class = match (map, empty) {
        (true, false) => "lane lane-map",
        (false, false) => "lane lane-branch",
        (true, true) => "lane lane-map lane-empty",
        (false, true) => "lane lane-branch lane-empty",
    };
    w!(out, "<g class=\"{class}\" data-lane=\"{}\" transform=\"translate({},{})\" aria-hidden=\"true\"><rect width=\"{}\" height=\"{}\" rx=\"6\"/>", super::escape::escape(pointer), Tenths(lane.x), Tenths(lane.y), Tenths(lane.width), Tenths(lane.height));
    if full {
        let caption = if map {
            String::from("Item processor")
        } else {
            format!("Branch {}", lane.lane + 1)
        };
        text_el(out, "", 6.0, 11.0, "start", &caption);
        if empty {
            // Where a first state goes: drag one here, or select the container and insert.
            text_el(
                out,
                "lane-hint",
                lane.width / 2.0,
                lane.height / 2.0 + 8.0,
                "middle",
                "Drop a state here",
            );
        }
    }
    out.push_str("</g>");
}

/// Every state's box as one path, scaled by `k` from the drawing's top-left `(x0, y0)`:
/// the minimap's picture, one element however big the machine.
pub fn blocks_path(scene: &Scene, k: f64, x0: f64, y0: f64) -> String {
    let mut d = String::new();
    for n in scene
        .diagram
        .nodes
        .iter()
        .filter(|n| n.state.is_some() && !n.kind.is_container())
    {
        if let Some(b) = scene.node_box(n.id) {
            let (w, h) = ((b.width * k).max(1.0), (b.height * k).max(1.0));
            w!(
                d,
                "M{},{}h{}v{}h{}z",
                Tenths((b.x - x0) * k),
                Tenths((b.y - y0) * k),
                Tenths(w),
                Tenths(h),
                Tenths(-w)
            );
        }
    }
    d
}

/// The edge's kind as `data-edge-kind` spells it.
fn kind_name(kind: EdgeKind) -> String {
    match kind {
        EdgeKind::Next => "next".into(),
        EdgeKind::Default => "default".into(),
        EdgeKind::ChoiceRule(i) => format!("choice-{i}"),
        EdgeKind::Catch(i) => format!("catch-{i}"),
        EdgeKind::Start => "start".into(),
        EdgeKind::End => "end".into(),
    }
}

fn edge(out: &mut String, e: &DiagramEdge, r: &EdgeRoute, from: &str, to: &str, labelled: bool) {
    let kind = kind_name(e.kind);
    let family = match e.kind {
        EdgeKind::ChoiceRule(_) => "edge-choice ",
        EdgeKind::Catch(_) => "edge-catch ",
        _ => "",
    };
    w!(
        out,
        "<g class=\"edge {family}edge-{kind}{}\" data-edge=\"",
        if r.is_back_edge { " back-edge" } else { "" }
    );
    push_escaped(out, from);
    out.push_str("-&gt;");
    push_escaped(out, to);
    w!(
        out,
        "\" data-edge-kind=\"{kind}\" data-from=\"{}\" data-to=\"{}\"><path d=\"",
        e.from,
        e.to
    );
    for (i, p) in r.points.iter().enumerate() {
        w!(
            out,
            "{}{},{}",
            if i == 0 { "M" } else { "L" },
            Tenths(p.x),
            Tenths(p.y)
        );
    }
    out.push_str("\" marker-end=\"url(#arrow)\"/>");
    if let (true, Some(text), Some(at)) = (labelled, &e.label, r.label_at) {
        let w = text_width(text, DETAIL_FONT, false) + 8.0;
        w!(
            out,
            "<g class=\"edge-label\" transform=\"translate({},{})\">",
            Tenths(at.x),
            Tenths(at.y)
        );
        title(out, e.title.as_deref().unwrap_or(text));
        w!(
            out,
            "<rect x=\"{}\" y=\"-8\" width=\"{}\" height=\"16\" rx=\"3\"/>",
            Tenths(-w / 2.0),
            Tenths(w)
        );
        text_el(out, "", 0.0, 4.0, "middle", text);
        out.push_str("</g>");
    }
    out.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn scene(text: &str) -> Scene {
        Scene::from_definition(&parse_value(text).unwrap())
    }

    #[test]
    fn definition_text_never_becomes_markup() {
        let s = scene(
            r#"{"StartAt": "<script>x</script>", "States": {
              "<script>x</script>": {"Type": "Choice", "Comment": "\"><img src=x onerror=alert(1)>",
                "Choices": [{"Variable": "$.a", "StringEquals": "</text><svg onload=alert(2)>", "Next": "b'\"&"}],
                "Default": "b'\"&"},
              "b'\"&": {"Type": "Succeed"}
            }}"#,
        );
        let svg = render(&s, Detail::All, &NodeMarks::new(), None);
        for bad in ["<script", "<img", "<svg", "onerror=alert(1)>"] {
            assert!(!svg.contains(bad), "{bad} leaked into {svg}");
        }
        assert!(svg.contains("data-state=\"&lt;script&gt;x&lt;/script&gt;\""));
        assert!(svg.contains("data-edge=\"&lt;script&gt;x&lt;/script&gt;-&gt;b&#39;&quot;&amp;\""));
    }

    #[test]
    fn every_state_and_edge_is_drawn_with_its_hooks_at_any_detail() {
        let s = scene(
            r#"{"StartAt": "A", "States": {
              "A": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Next": "P"},
              "P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}
            }}"#,
        );
        let mut marks = NodeMarks::new();
        marks.insert(
            1,
            (
                Mark {
                    errors: 1,
                    warnings: 0,
                },
                "Error: x".into(),
            ),
        );
        for detail in [Detail::All, Detail::None] {
            let svg = render(&s, detail, &marks, Some(1));
            assert_eq!(svg.matches("data-state=").count(), 3);
            assert_eq!(svg.matches("data-edge=").count(), s.diagram.edges.len());
            assert_eq!(svg.matches("data-marker=").count(), 2);
            assert_eq!(svg.matches("tabindex=\"0\"").count(), 1);
            assert!(svg.contains("class=\"mark mark-error\""));
            assert_eq!(svg.contains(">SNS: publish</text>"), detail == Detail::All);
            assert_eq!(svg.contains(" lod\""), detail == Detail::None);
        }
        // Only boxes meeting the region are drawn in full.
        let a = s.node_box(1).unwrap();
        let near_a = Rect {
            x: a.x,
            y: a.y,
            width: 1.0,
            height: 1.0,
        };
        let svg = render(&s, Detail::Within(near_a), &NodeMarks::new(), None);
        assert!(svg.contains(">SNS: publish</text>"));
        assert_eq!(svg.matches(" lod\"").count(), 2);
    }
}
