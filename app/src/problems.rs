//! The problems list: every diagnostic in the text, with its line and column; clicking one
//! selects its range in the code view.

use crate::store::use_store;
use engine_core::json::parse_value;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One diagnostic, located in the text by byte span and 1-based line:column.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
    /// Byte offsets `[start, end)` into the text.
    pub span: (usize, usize),
    pub line: u32,
    pub column: u32,
}

/// The problems of `text`: for now its JSON syntax error, if any.
pub fn problems_of(text: &str) -> Vec<Problem> {
    let Err(error) = parse_value(text) else {
        return Vec::new();
    };
    let start = floor_char_boundary(text, error.offset);
    // Underline the character at fault (nothing to underline at the end of the text).
    let end = text[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    let before = &text[..start];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..start].chars().count() as u32 + 1;
    vec![Problem {
        severity: Severity::Error,
        message: error.message,
        span: (start, end),
        line,
        column,
    }]
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A byte offset into `text` as the editor counts it (UTF-16 code units).
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    text[..floor_char_boundary(text, byte)]
        .encode_utf16()
        .count() as u32
}

/// The problems as the editor's `setDiagnostics` takes them: `[{from, to, severity, message}]`.
pub fn to_editor_diagnostics(text: &str, problems: &[Problem]) -> js_sys::Array {
    problems
        .iter()
        .map(|p| {
            let entry = js_sys::Object::new();
            let set = |key: &str, value: JsValue| js_sys::Reflect::set(&entry, &key.into(), &value);
            let _ = set("from", utf16_offset(text, p.span.0).into());
            let _ = set("to", utf16_offset(text, p.span.1).into());
            let _ = set("severity", p.severity.as_str().into());
            let _ = set("message", p.message.as_str().into());
            JsValue::from(entry)
        })
        .collect()
}

#[component]
pub fn ProblemsPanel() -> impl IntoView {
    let store = use_store();
    let problems = store.problems;
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
                        key=|(i, p)| (*i, p.span, p.message.clone())
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
fn ProblemRow(problem: Problem) -> impl IntoView {
    let store = use_store();
    let span = problem.span;
    let severity = problem.severity.as_str();
    view! {
        <li>
            <button
                class=format!("problem problem-{severity}")
                data-testid="problem"
                data-line=problem.line
                data-column=problem.column
                on:click=move |_| store.reveal.set(Some(span))
            >
                <span class="problem-severity">{severity}</span>
                <span class="problem-where">{format!("{}:{}", problem.line, problem.column)}</span>
                <span class="problem-message">{problem.message}</span>
            </button>
        </li>
    }
}
