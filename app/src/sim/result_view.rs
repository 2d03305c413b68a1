//! The result at the cursor: status, output or error/cause, transitions, virtual
//! duration and the estimated cost of a Standard and an Express execution.

use super::state::use_sim;
use engine_core::json::write_pretty;
use engine_core::sim::estimate_cost;
use leptos::prelude::*;

#[component]
pub fn ResultView() -> impl IntoView {
    let sim = use_sim();
    move || {
        sim.with_session(|s| {
            let r = s.result();
            let cost = estimate_cost(r.transitions, r.elapsed_ms, 64);
            let status_class = format!("sim-status status-{}", r.status.to_ascii_lowercase());
            let output = r.output.as_ref().map(|o| {
                view! { <dt>"Output"</dt><dd><pre class="sim-pre" data-testid="sim-output">{write_pretty(o)}</pre></dd> }
            });
            let failure = r.failure.clone().map(|f| {
                view! {
                    <dt>"Error"</dt><dd data-testid="sim-error-name">{f.error.unwrap_or_default()}</dd>
                    <dt>"Cause"</dt><dd data-testid="sim-cause">{f.cause.unwrap_or_default()}</dd>
                }
            });
            view! {
                <dl class="sim-result" data-testid="sim-result">
                    <dt>"Status"</dt><dd><span class=status_class data-testid="sim-status">{r.status}</span></dd>
                    {output}
                    {failure}
                    <dt>"Transitions"</dt><dd data-testid="sim-transitions">{r.transitions}</dd>
                    <dt>"Virtual duration"</dt><dd data-testid="sim-duration">{format!("{} s", r.elapsed_ms as f64 / 1000.0)}</dd>
                    <dt>"Estimated cost"</dt>
                    <dd data-testid="sim-cost">{format!("Standard ${:.6} · Express ${:.8}", cost.standard_usd, cost.express_usd)}</dd>
                </dl>
            }
        })
    }
}
