//! The Leptos interface: the only module that holds signals or touches the DOM.

mod app;
mod backup_reminder;
mod branding;
mod browser;
mod close_panel;
mod dashboard;
mod data;
mod deal_fields;
mod deal_list;
mod deal_row;
mod echart;
mod echarts_js;
mod files;
mod filter_select;
mod filters;
mod filters_bar;
mod format;
mod from_disk;
mod help_overlay;
mod keyboard;
mod new_deal_form;
mod notices;
mod pages;
mod sample_hooks;
mod settings;
mod setup_offer;
mod state;
mod timing;
mod update_offer;

/// Starts the app in the page's `<body>`.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}
