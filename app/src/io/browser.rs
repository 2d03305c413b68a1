//! Small bridges to browser APIs: downloads, the clipboard, reading files and fetching.

use js_sys::{Array, Promise};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// `text` in lower case, for case-insensitive filters. Non-ASCII text goes through the
/// browser's `toLowerCase`, so the wasm carries no Unicode case tables (24 KB) of its own.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    js_sys::JsString::from(text).to_lower_case().into()
}

/// A blob holding `text` with the given media type.
pub fn text_blob(text: &str, mime: &str) -> Option<Blob> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offers `blob` as a download named `filename`.
pub fn download_blob(filename: &str, blob: &Blob) -> bool {
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let Some(anchor) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoked later, not at once: the browser reads the blob after the click returns.
    set_timeout(
        move || drop(Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(30),
    );
    true
}

/// Offers `text` as a download, byte for byte (UTF-8).
pub fn download_text(filename: &str, mime: &str, text: &str) -> bool {
    text_blob(text, mime).is_some_and(|blob| download_blob(filename, &blob))
}

/// Writes `text` to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let promise: Promise = window().navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// The text of a file the person opened or dropped.
pub async fn read_file(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// The text at `url` (same origin: the example gallery).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let failed = |what: &str| format!("{url} could not be loaded ({what})");
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| failed("network"))?
        .dyn_into()
        .map_err(|_| failed("response"))?;
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|_| failed("body"))?)
        .await
        .map_err(|_| failed("body"))?;
    text.as_string().ok_or_else(|| failed("body"))
}
