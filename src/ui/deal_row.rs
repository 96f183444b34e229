use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::{Deal, Outcome};

use super::close_panel::ClosePanel;
use super::format;
use super::state::{AppState, Closing};

/// One deal: its facts, and either *Won*/*Lost* buttons or how it ended.
#[component]
pub fn DealRow(deal: Deal) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = deal.id.clone();
    let panel_outcome = {
        let id = id.clone();
        Memo::new(move |_| state.closing.with(|c| c.as_ref().filter(|c| c.deal == id).map(|c| c.outcome)))
    };
    let panel_id = format!("close-panel-{}", deal.id);
    // *Won* and *Lost* each open (or, clicked again, close) the panel below.
    let close_button = {
        let id = id.clone();
        let panel_id = panel_id.clone();
        move |outcome: Outcome, class: &'static str| {
            let id = id.clone();
            let toggle = move |_| {
                let next = (panel_outcome.get_untracked() != Some(outcome)).then(|| Closing { deal: id.clone(), outcome });
                state.closing.set(next);
            };
            view! {
                <button
                    type="button"
                    class=class
                    aria-expanded=move || (panel_outcome.get() == Some(outcome)).to_string()
                    aria-controls=panel_id.clone()
                    on:click=toggle
                >{outcome.label()}</button>
            }
        }
    };

    let (owner, reason_label, competitor) = state.catalog.with_untracked(|catalog| {
        (
            deal.owner.as_ref().and_then(|id| catalog.owners.name_of(id)).map(str::to_owned),
            deal.reason.as_ref().map(|reason_id| {
                catalog.taxonomy.reason(reason_id).map(|reason| reason.label.clone()).unwrap_or_else(|| reason_id.to_string())
            }),
            deal.competitor.as_ref().and_then(|id| catalog.competitors.name_of(id)).map(str::to_owned),
        )
    });
    let amount = deal.amount.as_ref().map(format::money);
    let close_date = deal.close_date.map(format::date);
    let outcome = deal.outcome;
    let outcome_class = format!("outcome outcome-{}", crate::analytics::outcome_key(outcome));
    let name = deal.name.clone();
    let href = format!("/deals/{}", deal.id);
    let row_label = deal.name.clone();
    let row_id = deal.id.to_string();
    let focus_id = id.clone();
    let panel_deal_id = id.clone();

    view! {
        <li class="deal-row" aria-label=row_label tabindex="-1" data-deal-id=row_id
            on:focusin=move |_| state.cursor.set(Some(focus_id.clone()))
        >
            <div class="deal-summary">
                <div class="deal-title">
                    <A href=href attr:class="deal-name">{deal.name.clone()}</A>
                    <span class="deal-account">{deal.account.clone()}</span>
                </div>
                <span class="deal-amount">{amount}</span>
                <span class="deal-owner">{owner}</span>
                <span class="deal-date">{close_date}</span>
                {if outcome.is_closed() {
                    view! {
                        <span class=outcome_class>
                            <span class="outcome-label">{outcome.label()}</span>
                            {reason_label.map(|label| view! { <span class="outcome-reason">" · " {label}</span> })}
                            {competitor.map(|name| view! { <span class="outcome-competitor">" · vs " {name}</span> })}
                        </span>
                    }.into_any()
                } else {
                    view! {
                        <span class="close-actions">
                            {close_button(Outcome::Won, "won-button")}
                            {close_button(Outcome::Lost, "lost-button")}
                        </span>
                    }.into_any()
                }}
            </div>
            {move || panel_outcome.get().map(|outcome| view! {
                <ClosePanel id=panel_id.clone() deal_id=panel_deal_id.clone() deal_name=name.clone() outcome/>
            })}
        </li>
    }
}
