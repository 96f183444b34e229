use leptos::prelude::*;

use crate::domain::{DealId, Outcome};

use super::state::AppState;

/// The reasons for `outcome`, grouped by category: one click saves.
#[component]
pub fn ClosePanel(id: String, deal_id: DealId, deal_name: String, outcome: Outcome) -> impl IntoView {
    let state = expect_context::<AppState>();
    let side = outcome.reason_side();
    let groups = state.taxonomy.with_untracked(|taxonomy| {
        side.map(|side| {
            taxonomy
                .offered(side)
                .into_iter()
                .map(|(category, reasons)| {
                    (category.label.clone(), reasons.into_iter().map(|r| (r.id.clone(), r.label.clone())).collect::<Vec<_>>())
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let heading = format!("Why was “{deal_name}” {}?", outcome.label().to_lowercase());

    view! {
        <div class="close-panel" id=id role="group" aria-labelledby=labelled_by>
            <p class="close-heading" id=heading_id>{heading}</p>
            <div class="reason-groups">
                {groups.into_iter().map(|(category, reasons)| {
                    let deal_id = deal_id.clone();
                    view! {
                        <fieldset class="reason-group">
                            <legend>{category}</legend>
                            {reasons.into_iter().map(|(reason_id, label)| {
                                let deal_id = deal_id.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="reason"
                                        on:click=move |_| state.close_deal(deal_id.clone(), outcome, Some(reason_id.clone()))
                                    >{label}</button>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                }).collect_view()}
            </div>
            <button type="button" class="quiet" on:click=move |_| state.closing.set(None)>"Cancel"</button>
        </div>
    }
}
