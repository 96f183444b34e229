use leptos::prelude::*;

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
    let toggle = {
        let id = id.clone();
        move |outcome: Outcome| {
            let next = (panel_outcome.get_untracked() != Some(outcome)).then(|| Closing { deal: id.clone(), outcome });
            state.closing.set(next);
        }
    };
    let toggle_won = toggle.clone();
    let toggle_lost = toggle;

    let amount = deal.amount.as_ref().map(format::money);
    let close_date = deal.close_date.map(format::date);
    let reason_label = deal.reason.as_ref().map(|reason_id| {
        state
            .taxonomy
            .with_untracked(|taxonomy| taxonomy.reason(reason_id).map(|reason| reason.label.clone()))
            .unwrap_or_else(|| reason_id.to_string())
    });
    let outcome = deal.outcome;
    let outcome_class = format!("outcome outcome-{}", format!("{outcome:?}").to_lowercase());
    let panel_id = format!("close-panel-{}", deal.id);
    let panel_id_won = panel_id.clone();
    let panel_id_lost = panel_id.clone();
    let name = deal.name.clone();

    view! {
        <li class="deal-row" aria-label=deal.name.clone()>
            <div class="deal-summary">
                <div class="deal-title">
                    <span class="deal-name">{deal.name.clone()}</span>
                    <span class="deal-account">{deal.account.clone()}</span>
                </div>
                <span class="deal-amount">{amount}</span>
                <span class="deal-owner">{deal.owner.clone()}</span>
                <span class="deal-date">{close_date}</span>
                {if outcome.is_closed() {
                    view! {
                        <span class=outcome_class>
                            <span class="outcome-label">{outcome.label()}</span>
                            {reason_label.map(|label| view! { <span class="outcome-reason">" · " {label}</span> })}
                        </span>
                    }.into_any()
                } else {
                    view! {
                        <span class="close-actions">
                            <button
                                type="button"
                                class="won-button"
                                aria-expanded=move || (panel_outcome.get() == Some(Outcome::Won)).to_string()
                                aria-controls=panel_id_won
                                on:click=move |_| toggle_won(Outcome::Won)
                            >"Won"</button>
                            <button
                                type="button"
                                class="lost-button"
                                aria-expanded=move || (panel_outcome.get() == Some(Outcome::Lost)).to_string()
                                aria-controls=panel_id_lost
                                on:click=move |_| toggle_lost(Outcome::Lost)
                            >"Lost"</button>
                        </span>
                    }.into_any()
                }}
            </div>
            {move || panel_outcome.get().map(|outcome| view! {
                <ClosePanel id=panel_id.clone() deal_id=id.clone() deal_name=name.clone() outcome/>
            })}
        </li>
    }
}
