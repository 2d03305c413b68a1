//! Messages about the last import or export, announced to screen readers.

use crate::store::use_store;
use leptos::prelude::*;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="notice-area" role="status" aria-live="polite">
            {move || {
                store.io.notice.get().map(|notice| {
                    let class = if notice.error { "notice notice-error" } else { "notice" };
                    view! {
                        <div class=class data-testid="io-notice">
                            <span>{notice.text}</span>
                            {notice.link.map(|link| view! {
                                <input
                                    class="share-url"
                                    readonly
                                    data-testid="share-url"
                                    aria-label="Share link"
                                    prop:value=link
                                    on:focus=|ev| {
                                        if let Some(input) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                                            input.select();
                                        }
                                    }
                                />
                            })}
                            <button type="button" aria-label="Dismiss message" on:click=move |_| store.io.notice.set(None)>"×"</button>
                        </div>
                    }
                })
            }}
        </div>
    }
}
