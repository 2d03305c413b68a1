//! The problems list: every diagnostic of the document (JSON syntax, then the ASL rules)
//! with its line, column and code; clicking one selects its text in the code view.

use crate::store::use_store;
use engine_core::asl::{Diagnostic, Severity};
use engine_core::json::position::{utf16_range, visible_span};
use engine_core::json::tree::Document;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The word for a severity, as the editor's lint marks and the list's classes use it.
fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The diagnostics as the editor's `setDiagnostics` takes them: `[{from, to, severity, message}]`
/// with offsets in UTF-16 code units.
pub fn to_editor_diagnostics(doc: &Document, problems: &[Diagnostic]) -> js_sys::Array {
    problems
        .iter()
        .map(|p| {
            let entry = js_sys::Object::new();
            let set = |key: &str, value: JsValue| js_sys::Reflect::set(&entry, &key.into(), &value);
            let (from, to) = utf16_range(doc, visible_span(doc, p.span));
            let _ = set("from", (from as u32).into());
            let _ = set("to", (to as u32).into());
            let _ = set("severity", severity_word(p.severity).into());
            let _ = set("message", format!("{} [{}]", p.message, p.code).into());
            JsValue::from(entry)
        })
        .collect()
}

#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let problems = use_store().problems;
    let count = move || problems.with(Vec::len);
    view! {
        <section class="problems" data-testid="problems" aria-label="Problems">
            <h2 class="problems-title">
                "Problems " <span class="problems-count" data-testid="problems-count">{count}</span>
            </h2>
            <Show
                when=move || { count() > 0 }
                fallback=|| view! { <p class="problems-none">"No problems found."</p> }
            >
                <ul class="problems-list">
                    <For
                        each=move || problems.get().into_iter().enumerate()
                        key=|(i, p)| (*i, p.span, p.code, p.message.clone())
                        let((_, problem))
                    >
                        <ProblemRow problem=problem />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn ProblemRow(problem: Diagnostic) -> impl IntoView {
    let store = use_store();
    let span = problem.span;
    let severity = severity_word(problem.severity);
    view! {
        <li>
            <button
                class=format!("problem problem-{severity}")
                data-testid="problem"
                data-code=problem.code
                data-line=problem.line
                data-column=problem.column
                on:click=move |_| store.reveal.set(Some(span))
            >
                <span class="problem-severity">{severity}</span>
                <span class="problem-where">{format!("{}:{}", problem.line, problem.column)}</span>
                <span class="problem-message">{problem.message}</span>
                <span class="problem-code">{problem.code}</span>
            </button>
        </li>
    }
}
