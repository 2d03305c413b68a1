//! The data-flow inspector for the selected state at the cursor: each stage of its
//! latest visit side by side (TestState's names), the retry/catch decision, and the
//! variables in scope.

use super::state::use_sim;
use crate::store::use_store;
use engine_core::json::write_pretty;
use engine_core::run::StateInspection;
use engine_core::Value;
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn Inspector() -> impl IntoView {
    let store = use_store();
    let sim = use_sim();
    let selected = move || {
        store.selection.get().and_then(|p| {
            p.rsplit_once('/')
                .map(|(_, n)| n.replace("~1", "/").replace("~0", "~"))
        })
    };
    move || {
        let Some(name) = selected() else {
            return view! { <p class="sim-note">"Select a state on the graph to inspect its data flow."</p> }.into_any();
        };
        match sim.with_session(|s| s.inspection(&name)).flatten() {
            None => view! { <p class="sim-note" data-testid="sim-inspector-empty">{format!("{name} has not run by this event.")}</p> }.into_any(),
            Some(i) => stages(&i).into_any(),
        }
    }
}

fn stages(i: &Rc<StateInspection>) -> impl IntoView + use<> {
    let list: [(&str, &Option<Rc<Value>>); 8] = [
        ("input", &i.input),
        ("afterInputPath", &i.after_input_path),
        ("afterParameters", &i.after_parameters),
        ("afterArguments", &i.after_arguments),
        ("result", &i.result),
        ("afterResultSelector", &i.after_result_selector),
        ("afterResultPath", &i.after_result_path),
        ("output", &i.output),
    ];
    let cards = list
        .into_iter()
        .filter_map(|(label, v)| v.as_ref().map(|v| (label, write_pretty(v))))
        .map(|(label, text)| {
            view! {
                <details class="sim-stage" open data-stage=label>
                    <summary>{label}</summary>
                    <pre class="sim-pre">{text}</pre>
                </details>
            }
        })
        .collect_view();
    let mut decision = vec![format!("status {}", i.status)];
    if let Some(f) = &i.error {
        decision.push(format!(
            "error {} ({})",
            f.error.as_deref().unwrap_or("-"),
            f.cause.as_deref().unwrap_or("")
        ));
    }
    if let Some(r) = i.retry_index {
        let wait = i
            .retry_backoff_interval_seconds
            .map(|s| format!(", retrying after {s} s"))
            .unwrap_or_default();
        decision.push(format!("matched Retry[{r}]{wait}"));
    }
    if let Some(c) = i.catch_index {
        decision.push(format!("caught by Catch[{c}]"));
    }
    if let Some(n) = &i.next_state {
        decision.push(format!("next {n}"));
    }
    let variables = i.variables.as_ref().map(|v| {
        let text = write_pretty(&Value::from((**v).clone()));
        view! { <details class="sim-stage" open data-stage="variables"><summary>"variables"</summary><pre class="sim-pre">{text}</pre></details> }
    });
    view! {
        <div class="sim-inspector" data-testid="sim-inspector">
            <h3 class="sim-heading">{format!("Data flow: {}", i.name)}</h3>
            <p class="sim-decision" data-testid="sim-decision">{decision.join(" · ")}</p>
            <div class="sim-stages">{cards}{variables}</div>
        </div>
    }
}
