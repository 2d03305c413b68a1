//! Which machine to open when a template holds several.

use super::document::choose_machine;
use super::modal::Modal;
use crate::store::use_store;
use engine_core::import::{DefinitionSource, TemplateChoice};
use engine_core::json::parse_value;
use engine_core::Value;
use leptos::prelude::*;

/// "3 states" for a definition text that parses, else nothing.
fn state_count(definition_text: &str) -> Option<String> {
    let states = parse_value(definition_text)
        .ok()?
        .get("States")
        .and_then(Value::as_object)
        .map(|s| s.len())?;
    Some(if states == 1 {
        "1 state".into()
    } else {
        format!("{states} states")
    })
}

#[component]
pub fn MachinePicker(choice: TemplateChoice) -> impl IntoView {
    let store = use_store();
    view! {
        <Modal title="Choose a state machine" testid="machine-picker">
            <p class="muted">"This template holds several state machines. Which one do you want to open?"</p>
            <ul class="choice-list">
                {choice
                    .machines
                    .into_iter()
                    .enumerate()
                    .map(|(index, machine)| {
                        let id = machine.logical_id.clone().unwrap_or_default();
                        let source = match machine.source {
                            DefinitionSource::Definition => "Definition",
                            DefinitionSource::DefinitionString => "DefinitionString",
                            DefinitionSource::Bare => "definition",
                        };
                        let details = [machine.name.clone(), state_count(&machine.definition_text), Some(source.to_string())]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="choice"
                                    data-testid="pick-machine"
                                    data-logical-id=id.clone()
                                    on:click=move |_| choose_machine(store, index)
                                >
                                    <strong>{id.clone()}</strong>
                                    <span class="muted">{details}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </Modal>
    }
}
