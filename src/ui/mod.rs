//! The Leptos interface: the only module that holds signals or touches the DOM.

mod app;
mod browser;
mod close_panel;
mod deal_list;
mod deal_row;
mod format;
mod new_deal_form;
mod notices;
mod sample_hooks;
mod state;
mod timing;

/// Starts the app in the page's `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
