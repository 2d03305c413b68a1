//! Everything io puts on the page besides the toolbar: listeners, autosave, the drop
//! overlay, the link banner, the notice bar and the open dialog.

use super::autosave::Autosave;
use super::drop_overlay::DropOverlay;
use super::file_input::FileInput;
use super::gallery::Gallery;
use super::link_banner::LinkBanner;
use super::listeners::PageListeners;
use super::notice_bar::NoticeBar;
use super::picker::MachinePicker;
use super::recent::RecentDocuments;
use super::state::Dialog;
use crate::store::use_store;
use leptos::prelude::*;

#[component]
pub fn IoLayer() -> impl IntoView {
    let store = use_store();
    view! {
        <PageListeners />
        <Autosave />
        <FileInput />
        <LinkBanner />
        <NoticeBar />
        <DropOverlay />
        {move || store.io.dialog.get().map(|dialog| match dialog {
            Dialog::Gallery => view! { <Gallery /> }.into_any(),
            Dialog::Recent => view! { <RecentDocuments /> }.into_any(),
            Dialog::Picker(choice) => view! { <MachinePicker choice=choice /> }.into_any(),
        })}
    }
}
