use leptos::prelude::*;

use crate::analytics::Dashboard;
use crate::charts;

use super::super::dashboard::{
    use_dashboard_filter, ChartPanel, DashboardControls, DemoBanner, EmptyDashboard, Headline, InsightsList, MoneyNote, OwnersTable, PrintButton, ReportHeader,
    SizeBandsTable, TagsTable,
};
use super::super::state::AppState;
use super::super::{browser, format, timing};

/// Why deals are won and lost: insights, key figures, charts that drill
/// down to the deals, and tables.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = use_dashboard_filter();
    let dashboard = Memo::new(move |_| {
        let filter = filter.get();
        timing::mark(timing::RECOMPUTE_START);
        let computed = state.facts.with(|facts| state.catalog.with(|catalog| Dashboard::compute(facts, catalog, &filter, browser::today())));
        timing::measure_now(timing::DASHBOARD_RECOMPUTE, timing::RECOMPUTE_START);
        computed
    });
    let anything_closed = Memo::new(move |_| state.facts.with(|facts| facts.rows().iter().any(|fact| fact.outcome.is_closed())));
    let measure = move || filter.with(|f| f.measure);
    let chart = move |build: fn(&Dashboard, crate::analytics::Measure) -> charts::ChartSpec| {
        Memo::new(move |_| dashboard.with(|d| build(d, measure())))
    };
    let plain = move |build: fn(&Dashboard) -> charts::ChartSpec| Memo::new(move |_| dashboard.with(build));
    let period_text = Signal::derive(move || {
        dashboard.with(|d| match (d.period, d.previous_period) {
            (Some(now), Some(before)) => format!(
                "Closed {} – {}, compared with {} – {}",
                format::date(now.from),
                format::date(now.to),
                format::date(before.from),
                format::date(before.to)
            ),
            _ => "All deals closed so far".to_owned(),
        })
    });

    view! {
        <section class="dashboard" aria-labelledby="dashboard-title">
            <ReportHeader filter=filter period_text=period_text/>
            <div class="section-head">
                <h2 id="dashboard-title">"Dashboard"</h2>
                <p class="count">{period_text}</p>
                <Show when=move || anything_closed.get()>
                    <PrintButton/>
                </Show>
            </div>
            <DemoBanner/>
            <DashboardControls filter=filter/>
            <Show when=move || anything_closed.get() fallback=|| view! { <EmptyDashboard/> }>
                <InsightsList dashboard=dashboard filter=filter/>
                <MoneyNote dashboard=dashboard/>
                <Headline dashboard=dashboard filter=filter/>
                <div class="chart-grid">
                    <ChartPanel spec=chart(charts::loss_pareto) filter=filter empty="No lost deals in this period."/>
                    <ChartPanel spec=plain(charts::win_rate_trend) filter=filter empty="No decided deals in these months."/>
                    <ChartPanel spec=plain(charts::reasons_over_time) filter=filter empty="No loss reasons in these months."/>
                    <ChartPanel spec=plain(charts::owners_win_rate) filter=filter empty="No decided deals with an owner in this period."/>
                    <ChartPanel spec=plain(charts::competitors_head_to_head) filter=filter empty="No deal in this period names a competitor."/>
                    <ChartPanel spec=chart(charts::stage_at_loss) filter=filter empty="No lost deals in this period."/>
                    <ChartPanel spec=chart(charts::win_reasons) filter=filter empty="No won deals in this period."/>
                </div>
                <div class="table-grid">
                    <OwnersTable dashboard=dashboard filter=filter/>
                    <SizeBandsTable dashboard=dashboard/>
                    <TagsTable dashboard=dashboard/>
                </div>
            </Show>
        </section>
    }
}
