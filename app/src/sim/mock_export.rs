//! Exporting mocks: as Step Functions Local's MockConfigFile (one test case per
//! scenario) or as our case format (the active scenario's mocks, ItemReader objects
//! included), shown for copying and offered as a download.

use super::state::use_sim;
use crate::io::browser::download_text;
use engine_core::json::write_pretty;
use engine_core::sim::{to_mock_config, DraftError};
use leptos::prelude::*;

/// The state machine name written into exported MockConfigFiles.
const MACHINE_NAME: &str = "StateMachine";

#[component]
pub fn MockExport() -> impl IntoView {
    let sim = use_sim();
    let text = RwSignal::new(String::new());
    let file = RwSignal::new("");
    let message = RwSignal::new(None::<String>);
    let show = move |name: &'static str, result: Result<String, DraftError>| match result {
        Ok(t) => {
            text.set(t);
            file.set(name);
            message.set(None);
        }
        Err(e) => {
            text.set(String::new());
            message.set(Some(format!(
                "Cannot export: {} (response {}): {}",
                e.state,
                e.index + 1,
                e.message
            )));
        }
    };
    let config = move |_| {
        let cases: Vec<_> = sim
            .snapshot()
            .list
            .into_iter()
            .map(|s| (s.name, s.mocks))
            .collect();
        show(
            "MockConfigFile.json",
            to_mock_config(MACHINE_NAME, &cases).map(|v| write_pretty(&v)),
        );
    };
    let case = move |_| {
        show(
            "mocks.json",
            sim.drafts.with_untracked(|d| d.to_case()).map(|v| write_pretty(&v)),
        );
    };
    let download = move |_| {
        let name = file.get_untracked();
        if !download_text(name, "application/json", &text.get_untracked()) {
            message.set(Some("The browser refused the download; copy the text instead.".to_string()));
        }
    };
    view! {
        <details class="sim-import">
            <summary data-testid="sim-export-toggle">"Export mocks (MockConfigFile or case format)"</summary>
            <div class="sim-actions">
                <button data-testid="sim-export-config" on:click=config>"MockConfigFile (every scenario)"</button>
                <button data-testid="sim-export-case" on:click=case>"Case format (this scenario)"</button>
                <Show when=move || !text.with(String::is_empty)>
                    <button data-testid="sim-export-download" on:click=download>{move || format!("Download {}", file.get())}</button>
                </Show>
            </div>
            {move || message.get().map(|m| view! { <p class="sim-error" role="alert" data-testid="sim-export-message">{m}</p> })}
            <Show when=move || !text.with(String::is_empty)>
                <textarea class="sim-json" data-testid="sim-export-text" rows="8" readonly spellcheck="false"
                    aria-label="Exported mocks" prop:value=move || text.get()></textarea>
            </Show>
        </details>
    }
}
