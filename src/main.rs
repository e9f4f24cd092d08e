//! Entry point: decodes the embedded corpus and mounts the app.

mod app;
mod components;
mod data;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
