use leptos::prelude::*;

use crate::domain::{Category, CategoryId};

use super::super::browser;
use super::super::state::AppState;
use super::catalog_edit::edit_catalog;

/// Rename, reorder, add and (when empty) delete categories of reasons.
#[component]
pub fn CategoriesEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let new_label = RwSignal::new(String::new());
    let categories = move || {
        state.catalog.with(|catalog| {
            let mut categories: Vec<Category> = catalog.taxonomy.categories.clone();
            categories.sort_by_key(|c| c.order);
            categories
        })
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let label = new_label.get_untracked();
        let accepted = edit_catalog(state, status, move |catalog, _| {
            catalog
                .taxonomy
                .add_category(CategoryId::new(browser::new_list_id()), &label)
                .map(|()| Vec::new())
                .map_err(|e| e.to_string())
        });
        if accepted {
            new_label.set(String::new());
        }
    };
    view! {
        <section class="panel" aria-labelledby="categories-title">
            <h2 id="categories-title">"Categories"</h2>
            <p class="panel-problem" role="alert">{move || status.get()}</p>
            <ul class="plain-list">
                {move || categories().into_iter().map(|category| {
                    let label = category.label.clone();
                    let edit = move |change: fn(&mut crate::domain::Taxonomy, &CategoryId, String) -> Result<(), crate::domain::EditError>| {
                        let id = category.id.clone();
                        move |value: String| {
                            let id = id.clone();
                            edit_catalog(state, status, move |catalog, _| change(&mut catalog.taxonomy, &id, value).map(|()| Vec::new()).map_err(|e| e.to_string()));
                        }
                    };
                    let rename = edit(|t, id, value| t.rename_category(id, &value));
                    let up = edit(|t, id, _| t.shift_category(id, -1));
                    let down = edit(|t, id, _| t.shift_category(id, 1));
                    let delete = edit(|t, id, _| t.delete_empty_category(id));
                    view! {
                        <li class="list-row">
                            <input aria-label=format!("Name of {label}") value=label.clone() on:change=move |e| rename(event_target_value(&e))/>
                            <button type="button" aria-label=format!("Move {label} up") on:click=move |_| up(String::new())>"↑"</button>
                            <button type="button" aria-label=format!("Move {label} down") on:click=move |_| down(String::new())>"↓"</button>
                            <button type="button" class="danger" aria-label=format!("Delete {label}") on:click=move |_| delete(String::new())>"Delete"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=add>
                <label for="new-category">"New category"</label>
                <input id="new-category" prop:value=move || new_label.get() on:input=move |e| new_label.set(event_target_value(&e))/>
                <button type="submit">"Add category"</button>
            </form>
        </section>
    }
}
