use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{DealDraft, DealField, DraftErrors};

use super::browser;
use super::state::AppState;

const FIELDS: [(DealField, &str); 6] = [
    (DealField::Name, "deal-name"),
    (DealField::Account, "deal-account"),
    (DealField::Amount, "deal-amount"),
    (DealField::Currency, "deal-currency"),
    (DealField::Owner, "deal-owner"),
    (DealField::CloseDate, "deal-close-date"),
];

fn input_id(field: DealField) -> &'static str {
    FIELDS.iter().find(|(f, _)| *f == field).map_or("deal-name", |(_, id)| id)
}

/// The *New deal* form. Name is the only required field; currency and owner
/// default to the last ones used.
#[component]
pub fn NewDealForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let currency = RwSignal::new(browser::remembered("currency").unwrap_or_else(|| "USD".to_owned()));
    let owner = RwSignal::new(browser::remembered("owner").unwrap_or_default());
    let close_date = RwSignal::new(String::new());
    let errors = RwSignal::new(DraftErrors::default());
    let saving = RwSignal::new(false);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let draft = DealDraft {
            name: name.get_untracked(),
            account: account.get_untracked(),
            amount: amount.get_untracked(),
            currency: currency.get_untracked(),
            owner: owner.get_untracked(),
            close_date: close_date.get_untracked(),
            notes: String::new(),
        };
        let id = match browser::new_deal_id() {
            Ok(id) => id,
            Err(problem) => {
                state.problem.set(Some(format!("The deal could not be given an id: {problem}")));
                return;
            }
        };
        match draft.into_deal(id, browser::today(), browser::now()) {
            Err(found) => {
                if let Some(first) = found.fields().next() {
                    browser::focus(input_id(first));
                }
                errors.set(found);
            }
            Ok(deal) => {
                errors.set(DraftErrors::default());
                saving.set(true);
                spawn_local(async move {
                    let currency_used = deal.amount.as_ref().map(|money| money.currency.code().to_owned());
                    let owner_used = deal.owner.clone();
                    if state.save_deal(deal).await {
                        if let Some(code) = currency_used {
                            browser::remember("currency", &code);
                        }
                        browser::remember("owner", &owner_used);
                        name.set(String::new());
                        account.set(String::new());
                        amount.set(String::new());
                        close_date.set(String::new());
                        browser::focus(input_id(DealField::Name));
                    }
                    saving.set(false);
                });
            }
        }
    };

    view! {
        <form class="new-deal" on:submit=submit novalidate aria-labelledby="new-deal-title">
            <h2 id="new-deal-title">"New deal"</h2>
            <div class="field-grid">
                <Field field=DealField::Name label="Name" value=name errors placeholder="Acme renewal" required=true/>
                <Field field=DealField::Account label="Account" value=account errors placeholder="Acme Corp"/>
                <Field field=DealField::Amount label="Amount" value=amount errors placeholder="12,000" input_mode="decimal"/>
                <Field field=DealField::Currency label="Currency" value=currency errors placeholder="USD"/>
                <Field field=DealField::Owner label="Owner" value=owner errors placeholder="Dana"/>
                <Field field=DealField::CloseDate label="Close date" value=close_date errors input_type="date"/>
            </div>
            <button type="submit" class="primary" disabled=move || saving.get()>"Add deal"</button>
        </form>
    }
}

/// One labelled input with its error message beside it.
#[component]
fn Field(
    field: DealField,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<DraftErrors>,
    #[prop(default = "")] placeholder: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "text")] input_mode: &'static str,
    #[prop(default = false)] required: bool,
) -> impl IntoView {
    let id = input_id(field);
    let error_id = format!("{id}-error");
    let message = move || errors.with(|errors| errors.for_field(field).map(ToString::to_string));
    view! {
        <div class="field" class:invalid=move || message().is_some()>
            <div class="field-label">
                <label for=id>{label}</label>
                {required.then_some(view! { <span class="required" aria-hidden="true">"required"</span> })}
            </div>
            <input
                id=id
                type=input_type
                inputmode=input_mode
                placeholder=placeholder
                required=required
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
                bind:value=value
            />
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}
