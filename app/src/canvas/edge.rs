//! One routed transition: a polyline ending in an arrowhead, with its label (a Choice
//! rule's condition, a Catcher's errors, "Default") on a backing plate.

use engine_core::diagram::metrics::DETAIL_FONT;
use engine_core::diagram::text::text_width;
use engine_core::diagram::DiagramEdge;
use engine_core::layout::{EdgeKind, EdgeRoute};
use leptos::prelude::*;

fn kind_class(kind: EdgeKind) -> String {
    match kind {
        EdgeKind::ChoiceRule(_) => format!("choice {}", kind_name(kind)),
        EdgeKind::Catch(_) => format!("catch {}", kind_name(kind)),
        _ => kind_name(kind),
    }
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

fn path_of(route: &EdgeRoute) -> String {
    let mut d = String::new();
    for (i, p) in route.points.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { " L" });
        d.push_str(&format!("{:.1},{:.1}", p.x, p.y));
    }
    d
}

#[component]
pub fn EdgeView(
    edge: DiagramEdge,
    route: EdgeRoute,
    /// `from->to` with state names (`Start` / `End` for the markers).
    key: String,
    #[prop(into)] selected: Signal<bool>,
) -> impl IntoView {
    let class = format!(
        "edge edge-{}{}",
        kind_class(edge.kind),
        if route.is_back_edge { " back-edge" } else { "" }
    );
    let label = match (edge.label.clone(), route.label_at) {
        (Some(text), Some(at)) => {
            let w = text_width(&text, DETAIL_FONT, false) + 8.0;
            let title = edge.title.clone().unwrap_or_else(|| text.clone());
            Some(view! {
                <g class="edge-label" transform=format!("translate({:.1},{:.1})", at.x, at.y)>
                    <title>{title}</title>
                    <rect x=-w / 2.0 y="-8" width=w height="16" rx="3" />
                    <text y="4" text-anchor="middle">{text}</text>
                </g>
            })
        }
        _ => None,
    };
    view! {
        <g
            class=move || if selected.get() { format!("{class} selected") } else { class.clone() }
            data-edge=key
            data-edge-kind=kind_name(edge.kind)
        >
            <path d=path_of(&route) marker-end=move || if selected.get() { "url(#arrow-selected)" } else { "url(#arrow)" } />
            {label}
        </g>
    }
}
