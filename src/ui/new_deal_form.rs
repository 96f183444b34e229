use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{DealDraft, DealField, DraftErrors};
use crate::storage::Batch;

use super::browser;
use super::deal_fields::{input_id, show_draft_errors, MoreFields, NameSuggestions, TextField};
use super::state::AppState;

fn fresh_draft() -> DealDraft {
    DealDraft {
        currency: browser::remembered("currency").unwrap_or_else(|| "USD".to_owned()),
        owner: browser::remembered("owner").unwrap_or_default(),
        ..DealDraft::default()
    }
}

/// The *New deal* form. Name is the only required field; currency and owner
/// default to the last ones used; a new owner or competitor name is added to
/// its list.
#[component]
pub fn NewDealForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let draft = RwSignal::new(fresh_draft());
    let errors = RwSignal::new(DraftErrors::default());
    let saving = RwSignal::new(false);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let id = match browser::new_deal_id() {
            Ok(id) => id,
            Err(problem) => {
                state.problem.set(Some(format!("The deal could not be given an id: {problem}")));
                return;
            }
        };
        let mut catalog = state.catalog.get_untracked();
        let entered = draft.get_untracked();
        match entered.into_deal(id, &mut catalog, &mut browser::new_list_id, browser::today(), browser::now()) {
            Err(found) => show_draft_errors(errors, found),
            Ok(deal) => {
                errors.set(DraftErrors::default());
                saving.set(true);
                let batch = Batch { deals: vec![deal], catalog: state.changed_catalog(catalog), ..Batch::default() };
                spawn_local(async move {
                    if state.commit(batch).await {
                        if !entered.amount.trim().is_empty() {
                            browser::remember("currency", entered.currency.trim());
                        }
                        browser::remember("owner", entered.owner.trim());
                        draft.set(fresh_draft());
                        browser::focus(input_id(DealField::Name));
                    }
                    saving.set(false);
                });
            }
        }
    };

    view! {
        <form class="new-deal panel" on:submit=submit novalidate aria-labelledby="new-deal-title">
            <h2 id="new-deal-title">"New deal"</h2>
            <NameSuggestions/>
            <div class="field-grid">
                <TextField field=DealField::Name label="Name" draft errors required=true placeholder="Acme renewal"
                    get=|d| d.name.clone() set=|d, v| d.name = v/>
                <TextField field=DealField::Account label="Account" draft errors placeholder="Acme Corp"
                    get=|d| d.account.clone() set=|d, v| d.account = v/>
                <TextField field=DealField::Amount label="Amount" draft errors placeholder="12,000" input_mode="decimal"
                    get=|d| d.amount.clone() set=|d, v| d.amount = v/>
                <TextField field=DealField::Currency label="Currency" draft errors placeholder="USD"
                    get=|d| d.currency.clone() set=|d, v| d.currency = v/>
                <TextField field=DealField::Owner label="Owner" draft errors placeholder="Dana" list="owner-names"
                    get=|d| d.owner.clone() set=|d, v| d.owner = v/>
                <TextField field=DealField::CloseDate label="Close date" draft errors input_type="date"
                    get=|d| d.close_date.clone() set=|d, v| d.close_date = v/>
            </div>
            <details class="more-fields">
                <summary>"More details: stage, competitor, tags, notes"</summary>
                <div class="field-grid">
                    <MoreFields draft errors/>
                </div>
            </details>
            <button type="submit" class="primary" disabled=move || saving.get()>"Add deal"</button>
        </form>
    }
}
