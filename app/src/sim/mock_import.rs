//! Importing mocks: our case format, or Step Functions Local's MockConfigFile with a
//! picker for its test cases (or all of them at once, one scenario each).

use super::state::use_sim;
use engine_core::json::parse_value;
use engine_core::sim::{mock_config_case_names, mock_config_test_cases, MockDrafts, Scenario};
use engine_core::Value;
use leptos::prelude::*;

#[component]
pub fn MockImport() -> impl IntoView {
    let sim = use_sim();
    let store = crate::store::use_store();
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let config = RwSignal::new(None::<Value>);
    let cases = Memo::new(move |_| {
        config.with(|c| c.as_ref().map(mock_config_test_cases).unwrap_or_default())
    });
    let picked = RwSignal::new(String::new());
    let apply = move |result: Result<MockDrafts, String>| match result {
        Ok(d) => {
            let tasks = store
                .last_good
                .with_untracked(|d| d.as_ref().map(engine_core::sim::task_states))
                .unwrap_or_default();
            let d = d.align(&tasks);
            sim.set_drafts(d);
            message.set(Some("Mocks imported.".to_string()));
        }
        Err(e) => message.set(Some(format!("Cannot import: {e}"))),
    };
    let import = move |_| {
        config.set(None);
        match parse_value(&text.get_untracked()) {
            Err(e) => message.set(Some(format!("Cannot import: not valid JSON: {e}"))),
            Ok(v) if v.get("StateMachines").is_some() => {
                let first = mock_config_test_cases(&v)
                    .into_iter()
                    .next()
                    .map(|(_, c)| c)
                    .unwrap_or_default();
                picked.set(first);
                config.set(Some(v));
                message.set(Some("A MockConfigFile: pick a test case.".to_string()));
            }
            Ok(v) => apply(MockDrafts::from_case(&v)),
        }
    };
    // A MockConfigFile has no ItemReader objects: the ones typed stay.
    let keep_sources = move |mut d: MockDrafts| {
        d.passthrough = sim.drafts.with_untracked(|now| now.passthrough.clone());
        d
    };
    let use_case = move |_| {
        let result = config.with_untracked(|c| match c {
            Some(c) => MockDrafts::from_mock_config(c, &picked.get_untracked()),
            None => Err("no MockConfigFile".to_string()),
        });
        apply(result.map(keep_sources));
    };
    let use_all = move |_| {
        let Some(c) = config.get_untracked() else {
            return;
        };
        let tasks = store
            .last_good
            .with_untracked(|d| d.as_ref().map(engine_core::sim::task_states))
            .unwrap_or_default();
        let mut all = sim.snapshot();
        let names = mock_config_case_names(&c);
        for name in &names {
            match MockDrafts::from_mock_config(&c, name) {
                // A scenario of that name keeps its input and expected outcome.
                Ok(d) => {
                    let existing = all.list.iter().find(|s| s.name == *name);
                    all.put(Scenario {
                        name: name.clone(),
                        input: existing.map_or_else(|| all.active().input.clone(), |s| s.input.clone()),
                        mocks: keep_sources(d).align(&tasks),
                        expected: existing.and_then(|s| s.expected.clone()),
                    })
                }
                Err(e) => {
                    message.set(Some(format!("Cannot import test case {name}: {e}")));
                    return;
                }
            }
        }
        sim.load(all);
        message.set(Some(format!("{} test case(s) imported as scenarios.", names.len())));
    };
    view! {
        <details class="sim-import">
            <summary data-testid="sim-import-toggle">"Import mocks (case format or MockConfigFile)"</summary>
            <textarea class="sim-json" data-testid="sim-import-text" rows="4" spellcheck="false"
                placeholder="{\"TaskState\": [{\"Return\": {}}]}  or a MockConfigFile"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button data-testid="sim-import" on:click=import>"Import"</button>
            <Show when=move || !cases.get().is_empty()>
                <select data-testid="sim-test-case" aria-label="Test case" prop:value=move || picked.get()
                    on:change=move |ev| picked.set(event_target_value(&ev))>
                    {move || cases.get().into_iter().map(|(m, c)| view! { <option value=c.clone()>{format!("{m} / {c}")}</option> }).collect_view()}
                </select>
                <button data-testid="sim-use-test-case" on:click=use_case>"Use test case"</button>
                <button data-testid="sim-import-all-cases" on:click=use_all>"Every test case as a scenario"</button>
            </Show>
            {move || message.get().map(|m| view! { <p class="sim-note" data-testid="sim-import-message">{m}</p> })}
        </details>
    }
}
