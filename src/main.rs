//! Entry point: mounts the explorer. The corpus is decoded on first use.

mod app;
mod components;
mod data;
mod embed;
mod routing;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
