//! Every Task state (nested ones too) with its responses in call order: add, remove,
//! reorder, and whether the last one answers every later call. The list follows the
//! definition: new Tasks get a starter response.

use super::response_editor::ResponseEditor;
use super::state::{use_sim, SimState};
use crate::store::use_store;
use engine_core::sim::{task_states, ResponseDraft};
use leptos::ev::Event;
use leptos::prelude::*;

#[component]
pub fn MocksEditor() -> impl IntoView {
    let store = use_store();
    let sim = use_sim();
    Effect::new(move |_| {
        let Some(definition) = store.last_good.get() else {
            return;
        };
        let tasks = task_states(&definition);
        let aligned = sim.drafts.with_untracked(|d| d.align(&tasks));
        if sim.drafts.with_untracked(|d| *d != aligned) {
            sim.set_drafts(aligned);
        }
    });
    // The list follows the drafts' shape while the panel is on show; hidden, a new shape
    // waits until it is shown (the drafts hold every typed response, so nothing is lost):
    // a paste of a big machine would otherwise build every Task's editors unseen.
    let drawn_shape = Memo::new(move |drawn: Option<&u64>| {
        let shape = sim.mocks_shape.get();
        match drawn {
            Some(&drawn) if !sim.on_show.get() => drawn,
            _ => shape,
        }
    });
    let list = move || {
        // Read, not only tracked: a memo computes (and so follows its sources) when read.
        drawn_shape.get();
        let states = sim.drafts.with_untracked(|d| {
            d.states
                .iter()
                .map(|s| (s.state.clone(), s.responses.clone(), s.repeat_last))
                .collect::<Vec<_>>()
        });
        states
            .into_iter()
            .enumerate()
            .map(|(si, (name, responses, repeat_last))| {
                let count = responses.len();
                let items = responses
                    .into_iter()
                    .enumerate()
                    .map(|(ri, r)| {
                        view! {
                            <li class="sim-response">
                                <ResponseEditor state_index=si index=ri initial=r />
                                <span class="sim-response-tools">
                                    <button title="Earlier" aria-label="Move earlier" disabled=ri == 0
                                        on:click=move |_| reorder(sim, si, ri, ri.wrapping_sub(1))>"↑"</button>
                                    <button title="Later" aria-label="Move later" disabled=ri + 1 == count
                                        on:click=move |_| reorder(sim, si, ri, ri + 1)>"↓"</button>
                                    <button title="Remove" aria-label="Remove response" data-testid="sim-remove-response"
                                        on:click=move |_| edit_list(sim, si, |l| { l.remove(ri); })>"✕"</button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view();
                let calls = match (repeat_last, count) {
                    (true, 1) => "every call".to_string(),
                    (true, _) => format!("{count} calls, then the last again"),
                    (false, _) => format!("{count} call(s)"),
                };
                let repeat_label = if count > 1 {
                    "Last response for every later call"
                } else {
                    "Same response for every call"
                };
                view! {
                    <section class="sim-task" data-testid="sim-task" data-task=name.clone()>
                        <h4>{name.clone()} <span class="sim-calls" data-testid="sim-calls">{calls}</span></h4>
                        <ol>{items}</ol>
                        <div class="sim-task-tools">
                            <button data-testid="sim-add-response"
                                on:click=move |_| edit_list(sim, si, |l| l.push(ResponseDraft::returning("{}")))>"+ Response"</button>
                            <label class="sim-repeat">
                                <input type="checkbox" data-testid="sim-repeat" prop:checked=repeat_last
                                    on:change=move |ev: Event| set_repeat(sim, si, event_target_checked(&ev)) />
                                {repeat_label}
                            </label>
                        </div>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <h3 class="sim-heading">"Task mocks"</h3>
        <div class="sim-mocks" data-testid="sim-mocks">{list}</div>
    }
}

fn edit_list(sim: SimState, state_index: usize, f: impl FnOnce(&mut Vec<ResponseDraft>)) {
    sim.drafts.update_untracked(|d| {
        if let Some(s) = d.states.get_mut(state_index) {
            f(&mut s.responses);
        }
    });
    sim.mocks_shape.update(|n| *n += 1);
}

fn set_repeat(sim: SimState, state_index: usize, on: bool) {
    sim.drafts.update_untracked(|d| {
        if let Some(s) = d.states.get_mut(state_index) {
            s.repeat_last = on;
        }
    });
    sim.mocks_shape.update(|n| *n += 1);
}

fn reorder(sim: SimState, state_index: usize, from: usize, to: usize) {
    edit_list(sim, state_index, |l| {
        if from < l.len() && to < l.len() {
            l.swap(from, to);
        }
    });
}
