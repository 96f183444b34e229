use leptos::prelude::*;

use crate::domain::Deal;

use super::deal_row::DealRow;
use super::state::AppState;

/// Newest first; deals created the same day by name, so the order survives a reload.
fn display_order(a: &Deal, b: &Deal) -> std::cmp::Ordering {
    b.created_on
        .cmp(&a.created_on)
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        .then_with(|| a.id.cmp(&b.id))
}

#[component]
pub fn DealList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ordered = Memo::new(move |_| {
        let mut deals = state.deals.get();
        deals.sort_by(display_order);
        deals
    });
    let open_count = move || state.deals.with(|deals| deals.iter().filter(|d| !d.outcome.is_closed()).count());

    view! {
        <section class="deals" aria-labelledby="deals-title">
            <div class="section-head">
                <h2 id="deals-title">"Deals"</h2>
                <p class="count">{move || format!("{} deals · {} open", state.deals.with(Vec::len), open_count())}</p>
            </div>
            <Show
                when=move || !ordered.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">"No deals yet. Add the first one above, then close it as won or lost."</p> }
            >
                <ul class="deal-list" aria-label="Deals">
                    <For
                        each=move || ordered.get()
                        key=|deal| (deal.id.clone(), deal.updated_at)
                        let:deal
                    >
                        <DealRow deal/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
