//! The definition text in a real code editor: CodeMirror 6, bundled from app/editor by
//! scripts/editor-bundle.sh and bound here through its small `window.StatelabEditor` API.
//!
//! The editor owns the keystrokes; the store's `text` follows it, debounced, so the graph
//! redraws once the person pauses rather than on every key.

use crate::problems::utf16_offset;
use crate::store::{use_store, Store};
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;

/// How long typing must pause before the store (and so the graph) takes the text.
const SETTLE: Duration = Duration::from_millis(150);

#[wasm_bindgen]
extern "C" {
    /// One mounted editor (`Editor` in app/editor/src/editor.js).
    type EditorHandle;

    #[wasm_bindgen(catch, js_namespace = StatelabEditor, js_name = create)]
    fn create_editor(
        parent: &web_sys::HtmlElement,
        text: &str,
        on_change: &js_sys::Function,
    ) -> Result<EditorHandle, JsValue>;

    #[wasm_bindgen(method, js_name = getText)]
    fn get_text(this: &EditorHandle) -> String;

    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &EditorHandle, text: &str);

    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &EditorHandle, list: &js_sys::Array);

    #[wasm_bindgen(method)]
    fn select(this: &EditorHandle, from: u32, to: u32);

    #[wasm_bindgen(method)]
    fn destroy(this: &EditorHandle);
}

/// A mounted editor with the callbacks it holds (dropped together).
struct Mounted {
    handle: EditorHandle,
    _on_change: Closure<dyn FnMut()>,
}

/// The editor's link to the store: the text, handed over once typing settles.
#[derive(Clone, Copy)]
struct Sync {
    store: Store,
    editor: StoredValue<Option<Mounted>, LocalStorage>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Sync {
    fn with_editor<R>(&self, f: impl FnOnce(&EditorHandle) -> R) -> Option<R> {
        self.editor
            .try_with_value(|m| m.as_ref().map(|m| f(&m.handle)))
            .flatten()
    }

    fn cancel_pending(&self) {
        if let Some(Some(handle)) = self.pending.try_update_value(Option::take) {
            handle.clear();
        }
    }

    /// Called on every edit: (re)starts the settle timer.
    fn changed(self) {
        self.cancel_pending();
        if let Ok(handle) = set_timeout_with_handle(move || self.flush(), SETTLE) {
            self.pending.try_set_value(Some(handle));
        }
    }

    /// Hands the editor's text to the store now (timer fired, or focus left the editor).
    fn flush(self) {
        self.cancel_pending();
        let Some(text) = self.with_editor(EditorHandle::get_text) else {
            return;
        };
        if self.store.text.try_with_untracked(|t| *t != text) == Some(true) {
            self.store.text.try_set(text);
        }
    }
}

#[component]
pub fn CodeEditor() -> impl IntoView {
    let store = use_store();
    let root = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(None::<String>);
    let sync = Sync {
        store,
        editor: StoredValue::new_local(None),
        pending: StoredValue::new(None),
    };

    // Mount once the element exists.
    Effect::new(move |_| {
        let Some(element) = root.get() else { return };
        if sync.editor.with_value(Option::is_some) {
            return;
        }
        let on_change = Closure::<dyn FnMut()>::new(move || sync.changed());
        let text = store.text.get_untracked();
        match create_editor(&element, &text, on_change.as_ref().unchecked_ref()) {
            Ok(handle) => sync.editor.set_value(Some(Mounted {
                handle,
                _on_change: on_change,
            })),
            Err(error) => failed.set(Some(format!(
                "The code editor did not load: {}",
                describe(&error)
            ))),
        }
    });
    on_cleanup(move || {
        sync.cancel_pending();
        if let Some(Some(mounted)) = sync.editor.try_update_value(Option::take) {
            mounted.handle.destroy();
        }
    });

    // The store's text changed elsewhere (import, undo in another view): show it.
    Effect::new(move |_| {
        let text = store.text.get();
        sync.with_editor(|editor| {
            if editor.get_text() != text {
                sync.cancel_pending();
                editor.set_text(&text);
            }
        });
    });

    // Problems underlined in the text, positioned in the editor's UTF-16 offsets.
    Effect::new(move |_| {
        let problems = store.problems.get();
        store.text.with(|text| {
            sync.with_editor(|editor| {
                if editor.get_text() == *text {
                    editor
                        .set_diagnostics(&crate::problems::to_editor_diagnostics(text, &problems));
                }
            })
        });
    });

    // A range asked for elsewhere (a problem clicked): select it.
    Effect::new(move |_| {
        let Some(span) = store.reveal.get() else {
            return;
        };
        store.text.with_untracked(|text| {
            let (from, to) = (utf16_offset(text, span.0), utf16_offset(text, span.1));
            sync.with_editor(|editor| editor.select(from, to));
        });
    });

    view! {
        {move || failed.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
        <div class="code-editor" data-testid="code-view" node_ref=root on:focusout=move |_| sync.flush()></div>
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
