//! The workflow's own settings, shown while no state is selected.

use super::field_row::FieldRow;
use engine_core::asl::form::workflow_fields;
use engine_core::asl::QueryLanguage;
use leptos::prelude::*;

/// The `<datalist>` of the top-level state names.
const TOP_NAMES: &str = "insp-top-names";

#[component]
pub fn WorkflowForm() -> impl IntoView {
    let store = crate::store::use_store();
    let names = Memo::new(move |_| {
        store.document.with(|doc| {
            doc.resolve("/States")
                .map(|id| doc.members(id).iter().map(|m| m.key.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="insp-workflow" data-testid="inspector-workflow">
            <h2 class="insp-title">"Workflow settings"</h2>
            <p class="insp-hint">"Select a state in the graph to edit it."</p>
            <datalist id=TOP_NAMES>
                {move || names.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            {workflow_fields().into_iter().map(|spec| view! {
                <FieldRow object=String::new() spec=spec query_language=QueryLanguage::JsonPath names=TOP_NAMES />
            }).collect_view()}
        </div>
    }
}
