//! The figures better read as numbers than as bars: owners in detail, deal
//! size bands, tags, and sales cycle.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::analytics::{Dashboard, DashboardFilter, Drill, Rate, Tally};
use crate::domain::Money;

use super::super::{browser, format};
use super::drill_link::drill_href;

fn rate_cell(rate: Rate) -> String {
    match rate.estimate() {
        Some(e) => format!("{} ({}–{})", format::percent(e.value), format::percent(e.low), format::percent(e.high)),
        None => "—".to_owned(),
    }
}

fn tally_cells(tally: &Tally) -> impl IntoView {
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

#[component]
pub fn SizeBandsTable(dashboard: Memo<Dashboard>) -> impl IntoView {
    let money = move |minor: i64| {
        dashboard.with(|d| d.money.reporting.clone()).map_or_else(|| minor.to_string(), |currency| format::money(&Money { minor, currency }))
    };
    view! {
        <section class="table-panel" aria-labelledby="sizes-table-title">
            <h3 id="sizes-table-title">"Deal size"</h3>
            <table>
                <thead><tr><th scope="col">"Value"</th><th scope="col">"Decided"</th><th scope="col">"Won"</th><th scope="col">"Win rate (95 %)"</th></tr></thead>
                <tbody>
                    {move || dashboard.with(|d| d.size_bands.iter().map(|band| {
                        let label = match band.to {
                            Some(to) => format!("{} to {}", money(band.from), money(to)),
                            None => format!("{} and more", money(band.from)),
                        };
                        view! { <tr><th scope="row">{label}</th>{tally_cells(&band.tally)}</tr> }
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}

#[component]
pub fn TagsTable(dashboard: Memo<Dashboard>) -> impl IntoView {
    view! {
        <section class="table-panel" aria-labelledby="tags-table-title">
            <h3 id="tags-table-title">"Tags"</h3>
            <table>
                <thead><tr><th scope="col">"Tag"</th><th scope="col">"Decided"</th><th scope="col">"Won"</th><th scope="col">"Win rate (95 %)"</th></tr></thead>
                <tbody>
                    {move || dashboard.with(|d| d.tags.iter().map(|tag| view! {
                        <tr><th scope="row">{tag.tag.clone()}</th>{tally_cells(&tag.tally)}</tr>
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}
