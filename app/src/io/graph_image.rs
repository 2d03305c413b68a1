//! The graph as a standalone picture: the canvas `svg[data-testid="graph"]` cloned with
//! every element's computed style written inline (the page's CSS does not travel with
//! the file), framed to the whole drawing, then rasterised for PNG.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlImageElement, SvgGraphicsElement};

/// Presentation properties the studio's CSS sets on graph elements.
const STYLE_PROPERTIES: [&str; 16] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "visibility",
];
const MARGIN: f64 = 16.0;

/// The graph's SVG markup with inline styles, and its width and height in pixels.
pub fn graph_svg() -> Option<(String, f64, f64)> {
    let svg = document()
        .query_selector("svg[data-testid=\"graph\"]")
        .ok()??;
    let clone: Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    inline_styles(&svg, &clone);
    let bbox = svg.dyn_ref::<SvgGraphicsElement>()?.get_b_box().ok()?;
    let (x, y) = (f64::from(bbox.x()) - MARGIN, f64::from(bbox.y()) - MARGIN);
    let (width, height) = (
        f64::from(bbox.width()) + 2.0 * MARGIN,
        f64::from(bbox.height()) + 2.0 * MARGIN,
    );
    let view_box = format!("{x} {y} {width} {height}");
    for (name, value) in [
        ("xmlns", "http://www.w3.org/2000/svg".to_string()),
        ("viewBox", view_box),
        ("width", format!("{width}")),
        ("height", format!("{height}")),
        ("style", "background:#ffffff".to_string()),
    ] {
        clone.set_attribute(name, &value).ok()?;
    }
    let markup = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&clone)
        .ok()?;
    Some((markup, width, height))
}

fn inline_styles(original: &Element, clone: &Element) {
    let (Ok(originals), Ok(clones)) = (
        original.query_selector_all("*"),
        clone.query_selector_all("*"),
    ) else {
        return;
    };
    for i in 0..originals.length().min(clones.length()) {
        let (Some(from), Some(to)) = (originals.item(i), clones.item(i)) else {
            continue;
        };
        let (Ok(from), Ok(to)) = (from.dyn_into::<Element>(), to.dyn_into::<Element>()) else {
            continue;
        };
        let Ok(Some(computed)) = window().get_computed_style(&from) else {
            continue;
        };
        let style: String = STYLE_PROPERTIES
            .iter()
            .filter_map(|p| {
                computed
                    .get_property_value(p)
                    .ok()
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{p}:{v};"))
            })
            .collect();
        let _ = to.set_attribute("style", &style);
    }
}

/// Draws the SVG markup onto a canvas at twice its size and hands the PNG blob to `done`.
pub fn svg_to_png(
    markup: &str,
    width: f64,
    height: f64,
    done: impl FnOnce(Option<web_sys::Blob>) + 'static,
) {
    const SCALE: f64 = 2.0;
    let Some(blob) = super::browser::text_blob(markup, "image/svg+xml") else {
        return done(None);
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return done(None);
    };
    let Ok(image) = HtmlImageElement::new() else {
        return done(None);
    };
    // Called once, by whichever of load, error or toBlob ends the attempt.
    let done = std::cell::RefCell::new(Some(done));
    let finish = std::rc::Rc::new(move |blob: Option<web_sys::Blob>| {
        if let Some(f) = done.borrow_mut().take() {
            f(blob);
        }
    });
    let on_error = {
        let finish = finish.clone();
        Closure::once_into_js(move || finish(None))
    };
    let loaded = image.clone();
    let source = url.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
        let canvas: Option<HtmlCanvasElement> = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into().ok());
        let Some(canvas) = canvas else {
            return finish(None);
        };
        canvas.set_width((width * SCALE).ceil() as u32);
        canvas.set_height((height * SCALE).ceil() as u32);
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(context) = context else {
            return finish(None);
        };
        let _ = context.scale(SCALE, SCALE);
        if context
            .draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, width, height)
            .is_err()
        {
            return finish(None);
        }
        let on_blob = {
            let finish = finish.clone();
            Closure::once_into_js(move |blob: Option<web_sys::Blob>| finish(blob))
        };
        if canvas.to_blob(on_blob.unchecked_ref()).is_err() {
            finish(None);
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&source);
}
