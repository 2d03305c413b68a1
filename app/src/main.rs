//! StateLab studio: a thin Leptos view over engine-core.

mod canvas;
mod code_editor;
mod dialog;
mod editing;
mod inspector;
mod io;
mod problems;
mod sim;
mod store;
mod studio;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(studio::Studio);
}
