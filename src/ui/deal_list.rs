use leptos::prelude::*;

use crate::analytics::first_in_display_order;

use super::deal_row::DealRow;
use super::state::AppState;

/// Rows rendered at first, and added by each "Show more".
const PAGE_SIZE: usize = 50;

#[component]
pub fn DealList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = RwSignal::new(PAGE_SIZE);
    // Which deals are on screen is worked out again only when the order may
    // have changed; their contents are then read afresh on every change.
    let visible_positions = Memo::new(move |_| {
        state.order_generation.track();
        let count = shown.get();
        state.deals.with_untracked(|deals| first_in_display_order(deals, count))
    });
    let visible = move || {
        state.deals.with(|deals| {
            visible_positions.with(|positions| positions.iter().filter_map(|&at| deals.get(at).cloned()).collect::<Vec<_>>())
        })
    };
    let total = move || state.deals.with(Vec::len);
    let open_count = move || state.deals.with(|deals| deals.iter().filter(|d| !d.outcome.is_closed()).count());
    let hidden = move || total().saturating_sub(shown.get());

    view! {
        <section class="deals" aria-labelledby="deals-title">
            <div class="section-head">
                <h2 id="deals-title">"Deals"</h2>
                <p class="count">{move || format!("{} deals · {} open", total(), open_count())}</p>
            </div>
            <Show
                when=move || { total() > 0 }
                fallback=|| view! { <p class="empty">"No deals yet. Add the first one above, then close it as won or lost."</p> }
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
                        {move || format!("Show {} more of {}", hidden().min(PAGE_SIZE), hidden())}
                    </button>
                </Show>
            </Show>
        </section>
    }
}
