use leptos::prelude::*;

use crate::io::export_csv::export_csv;

use super::super::filters::use_filter;
use super::super::state::AppState;
use super::super::{browser, files};

/// Downloads the deals the list shows (every one that matches the filters,
/// not just the first page), in the list's order, as CSV.
#[component]
pub fn ExportCsvButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = use_filter();
    let export = move |_| {
        let filter = filter.get_untracked();
        let csv = state.catalog.with_untracked(|catalog| {
            state.deals.with_untracked(|deals| {
                let (positions, _) = filter.page(deals, catalog, deals.len());
                export_csv(positions.iter().filter_map(|&at| deals.get(at)), catalog)
            })
        });
        let file_name = format!("winloss-deals-{}.csv", browser::today());
        if let Err(problem) = files::download_text(&csv, &file_name, "text/csv;charset=utf-8") {
            state.problem.set(Some(format!("The export could not be saved: {problem}.")));
        }
    };
    view! {
        <button type="button" class="quiet" on:click=export>"Export CSV"</button>
    }
}
