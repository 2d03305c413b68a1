//! The dialog a delete or a move opens when some transitions have no obvious new target:
//! one choice per transition, among the targets engine-core suggests.

use super::answer_pending;
use crate::dialog::Dialog;
use crate::store::use_store;
use engine_core::asl::edit::Answer;
use leptos::prelude::*;

#[component]
pub fn QuestionsDialog() -> impl IntoView {
    let store = use_store();
    let pending = store.edit.pending;
    let cancel = move || pending.set(None);
    move || {
        let (_, questions) = pending.get()?;
        let picks: Vec<RwSignal<String>> = questions
            .iter()
            .map(|q| RwSignal::new(q.options.first().cloned().unwrap_or_default()))
            .collect();
        let rows = questions
            .iter()
            .zip(picks.clone())
            .enumerate()
            .map(|(i, (q, pick))| {
                let leaving = q.leaving.rsplit('/').next().unwrap_or_default().replace("~1", "/").replace("~0", "~");
                let options = q.options.clone();
                view! {
                    <label class="question" data-testid=format!("question-{i}")>
                        <span>{format!("{} led to {leaving}; it now leads to", q.reference)}</span>
                        <select
                            data-testid=format!("question-{i}-target")
                            on:change=move |ev| pick.set(event_target_value(&ev))
                        >
                            {options.into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                }
            })
            .collect_view();
        let apply = move |_| {
            let answers = questions
                .iter()
                .zip(&picks)
                .map(|(q, pick)| Answer {
                    reference: q.reference.clone(),
                    target: pick.get_untracked(),
                })
                .collect();
            answer_pending(store, answers);
        };
        Some(view! {
            <Dialog
                title="Where should these transitions lead?"
                testid="questions"
                class="questions"
                on_close=cancel
                focus="select"
            >
                {rows}
                <div class="question-actions">
                    <button type="button" data-testid="questions-apply" on:click=apply>"Apply"</button>
                    <button type="button" data-testid="questions-cancel" on:click=move |_| cancel()>"Cancel"</button>
                </div>
            </Dialog>
        })
    }
}
