//! The machine drawn as SVG: one node per state, carrying `data-state` for tests.

use crate::outline::outline;
use engine_core::Value;
use leptos::prelude::*;

const ROW_HEIGHT: f64 = 44.0;
const INDENT: f64 = 28.0;
const NODE_WIDTH: f64 = 260.0;
const NODE_HEIGHT: f64 = 32.0;

#[component]
pub fn GraphView(definition: Value) -> impl IntoView {
    let nodes = outline(&definition);
    let height = nodes.len() as f64 * ROW_HEIGHT + 16.0;
    let width = nodes.iter().map(|n| n.depth as f64 * INDENT).fold(0.0, f64::max) + NODE_WIDTH + 16.0;
    view! {
        <svg
            class="graph"
            data-testid="graph"
            role="img"
            aria-label="State machine graph"
            viewBox=format!("0 0 {width} {height}")
            width=width
            height=height
        >
            {nodes
                .into_iter()
                .map(|node| {
                    let x = 8.0 + node.depth as f64 * INDENT;
                    let y = 8.0 + node.row as f64 * ROW_HEIGHT;
                    let class = format!("node node-{}", node.state_type.to_lowercase());
                    view! {
                        <g class=class data-state=node.name.clone() transform=format!("translate({x},{y})")>
                            <title>{format!("{} ({})", node.name, node.state_type)}</title>
                            <rect width=NODE_WIDTH height=NODE_HEIGHT rx="6" />
                            <text x="10" y="21">{node.name.clone()}</text>
                            <text x=NODE_WIDTH - 10.0 y="21" text-anchor="end" class="type">{node.state_type.clone()}</text>
                        </g>
                    }
                })
                .collect_view()}
        </svg>
    }
}
