//! The definition text in a real code editor: CodeMirror 6, bundled from app/editor by
//! scripts/editor-bundle.sh and bound here through its small `window.StatelabEditor` API.
//!
//! The editor owns the keystrokes; the store's `text` follows it, debounced, so the graph
//! redraws once the person pauses rather than on every key.

use crate::store::{use_store, Store};
use engine_core::json::position::{member_range_utf16, state_at_utf16, utf16_range, visible_span};
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

    #[wasm_bindgen(method, js_name = onSelectionChange)]
    fn on_selection_change(this: &EditorHandle, listener: &js_sys::Function);

    #[wasm_bindgen(method)]
    fn destroy(this: &EditorHandle);

    #[wasm_bindgen(method, js_name = stepHistory)]
    fn step_history_of(this: &EditorHandle, redo: bool) -> bool;
}

/// Undoes (or redoes) the last change of the text — typed, imported or made by a form —
/// through the code view's history, the one history of the document.
pub fn step_history(redo: bool) {
    let editor = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("statelabEditor")).ok())
        .filter(|e| e.is_object());
    if let Some(editor) = editor {
        editor.unchecked_into::<EditorHandle>().step_history_of(redo);
    }
}

/// A mounted editor with the callbacks it holds (dropped together).
struct Mounted {
    handle: EditorHandle,
    _on_change: Closure<dyn FnMut(bool)>,
    _on_select: Closure<dyn FnMut(u32, u32)>,
}

/// The editor's link to the store: the text, handed over once typing settles, and the
/// cursor, turned into the selected state once the store has that text.
#[derive(Clone, Copy)]
struct Sync {
    store: Store,
    editor: StoredValue<Option<Mounted>, LocalStorage>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The cursor the person last placed (UTF-16 offset), waiting for the text to settle.
    cursor: StoredValue<Option<u32>>,
    /// The selection the editor itself last made, so it is not selected back at the cursor.
    own_selection: StoredValue<Option<String>>,
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

    /// Called on every edit: typing (re)starts the settle timer; a whole edit (paste, drop,
    /// undo, redo) goes to the store at once.
    fn changed(self, whole: bool) {
        self.cancel_pending();
        if whole {
            self.hand_over();
        } else if let Ok(handle) = set_timeout_with_handle(move || self.hand_over(), SETTLE) {
            self.pending.try_set_value(Some(handle));
        }
    }

    /// Hands the editor's text to the store now if an edit is waiting (timer fired, focus
    /// left the editor, or a shortcut is about to act on the document).
    fn flush(self) {
        if self.pending.try_with_value(Option::is_some) == Some(true) {
            self.hand_over();
        }
    }

    /// Gives the store the editor's text, then the cursor that waited for it.
    fn hand_over(self) {
        self.cancel_pending();
        if let Some(text) = self.with_editor(EditorHandle::get_text) {
            if self.store.text.try_with_untracked(|t| *t != text) == Some(true) {
                self.store.text.try_set(text);
            }
        }
        self.apply_cursor();
    }

    fn cursor_moved(self, head: u32) {
        self.cursor.try_set_value(Some(head));
        if self.pending.try_with_value(Option::is_none) == Some(true) {
            self.apply_cursor();
        }
    }

    /// Selects the state around the cursor. Offsets only mean something once the store's
    /// document is the editor's text, so this waits for pending edits.
    fn apply_cursor(self) {
        let Some(Some(head)) = self.cursor.try_update_value(Option::take) else {
            return;
        };
        let Some(pointer) = self
            .store
            .document
            .try_with_untracked(|doc| state_at_utf16(doc, head as usize))
        else {
            return;
        };
        if self.store.selection.get_untracked() != pointer {
            self.own_selection.set_value(pointer.clone());
            self.store.selection.set(pointer);
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
        cursor: StoredValue::new(None),
        own_selection: StoredValue::new(None),
    };

    // Mount once the element exists.
    Effect::new(move |_| {
        let Some(element) = root.get() else { return };
        if sync.editor.with_value(Option::is_some) {
            return;
        }
        let on_change = Closure::<dyn FnMut(bool)>::new(move |whole| sync.changed(whole));
        let on_select = Closure::<dyn FnMut(u32, u32)>::new(move |_from, to| sync.cursor_moved(to));
        let text = store.text.get_untracked();
        match create_editor(&element, &text, on_change.as_ref().unchecked_ref()) {
            Ok(handle) => {
                handle.on_selection_change(on_select.as_ref().unchecked_ref());
                let mounted = Mounted {
                    handle,
                    _on_change: on_change,
                    _on_select: on_select,
                };
                sync.editor.set_value(Some(mounted));
            }
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
        store.document.with(|doc| {
            sync.with_editor(|editor| {
                if editor.get_text() == doc.text() {
                    editor.set_diagnostics(&crate::problems::to_editor_diagnostics(doc, &problems));
                }
            })
        });
    });

    // A span asked for elsewhere (a problem clicked): select it.
    Effect::new(move |_| {
        let Some(span) = store.reveal.get() else {
            return;
        };
        let (from, to) = store
            .document
            .with_untracked(|doc| utf16_range(doc, visible_span(doc, span)));
        sync.with_editor(|editor| editor.select(from as u32, to as u32));
    });

    // A state selected elsewhere (a graph node clicked): select its text.
    Effect::new(move |_| {
        let selection = store.selection.get();
        if sync.own_selection.get_value() == selection {
            return;
        }
        sync.own_selection.set_value(None);
        let Some(pointer) = selection else { return };
        if let Some((from, to)) = store
            .document
            .with_untracked(|doc| member_range_utf16(doc, &pointer))
        {
            sync.with_editor(|editor| editor.select(from as u32, to as u32));
        }
    });

    view! {
        {move || failed.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
        <div
            class="code-editor"
            data-testid="code-view"
            node_ref=root
            on:focusout=move |_| sync.flush()
            // A shortcut (export, copy link, …) acts on the store's text: hand it over first.
            on:keydown=move |ev| if ev.ctrl_key() || ev.meta_key() || ev.alt_key() { sync.flush() }
        ></div>
    }
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
