use leptos::prelude::*;

use super::data::ExportCsvButton;
use super::deal_row::DealRow;
use super::format;
use super::filters::use_filter;
use super::state::AppState;

/// Rows rendered at first, and added by each "Show more".
const PAGE_SIZE: usize = 50;

#[component]
pub fn DealList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = use_filter();
    let shown = RwSignal::new(PAGE_SIZE);
    // Which deals are on screen is worked out again only when the order or
    // the filter may have changed; their contents are then read afresh on
    // every change. A narrowing filter must also see a close (a deal may
    // stop matching), so it tracks every change.
    let page = Memo::new(move |_| {
        state.order_generation.track();
        let filter = filter.get();
        let count = shown.get();
        state.catalog.with(|catalog| {
            if filter.narrows() {
                state.deals.with(|deals| filter.page(deals, catalog, count))
            } else {
                state.deals.with_untracked(|deals| filter.page(deals, catalog, count))
            }
        })
    });
    let visible = move || {
        state.deals.with(|deals| {
            page.with(|(positions, _)| positions.iter().filter_map(|&at| deals.get(at).cloned()).collect::<Vec<_>>())
        })
    };
    let total = move || state.deals.with(Vec::len);
    let matching = move || page.with(|(_, matching)| *matching);
    let open_count = move || state.deals.with(|deals| deals.iter().filter(|d| !d.outcome.is_closed()).count());
    let hidden = move || matching().saturating_sub(shown.get());

    view! {
        <section class="deals" aria-labelledby="deals-title">
            <div class="section-head">
                <h2 id="deals-title">"Deals"</h2>
                <p class="count" aria-live="polite">
                    {move || if filter.with(|f| f.narrows()) {
                        format!("{} of {} deals match", format::count(matching()), format::count(total()))
                    } else {
                        format!("{} deals · {} open", format::count(total()), format::count(open_count()))
                    }}
                </p>
                <ExportCsvButton/>
            </div>
            <Show
                when=move || { matching() > 0 }
                fallback=move || view! {
                    <p class="empty">{move || if total() == 0 {
                        "No deals yet. Add the first one above, then close it as won or lost."
                    } else {
                        "No deal matches these filters."
                    }}</p>
                }
            >
                <ul class="deal-list" aria-label="Deals">
                    <For
                        each=visible
                        key=|deal| (deal.id.clone(), deal.updated_at)
                        let:deal
                    >
                        <DealRow deal/>
                    </For>
                </ul>
                <Show when=move || { hidden() > 0 }>
                    <button type="button" class="show-more" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>
                        {move || format!("Show {} more of {}", hidden().min(PAGE_SIZE), format::count(hidden()))}
                    </button>
                </Show>
            </Show>
        </section>
    }
}
