use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::analytics::DashboardFilter;
use crate::charts::ChartSpec;

use super::super::browser;
use super::super::echart::EChart;
use super::drill_link::drill_href;

/// One chart of the dashboard: drawn when it has data, a sentence when it
/// has none; a click on a bar or point opens the deals behind it.
#[component]
pub fn ChartPanel(spec: Memo<ChartSpec>, filter: Memo<DashboardFilter>, empty: &'static str) -> impl IntoView {
    let navigate = StoredValue::new_local(use_navigate());
    let title = spec.with_untracked(|spec| spec.title.clone());
    let option = Signal::derive(move || spec.with(ChartSpec::option_json));
    let on_click = Callback::new(move |(series, data): (usize, usize)| {
        let Some(drill) = spec.with_untracked(|spec| spec.drill(series, data).cloned()) else { return };
        let href = filter.with_untracked(|f| drill_href(f, browser::today(), &drill));
        navigate.with_value(|navigate| navigate(&href, Default::default()));
    });
    // Only a change between "nothing to draw" and "something" rebuilds the
    // view: new data updates the chart in place.
    let is_empty = Memo::new(move |_| spec.with(ChartSpec::is_empty));
    view! {
        <div class="chart-panel">
            {move || if is_empty.get() {
                let heading = spec.with_untracked(|spec| spec.title.clone());
                let label = heading.clone();
                view! {
                    <figure class="chart chart-empty" aria-label=label>
                        <figcaption>{heading}</figcaption>
                        <p>{empty}</p>
                    </figure>
                }.into_any()
            } else {
                view! { <EChart title=title.clone() option=option on_click=on_click/> }.into_any()
            }}
        </div>
    }
}
