//! One mocked response: Return with a JSON editor (validated as typed), or Throw with
//! Error and Cause; and its simulated duration, so TimeoutSeconds/HeartbeatSeconds can
//! fire on the virtual clock.

use super::state::use_sim;
use engine_core::json::parse_value;
use engine_core::sim::{OutcomeDraft, ResponseDraft};
use leptos::prelude::*;

#[component]
pub fn ResponseEditor(state_index: usize, index: usize, initial: ResponseDraft) -> impl IntoView {
    let sim = use_sim();
    let draft = RwSignal::new(initial);
    // Typing writes through without redrawing the list (the editor keeps its own text).
    let commit = move |change: &dyn Fn(&mut ResponseDraft)| {
        draft.update(|d| change(d));
        let d = draft.get_untracked();
        sim.drafts.update_untracked(|all| {
            if let Some(slot) = all
                .states
                .get_mut(state_index)
                .and_then(|s| s.responses.get_mut(index))
            {
                *slot = d;
            }
        });
        sim.touch();
    };
    let is_return = Memo::new(move |_| draft.with(|d| matches!(d.outcome, OutcomeDraft::Return(_))));
    let problem = Memo::new(move |_| {
        draft.with(|d| match &d.outcome {
            OutcomeDraft::Return(text) => parse_value(text).err().map(|e| e.to_string()),
            OutcomeDraft::Throw { .. } => None,
        })
    });
    let delay_problem = Memo::new(move |_| {
        draft.with(|d| {
            let t = d.delay.trim();
            let ok = t.is_empty() || t.parse::<f64>().is_ok_and(|s| s >= 0.0 && s.is_finite());
            (!ok).then(|| "The duration is a number of seconds, 0 or more.".to_string())
        })
    });
    let switch = move |ev: leptos::ev::Event| {
        let outcome = if event_target_value(&ev) == "Throw" {
            OutcomeDraft::Throw {
                error: "States.TaskFailed".to_string(),
                cause: String::new(),
            }
        } else {
            OutcomeDraft::Return("{}".to_string())
        };
        commit(&|d| d.outcome = outcome.clone());
    };
    let throw_fields = move || match draft.get_untracked().outcome {
        OutcomeDraft::Throw { error, cause } => (error, cause),
        OutcomeDraft::Return(_) => (String::new(), String::new()),
    };
    let body = move || {
        if is_return.get() {
            let text = match draft.get_untracked().outcome {
                OutcomeDraft::Return(t) => t,
                OutcomeDraft::Throw { .. } => String::new(),
            };
            view! {
                <textarea class="sim-json" class:invalid=move || problem.get().is_some() data-testid="sim-return"
                    spellcheck="false" rows="2" aria-label="Return JSON" prop:value=text
                    on:input=move |ev| { let t = event_target_value(&ev); commit(&|d| d.outcome = OutcomeDraft::Return(t.clone())) }></textarea>
                {move || problem.get().map(|e| view! { <span class="sim-error">"Not valid JSON: " {e}</span> })}
            }
            .into_any()
        } else {
            let (error, cause) = throw_fields();
            view! {
                <input data-testid="sim-throw-error" placeholder="Error" aria-label="Error" prop:value=error
                    on:input=move |ev| { let e = event_target_value(&ev); commit(&|d| d.outcome = OutcomeDraft::Throw { error: e.clone(), cause: throw_fields().1 }) } />
                <input data-testid="sim-throw-cause" placeholder="Cause" aria-label="Cause" prop:value=cause
                    on:input=move |ev| { let c = event_target_value(&ev); commit(&|d| d.outcome = OutcomeDraft::Throw { error: throw_fields().0, cause: c.clone() }) } />
            }
            .into_any()
        }
    };
    let delay = draft.with_untracked(|d| d.delay.clone());
    view! {
        <select aria-label="Response kind" data-testid="sim-kind" prop:value=move || if is_return.get() { "Return" } else { "Throw" }
            on:change=switch>
            <option value="Return">"Return"</option>
            <option value="Throw">"Throw"</option>
        </select>
        <div class="sim-response-body">
            {body}
            <label class="sim-delay">
                "Takes"
                <input data-testid="sim-delay" inputmode="decimal" placeholder="0" aria-label="Simulated duration in seconds"
                    class:invalid=move || delay_problem.get().is_some() prop:value=delay
                    on:input=move |ev| { let t = event_target_value(&ev); commit(&|d| d.delay = t.clone()) } />
                "s"
            </label>
            {move || delay_problem.get().map(|e| view! { <span class="sim-error">{e}</span> })}
        </div>
    }
}
