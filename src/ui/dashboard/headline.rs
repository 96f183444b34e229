use leptos::prelude::*;
use leptos_router::components::A;

use crate::analytics::{Dashboard, DashboardFilter, Drill, Estimate, Rate};
use crate::domain::Money;

use super::super::{browser, format};
use super::drill_link::drill_href;

fn interval(estimate: Option<Estimate>) -> String {
    estimate.map_or_else(String::new, |e| format!("95 % interval {}–{}", format::percent(e.low), format::percent(e.high)))
}

fn rate_text(rate: Rate) -> String {
    rate.value().map_or_else(|| "—".to_owned(), format::percent)
}

/// The few numbers a manager reads first, each with its sample size and the
/// same figure for the period before.
#[component]
pub fn Headline(dashboard: Memo<Dashboard>, filter: Memo<DashboardFilter>) -> impl IntoView {
    let href = move |drill: Drill| filter.with(|f| drill_href(f, browser::today(), &drill));
    let money = move |minor: i64| {
        dashboard.with(|d| d.money.reporting.clone()).map_or_else(|| "—".to_owned(), |currency| format::short_money(&Money { minor, currency }))
    };
    let before = |text: String| view! { <p class="before">"Period before: " {text}</p> };
    view! {
        <section class="headline" aria-label="Key figures">
            <article class="figure-card">
                <h3>"Win rate"</h3>
                <p class="big">{move || rate_text(dashboard.with(|d| d.current.tally.win_rate()))}</p>
                <p class="detail">{move || dashboard.with(|d| {
                    let rate = d.current.tally.win_rate();
                    format!("{} · n {}", interval(rate.estimate()), format::count(rate.n as usize))
                })}</p>
                {move || dashboard.with(|d| d.previous.as_ref().map(|p| {
                    let (now, then) = (d.current.tally.win_rate().value(), p.tally.win_rate().value());
                    match (now, then) {
                        (Some(now), Some(then)) => format!("{} ({:+} points)", format::percent(then), ((now - then) * 100.0).round() as i64),
                        _ => rate_text(p.tally.win_rate()),
                    }
                })).map(before)}
            </article>
            <article class="figure-card">
                <h3>"Win rate by value"</h3>
                <p class="big">{move || dashboard.with(|d| d.current.tally.value.value().map_or_else(|| "—".to_owned(), format::percent))}</p>
                <p class="detail">{move || dashboard.with(|d| {
                    let value = &d.current.tally.value;
                    format!("{} · n {}", interval(value.estimate()), format::count(value.n as usize))
                })}</p>
                {move || dashboard.with(|d| (d.current.tally.unvalued > 0).then(|| view! {
                    <p class="flag">{format!("{} deals without a value left out", format::count(d.current.tally.unvalued as usize))}</p>
                }))}
            </article>
            <article class="figure-card">
                <h3>"Lost value"</h3>
                <p class="big">{move || money(dashboard.with(|d| d.current.tally.lost_value))}</p>
                <p class="detail">{move || dashboard.with(|d| format!("{} lost or no decision", format::count(d.current.tally.losses() as usize)))}</p>
                {move || dashboard.with(|d| d.previous.as_ref().map(|p| {
                    let (now, then) = (d.current.tally.lost_value, p.tally.lost_value);
                    match then {
                        0 => money(then),
                        _ => format!("{} ({:+.0} %)", money(then), (now - then) as f64 * 100.0 / then as f64),
                    }
                })).map(before)}
            </article>
            <article class="figure-card">
                <h3>"Reasons recorded"</h3>
                <p class="big">{move || rate_text(dashboard.with(|d| d.current.health.with_reason))}</p>
                <p class="detail">{move || dashboard.with(|d| {
                    let r = d.current.health.with_reason;
                    format!("{} of {} decided deals", format::count(r.hits as usize), format::count(r.n as usize))
                })}</p>
                {move || dashboard.with(|d| {
                    let r = d.current.health.with_reason;
                    (r.hits < r.n).then(|| view! {
                        <A href=href(Drill::MissingReason)>{format!("{} without a reason", format::count((r.n - r.hits) as usize))}</A>
                    })
                })}
            </article>
            <article class="figure-card">
                <h3>"Competitor named"</h3>
                <p class="big">{move || rate_text(dashboard.with(|d| d.current.health.competitor_named))}</p>
                <p class="detail">{move || dashboard.with(|d| {
                    let r = d.current.health.competitor_named;
                    format!("of {} competitive losses", format::count(r.n as usize))
                })}</p>
                {move || dashboard.with(|d| {
                    let r = d.current.health.competitor_named;
                    (r.hits < r.n).then(|| view! {
                        <A href=href(Drill::MissingCompetitor)>{format!("{} without the competitor", format::count((r.n - r.hits) as usize))}</A>
                    })
                })}
            </article>
            <article class="figure-card">
                <h3>"Overdue open deals"</h3>
                <p class="big">{move || format::count(dashboard.with(|d| d.current.health.overdue_open) as usize)}</p>
                <p class="detail">"past their expected close date"</p>
                {move || (dashboard.with(|d| d.current.health.overdue_open) > 0).then(|| view! {
                    <A href=href(Drill::OverdueOpen)>"Update them"</A>
                })}
            </article>
            <article class="figure-card">
                <h3>"Sales cycle"</h3>
                <p class="big">{move || dashboard.with(|d| d.cycle.won_median_days.map_or_else(|| "—".to_owned(), |days| format!("{days} days")))}</p>
                <p class="detail">{move || dashboard.with(|d| format!(
                    "median to win (n {}); losing takes {} (n {})",
                    d.cycle.won_n,
                    d.cycle.lost_median_days.map_or_else(|| "—".to_owned(), |days| format!("{days} days")),
                    d.cycle.lost_n
                ))}</p>
            </article>
        </section>
    }
}
