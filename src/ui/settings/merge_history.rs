use leptos::prelude::*;

use super::super::format;
use super::super::state::AppState;

/// Every merge of one reason into another, newest first.
#[component]
pub fn MergeHistory() -> impl IntoView {
    let state = expect_context::<AppState>();
    let merges = move || {
        state.catalog.with(|catalog| {
            catalog
                .taxonomy
                .merges
                .iter()
                .rev()
                .map(|merge| {
                    let into = catalog.taxonomy.reason(&merge.into).map(|r| r.label.clone()).unwrap_or_else(|| merge.into.to_string());
                    (format::date(merge.at.date_naive()), merge.from_label.clone(), into, merge.deals_remapped)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel" aria-labelledby="merges-title">
            <h2 id="merges-title">"Merged reasons"</h2>
            <Show when=move || !merges().is_empty() fallback=|| view! { <p class="empty">"No reasons have been merged."</p> }>
                <table class="merges">
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Merged"</th><th scope="col">"Into"</th><th scope="col">"Deals remapped"</th></tr></thead>
                    <tbody>
                        {move || merges().into_iter().map(|(date, from, into, count)| view! {
                            <tr><td>{date}</td><td>{from}</td><td>{into}</td><td>{count}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
