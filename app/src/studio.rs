//! The studio page: the definition text, and the graph drawn from it.

use crate::store::provide_store;
use crate::{canvas::Canvas, code_editor::CodeEditor, problems::ProblemsPanel};
use leptos::prelude::*;

#[component]
pub fn Studio() -> impl IntoView {
    let store = crate::io::open_store();
    provide_store(store);
    view! {
        <header class="topbar">
            <h1>"StateLab"</h1>
            <span class="tagline">"Amazon States Language studio"</span>
            <crate::io::Toolbar />
        </header>
        <crate::io::IoLayer />
        <main class="workspace">
            <section class="pane code-pane" aria-label="Definition">
                <crate::sim::PaneTabs>
                    <CodeEditor />
                    <ProblemsPanel />
                </crate::sim::PaneTabs>
            </section>
            <section class="pane graph-pane" aria-label="Graph">
                <crate::editing::Palette />
                <Canvas />
            </section>
            <crate::editing::QuestionsDialog />
            <crate::editing::ChooserDialog />
            <crate::editing::ContextMenuView />
        </main>
    }
}
