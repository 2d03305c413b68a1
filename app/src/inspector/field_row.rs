//! One field of a form: a label, an input fitting its kind, its hint, and the reason when
//! typed text was refused (the text stays in the input, so nothing typed is lost).

use super::commit;
use crate::store::use_store;
use engine_core::asl::form::{edits_for, read, FieldSpec, Kind};
use engine_core::asl::QueryLanguage;
use leptos::prelude::*;

/// An element id made of a pointer and a key.
pub fn element_id(object: &str, key: &str) -> String {
    let safe: String = object
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("insp{safe}-{key}")
}

#[component]
pub fn FieldRow(
    /// Pointer of the object holding the field (a state, a retrier, a rule, or `""`).
    object: String,
    spec: FieldSpec,
    query_language: QueryLanguage,
    /// The id of a `<datalist>` of state names, for fields naming a state.
    #[prop(optional)]
    names: Option<&'static str>,
) -> impl IntoView {
    let store = use_store();
    let id = element_id(&object, spec.key);
    let object = StoredValue::new(object);
    let current = Memo::new(move |_| {
        store
            .document
            .with(|doc| object.with_value(|o| read(doc, o, &spec)))
    });
    let refused = RwSignal::new(None::<String>);
    let submit = move |typed: String| {
        let edits = store.document.with_untracked(|doc| {
            object.with_value(|o| edits_for(doc, o, &spec, query_language, &typed))
        });
        match edits.and_then(|edits| commit(store, &edits)) {
            Ok(()) => refused.set(None),
            Err(reason) => refused.set(Some(reason)),
        }
    };
    let shown = move || current.get().unwrap_or_default();
    let input = match spec.kind {
        Kind::Flag => view! {
            <input type="checkbox" id=id.clone() prop:checked=move || current.get().as_deref() == Some("true")
                on:change=move |ev| submit(if event_target_checked(&ev) { "true".into() } else { String::new() }) />
        }
        .into_any(),
        Kind::Options(options) => view! {
            <select id=id.clone() on:change=move |ev| submit(event_target_value(&ev))>
                <option value="" selected=move || current.with(Option::is_none)>"(not set)"</option>
                {options.iter().map(|o| view! {
                    <option value=*o selected=move || current.get().as_deref() == Some(*o)>{*o}</option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        Kind::Json | Kind::Value => view! {
            <textarea id=id.clone() class="insp-json" spellcheck="false" rows="3" prop:value=shown
                on:change=move |ev| submit(event_target_value(&ev))></textarea>
        }
        .into_any(),
        _ => view! {
            <input type="text" id=id.clone() spellcheck="false" list=names.unwrap_or_default() prop:value=shown
                on:change=move |ev| submit(event_target_value(&ev)) />
        }
        .into_any(),
    };
    view! {
        <div class="insp-field" data-field=spec.key class:invalid=move || refused.with(Option::is_some)>
            <label for=id>{spec.key}</label>
            {input}
            <span class="insp-hint">{spec.hint}</span>
            {move || refused.get().map(|reason| view! { <p class="insp-error" role="alert">{reason}</p> })}
        </div>
    }
}
