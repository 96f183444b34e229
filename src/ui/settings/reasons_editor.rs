use leptos::prelude::*;

use crate::domain::{AppliesTo, Category, CategoryId, Reason, ReasonId};

use super::super::browser;
use super::super::state::AppState;
use super::catalog_edit::edit_catalog;

fn side_key(applies_to: AppliesTo) -> &'static str {
    match applies_to {
        AppliesTo::Won => "won",
        AppliesTo::Lost => "lost",
        AppliesTo::Both => "both",
    }
}

fn side_from_key(key: &str) -> AppliesTo {
    match key {
        "won" => AppliesTo::Won,
        "both" => AppliesTo::Both,
        _ => AppliesTo::Lost,
    }
}

const SIDES: [(AppliesTo, &str); 3] = [(AppliesTo::Lost, "Lost deals"), (AppliesTo::Won, "Won deals"), (AppliesTo::Both, "Both")];

/// Add, rename, recategorise, reorder, archive, merge and (when unused)
/// delete reasons.
#[component]
pub fn ReasonsEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let new_label = RwSignal::new(String::new());
    let new_category = RwSignal::new(String::new());
    let new_side = RwSignal::new("lost".to_owned());

    let groups = move || {
        state.catalog.with(|catalog| {
            let mut categories: Vec<Category> = catalog.taxonomy.categories.clone();
            categories.sort_by_key(|c| c.order);
            categories
                .into_iter()
                .map(|category| {
                    let mut reasons: Vec<Reason> =
                        catalog.taxonomy.reasons.iter().filter(|r| r.category == category.id).cloned().collect();
                    reasons.sort_by_key(|r| r.order);
                    (category, reasons)
                })
                .collect::<Vec<_>>()
        })
    };

    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let label = new_label.get_untracked();
        let category = new_category.get_untracked();
        let category = if category.is_empty() {
            state.catalog.with_untracked(|c| c.taxonomy.categories.first().map(|c| c.id.clone()))
        } else {
            Some(CategoryId::new(category))
        };
        let Some(category) = category else {
            status.set(Some("Add a category first.".into()));
            return;
        };
        let side = side_from_key(&new_side.get_untracked());
        let accepted = edit_catalog(state, status, move |catalog, _| {
            catalog
                .taxonomy
                .add_reason(ReasonId::new(browser::new_list_id()), &label, category, side)
                .map(|()| Vec::new())
                .map_err(|e| e.to_string())
        });
        if accepted {
            new_label.set(String::new());
        }
    };

    view! {
        <section class="panel reasons-editor" aria-labelledby="reasons-title">
            <h2 id="reasons-title">"Reasons"</h2>
            <p class="hint">"Archived reasons are not offered when closing a deal, but stay in history and reports. A reason that deals use can only be archived or merged."</p>
            <p class="panel-problem" role="alert">{move || status.get()}</p>
            {move || groups().into_iter().map(|(category, reasons)| view! {
                <fieldset class="reason-category">
                    <legend>{category.label.clone()}</legend>
                    {reasons.into_iter().map(|reason| view! { <ReasonRow reason status/> }).collect_view()}
                </fieldset>
            }).collect_view()}
            <form class="add-reason" on:submit=add aria-label="Add a reason">
                <div class="field">
                    <label for="new-reason-label">"New reason"</label>
                    <input id="new-reason-label" prop:value=move || new_label.get() on:input=move |e| new_label.set(event_target_value(&e))/>
                </div>
                <div class="field">
                    <label for="new-reason-category">"In category"</label>
                    <select id="new-reason-category" on:change=move |e| new_category.set(event_target_value(&e))>
                        {move || state.catalog.with(|c| c.taxonomy.categories.iter().map(|k| view! {
                            <option value=k.id.to_string()>{k.label.clone()}</option>
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="new-reason-side">"For"</label>
                    <select id="new-reason-side" on:change=move |e| new_side.set(event_target_value(&e))>
                        {SIDES.iter().map(|(side, label)| view! { <option value=side_key(*side)>{*label}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit">"Add reason"</button>
            </form>
        </section>
    }
}

#[component]
fn ReasonRow(reason: Reason, status: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = reason.id.clone();
    let label = reason.label.clone();
    let merge_target = RwSignal::new(String::new());
    let in_use = {
        let id = id.clone();
        move || state.deals.with(|deals| deals.iter().filter(|d| d.all_reasons().any(|r| r == &id)).count())
    };
    let merge_options = {
        let reason = reason.clone();
        move || {
            state.catalog.with(|catalog| {
                catalog
                    .taxonomy
                    .reasons
                    .iter()
                    .filter(|r| r.id != reason.id && !r.archived)
                    .filter(|r| r.applies_to == AppliesTo::Both || r.applies_to == reason.applies_to)
                    .map(|r| (r.id.to_string(), r.label.clone()))
                    .collect::<Vec<_>>()
            })
        }
    };

    let edited_id = id.clone();
    let with_id = move |edit: fn(&mut crate::domain::Taxonomy, &ReasonId, String) -> Result<(), crate::domain::EditError>| {
        let id = edited_id.clone();
        move |value: String| {
            let id = id.clone();
            edit_catalog(state, status, move |catalog, _| edit(&mut catalog.taxonomy, &id, value).map(|()| Vec::new()).map_err(|e| e.to_string()));
        }
    };
    let rename = with_id(|t, id, value| t.rename_reason(id, &value));
    let recategorise = with_id(|t, id, value| t.set_reason_category(id, CategoryId::new(value)));
    let set_side = with_id(|t, id, value| t.set_reason_side(id, side_from_key(&value)));
    let up = with_id(|t, id, _| t.shift_reason(id, -1));
    let down = with_id(|t, id, _| t.shift_reason(id, 1));
    let archived = reason.archived;
    let toggle_archive = with_id(if archived { |t, id, _| t.set_reason_archived(id, false) } else { |t, id, _| t.set_reason_archived(id, true) });
    let delete = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            edit_catalog(state, status, move |catalog, deals| {
                catalog.taxonomy.delete_unused_reason(&id, deals).map(|()| Vec::new()).map_err(|e| e.to_string())
            });
        }
    };
    let merge = {
        let id = id.clone();
        move |_| {
            let target = merge_target.get_untracked();
            if target.is_empty() {
                status.set(Some("Pick the reason to merge into.".into()));
                return;
            }
            let id = id.clone();
            let now = browser::now();
            edit_catalog(state, status, move |catalog, deals| {
                catalog.taxonomy.merge_reason(&id, &ReasonId::new(target), deals, now).map_err(|e| e.to_string())
            });
        }
    };

    let label_id = format!("reason-{}-label", reason.id);
    let (label_of, category_of, is_for, move_up, move_down, archive_label, delete_label, merge_into, merge_label) = (
        format!("Label of {label}"),
        format!("Category of {label}"),
        format!("{label} is for"),
        format!("Move {label} up"),
        format!("Move {label} down"),
        format!("{} {label}", if archived { "Restore" } else { "Archive" }),
        format!("Delete {label}"),
        format!("Merge {label} into"),
        format!("Merge {label}"),
    );
    let category_id = reason.category.clone();
    let side = reason.applies_to;
    let in_use_now = in_use.clone();
    view! {
        <div class="reason-row" class:archived=archived role="group" aria-label=label.clone()>
            <input id=label_id aria-label=label_of value=label.clone()
                on:change=move |e| rename(event_target_value(&e))/>
            <select aria-label=category_of on:change=move |e| recategorise(event_target_value(&e))>
                {state.catalog.with_untracked(|c| c.taxonomy.categories.iter().map(|k| view! {
                    <option value=k.id.to_string() selected=k.id == category_id>{k.label.clone()}</option>
                }).collect_view())}
            </select>
            <select aria-label=is_for on:change=move |e| set_side(event_target_value(&e))>
                {SIDES.iter().map(|(option, text)| view! {
                    <option value=side_key(*option) selected=*option == side>{*text}</option>
                }).collect_view()}
            </select>
            <span class="usage">{move || format!("{} deals", in_use())}</span>
            <button type="button" aria-label=move_up on:click=move |_| up(String::new())>"↑"</button>
            <button type="button" aria-label=move_down on:click=move |_| down(String::new())>"↓"</button>
            <button type="button" aria-label=archive_label
                on:click=move |_| toggle_archive(String::new())>{if archived { "Restore" } else { "Archive" }}</button>
            <Show when=move || in_use_now() == 0>
                <button type="button" class="danger" aria-label=delete_label.clone() on:click=delete.clone()>"Delete"</button>
            </Show>
            <select aria-label=merge_into on:change=move |e| merge_target.set(event_target_value(&e))>
                <option value="">"Merge into…"</option>
                {merge_options().into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
            <button type="button" aria-label=merge_label on:click=merge>"Merge"</button>
        </div>
    }
}
