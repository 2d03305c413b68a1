//! The data-flow inspector for the selected state at the cursor: each stage of its
//! latest visit side by side (TestState's names), with what changed since the stage it
//! is computed from highlighted; the Choice rule that matched; the retry/catch decision; and the
//! variables in scope, marking those the state assigned. Inside a Map, the visit shown
//! is the one in the picked iteration.

use super::json_tree::{JsonTree, Marks};
use super::state::use_sim;
use crate::store::use_store;
use engine_core::json::tree::escape_token;
use engine_core::run::StateInspection;
use engine_core::sim::{decision, diff, value_at, RuleMatch};
use engine_core::{Map, Value};
use leptos::prelude::*;
use std::rc::Rc;

#[component]
pub fn Inspector() -> impl IntoView {
    let store = use_store();
    let sim = use_sim();
    move || {
        let Some(pointer) = store.selection.get() else {
            return view! { <p class="sim-note">"Select a state on the graph to inspect its data flow."</p> }.into_any();
        };
        let name = state_name(&pointer);
        let picks = sim.pick_list();
        let found = sim
            .with_session(|s| {
                s.inspection_picked(&name, &picks)
                    .map(|i| (s.assigned_by(&i), i))
            })
            .flatten();
        let Some((assigned, i)) = found else {
            return view! { <p class="sim-note" data-testid="sim-inspector-empty">{format!("{name} has not run by this event.")}</p> }.into_any();
        };
        let state = store
            .last_good
            .with_untracked(|d| d.as_ref().and_then(|d| value_at(d, &pointer).cloned()));
        inspection_view(&i, state.as_ref(), assigned).into_any()
    }
}

/// The state name a pointer ends with (`/States/A~1B` → `A/B`).
pub fn state_name(pointer: &str) -> String {
    pointer
        .rsplit_once('/')
        .map(|(_, n)| n.replace("~1", "/").replace("~0", "~"))
        .unwrap_or_default()
}

fn inspection_view(i: &Rc<StateInspection>, state: Option<&Value>, assigned: Option<Rc<Map>>) -> impl IntoView + use<> {
    let d = decision(i, state, assigned.as_deref());
    // Each stage with the stage it is computed from, so the marks show what that step
    // did: ResultPath writes into the state's input, `result` is new data.
    let stages: [(&'static str, &Option<Rc<Value>>, &[&Option<Rc<Value>>]); 8] = [
        ("input", &i.input, &[]),
        ("afterInputPath", &i.after_input_path, &[&i.input]),
        ("afterParameters", &i.after_parameters, &[&i.after_input_path]),
        ("afterArguments", &i.after_arguments, &[&i.after_input_path, &i.input]),
        ("result", &i.result, &[]),
        ("afterResultSelector", &i.after_result_selector, &[&i.result]),
        ("afterResultPath", &i.after_result_path, &[&i.input]),
        ("output", &i.output, &[&i.after_result_path, &i.after_input_path, &i.input]),
    ];
    let mut cards = Vec::new();
    for (label, value, bases) in stages {
        let Some(value) = value.clone() else { continue };
        let base = bases.iter().find_map(|b| b.as_ref());
        let changes = base.map(|p| diff(p, &value));
        let removed: Vec<String> = changes.iter().flat_map(|c| c.removed().map(String::from)).collect();
        let marks: Marks = Rc::new(
            changes
                .iter()
                .flat_map(|c| c.changes.iter())
                .map(|c| (c.pointer.clone(), c.change.label()))
                .collect(),
        );
        let note = match &changes {
            Some(c) if c.is_empty() => "unchanged".to_string(),
            Some(c) => format!("{} change{}", c.changes.len(), if c.changes.len() == 1 { "" } else { "s" }),
            None => String::new(),
        };
        let removed_view = (!removed.is_empty()).then(|| {
            view! { <p class="jt-removed" data-testid="sim-stage-removed">"removed: " {removed.join(", ")}</p> }
        });
        cards.push(view! {
            <section class="sim-stage" data-stage=label>
                <h4>{label}<span class="sim-stage-note">{note}</span></h4>
                <JsonTree value=value.clone() marks=marks />
                {removed_view}
            </section>
        });
    }
    let choice = d.choice.as_ref().map(|c| {
        let text = match c {
            RuleMatch::Rule { index, text } => format!("matched Choices[{index}]: {text}"),
            RuleMatch::Default => "no rule matched: Default".to_string(),
        };
        view! { <p class="sim-choice" data-testid="sim-choice-rule">{text}</p> }
    });
    let variables = i.variables.as_ref().map(|v| {
        let marks: Marks = Rc::new(d.assigned.iter().map(|n| (format!("/{}", escape_token(n)), "assigned")).collect());
        view! {
            <section class="sim-stage" data-stage="variables" data-testid="sim-variables">
                <h4>"variables"<span class="sim-stage-note">{format!("{} in scope · {} assigned here", v.len(), d.assigned.len())}</span></h4>
                <JsonTree value=Rc::new(Value::from((**v).clone())) marks=marks />
            </section>
        }
    });
    view! {
        <div class="sim-inspector" data-testid="sim-inspector">
            <h3 class="sim-heading">{format!("Data flow: {}", i.name)}</h3>
            {choice}
            <p class="sim-decision" data-testid="sim-decision">{decision_text(i)}</p>
            <div class="sim-stages">{cards}{variables}</div>
        </div>
    }
}

/// Status, error, and the Retry/Catch decision in TestState's words.
fn decision_text(i: &StateInspection) -> String {
    let mut parts = vec![format!("status {}", i.status)];
    if let Some(f) = &i.error {
        parts.push(format!(
            "error {} ({})",
            f.error.as_deref().unwrap_or("-"),
            f.cause.as_deref().unwrap_or("")
        ));
    }
    if let Some(r) = i.retry_index {
        let wait = i
            .retry_backoff_interval_seconds
            .map(|s| format!(", retryBackoffIntervalSeconds {s}"))
            .unwrap_or_default();
        parts.push(format!("matched Retry[{r}] (retryIndex {r}{wait})"));
    }
    if let Some(c) = i.catch_index {
        parts.push(format!("caught by Catch[{c}] (catchIndex {c})"));
    }
    if let Some(n) = &i.next_state {
        parts.push(format!("next {n}"));
    }
    parts.join(" · ")
}
