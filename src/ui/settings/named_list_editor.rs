use leptos::prelude::*;

use crate::domain::{Catalog, NamedList};

use super::super::browser;
use super::super::state::AppState;
use super::catalog_edit::edit_catalog;

/// Rename, reorder, archive and add the entries of one of the catalog's
/// lists (owners, competitors, stages).
#[component]
pub fn NamedListEditor<Id>(
    title: &'static str,
    /// Singular, for labels: "owner".
    noun: &'static str,
    list: fn(&Catalog) -> &NamedList<Id>,
    list_mut: fn(&mut Catalog) -> &mut NamedList<Id>,
    make_id: fn(String) -> Id,
) -> impl IntoView
where
    Id: Clone + PartialEq + ToString + Send + Sync + 'static,
{
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let new_name = RwSignal::new(String::new());
    let input_id = format!("new-{noun}");
    let title_id = format!("{noun}-list-title");
    let labelled_by = title_id.clone();
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let name = new_name.get_untracked();
        let accepted = edit_catalog(state, status, move |catalog, _| {
            list_mut(catalog).add_or_find(&name, make_id(browser::new_list_id())).map(|_| Vec::new()).map_err(|e| e.to_string())
        });
        if accepted {
            new_name.set(String::new());
        }
    };
    let items = move || state.catalog.with(|catalog| list(catalog).items.clone());

    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 id=title_id>{title}</h2>
            <p class="panel-problem" role="alert">{move || status.get()}</p>
            <Show when=move || !items().is_empty() fallback=move || view! { <p class="empty">{format!("No {noun}s yet.")}</p> }>
                <ul class="plain-list">
                    {move || items().into_iter().map(|item| {
                        let name = item.name.clone();
                        let archived = item.archived;
                        let edit = move |change: fn(&mut NamedList<Id>, &Id, String) -> Result<(), String>| {
                            let id = item.id.clone();
                            move |value: String| {
                                let id = id.clone();
                                edit_catalog(state, status, move |catalog, _| change(list_mut(catalog), &id, value).map(|()| Vec::new()));
                            }
                        };
                        let rename = edit(|list, id, value| list.rename(id, &value).map_err(|e| e.to_string()));
                        let up = edit(|list, id, _| {
                            list.shift(id, -1);
                            Ok(())
                        });
                        let down = edit(|list, id, _| {
                            list.shift(id, 1);
                            Ok(())
                        });
                        let toggle = if archived {
                            edit(|list, id, _| {
                                list.set_archived(id, false);
                                Ok(())
                            })
                        } else {
                            edit(|list, id, _| {
                                list.set_archived(id, true);
                                Ok(())
                            })
                        };
                        view! {
                            <li class="list-row" class:archived=archived>
                                <input aria-label=format!("Name of {name}") value=name.clone() on:change=move |e| rename(event_target_value(&e))/>
                                <button type="button" aria-label=format!("Move {name} up") on:click=move |_| up(String::new())>"↑"</button>
                                <button type="button" aria-label=format!("Move {name} down") on:click=move |_| down(String::new())>"↓"</button>
                                <button type="button" aria-label=format!("{} {name}", if archived { "Restore" } else { "Archive" })
                                    on:click=move |_| toggle(String::new())>{if archived { "Restore" } else { "Archive" }}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <form class="inline-form" on:submit=add>
                <label for=input_id.clone()>{format!("New {noun}")}</label>
                <input id=input_id prop:value=move || new_name.get() on:input=move |e| new_name.set(event_target_value(&e))/>
                <button type="submit">{format!("Add {noun}")}</button>
            </form>
        </section>
    }
}
