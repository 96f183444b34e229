//! User Timing marks, so the benchmark (and the browser's performance panel)
//! can see when what a user waits for has happened.

use std::time::Duration;

use leptos::prelude::set_timeout;

pub const DEALS_VISIBLE: &str = "winloss:deals-visible";
pub const CLOSE_CLICKED: &str = "winloss:close-clicked";
pub const CLOSE_DEAL: &str = "winloss:close-deal";
pub const RECOMPUTE_START: &str = "winloss:recompute-start";
pub const DASHBOARD_RECOMPUTE: &str = "winloss:dashboard-recompute";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// Measures from the latest `start` mark to now.
pub fn measure_now(name: &str, start: &str) {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// Runs once the DOM has caught up with the signals just set: Leptos applies
/// changes in microtasks, and a zero timeout runs after all of them.
fn after_render(then: impl FnOnce(web_sys::Performance) + 'static) {
    set_timeout(
        move || {
            if let Some(performance) = performance() {
                then(performance);
            }
        },
        Duration::ZERO,
    );
}

pub fn mark_after_render(name: &'static str) {
    after_render(move |performance| {
        let _ = performance.mark(name);
    });
}

/// Measures from the latest `start` mark to the moment the screen is updated.
pub fn measure_after_render(name: &'static str, start: &'static str) {
    after_render(move |performance| {
        let _ = performance.measure_with_start_mark(name, start);
    });
}
