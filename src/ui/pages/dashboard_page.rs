use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::Outcome;

use super::super::state::AppState;

/// Until the dashboard exists: the counts it will explain.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = move |outcome: Outcome| state.deals.with(|deals| deals.iter().filter(|d| d.outcome == outcome).count());
    view! {
        <section class="panel" aria-labelledby="dashboard-title">
            <h2 id="dashboard-title">"Dashboard"</h2>
            <p>"Charts of why deals are won and lost come in a later version. So far:"</p>
            <ul class="plain-list">
                {Outcome::ALL.into_iter().map(|outcome| view! {
                    <li>
                        <A href=format!("/?outcome={}", crate::analytics::outcome_key(outcome))>{outcome.label()}</A>
                        ": " {move || count(outcome)}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
