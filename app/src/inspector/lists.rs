//! The list editors of a state: retriers, catchers, Choice rules (with the rule builder)
//! and Parallel branches. Adding goes through `asl::edit`; removing is a pointer edit.

use super::commit;
use super::field_row::{element_id, FieldRow};
use super::state_form::NAMES_LIST;
use crate::store::{use_store, Store};
use engine_core::asl::edit::{add_branch, add_catch, add_choice_rule, add_retry, Change};
use engine_core::asl::form::{
    catcher_fields, retrier_fields, rule_condition, rule_fields, set_rule_operator, FieldSpec,
};
use engine_core::asl::view::OPERATORS;
use engine_core::asl::QueryLanguage;
use engine_core::json::tree::{Document, Edit, EditError};
use leptos::prelude::*;

/// How many items the array at `pointer` holds.
fn count(store: Store, pointer: &str) -> usize {
    store.document.with(|doc| {
        doc.resolve(pointer)
            .map(|id| doc.items(id).len())
            .unwrap_or(0)
    })
}

/// Applies an `asl::edit` operation; a refusal is shown in `refused`.
fn run(store: Store, refused: RwSignal<Option<String>>, op: impl FnOnce(&Document) -> Result<Change, EditError>) {
    let result = store
        .document
        .with_untracked(|doc| op(doc).map_err(|e| e.to_string()))
        .and_then(|change| commit(store, &[change.edit]));
    refused.set(result.err());
}

fn remove(store: Store, pointer: String) {
    // The pointer came from the current document, so removing it cannot fail.
    let _ = commit(store, &[Edit::Remove { pointer }]);
}

/// One list section: a heading, a card per item, an "Add" button, and a refusal message.
#[component]
fn ListSection(
    title: &'static str,
    /// Pointer of the array.
    list: String,
    /// What one item is called ("retrier", "catcher", "rule").
    item: &'static str,
    add: Callback<()>,
    refused: RwSignal<Option<String>>,
    /// The form of item `index` at its pointer.
    card: Callback<(usize, String), AnyView>,
) -> impl IntoView {
    let store = use_store();
    let list = StoredValue::new(list);
    let len = Memo::new(move |_| list.with_value(|l| count(store, l)));
    let testid = format!("inspector-{item}s");
    view! {
        <section class="insp-list" data-testid=testid aria-label=title>
            <h3>{title}</h3>
            {move || (0..len.get()).map(|i| {
                let at = format!("{}/{i}", list.get_value());
                let remove_at = at.clone();
                view! {
                    <fieldset class="insp-card" data-index=i>
                        <legend>{format!("{} {}", capitalised(item), i + 1)}</legend>
                        {card.run((i, at))}
                        <button type="button" class="insp-remove" aria-label=format!("Remove {item} {}", i + 1)
                            on:click=move |_| remove(store, remove_at.clone())>"Remove"</button>
                    </fieldset>
                }
            }).collect_view()}
            <button type="button" class="insp-add" data-testid=format!("inspector-add-{item}")
                on:click=move |_| add.run(())>{format!("Add {item}")}</button>
            {move || refused.get().map(|r| view! { <p class="insp-error" role="alert">{r}</p> })}
        </section>
    }
}

/// `item` ("retrier", "catcher", "rule": ASCII words) with a capital first letter.
fn capitalised(item: &str) -> String {
    let mut word = item.to_string();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    word
}

fn rows(object: String, fields: Vec<FieldSpec>, ql: QueryLanguage) -> AnyView {
    fields
        .into_iter()
        .map(|spec| {
            view! { <FieldRow object=object.clone() spec=spec query_language=ql names=NAMES_LIST /> }
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn Retriers(state: String, query_language: QueryLanguage) -> impl IntoView {
    let store = use_store();
    let refused = RwSignal::new(None);
    let target = state.clone();
    view! {
        <ListSection title="Retry" list=format!("{state}/Retry") item="retrier" refused=refused
            add=Callback::new(move |()| run(store, refused, |doc| add_retry(doc, &target, &[])))
            card=Callback::new(move |(_, at): (usize, String)| rows(at, retrier_fields(query_language), query_language)) />
    }
}

#[component]
pub fn Catchers(state: String, query_language: QueryLanguage) -> impl IntoView {
    let store = use_store();
    let refused = RwSignal::new(None);
    let target = state.clone();
    view! {
        <ListSection title="Catch" list=format!("{state}/Catch") item="catcher" refused=refused
            add=Callback::new(move |()| run(store, refused, |doc| add_catch(doc, &target, &[], None)))
            card=Callback::new(move |(_, at): (usize, String)| rows(at, catcher_fields(query_language), query_language)) />
    }
}

#[component]
pub fn ChoiceRules(state: String, query_language: QueryLanguage) -> impl IntoView {
    let store = use_store();
    let refused = RwSignal::new(None);
    let target = state.clone();
    view! {
        <ListSection title="Choice rules" list=format!("{state}/Choices") item="rule" refused=refused
            add=Callback::new(move |()| run(store, refused, |doc| add_choice_rule(doc, &target, None)))
            card=Callback::new(move |(_, at): (usize, String)| {
                let comparison = (query_language == QueryLanguage::JsonPath)
                    .then(|| view! { <RuleComparison rule=at.clone() /> });
                let fields = rule_fields(query_language);
                // The variable first, then the comparison, then where the rule leads.
                let (first, rest): (Vec<_>, Vec<_>) = fields.into_iter().partition(|f| f.key == "Variable");
                view! {
                    {rows(at.clone(), first, query_language)}
                    {comparison}
                    {rows(at, rest, query_language)}
                }.into_any()
            }) />
    }
}

/// A rule's comparison: the operator (every one of ASL's) and its operand; `And`, `Or` and
/// `Not` take their nested rules as JSON.
#[component]
fn RuleComparison(rule: String) -> impl IntoView {
    let store = use_store();
    let rule = StoredValue::new(rule);
    let current = Memo::new(move |_| {
        store
            .document
            .with(|doc| rule.with_value(|r| rule_condition(doc, r)))
    });
    let refused = RwSignal::new(None::<String>);
    let apply = move |op: String, operand: String| {
        let edits = store
            .document
            .with_untracked(|doc| rule.with_value(|r| set_rule_operator(doc, r, &op, &operand)));
        refused.set(edits.and_then(|e| commit(store, &e)).err());
    };
    let op_id = rule.with_value(|r| element_id(r, "operator"));
    let operand_id = rule.with_value(|r| element_id(r, "operand"));
    let operand_input = NodeRef::<leptos::html::Textarea>::new();
    let op_select = NodeRef::<leptos::html::Select>::new();
    let op_now = move || current.get().map(|(op, _)| op).unwrap_or_default();
    view! {
        <div class="insp-field" data-field="Operator" class:invalid=move || refused.with(Option::is_some)>
            <label for=op_id.clone()>"Operator"</label>
            <select id=op_id node_ref=op_select on:change=move |ev| {
                let operand = operand_input.get_untracked().map(|t| t.value()).unwrap_or_default();
                apply(event_target_value(&ev), operand)
            }>
                {OPERATORS.iter().map(|(name, _)| view! {
                    <option value=*name selected=move || op_now() == *name>{*name}</option>
                }).collect_view()}
            </select>
            <span class="insp-hint">"How the variable is compared"</span>
        </div>
        <div class="insp-field" data-field="Operand">
            <label for=operand_id.clone()>"Compared with"</label>
            <textarea id=operand_id node_ref=operand_input rows="1" spellcheck="false" class="insp-json"
                prop:value=move || current.get().map(|(_, v)| v).unwrap_or_default()
                on:change=move |ev| {
                    let op = op_select.get_untracked().map(|s| s.value()).unwrap_or_default();
                    apply(op, event_target_value(&ev))
                }></textarea>
            <span class="insp-hint">"A value, a path for …Path operators, true/false for Is… tests"</span>
            {move || refused.get().map(|r| view! { <p class="insp-error" role="alert">{r}</p> })}
        </div>
    }
}

#[component]
pub fn Branches(state: String) -> impl IntoView {
    let store = use_store();
    let refused = RwSignal::new(None);
    let list = format!("{state}/Branches");
    let len = Memo::new(move |_| count(store, &list));
    view! {
        <section class="insp-list" data-testid="inspector-branches" aria-label="Branches">
            <h3>"Branches"</h3>
            <p class="insp-hint">{move || format!("{} branches; add states to a branch from the graph or the text.", len.get())}</p>
            <button type="button" class="insp-add" data-testid="inspector-add-branch"
                on:click=move |_| run(store, refused, |doc| add_branch(doc, &state))>"Add branch"</button>
            {move || refused.get().map(|r| view! { <p class="insp-error" role="alert">{r}</p> })}
        </section>
    }
}
