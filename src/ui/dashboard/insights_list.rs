use leptos::prelude::*;
use leptos_router::components::A;

use crate::analytics::{insights, Dashboard, DashboardFilter};

use super::super::browser;
use super::drill_link::drill_href;

/// What changed, in a few plain sentences; each leads to its deals.
#[component]
pub fn InsightsList(dashboard: Memo<Dashboard>, filter: Memo<DashboardFilter>) -> impl IntoView {
    let sentences = Memo::new(move |_| dashboard.with(|d| filter.with(|f| insights(d, f))));
    view! {
        <section class="insights" aria-labelledby="insights-title">
            <h3 id="insights-title">"What the numbers say"</h3>
            <ul>
                {move || sentences.get().into_iter().map(|insight| {
                    let link = insight.drill.map(|drill| filter.with(|f| drill_href(f, browser::today(), &drill)));
                    view! {
                        <li>
                            {insight.text}
                            {link.map(|href| view! { " " <A href=href attr:class="see-deals">"See the deals"</A> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
