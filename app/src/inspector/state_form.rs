//! The form of one state: its name, type and language, then tabs as in Workflow Studio —
//! Configuration, Input/Output, Error handling — and the problems found in it.

use super::field_row::FieldRow;
use super::lists::{Branches, Catchers, ChoiceRules, Retriers};
use super::commit;
use crate::store::use_store;
use engine_core::asl::edit::rename_state;
use engine_core::asl::form::{state_fields, Group};
use engine_core::asl::{QueryLanguage, Severity, StateType};
use engine_core::json::tree::{split_pointer, Document};
use leptos::prelude::*;

/// The `<datalist>` of the state names in the selected state's scope.
pub const NAMES_LIST: &str = "insp-state-names";

/// A state's type and the language its fields are read in (its own `QueryLanguage`, else
/// the machine's, else JSONPath).
fn shape_of(doc: &Document, state: &str) -> Option<(StateType, QueryLanguage)> {
    let text = |p: &str| doc.resolve(p).and_then(|id| doc.as_str(id));
    let t = StateType::from_name(text(&format!("{state}/Type"))?)?;
    let ql = text(&format!("{state}/QueryLanguage"))
        .or_else(|| text("/QueryLanguage"))
        .and_then(QueryLanguage::from_name)
        .unwrap_or(QueryLanguage::JsonPath);
    Some((t, ql))
}

/// The names of the states beside `state` (its scope's `States`).
fn names_in_scope(doc: &Document, state: &str) -> Vec<String> {
    let Some((states, _)) = state.rsplit_once('/') else {
        return Vec::new();
    };
    doc.resolve(states)
        .map(|id| doc.members(id).iter().map(|m| m.key.clone()).collect())
        .unwrap_or_default()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Configuration,
    InputOutput,
    ErrorHandling,
}

#[component]
pub fn StateForm(pointer: String) -> impl IntoView {
    let store = use_store();
    let name = split_pointer(&pointer)
        .and_then(|t| t.last().cloned())
        .unwrap_or_default();
    let pointer = StoredValue::new(pointer);
    let shape = Memo::new(move |_| {
        store
            .document
            .with(|doc| pointer.with_value(|p| shape_of(doc, p)))
    });
    let names = Memo::new(move |_| {
        store
            .document
            .with(|doc| pointer.with_value(|p| names_in_scope(doc, p)))
    });
    let tab = RwSignal::new(Tab::Configuration);
    let rename_refused = RwSignal::new(None::<String>);
    let rename = move |typed: String| {
        let result = store.document.with_untracked(|doc| {
            pointer.with_value(|p| rename_state(doc, p, typed.trim()).map_err(|e| e.to_string()))
        });
        match result.and_then(|change| commit(store, &[change.edit]).map(|()| change.selection)) {
            Ok(selection) => {
                rename_refused.set(None);
                store.selection.set(selection.into_iter().next());
            }
            Err(reason) => rename_refused.set(Some(reason)),
        }
    };
    let problems = Memo::new(move |_| {
        let p = pointer.get_value();
        let inside = format!("{p}/");
        store.problems.with(|all| {
            all.iter()
                .filter(|d| d.pointer == p || d.pointer.starts_with(&inside))
                .map(|d| (d.severity == Severity::Error, d.message.clone()))
                .collect::<Vec<_>>()
        })
    });
    let tab_button = move |which: Tab, label: &'static str, testid: &'static str| {
        view! {
            <button role="tab" data-testid=testid aria-selected=move || (tab.get() == which).to_string()
                on:click=move |_| tab.set(which)>{label}</button>
        }
    };
    let fields_of = move |group: Group| {
        shape.get().map(|(t, ql)| {
            state_fields(t, ql)
                .into_iter()
                .filter(|f| f.group == group)
                .map(|spec| {
                    view! { <FieldRow object=pointer.get_value() spec=spec query_language=ql names=NAMES_LIST /> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="insp-state" data-testid="inspector-state">
            <datalist id=NAMES_LIST>
                {move || names.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            <div class="insp-field insp-name" class:invalid=move || rename_refused.with(Option::is_some)>
                <label for="insp-state-name">"State name"</label>
                <input id="insp-state-name" type="text" data-testid="inspector-name" prop:value=name
                    on:change=move |ev| rename(event_target_value(&ev)) />
                <span class="insp-hint">{move || shape.get().map(|(t, ql)| format!("{} state · {}", t.name(), ql.name()))}</span>
                {move || rename_refused.get().map(|r| view! { <p class="insp-error" role="alert">{r}</p> })}
            </div>
            <div class="insp-tabs" role="tablist" aria-label="State settings">
                {tab_button(Tab::Configuration, "Configuration", "inspector-tab-configuration")}
                {tab_button(Tab::InputOutput, "Input/Output", "inspector-tab-io")}
                {move || shape.get().filter(|(t, _)| t.handles_errors()).map(|_| {
                    tab_button(Tab::ErrorHandling, "Error handling", "inspector-tab-errors")
                })}
            </div>
            {move || {
                let (t, ql) = shape.get()?;
                let p = pointer.get_value();
                Some(match tab.get() {
                    Tab::Configuration => view! {
                        {fields_of(Group::Configuration)}
                        {(t == StateType::Choice).then(|| view! { <ChoiceRules state=p.clone() query_language=ql /> })}
                        {(t == StateType::Parallel).then(|| view! { <Branches state=p.clone() /> })}
                    }.into_any(),
                    Tab::InputOutput => view! { {fields_of(Group::InputOutput)} }.into_any(),
                    Tab::ErrorHandling if t.handles_errors() => view! {
                        <Retriers state=p.clone() query_language=ql />
                        <Catchers state=p query_language=ql />
                    }.into_any(),
                    Tab::ErrorHandling => view! { {fields_of(Group::Configuration)} }.into_any(),
                })
            }}
            <ul class="insp-problems" data-testid="inspector-problems" aria-label="Problems in this state">
                {move || problems.get().into_iter().map(|(is_error, message)| view! {
                    <li class=if is_error { "error" } else { "warning" }>
                        {if is_error { "Error: " } else { "Warning: " }}{message}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
