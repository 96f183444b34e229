use leptos::prelude::*;

use crate::domain::{CloseRequest, CompetitorId, DealId, Outcome, ReasonId, OTHER_REASON};

use super::browser;
use super::state::AppState;

/// The reasons for `outcome`, grouped by category: one click saves. Above
/// them, optional details (competitor, other reasons, a note) that the click
/// saves too.
#[component]
pub fn ClosePanel(id: String, deal_id: DealId, deal_name: String, outcome: Outcome) -> impl IntoView {
    let state = expect_context::<AppState>();
    let side = outcome.reason_side();
    let groups = state.catalog.with_untracked(|catalog| {
        side.map(|side| {
            catalog
                .taxonomy
                .offered(side)
                .into_iter()
                .map(|(category, reasons)| {
                    (category.label.clone(), reasons.into_iter().map(|r| (r.id.clone(), r.label.clone())).collect::<Vec<_>>())
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let all_reasons: Vec<(ReasonId, String)> = groups.iter().flat_map(|(_, reasons)| reasons.clone()).collect();
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let note_id = format!("{id}-note");
    let competitor_id = format!("{id}-competitor");
    let confirmed_id = format!("{id}-confirmed");
    let heading = format!("Why was “{deal_name}” {}?", outcome.label().to_lowercase());

    let competitor = RwSignal::new(String::new());
    let secondary = RwSignal::new(Vec::<ReasonId>::new());
    let note = RwSignal::new(String::new());
    let confirmed = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let details_open = RwSignal::new(false);
    let note_focus_id = note_id.clone();

    let save = move |reason_id: Option<ReasonId>| {
        let mut catalog = state.catalog.get_untracked();
        let competitor_name = competitor.get_untracked();
        let competitor_id = match competitor_name.trim() {
            "" => None,
            name => match catalog.competitors.add_or_find(name, CompetitorId::new(browser::new_list_id())) {
                Ok(id) => Some(id),
                Err(error) => {
                    problem.set(Some(error.to_string()));
                    return;
                }
            },
        };
        let reason = reason_id.as_ref().and_then(|id| catalog.taxonomy.reason(id)).cloned();
        let request = CloseRequest {
            secondary_reasons: secondary.get_untracked(),
            competitor: competitor_id,
            note: note.get_untracked(),
            confirmed_by_buyer: confirmed.get_untracked(),
            ..CloseRequest::new(outcome, reason.as_ref())
        };
        // A competitor named here for the first time joins the list, in the
        // same transaction as the close.
        match state.close_deal(&deal_id, &request, state.changed_catalog(catalog)) {
            Ok(()) => problem.set(None),
            Err(message) => {
                if reason_id.as_ref().is_some_and(|id| id.as_str() == OTHER_REASON) {
                    details_open.set(true);
                    // Once the details have opened and the note can take focus.
                    let note_id = note_focus_id.clone();
                    set_timeout(move || browser::focus(&note_id), std::time::Duration::ZERO);
                }
                problem.set(Some(message));
            }
        }
    };
    let save = StoredValue::new_local(save);

    view! {
        <div class="close-panel" id=id role="group" aria-labelledby=labelled_by>
            <p class="close-heading" id=heading_id>{heading}</p>
            <details class="close-details" prop:open=move || details_open.get()
                on:toggle=move |event| details_open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
                <summary>"Competitor, other reasons, note"</summary>
                <div class="field-grid">
                    <div class="field">
                        <label for=competitor_id.clone()>{if outcome == Outcome::Won { "Won against" } else { "Lost to" }}</label>
                        <input id=competitor_id list="competitor-names"
                            prop:value=move || competitor.get()
                            on:input=move |event| competitor.set(event_target_value(&event))/>
                    </div>
                    <div class="field wide-field">
                        <label for=note_id.clone()>"Note: what we learned"</label>
                        <textarea id=note_id rows="2"
                            prop:value=move || note.get()
                            on:input=move |event| note.set(event_target_value(&event))></textarea>
                    </div>
                </div>
                <div class="checkbox-field">
                    <input id=confirmed_id.clone() type="checkbox"
                        prop:checked=move || confirmed.get()
                        on:change=move |event| confirmed.set(event_target_checked(&event))/>
                    <label for=confirmed_id>"The buyer confirmed the reason"</label>
                </div>
                <fieldset class="secondary-reasons">
                    <legend>"Other reasons that played a part"</legend>
                    {all_reasons.into_iter().map(|(reason_id, label)| {
                        let checked_id = reason_id.clone();
                        view! {
                            <label class="checkbox">
                                <input type="checkbox"
                                    prop:checked=move || secondary.with(|s| s.contains(&checked_id))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        let id = reason_id.clone();
                                        secondary.update(|s| {
                                            s.retain(|r| r != &id);
                                            if on {
                                                s.push(id);
                                            }
                                        });
                                    }/>
                                {label}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </details>
            <p class="panel-problem" role="alert">{move || problem.get()}</p>
            <div class="reason-groups">
                {groups.into_iter().map(|(category, reasons)| {
                    view! {
                        <fieldset class="reason-group">
                            <legend>{category}</legend>
                            {reasons.into_iter().map(|(reason_id, label)| {
                                view! {
                                    <button type="button" class="reason"
                                        on:click=move |_| save.with_value(|save| save(Some(reason_id.clone())))
                                    >{label}</button>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                }).collect_view()}
            </div>
            <Show when=move || side.is_none() || !state.catalog.with(|c| c.settings.require_reason)>
                <button type="button" class="primary" on:click=move |_| save.with_value(|save| save(None))>
                    {if side.is_none() { format!("Close as {}", outcome.label()) } else { "Close without a reason".to_owned() }}
                </button>
            </Show>
            <button type="button" class="quiet" on:click=move |_| state.closing.set(None)>"Cancel"</button>
        </div>
    }
}
