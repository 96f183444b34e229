//! What a printed dashboard says about itself: whose tracker, which period
//! and which filters, so a report read on paper cannot be misread. Shown
//! only in print; on screen the controls say the same.

use leptos::prelude::*;

use crate::analytics::{DashboardFilter, Measure};

use super::super::format;
use super::super::state::AppState;

/// The filters in words: "Owner: Dana · Tag: EMEA · Leaving out: Won".
fn filter_words(filter: &DashboardFilter, owner_name: Option<String>) -> String {
    let mut parts = vec![format!("Period: {}", filter.period.label())];
    if let Some(owner) = owner_name {
        parts.push(format!("Owner: {owner}"));
    }
    if let Some(tag) = &filter.tag {
        parts.push(format!("Tag: {tag}"));
    }
    if !filter.hidden.is_empty() {
        let hidden: Vec<&str> = filter.hidden.iter().map(|outcome| outcome.label()).collect();
        parts.push(format!("Leaving out: {}", hidden.join(", ")));
    }
    parts.push(if filter.secondary { "Reasons: primary and secondary" } else { "Reasons: primary only" }.to_owned());
    parts.push(if filter.measure == Measure::Value { "Ranked by value" } else { "Ranked by count" }.to_owned());
    parts.join(" · ")
}

#[component]
pub fn ReportHeader(filter: Memo<DashboardFilter>, period_text: Signal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = move || state.catalog.with(|catalog| catalog.branding.title.clone());
    let words = move || {
        filter.with(|filter| {
            let owner = filter.owner.as_ref().and_then(|id| state.catalog.with(|c| c.owners.name_of(id).map(str::to_owned)));
            filter_words(filter, owner)
        })
    };
    view! {
        <header class="report-header print-only">
            <p class="report-title">{title}" — win/loss report"</p>
            <p>{period_text}</p>
            <p>{words}</p>
            <p>{move || format!("Printed {}", format::date(super::super::browser::today()))}</p>
        </header>
    }
}

/// Opens the browser's print dialog; the print stylesheet turns the
/// dashboard into the report.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button type="button" class="quiet" on:click=move |_| {
            if let Some(window) = web_sys::window() {
                let _ = window.print();
            }
        }>"Print report"</button>
    }
}
