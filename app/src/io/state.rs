//! The store's block for import, export and keeping the work (area: app-io).

use engine_core::import::{TemplateChoice, TemplateOrigin};
use engine_core::session::SavedDocument;
use engine_core::sim::Scenarios;
use leptos::prelude::*;

/// Signals the io components share; lives in `Store::io`.
#[derive(Clone, Copy)]
pub struct IoStore {
    /// The template the document was taken from, for "Export template".
    pub origin: RwSignal<Option<TemplateOrigin>>,
    /// Documents that imports replaced, newest last: "Undo import" restores the last one.
    pub undo: RwSignal<Vec<SavedDocument>>,
    /// The dialog that is open, if any.
    pub dialog: RwSignal<Option<Dialog>>,
    /// What the person should know about the last import or export.
    pub notice: RwSignal<Option<Notice>>,
    /// The text a share link opened, until the person keeps, discards or edits it;
    /// autosave leaves the saved document alone meanwhile.
    pub from_link: RwSignal<Option<String>>,
    /// The document's simulate scenarios as last written by the simulate panel (saved
    /// with the document and carried by share links).
    pub scenarios: RwSignal<Option<Scenarios>>,
    /// Bumped when a document brings its own scenarios in (open, undo, link), so the
    /// simulate panel shows them.
    pub scenarios_rev: RwSignal<u64>,
}

impl IoStore {
    pub fn new() -> IoStore {
        IoStore {
            origin: RwSignal::new(None),
            undo: RwSignal::new(Vec::new()),
            dialog: RwSignal::new(None),
            notice: RwSignal::new(None),
            from_link: RwSignal::new(None),
            scenarios: RwSignal::new(None),
            scenarios_rev: RwSignal::new(0),
        }
    }

    /// Brings in the scenarios of a document being shown.
    pub fn bring_scenarios(&self, scenarios: Option<Scenarios>) {
        self.scenarios.set(scenarios);
        self.scenarios_rev.update(|n| *n += 1);
    }

    /// Shows an informational message.
    pub fn inform(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error: false,
            text: text.into(),
            link: None,
        }));
    }

    /// Shows a message about something that went wrong.
    pub fn warn(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error: true,
            text: text.into(),
            link: None,
        }));
    }
}

impl Default for IoStore {
    fn default() -> Self {
        IoStore::new()
    }
}

/// The studio's modal dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Gallery,
    Recent,
    /// A template with several machines: which one to open.
    Picker(TemplateChoice),
}

/// A message in the notice bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
    /// A share link to show for copying by hand.
    pub link: Option<String>,
}
