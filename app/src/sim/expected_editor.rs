//! The active scenario's expected outcome (status, and output or error/cause), with
//! "expect this result" to take it from the finished run, and how the run on show
//! compares with it.

use super::state::{use_sim, SimState};
use engine_core::json::parse_value;
use engine_core::sim::{judge, Expected, Verdict};
use leptos::prelude::*;

const STATUSES: [&str; 4] = ["SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"];

#[component]
pub fn ExpectedEditor() -> impl IntoView {
    let sim = use_sim();
    let fields = move || {
        // Redrawn when another scenario is shown, not while typing.
        sim.mocks_shape.track();
        let e = sim
            .scenarios
            .with_untracked(|s| s.active().expected.clone())
            .unwrap_or_default();
        let status = RwSignal::new(e.status.clone());
        let output = RwSignal::new(e.output.clone());
        let output_problem = Memo::new(move |_| {
            output.with(|t| (!t.trim().is_empty()).then(|| parse_value(t).err()).flatten().map(|e| e.to_string()))
        });
        view! {
            <div class="sim-expected-fields">
                <label>"Status"
                    <select data-testid="sim-expected-status" aria-label="Expected status" prop:value=e.status.clone()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            status.set(v.clone());
                            edit(sim, |x| x.status = v.clone());
                        }>
                        <option value="">"— not checked —"</option>
                        {STATUSES.map(|s| view! { <option value=s>{s}</option> }).collect_view()}
                    </select>
                </label>
                <Show when=move || status.with(|s| s == "SUCCEEDED")>
                    <textarea class="sim-json" data-testid="sim-expected-output" rows="3" spellcheck="false"
                        aria-label="Expected output (JSON; empty to not check)" placeholder="Expected output (JSON; empty to not check)"
                        class:invalid=move || output_problem.get().is_some()
                        prop:value=output.get_untracked()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            output.set(v.clone());
                            edit(sim, |x| x.output = v.clone());
                        }></textarea>
                    {move || output_problem.get().map(|e| view! { <span class="sim-error">"Not valid JSON: " {e}</span> })}
                </Show>
                <Show when=move || status.with(|s| s != "SUCCEEDED" && !s.is_empty())>
                    <input data-testid="sim-expected-error" placeholder="Error (empty to not check)" aria-label="Expected error"
                        prop:value=e.error.clone() on:input=move |ev| { let v = event_target_value(&ev); edit(sim, |x| x.error = v.clone()) } />
                    <input data-testid="sim-expected-cause" placeholder="Cause (empty to not check)" aria-label="Expected cause"
                        prop:value=e.cause.clone() on:input=move |ev| { let v = event_target_value(&ev); edit(sim, |x| x.cause = v.clone()) } />
                </Show>
            </div>
        }
    };
    let finished = move || sim.with_session(|s| s.finished()).unwrap_or(false);
    let take_result = move |_| {
        if let Some(result) = sim.with_session(|s| s.result()) {
            sim.scenarios.update(|s| s.active_mut().expected = Some(Expected::from_result(&result)));
            sim.mocks_shape.update(|n| *n += 1);
            sim.touch();
        }
    };
    let verdict = move || {
        sim.edits.track();
        let expected = sim.scenarios.with(|s| s.active().expected.clone());
        sim.with_session(|s| s.finished().then(|| judge(expected.as_ref(), &s.result())))
            .flatten()
            .map(verdict_view)
    };
    view! {
        <details class="sim-import" data-testid="sim-expected">
            <summary data-testid="sim-expected-toggle">"Expected outcome"</summary>
            {fields}
            <button data-testid="sim-expect-result" disabled=move || !finished() on:click=take_result>"Expect this run's result"</button>
        </details>
        {verdict}
    }
}

fn edit(sim: SimState, change: impl FnOnce(&mut Expected)) {
    sim.scenarios.update_untracked(|s| change(s.active_mut().expected.get_or_insert_with(Expected::default)));
    sim.touch();
}

/// PASS / FAIL with what differs, or nothing to check.
pub fn verdict_view(v: Verdict) -> impl IntoView {
    match v {
        Verdict::Unchecked => view! { <span class="sim-verdict" data-testid="sim-verdict">"—"</span> }.into_any(),
        Verdict::Pass => view! { <span class="sim-verdict pass" data-testid="sim-verdict">"PASS"</span> }.into_any(),
        Verdict::Fail(m) => {
            let details = m
                .into_iter()
                .map(|x| format!("{}: expected {}, got {}", x.field, x.expected, x.actual))
                .collect::<Vec<_>>()
                .join("; ");
            view! { <span class="sim-verdict fail" data-testid="sim-verdict" title=details.clone()>"FAIL"<small>{format!(" — {details}")}</small></span> }.into_any()
        }
    }
}
