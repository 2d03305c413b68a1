//! Dragging a file onto the page: an overlay says where it will go, dropping opens it.

use super::browser::read_file;
use super::document::import_text;
use crate::store::use_store;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn carries_files(event: &web_sys::DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

#[component]
pub fn DropOverlay() -> impl IntoView {
    let store = use_store();
    let dragging = RwSignal::new(false);
    let over = window_event_listener(ev::dragover, move |event| {
        if carries_files(&event) {
            // Without this the browser would navigate to the dropped file.
            event.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |event| {
        // Leaving the window reports no related target; moving between elements does.
        if event.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |event| {
        dragging.set(false);
        let Some(file) = event
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        event.prevent_default();
        spawn_local(async move {
            match read_file(&file).await {
                Some(text) => import_text(store, &text),
                None => store
                    .io
                    .warn(format!("{} could not be read as text.", file.name())),
            }
        });
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <Show when=move || dragging.get()>
            <div class="drop-overlay" data-testid="drop-overlay" role="status">
                <p>"Drop a definition or a template to open it"</p>
            </div>
        </Show>
    }
}
