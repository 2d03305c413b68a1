//! The I/O dialogs' frame: the shared dialog, closed by clearing the store's open dialog.

use crate::dialog::Dialog;
use crate::store::use_store;
use leptos::prelude::*;

#[component]
pub fn Modal(title: &'static str, testid: &'static str, children: Children) -> impl IntoView {
    let store = use_store();
    view! {
        <Dialog title=title testid=testid on_close=move || store.io.dialog.set(None)>
            {children()}
        </Dialog>
    }
}
