//! The figures better read as numbers than as bars: owners in detail, deal
//! size bands, tags, and sales cycle.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::analytics::{Counts, Dashboard, DashboardFilter, Drill, Rate};
use crate::domain::Money;

use super::super::{browser, format};
use super::drill_link::drill_href;

fn rate_cell(rate: Rate) -> String {
    match rate.estimate() {
        Some(e) => format!("{} ({}–{})", format::percent(e.value), format::percent(e.low), format::percent(e.high)),
        None => "—".to_owned(),
    }
}

fn tally_cells(tally: &Counts) -> impl IntoView {
    view! {
        <td class="number">{format::count(tally.decided() as usize)}</td>
        <td class="number">{format::count(tally.won as usize)}</td>
        <td class="number">{rate_cell(tally.win_rate())}</td>
    }
}

#[component]
pub fn OwnersTable(dashboard: Memo<Dashboard>, filter: Memo<DashboardFilter>) -> impl IntoView {
    view! {
        <section class="table-panel" aria-labelledby="owners-table-title">
            <h3 id="owners-table-title">"Salespeople"</h3>
            <table>
                <thead><tr><th scope="col">"Owner"</th><th scope="col">"Decided"</th><th scope="col">"Won"</th><th scope="col">"Win rate (95 %)"</th><th scope="col">"Top loss reason"</th></tr></thead>
                <tbody>
                    {move || dashboard.with(|d| d.owners.iter().map(|owner| {
                        let name = owner.name.clone();
                        let link = owner.id.clone().map(|id| filter.with(|f| drill_href(f, browser::today(), &Drill::Owner(id))));
                        view! {
                            <tr>
                                <th scope="row">{match link {
                                    Some(href) => view! { <A href=href>{name}</A> }.into_any(),
                                    None => view! { <span>{name}</span> }.into_any(),
                                }}</th>
                                {tally_cells(&owner.tally)}
                                <td>{owner.top_loss_reason.clone().unwrap_or_else(|| "—".to_owned())}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}

/// Win rates of the deals in each row: deal sizes, tags.
#[component]
fn CountsTable(id: &'static str, title: &'static str, first_column: &'static str, rows: Signal<Vec<(String, Counts)>>) -> impl IntoView {
    view! {
        <section class="table-panel" aria-labelledby=id>
            <h3 id=id>{title}</h3>
            <table>
                <thead><tr><th scope="col">{first_column}</th><th scope="col">"Decided"</th><th scope="col">"Won"</th><th scope="col">"Win rate (95 %)"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(label, counts)| view! {
                        <tr><th scope="row">{label}</th>{tally_cells(&counts)}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
pub fn SizeBandsTable(dashboard: Memo<Dashboard>) -> impl IntoView {
    let money = move |minor: i64| {
        dashboard.with(|d| d.money.reporting.clone()).map_or_else(|| minor.to_string(), |currency| format::money(&Money { minor, currency }))
    };
    let rows = Signal::derive(move || {
        dashboard.with(|d| {
            d.size_bands
                .iter()
                .map(|band| {
                    let label = match band.to {
                        Some(to) => format!("{} to {}", money(band.from), money(to)),
                        None => format!("{} and more", money(band.from)),
                    };
                    (label, band.tally)
                })
                .collect()
        })
    });
    view! { <CountsTable id="sizes-table-title" title="Deal size" first_column="Value" rows/> }
}

#[component]
pub fn TagsTable(dashboard: Memo<Dashboard>) -> impl IntoView {
    let rows = Signal::derive(move || dashboard.with(|d| d.tags.iter().map(|tag| (tag.tag.clone(), tag.tally)).collect()));
    view! { <CountsTable id="tags-table-title" title="Tags" first_column="Tag" rows/> }
}
