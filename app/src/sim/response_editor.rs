//! One mocked response: Return with a JSON editor (validated as typed), or Throw with
//! Error and Cause.

use super::state::use_sim;
use engine_core::json::parse_value;
use engine_core::sim::ResponseDraft;
use leptos::prelude::*;

#[component]
pub fn ResponseEditor(state_index: usize, index: usize, initial: ResponseDraft) -> impl IntoView {
    let sim = use_sim();
    let draft = RwSignal::new(initial);
    // Typing writes through without redrawing the list (the editor keeps its own text).
    let commit = move |d: ResponseDraft| {
        draft.set(d.clone());
        sim.drafts.update_untracked(|all| {
            if let Some(slot) = all
                .states
                .get_mut(state_index)
                .and_then(|s| s.responses.get_mut(index))
            {
                *slot = d;
            }
        });
    };
    let is_return = Memo::new(move |_| draft.with(|d| matches!(d, ResponseDraft::Return(_))));
    let problem = Memo::new(move |_| {
        draft.with(|d| match d {
            ResponseDraft::Return(text) => parse_value(text).err().map(|e| e.to_string()),
            ResponseDraft::Throw { .. } => None,
        })
    });
    let switch = move |ev: leptos::ev::Event| {
        let d = if event_target_value(&ev) == "Throw" {
            ResponseDraft::Throw {
                error: "States.TaskFailed".to_string(),
                cause: String::new(),
            }
        } else {
            ResponseDraft::Return("{}".to_string())
        };
        commit(d);
    };
    let throw_fields = move || match draft.get_untracked() {
        ResponseDraft::Throw { error, cause } => (error, cause),
        ResponseDraft::Return(_) => (String::new(), String::new()),
    };
    let body = move || {
        if is_return.get() {
            let text = match draft.get_untracked() {
                ResponseDraft::Return(t) => t,
                ResponseDraft::Throw { .. } => String::new(),
            };
            view! {
                <textarea class="sim-json" class:invalid=move || problem.get().is_some() data-testid="sim-return"
                    spellcheck="false" rows="2" aria-label="Return JSON" prop:value=text
                    on:input=move |ev| commit(ResponseDraft::Return(event_target_value(&ev)))></textarea>
                {move || problem.get().map(|e| view! { <span class="sim-error">"Not valid JSON: " {e}</span> })}
            }
            .into_any()
        } else {
            let (error, cause) = throw_fields();
            view! {
                <input data-testid="sim-throw-error" placeholder="Error" aria-label="Error" prop:value=error
                    on:input=move |ev| commit(ResponseDraft::Throw { error: event_target_value(&ev), cause: throw_fields().1 }) />
                <input data-testid="sim-throw-cause" placeholder="Cause" aria-label="Cause" prop:value=cause
                    on:input=move |ev| commit(ResponseDraft::Throw { error: throw_fields().0, cause: event_target_value(&ev) }) />
            }
            .into_any()
        }
    };
    view! {
        <select aria-label="Response kind" data-testid="sim-kind" prop:value=move || if is_return.get() { "Return" } else { "Throw" }
            on:change=switch>
            <option value="Return">"Return"</option>
            <option value="Throw">"Throw"</option>
        </select>
        <div class="sim-response-body">{body}</div>
    }
}
