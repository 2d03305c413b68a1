//! The studio's one store, provided once at the root. Components take narrow handles
//! from it; engine types never hold signals.
//!
//! | field | owner panel | meaning |
//! |---|---|---|
//! | `text` | code view, import | the document exactly as the person has it |
//! | `selection` | graph, code view | JSON Pointer of the selected state, if any |
//! | `last_good` | graph | the last definition that parsed (else the broken text as recovered), drawn greyed while the text is broken |
//! | `document` | code view, problems list | the text as engine-core's lossless tree |
//! | `problems` | code view, problems list | `asl::validate` of the document: syntax, then ASL rules |
//! | `reveal` | problems list → code view | a byte span the code view should select and show |
//! | `view` | graph canvas | pan and zoom; `None` follows "fit to screen" |
//! | `io` | import, export, autosave | template origin, undo-import stack, dialogs, notices, share-link state |
//! | `run_status` | simulate panel → graph | each state's status at the debugger's cursor |
//! | `edit` | graph, states browser | drags, the selection beyond the first state, copied states, questions |

use engine_core::asl::{validate, Diagnostic};
use engine_core::json::tree::{parse_document, Document, Span};
use engine_core::layout::Transform;
use engine_core::Value;
use leptos::prelude::*;
use std::sync::Arc;

/// The example a first visit opens with: the game-housekeeping lab.
pub const STARTER_EXAMPLE: &str = include_str!("../../public/examples/game-housekeeping.asl.json");

#[derive(Clone, Copy)]
pub struct Store {
    /// The definition text, byte for byte as imported plus edits.
    pub text: RwSignal<String>,
    /// JSON Pointer of the selected state (e.g. `/States/Check`), shared by every view.
    pub selection: RwSignal<Option<String>>,
    /// The current text parsed, or the parse error's message.
    pub parsed: Memo<Result<Value, String>>,
    /// The last definition that parsed, kept so the graph never goes blank.
    pub last_good: Memo<Option<Value>>,

    // ── code view (app-editor) ──
    /// The current text as a lossless tree, parsed once per change of the text.
    pub document: Memo<Arc<Document>>,
    /// Every problem in the document (JSON syntax, then ASL rules), ordered by position.
    pub problems: Memo<Vec<Diagnostic>>,
    /// A byte span of the text the code view should select and scroll to.
    pub reveal: RwSignal<Option<Span>>,

    // --- Graph canvas (app-graph) ---
    /// The canvas's pan and zoom; `None` while it fits the drawing to the screen.
    pub view: RwSignal<Option<Transform>>,
    // ---- app-io: import, export and keeping the user's work (see io/state.rs) ----
    pub io: crate::io::IoStore,
    // ---- app-sim: the simulate panel (see sim/) ----
    /// Each state's run status at the debugger's cursor (state name → `succeeded`,
    /// `failed`, `caught`, `cancelled`, `in-progress`); absent states have not run.
    pub run_status: RwSignal<std::collections::HashMap<String, &'static str>>,
    // ---- editing from the graph (see editing/) ----
    pub edit: crate::editing::EditStore,
}

impl Store {
    pub fn new(initial_text: String) -> Store {
        let text = RwSignal::new(initial_text);
        // The text is parsed once per change, into the lossless tree; the plain value, the
        // problems and the graph all derive from it.
        let document = Memo::new_with_compare(
            move |_| Arc::new(text.with(|t| parse_document(t))),
            |old, new| old.map(|d| d.text()) != new.map(|d| d.text()),
        );
        let parsed = Memo::new(move |_| document.with(|d| definition_of(d)));
        // A text that has never parsed (say, a broken document restored on reload) is drawn
        // from what the recovering parser makes of it, so the graph is never blank.
        let last_good = Memo::new(move |previous: Option<&Option<Value>>| match parsed.get() {
            Ok(v) => Some(v),
            Err(_) => previous
                .cloned()
                .flatten()
                .or_else(|| document.with(|d| d.root().map(|root| d.to_value(root)))),
        });
        let problems = Memo::new(move |_| document.with(|d| validate(d)));
        Store {
            text,
            selection: RwSignal::new(None),
            parsed,
            last_good,
            document,
            problems,
            reveal: RwSignal::new(None),
            view: RwSignal::new(None),
            io: crate::io::IoStore::new(),
            run_status: RwSignal::new(Default::default()),
            edit: crate::editing::EditStore::new(),
        }
    }
}

/// The document's value when it has no syntax error, else its first error with its line:col.
fn definition_of(doc: &Document) -> Result<Value, String> {
    match (doc.syntax_errors().first(), doc.root()) {
        (None, Some(root)) => Ok(doc.to_value(root)),
        (Some(error), _) => {
            let at = doc.line_col(error.span.start);
            Err(format!("{} at line {}, column {}", error.message, at.line, at.column))
        }
        (None, None) => Err("the text holds no JSON value".to_string()),
    }
}

/// Provides the store to every component below the caller.
pub fn provide_store(store: Store) {
    provide_context(store);
}

/// The store provided at the root.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
