use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::domain::{DealDraft, DealField, DealId, DraftErrors, Outcome};
use crate::storage::Batch;

use super::super::browser;
use super::super::close_panel::ClosePanel;
use super::super::deal_fields::{show_draft_errors, MoreFields, NameSuggestions, TextField};
use super::super::format;
use super::super::state::{AppState, Closing};

/// One deal: edit it, close or reopen it, delete it.
#[component]
pub fn DealPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").map(DealId::new)));
    let deal = Memo::new(move |_| {
        let id = id.get()?;
        state.deals.track();
        state.deal(&id)
    });
    let exists = Memo::new(move |_| deal.with(Option::is_some));

    move || {
        if !exists.get() {
            return view! {
                <section class="panel">
                    <h2>"This deal does not exist"</h2>
                    <p>"It may have been deleted. " <A href="/">"Back to the deals"</A></p>
                </section>
            }
            .into_any();
        }
        let Some(current) = deal.get_untracked() else { return ().into_any() };
        view! { <DealEditor deal_id=current.id.clone() deal=deal/> }.into_any()
    }
}

#[component]
fn DealEditor(deal_id: DealId, deal: Memo<Option<crate::domain::Deal>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let draft = RwSignal::new(
        deal.with_untracked(|d| d.as_ref().map(|d| state.catalog.with_untracked(|c| DealDraft::from_deal(d, c))))
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(DraftErrors::default());
    let saved = RwSignal::new(false);

    let submit = {
        let deal_id = deal_id.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let Some(existing) = state.deal(&deal_id) else { return };
            let mut catalog = state.catalog.get_untracked();
            match draft.get_untracked().applied_to(&existing, &mut catalog, &mut browser::new_list_id, browser::now()) {
                Err(found) => show_draft_errors(errors, found),
                Ok(edited) => {
                    errors.set(DraftErrors::default());
                    let batch = Batch { deals: vec![edited], catalog: state.changed_catalog(catalog), ..Batch::default() };
                    spawn_local(async move {
                        if state.commit(batch).await {
                            saved.set(true);
                            state.offer_undo(format!("Changes to “{}” saved", existing.name), vec![existing]);
                        }
                    });
                }
            }
        }
    };

    let delete = {
        let deal_id = deal_id.clone();
        move |_| {
            let deal_id = deal_id.clone();
            let navigate = navigate.clone();
            spawn_local(async move {
                if state.delete_deal(&deal_id).await {
                    navigate("/", Default::default());
                }
            });
        }
    };
    let reopen = {
        let deal_id = deal_id.clone();
        move |_| state.reopen_deal(&deal_id)
    };
    let open_panel = {
        let deal_id = deal_id.clone();
        move |outcome: Outcome| state.closing.set(Some(Closing { deal: deal_id.clone(), outcome }))
    };
    let open_won = open_panel.clone();
    let open_lost = open_panel.clone();
    let open_other = open_panel;
    let panel_id = format!("close-panel-{deal_id}");
    let panel = {
        let deal_id = deal_id.clone();
        move || {
            let closing = state.closing.get().filter(|c| c.deal == deal_id)?;
            let name = deal.with(|d| d.as_ref().map(|d| d.name.clone()))?;
            Some(view! { <ClosePanel id=panel_id.clone() deal_id=deal_id.clone() deal_name=name outcome=closing.outcome/> })
        }
    };

    let status = move || {
        deal.with(|d| {
            d.as_ref().map(|d| {
                let reason = d.reason.as_ref().map(|id| {
                    state.catalog.with(|c| c.taxonomy.reason(id).map(|r| r.label.clone()).unwrap_or_else(|| id.to_string()))
                });
                let when = d.close_date.map(format::date);
                match (d.outcome.is_closed(), reason, when) {
                    (false, _, _) => "Open".to_owned(),
                    (true, Some(reason), Some(when)) => format!("{} · {reason} · {when}", d.outcome.label()),
                    (true, Some(reason), None) => format!("{} · {reason}", d.outcome.label()),
                    (true, None, _) => d.outcome.label().to_owned(),
                }
            })
        })
    };
    let is_closed = move || deal.with(|d| d.as_ref().is_some_and(|d| d.outcome.is_closed()));

    view! {
        <section class="panel deal-page" aria-labelledby="deal-title">
            <p><A href="/">"← All deals"</A></p>
            <h2 id="deal-title">{move || deal.with(|d| d.as_ref().map(|d| d.name.clone()))}</h2>
            <p class="deal-status" aria-live="polite">"Status: " {status}</p>
            <div class="deal-actions">
                <Show when=is_closed fallback=move || {
                    let open_won = open_won.clone();
                    let open_lost = open_lost.clone();
                    let open_no_decision = open_other.clone();
                    let open_disqualified = open_other.clone();
                    view! {
                        <button type="button" class="won-button" on:click=move |_| open_won(Outcome::Won)>"Won"</button>
                        <button type="button" class="lost-button" on:click=move |_| open_lost(Outcome::Lost)>"Lost"</button>
                        <button type="button" on:click=move |_| open_no_decision(Outcome::NoDecision)>"No decision"</button>
                        <button type="button" on:click=move |_| open_disqualified(Outcome::Disqualified)>"Disqualified"</button>
                    }
                }>
                    <button type="button" on:click=reopen.clone()>"Reopen"</button>
                </Show>
                <button type="button" class="danger" on:click=delete>"Delete deal"</button>
            </div>
            {panel}
            <form class="edit-deal" on:submit=submit novalidate aria-label="Edit deal">
                <NameSuggestions/>
                <div class="field-grid">
                    <TextField field=DealField::Name label="Name" draft errors required=true
                        get=|d| d.name.clone() set=|d, v| d.name = v/>
                    <TextField field=DealField::Account label="Account" draft errors
                        get=|d| d.account.clone() set=|d, v| d.account = v/>
                    <TextField field=DealField::Amount label="Amount" draft errors input_mode="decimal"
                        get=|d| d.amount.clone() set=|d, v| d.amount = v/>
                    <TextField field=DealField::Currency label="Currency" draft errors
                        get=|d| d.currency.clone() set=|d, v| d.currency = v/>
                    <TextField field=DealField::Owner label="Owner" draft errors list="owner-names"
                        get=|d| d.owner.clone() set=|d, v| d.owner = v/>
                    <TextField field=DealField::CloseDate label="Close date" draft errors input_type="date"
                        get=|d| d.close_date.clone() set=|d, v| d.close_date = v/>
                    <MoreFields draft errors/>
                    <div class="field checkbox-field">
                        <input id="deal-confirmed" type="checkbox"
                            prop:checked=move || draft.with(|d| d.confirmed_by_buyer)
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                draft.update(|d| d.confirmed_by_buyer = on);
                            }/>
                        <label for="deal-confirmed">"The buyer confirmed the reason"</label>
                    </div>
                </div>
                <button type="submit" class="primary">"Save changes"</button>
                <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
            </form>
        </section>
    }
}
