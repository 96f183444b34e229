use chrono::NaiveDate;
use leptos::prelude::*;

use crate::analytics::{outcome_key, DashboardFilter, Grain, Measure, PeriodChoice, OUTCOME_KINDS};
use crate::domain::OwnerId;

use super::super::browser;
use super::super::filter_select::FilterSelect;
use super::super::state::AppState;
use super::url::use_change_dashboard_filter;

/// Period, owner, tag, outcomes and how figures are counted.
#[component]
pub fn DashboardControls(filter: Memo<DashboardFilter>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let change = use_change_dashboard_filter(filter);
    let custom = move || matches!(filter.with(|f| f.period), PeriodChoice::Custom { .. });
    let date_field = move |id: &'static str, label: &'static str, pick_from: bool| {
        let shown = move || match filter.with(|f| f.period) {
            PeriodChoice::Custom { from, to } => if pick_from { from } else { to }.to_string(),
            _ => String::new(),
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="date" prop:value=shown on:change=move |event| {
                    let Ok(date) = NaiveDate::parse_from_str(&event_target_value(&event), "%Y-%m-%d") else { return };
                    change(Box::new(move |f| {
                        if let PeriodChoice::Custom { from, to } = &mut f.period {
                            if pick_from { *from = date } else { *to = date }
                        }
                    }));
                }/>
            </div>
        }
    };
    view! {
        <form class="panel dashboard-controls" aria-label="Dashboard filters" on:submit=|event| event.prevent_default()>
            <div class="filter-grid">
                <FilterSelect id="dashboard-period" label="Period" any=""
                    options=Signal::derive(|| PeriodChoice::PRESETS.into_iter()
                        .chain(std::iter::once(PeriodChoice::Custom { from: NaiveDate::MIN, to: NaiveDate::MIN }))
                        .map(|p| (p.key().to_owned(), p.label().to_owned())).collect())
                    selected=Signal::derive(move || Some(filter.with(|f| f.period.key().to_owned())))
                    on_pick=Callback::new(move |key: String| change(Box::new(move |f| {
                        f.period = PeriodChoice::PRESETS.into_iter().find(|p| p.key() == key).unwrap_or_else(|| {
                            let today = browser::today();
                            let from = PeriodChoice::ThisQuarter.resolve(today).map_or(today, |p| p.from);
                            PeriodChoice::Custom { from, to: today }
                        });
                    })))/>
                <Show when=custom>
                    {date_field("dashboard-from", "From", true)}
                    {date_field("dashboard-to", "To", false)}
                </Show>
                <FilterSelect id="dashboard-owner" label="Owner" any="Everyone"
                    options=Signal::derive(move || state.catalog.with(|c| c.owners.items.iter().map(|i| (i.id.to_string(), i.name.clone())).collect()))
                    selected=Signal::derive(move || filter.with(|f| f.owner.as_ref().map(ToString::to_string)))
                    on_pick=Callback::new(move |value: String| change(Box::new(move |f| f.owner = (!value.is_empty()).then(|| OwnerId::new(value)))))/>
                <FilterSelect id="dashboard-tag" label="Tag" any="Any tag"
                    options=Signal::derive(move || state.facts.with(|facts| {
                        let mut tags: Vec<String> = facts.tags.texts().to_vec();
                        tags.sort_by_key(|tag| tag.to_lowercase());
                        tags.into_iter().map(|t| (t.clone(), t)).collect()
                    }))
                    selected=Signal::derive(move || filter.with(|f| f.tag.clone()))
                    on_pick=Callback::new(move |value: String| change(Box::new(move |f| f.tag = (!value.is_empty()).then_some(value))))/>
                <FilterSelect id="dashboard-measure" label="Rank reasons by" any=""
                    options=Signal::derive(|| vec![("count".to_owned(), "Number of deals".to_owned()), ("value".to_owned(), "Value".to_owned())])
                    selected=Signal::derive(move || Some(if filter.with(|f| f.measure) == Measure::Value { "value" } else { "count" }.to_owned()))
                    on_pick=Callback::new(move |value: String| change(Box::new(move |f| f.measure = if value == "value" { Measure::Value } else { Measure::Count })))/>
                <FilterSelect id="dashboard-grain" label="Trend by" any=""
                    options=Signal::derive(|| vec![("month".to_owned(), "Month".to_owned()), ("quarter".to_owned(), "Quarter".to_owned())])
                    selected=Signal::derive(move || Some(filter.with(|f| f.grain.key().to_owned())))
                    on_pick=Callback::new(move |value: String| change(Box::new(move |f| f.grain = if value == "quarter" { Grain::Quarter } else { Grain::Month })))/>
                <fieldset class="field outcome-kinds">
                    <legend>"Outcomes counted"</legend>
                    {OUTCOME_KINDS.into_iter().map(|outcome| {
                        let id = format!("dashboard-outcome-{}", outcome_key(outcome));
                        view! {
                            <span class="checkbox-field">
                                <input id=id.clone() type="checkbox"
                                    prop:checked=move || filter.with(|f| !f.hidden.contains(&outcome))
                                    on:change=move |event| {
                                        let shown = event_target_checked(&event);
                                        change(Box::new(move |f| {
                                            f.hidden.retain(|o| *o != outcome);
                                            if !shown { f.hidden.push(outcome) }
                                        }));
                                    }/>
                                <label for=id>{outcome.label()}</label>
                            </span>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field checkbox-field">
                    <input id="dashboard-secondary" type="checkbox"
                        prop:checked=move || filter.with(|f| f.secondary)
                        on:change=move |event| {
                            let secondary = event_target_checked(&event);
                            change(Box::new(move |f| f.secondary = secondary));
                        }/>
                    <label for="dashboard-secondary">"Count secondary reasons too"</label>
                </div>
            </div>
        </form>
    }
}
