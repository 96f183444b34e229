use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::analytics::{outcome_key, DealFilter, SortColumn};
use crate::domain::{CategoryId, CompetitorId, Outcome, OwnerId, ReasonId};

use super::filter_select::FilterSelect;
use super::filters::{use_filter, use_set_filter};
use super::state::AppState;

/// Search, filters and sort order for the deal list.
#[component]
pub fn FiltersBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = use_filter();
    let set_filter = use_set_filter();
    let change = move |edit: Box<dyn Fn(&mut DealFilter)>, replace: bool| {
        let mut next = filter.get_untracked();
        edit(&mut next);
        set_filter(next, replace);
    };
    let change = StoredValue::new_local(change);
    let update = move |edit: Box<dyn Fn(&mut DealFilter)>, replace: bool| change.with_value(|change| change(edit, replace));

    // Read again only when deals come or go or their tags change, not on
    // every close: with 100,000 deals this walk costs several frames.
    // Open on wide screens, and wherever a filter is on; on a phone the deals
    // come first.
    let wide = web_sys::window()
        .and_then(|window| window.match_media("(min-width: 641px)").ok().flatten())
        .is_some_and(|query| query.matches());
    let filters_open = RwSignal::new(wide || filter.with_untracked(|f| f.narrows()));

    let tags = Memo::new(move |_| {
        state.order_generation.track();
        state.deals.with_untracked(|deals| {
            let distinct: BTreeSet<&str> = deals.iter().flat_map(|d| d.tags.values()).collect();
            distinct.into_iter().map(str::to_owned).collect::<Vec<String>>()
        })
    });

    view! {
        <form class="filters" role="search" aria-label="Filter deals" on:submit=|event| event.prevent_default()>
            <div class="field search-field">
                <label for="deal-search">"Search"</label>
                <input
                    id="deal-search"
                    type="search"
                    placeholder="Name, account, owner, note…  ( / )"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        update(Box::new(move |f| f.text = text.clone()), true);
                    }
                />
            </div>
            <DrillNote filter=filter on_clear=Callback::new(move |()| update(Box::new(|f| {
                f.outcomes.clear();
                f.stage = None;
                f.missing = None;
                f.primary_only = false;
            }), false))/>
            <details class="filter-details" prop:open=move || filters_open.get()
                on:toggle=move |event| filters_open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
                <summary>{move || match filter.with(|f| f.to_query().iter().filter(|(k, _)| !matches!(*k, "q" | "sort" | "dir")).count()) {
                    0 => "Filters and order".to_owned(),
                    active => format!("Filters and order ({active} active)"),
                }}</summary>
                <div class="filter-grid">
                <FilterSelect id="filter-outcome" label="Outcome" any="Any"
                    options=Signal::derive(|| Outcome::ALL.into_iter().map(|o| (outcome_key(o).to_owned(), o.label().to_owned())).collect())
                    selected=Signal::derive(move || filter.with(|f| f.outcome.map(|o| outcome_key(o).to_owned())))
                    on_pick=Callback::new(move |value: String| update(Box::new(move |f| f.outcome = Outcome::ALL.into_iter().find(|o| outcome_key(*o) == value)), false))/>
                <FilterSelect id="filter-owner" label="Owner" any="Anyone"
                    options=Signal::derive(move || state.catalog.with(|c| c.owners.items.iter().map(|i| (i.id.to_string(), i.name.clone())).collect()))
                    selected=Signal::derive(move || filter.with(|f| f.owner.as_ref().map(ToString::to_string)))
                    on_pick=Callback::new(move |value: String| update(Box::new(move |f| f.owner = (!value.is_empty()).then(|| OwnerId::new(value.clone()))), false))/>
                <FilterSelect id="filter-reason" label="Reason" any="Any"
                    options=Signal::derive(move || state.catalog.with(|c| c.taxonomy.reasons.iter().map(|r| (r.id.to_string(), r.label.clone())).collect()))
                    selected=Signal::derive(move || filter.with(|f| f.reason.as_ref().map(ToString::to_string)))
                    on_pick=Callback::new(move |value: String| update(Box::new(move |f| f.reason = (!value.is_empty()).then(|| ReasonId::new(value.clone()))), false))/>
                <FilterSelect id="filter-category" label="Category" any="Any"
                    options=Signal::derive(move || state.catalog.with(|c| c.taxonomy.categories.iter().map(|k| (k.id.to_string(), k.label.clone())).collect()))
                    selected=Signal::derive(move || filter.with(|f| f.category.as_ref().map(ToString::to_string)))
                    on_pick=Callback::new(move |value: String| update(Box::new(move |f| f.category = (!value.is_empty()).then(|| CategoryId::new(value.clone()))), false))/>
                <FilterSelect id="filter-competitor" label="Competitor" any="Any"
                    options=Signal::derive(move || state.catalog.with(|c| c.competitors.items.iter().map(|i| (i.id.to_string(), i.name.clone())).collect()))
                    selected=Signal::derive(move || filter.with(|f| f.competitor.as_ref().map(ToString::to_string)))
                    on_pick=Callback::new(move |value: String| update(Box::new(move |f| f.competitor = (!value.is_empty()).then(|| CompetitorId::new(value.clone()))), false))/>
                <FilterSelect id="filter-tag" label="Tag" any="Any"
                    options=Signal::derive(move || tags.with(|tags| tags.iter().map(|t| (t.clone(), t.clone())).collect()))
                    selected=Signal::derive(move || filter.with(|f| f.tag.clone()))
                    on_pick=Callback::new(move |value: String| update(Box::new(move |f| f.tag = (!value.is_empty()).then(|| value.clone())), false))/>
                <div class="field">
                    <label for="filter-from">"Closing from"</label>
                    <input id="filter-from" type="date"
                        prop:value=move || filter.with(|f| f.from.map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            update(Box::new(move |f| f.from = chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok()), false);
                        }
                    />
                </div>
                <div class="field">
                    <label for="filter-to">"Closing to"</label>
                    <input id="filter-to" type="date"
                        prop:value=move || filter.with(|f| f.to.map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            update(Box::new(move |f| f.to = chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok()), false);
                        }
                    />
                </div>
                <FilterSelect id="filter-sort" label="Sort by" any=""
                    options=Signal::derive(|| SortColumn::ALL.into_iter().map(|c| (c.key().to_owned(), c.label().to_owned())).collect())
                    selected=Signal::derive(move || Some(filter.with(|f| f.sort.key().to_owned())))
                    on_pick=Callback::new(move |value: String| update(Box::new(move |f| f.sort = SortColumn::ALL.into_iter().find(|c| c.key() == value).unwrap_or_default()), false))/>
                <div class="field checkbox-field">
                    <input id="filter-descending" type="checkbox"
                        prop:checked=move || filter.with(|f| f.descending)
                        on:change=move |event| {
                            let descending = event_target_checked(&event);
                            update(Box::new(move |f| f.descending = descending), false);
                        }
                    />
                    <label for="filter-descending">"Reverse order"</label>
                </div>
                <Show when=move || filter.with(|f| *f != DealFilter::default())>
                    <button type="button" class="quiet" on:click=move |_| update(Box::new(|f| *f = DealFilter::default()), false)>
                        "Clear filters"
                    </button>
                </Show>
                </div>
            </details>
        </form>
    }
}

/// The criteria only a dashboard drill-down sets, said in words, with a way
/// back to the plain list.
#[component]
fn DrillNote(filter: Memo<DealFilter>, on_clear: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let description = move || {
        filter.with(|f| {
            let mut parts = Vec::new();
            if !f.outcomes.is_empty() {
                let labels: Vec<&str> = f.outcomes.iter().map(|o| o.label()).collect();
                parts.push(labels.join(" or "));
            }
            if let Some(stage) = &f.stage {
                let name = state.catalog.with(|c| c.stages.name_of(stage).map_or_else(|| stage.to_string(), str::to_owned));
                parts.push(format!("stage reached: {name}"));
            }
            if let Some(missing) = f.missing {
                parts.push(missing.label().to_owned());
            }
            if f.primary_only {
                parts.push("primary reason only".to_owned());
            }
            parts.join(" · ")
        })
    };
    view! {
        <Show when=move || !description().is_empty()>
            <p class="drill-note">
                "From the dashboard: " {description} " "
                <button type="button" class="quiet" on:click=move |_| on_clear.run(())>"Drop these criteria"</button>
            </p>
        </Show>
    }
}
