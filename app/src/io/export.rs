//! Each export, from the store's text. ASL JSON leaves exactly as the text is; the other
//! formats need a definition that parses.

use super::browser::{copy_text, download_blob, download_text};
use super::graph_image::{graph_svg, svg_to_png};
use super::persist::share_url;
use super::state::Notice;
use crate::store::Store;
use engine_core::export::{replace_definition, to_mermaid, to_yaml};
use engine_core::import::TextFormat;
use engine_core::Value;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The file name stem for exports: the template's logical id, else a generic name.
fn stem(store: Store) -> String {
    store
        .io
        .origin
        .with_untracked(|o| o.as_ref().map(|o| o.logical_id.clone()))
        .unwrap_or_else(|| "state-machine".into())
}

/// The parsed definition, or a notice saying the text must parse first.
fn definition(store: Store, what: &str) -> Option<Value> {
    match store.parsed.get_untracked() {
        Ok(value) => Some(value),
        Err(message) => {
            store.io.warn(format!(
                "{what} needs a definition that parses; fix the JSON first ({message})."
            ));
            None
        }
    }
}

fn report_download(store: Store, ok: bool, file: &str) {
    if ok {
        store.io.inform(format!("Downloaded {file}."));
    } else {
        store
            .io
            .warn(format!("The browser did not allow downloading {file}."));
    }
}

/// Copies `text`, reporting the outcome as `what`.
fn copy(store: Store, text: String, what: &'static str) {
    spawn_local(async move {
        if copy_text(&text).await {
            store.io.inform(format!("{what} copied to the clipboard."));
        } else {
            store.io.warn(format!(
                "The browser did not allow copying {what}; use a download instead."
            ));
        }
    });
}

pub fn copy_json(store: Store) {
    copy(store, store.text.get_untracked(), "The definition");
}

pub fn download_json(store: Store) {
    let file = format!("{}.asl.json", stem(store));
    let ok = download_text(&file, "application/json", &store.text.get_untracked());
    report_download(store, ok, &file);
}

pub fn download_yaml(store: Store) {
    let Some(value) = definition(store, "YAML export") else {
        return;
    };
    let file = format!("{}.asl.yaml", stem(store));
    report_download(
        store,
        download_text(&file, "application/yaml", &to_yaml(&value)),
        &file,
    );
}

pub fn copy_mermaid(store: Store) {
    if let Some(value) = definition(store, "Mermaid export") {
        copy(store, to_mermaid(&value), "The Mermaid flowchart");
    }
}

pub fn download_mermaid(store: Store) {
    let Some(value) = definition(store, "Mermaid export") else {
        return;
    };
    let file = format!("{}.mmd", stem(store));
    report_download(
        store,
        download_text(&file, "text/plain", &to_mermaid(&value)),
        &file,
    );
}

pub fn download_svg(store: Store) {
    let Some((markup, _, _)) = graph_svg() else {
        return store.io.warn("There is no graph to export.");
    };
    let file = format!("{}.svg", stem(store));
    report_download(store, download_text(&file, "image/svg+xml", &markup), &file);
}

pub fn download_png(store: Store) {
    let Some((markup, width, height)) = graph_svg() else {
        return store.io.warn("There is no graph to export.");
    };
    let file = format!("{}.png", stem(store));
    svg_to_png(&markup, width, height, move |blob| match blob {
        Some(blob) => report_download(store, download_blob(&file, &blob), &file),
        None => store.io.warn("The graph could not be drawn as PNG."),
    });
}

/// Whether the document came from a template that export can write back.
pub fn has_template(store: Store) -> bool {
    store.io.origin.with(Option::is_some)
}

pub fn download_template(store: Store) {
    let Some(origin) = store.io.origin.get_untracked() else {
        return;
    };
    match replace_definition(&origin, &store.text.get_untracked()) {
        Ok(text) => {
            let (extension, mime) = match origin.format {
                TextFormat::Json => ("json", "application/json"),
                TextFormat::Yaml => ("yaml", "application/yaml"),
            };
            let file = format!("template.{extension}");
            report_download(store, download_text(&file, mime, &text), &file);
        }
        Err(e) => store
            .io
            .warn(format!("The template could not be written: {e}.")),
    }
}

/// Copies a link that carries the definition in its fragment, and shows it for copying by hand.
pub fn share_link(store: Store) {
    let url = share_url(
        &store.text.get_untracked(),
        store.io.scenarios.get_untracked().as_ref(),
    );
    store.io.notice.set(Some(Notice {
        error: false,
        text: "Share link (the definition travels inside the link; nothing is uploaded):".into(),
        link: Some(url.clone()),
    }));
    spawn_local(async move {
        let copied = copy_text(&url).await;
        store.io.notice.update(|n| {
            if let Some(n) = n.as_mut().filter(|n| n.link.as_deref() == Some(url.as_str())) {
                n.text = if copied {
                    "Share link copied (the definition travels inside the link; nothing is uploaded):".into()
                } else {
                    "Share link (copy it from here; the definition travels inside the link, nothing is uploaded):".into()
                };
            }
        });
    });
}
