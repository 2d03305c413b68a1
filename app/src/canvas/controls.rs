//! Zoom in, zoom out, fit to screen: buttons over the canvas, with the zoom shown.

use leptos::prelude::*;

#[component]
pub fn Controls(
    #[prop(into)] scale: Signal<f64>,
    on_zoom_in: Callback<()>,
    on_zoom_out: Callback<()>,
    on_fit: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="canvas-controls" role="toolbar" aria-label="Graph view">
            <button type="button" data-testid="zoom-in" aria-label="Zoom in" title="Zoom in (+)" on:click=move |_| on_zoom_in.run(())>"+"</button>
            <button type="button" data-testid="zoom-out" aria-label="Zoom out" title="Zoom out (−)" on:click=move |_| on_zoom_out.run(())>"−"</button>
            <button type="button" data-testid="zoom-fit" aria-label="Fit to screen" title="Fit to screen (0)" on:click=move |_| on_fit.run(())>"Fit"</button>
            <span class="zoom-level" aria-live="polite">{move || format!("{:.0}%", scale.get() * 100.0)}</span>
        </div>
    }
}
