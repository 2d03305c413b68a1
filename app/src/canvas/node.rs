//! One box: a state with its shape by type, wrapped name, detail line and diagnostic
//! mark; or the round-ended Start/End marker. Text is set as text, never as markup.

use engine_core::diagram::metrics::*;
use engine_core::diagram::{DiagramNode, Mark};
use engine_core::layout::{NodeBox, NodeKind};
use leptos::prelude::*;

/// The outline of a state's box, by type, in box-local coordinates.
fn shape_path(kind: NodeKind, state_type: &str, w: f64, h: f64) -> String {
    let rounded = |r: f64| {
        let r = r.min(h / 2.0).min(w / 2.0);
        format!(
            "M{r},0 H{} A{r},{r} 0 0 1 {w},{r} V{} A{r},{r} 0 0 1 {},{h} H{r} A{r},{r} 0 0 1 0,{} V{r} A{r},{r} 0 0 1 {r},0 Z",
            w - r,
            h - r,
            w - r,
            h - r
        )
    };
    let chamfer = |c: f64| {
        let c = c.min(h / 2.0).min(w / 2.0);
        format!(
            "M{c},0 H{} L{w},{c} V{} L{},{h} H{c} L0,{} V{c} Z",
            w - c,
            h - c,
            w - c,
            h - c
        )
    };
    match kind {
        NodeKind::Choice => {
            // A hexagon: pointed ends read as "decision".
            let c = (h / 2.0).min(14.0);
            format!(
                "M{c},0 H{} L{w},{} L{},{h} H{c} L0,{} Z",
                w - c,
                h / 2.0,
                w - c,
                h / 2.0
            )
        }
        NodeKind::Fail => chamfer(10.0),
        NodeKind::Succeed | NodeKind::Wait | NodeKind::Start | NodeKind::End => rounded(h / 2.0),
        NodeKind::Pass if state_type != "Pass" => chamfer(0.0),
        _ => rounded(6.0),
    }
}

/// The CSS class naming the state's type (`unknown` for a missing or unknown `Type`).
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

/// What a screen reader says for the node.
fn aria_label(n: &DiagramNode, mark: Option<Mark>) -> String {
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

/// The Start or End marker: a pill with its word in it.
#[component]
pub fn MarkerView(node: DiagramNode, b: NodeBox) -> impl IntoView {
    let class = format!("marker marker-{}", type_class(&node));
    view! {
        <g class=class data-marker=type_class(&node) transform=format!("translate({},{})", b.x, b.y) aria-hidden="true">
            <path d=shape_path(node.kind, "", b.width, b.height) />
            <text x=b.width / 2.0 y=b.height / 2.0 + 4.0 text-anchor="middle">{node.name.clone()}</text>
        </g>
    }
}

/// A state's box. `selected` and `tab_stop` are reactive; the rest is fixed per drawing.
#[component]
pub fn NodeView(
    node: DiagramNode,
    b: NodeBox,
    mark: Option<Mark>,
    #[prop(into)] selected: Signal<bool>,
    #[prop(into)] tab_stop: Signal<bool>,
    /// Messages of the diagnostics on this node, for the mark's tooltip.
    mark_text: String,
) -> impl IntoView {
    let (w, h) = (b.width, b.height);
    let container = node.kind.is_container();
    let class = format!(
        "node node-{}{}{}",
        type_class(&node),
        if container { " container" } else { "" },
        match mark {
            Some(m) if m.errors > 0 => " has-error",
            Some(_) => " has-warning",
            None => "",
        }
    );
    let label = aria_label(&node, mark);
    let lines = node.name_lines.clone();
    let n_lines = lines.len() as f64;
    let name_view = if container {
        view! {
            <text class="name" x=PAD_X y=CONTAINER_HEADER / 2.0 + 5.0>{node.name.clone()}</text>
            <text class="detail" x=w - PAD_X y=CONTAINER_HEADER / 2.0 + 4.0 text-anchor="end">{node.detail.clone()}</text>
        }
        .into_any()
    } else {
        view! {
            <text class="name" text-anchor="middle">
                {lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, line)| {
                        view! { <tspan x=w / 2.0 y=PAD_Y + LINE_HEIGHT * (i as f64 + 1.0) - 4.0>{line}</tspan> }
                    })
                    .collect_view()}
            </text>
            <text class="detail" x=w / 2.0 y=PAD_Y + LINE_HEIGHT * n_lines + DETAIL_HEIGHT - 3.0 text-anchor="middle">
                {node.detail.clone()}
            </text>
        }
        .into_any()
    };
    let outline = if container {
        // The frame, with a title strip across the top.
        view! {
            <rect class="shape" width=w height=h rx="8" />
            <path class="header" d=format!("M0,{CONTAINER_HEADER} H{w}") />
        }
        .into_any()
    } else {
        view! { <path class="shape" d=shape_path(node.kind, &node.state_type, w, h) /> }.into_any()
    };
    let mark_view = mark.map(|m| {
        let (cls, glyph) = if m.errors > 0 {
            ("mark mark-error", "!")
        } else {
            ("mark mark-warning", "?")
        };
        view! {
            <g class=cls transform=format!("translate({},0)", w - 2.0)>
                <title>{mark_text}</title>
                <circle r="8" />
                <text y="4" text-anchor="middle">{glyph}</text>
            </g>
        }
    });
    let start_flag = node.is_start.then(|| {
        view! { <text class="flag" x="-4" y="12" text-anchor="end" aria-hidden="true">"▶"</text> }
    });
    // app-sim: the state's run status at the debugger's cursor, as a class and a word.
    let store = crate::store::use_store();
    let state_name = node.name.clone();
    let run = Memo::new(move |_| store.run_status.with(|m| m.get(&state_name).copied()));
    let run_cue = move || run.get().map(|s| view! { <text class="run-cue" x="0" y="-4">{run_cue_text(s)}</text> });
    view! {
        <g
            class=move || {
                let sel = if selected.get() { " selected" } else { "" };
                let status = run.get().map(|s| format!(" run-{s}")).unwrap_or_default();
                format!("{class}{sel}{status}")
            }
            data-run-status=move || run.get()
            data-state=node.name.clone()
            data-node-id=node.id
            data-pointer=node.pointer.clone()
            transform=format!("translate({},{})", b.x, b.y)
            tabindex=move || if tab_stop.get() { "0" } else { "-1" }
            role="button"
            aria-label=label
            aria-pressed=move || if selected.get() { "true" } else { "false" }
        >
            <title>{node.tooltip.clone()}</title>
            {outline}
            {name_view}
            {start_flag}
            {mark_view}
            {run_cue}
        </g>
    }
}

/// The glyph and word shown above a state that has run (colour is never the only cue).
fn run_cue_text(status: &str) -> String {
    let glyph = match status {
        "succeeded" => "✓",
        "failed" => "✗",
        "caught" => "↪",
        "cancelled" => "⊘",
        _ => "…",
    };
    format!("{glyph} {}", status.replace('-', " "))
}
