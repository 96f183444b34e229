//! The labelled inputs of a deal, shared by the *New deal* form and the deal
//! page. Each field reads and writes one part of a [`DealDraft`].

use leptos::prelude::*;

use crate::domain::{DealDraft, DealField, DraftErrors};

use super::state::AppState;

pub fn input_id(field: DealField) -> &'static str {
    match field {
        DealField::Name => "deal-name",
        DealField::Account => "deal-account",
        DealField::Amount => "deal-amount",
        DealField::Currency => "deal-currency",
        DealField::Owner => "deal-owner",
        DealField::Stage => "deal-stage",
        DealField::CloseDate => "deal-close-date",
        DealField::Competitor => "deal-competitor",
        DealField::Tags => "deal-product",
        DealField::Notes => "deal-notes",
    }
}

/// Shows a refused draft's problems beside their fields, and puts the
/// keyboard on the first field at fault.
pub fn show_draft_errors(errors: RwSignal<DraftErrors>, found: DraftErrors) {
    if let Some(first) = found.fields().next() {
        super::browser::focus(input_id(first));
    }
    errors.set(found);
}

type ReadField = fn(&DealDraft) -> String;
type WriteField = fn(&mut DealDraft, String);

/// One labelled text input with its error message beside it.
#[component]
pub fn TextField(
    field: DealField,
    #[prop(optional)] id: Option<&'static str>,
    label: &'static str,
    draft: RwSignal<DealDraft>,
    errors: RwSignal<DraftErrors>,
    get: ReadField,
    set: WriteField,
    #[prop(default = "")] placeholder: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "text")] input_mode: &'static str,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(default = false)] required: bool,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| input_id(field));
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
                list=list
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
                prop:value=move || draft.with(get)
                on:input=move |event| {
                    let value = event_target_value(&event);
                    draft.update(|d| set(d, value));
                }
            />
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// The fields beyond the basics: stage, competitor, tags, notes.
#[component]
pub fn MoreFields(draft: RwSignal<DealDraft>, errors: RwSignal<DraftErrors>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let stages = move || state.catalog.with(|c| c.stages.active().map(|s| (s.id.to_string(), s.name.clone())).collect::<Vec<_>>());
    view! {
        <div class="field">
            <label for="deal-stage">"Stage reached"</label>
            <select id="deal-stage" on:change=move |event| {
                let value = event_target_value(&event);
                draft.update(|d| d.stage = value);
            }>
                <option value="">"Not set"</option>
                {move || stages().into_iter().map(|(id, name)| {
                    let selected = draft.with(|d| d.stage == id);
                    view! { <option value=id selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            <p class="field-error">{move || errors.with(|e| e.for_field(DealField::Stage).map(ToString::to_string))}</p>
        </div>
        <TextField field=DealField::Competitor label="Competitor" draft errors list="competitor-names"
            get=|d| d.competitor.clone() set=|d, v| d.competitor = v placeholder="Lost to, or won against"/>
        <TextField field=DealField::Tags id="deal-product" label="Product" draft errors
            get=|d| d.product.clone() set=|d, v| d.product = v/>
        <TextField field=DealField::Tags id="deal-segment" label="Segment" draft errors
            get=|d| d.segment.clone() set=|d, v| d.segment = v/>
        <TextField field=DealField::Tags id="deal-source" label="Source" draft errors
            get=|d| d.source.clone() set=|d, v| d.source = v/>
        <div class="field wide-field">
            <label for="deal-notes">"Notes: what we learned"</label>
            <textarea id="deal-notes" rows="3"
                prop:value=move || draft.with(|d| d.notes.clone())
                on:input=move |event| {
                    let value = event_target_value(&event);
                    draft.update(|d| d.notes = value);
                }
            ></textarea>
            <p class="field-error">{move || errors.with(|e| e.for_field(DealField::Notes).map(ToString::to_string))}</p>
        </div>
    }
}

/// Suggestions for the owner and competitor inputs; a new name adds one.
#[component]
pub fn NameSuggestions() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <datalist id="owner-names">
            {move || state.catalog.with(|c| c.owners.active().map(|o| view! { <option value=o.name.clone()></option> }).collect_view())}
        </datalist>
        <datalist id="competitor-names">
            {move || state.catalog.with(|c| c.competitors.active().map(|o| view! { <option value=o.name.clone()></option> }).collect_view())}
        </datalist>
    }
}
