//! Which column holds what: detected for known CRM exports, changeable for
//! every column, and savable for the next file of the same kind.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::io::import::{Field, SavedMapping};

use super::super::format;
use super::super::state::AppState;
use super::import_flow;
use super::saved_mappings;
use super::wizard_state::Wizard;

const NOT_IMPORTED: &str = "";

fn field_value(field: Field) -> String {
    format!("{field:?}")
}

fn field_from_value(value: &str) -> Option<Field> {
    Field::ALL.into_iter().find(|field| field_value(*field) == value)
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "semicolon-separated",
        b'\t' => "tab-separated",
        _ => "comma-separated",
    }
}

#[component]
pub fn MappingStep(wizard: Wizard) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(file) = wizard.file.get_untracked() else {
        return view! { <p>"No file is loaded."</p> }.into_any();
    };
    let headers = file.headers.clone();
    let problems = Memo::new({
        let headers = headers.clone();
        move |_| wizard.mapping.with(|mapping| mapping.problems(&headers))
    });
    let mapping_name = RwSignal::new(file.format.map(|format| format.name().to_owned()).unwrap_or_default());
    let saved_note = RwSignal::new(None::<String>);
    let save_mapping = {
        let headers = headers.clone();
        move |_| {
            let name = mapping_name.get_untracked().trim().to_owned();
            if name.is_empty() {
                saved_note.set(Some("Give the mapping a name first.".into()));
                return;
            }
            let columns = wizard.mapping.get_untracked().columns;
            saved_mappings::save(SavedMapping { name: name.clone(), headers: headers.clone(), columns });
            saved_note.set(Some(format!("Saved as “{name}”: files with these columns will be mapped this way.")));
        }
    };

    let summary = format!(
        "{} · {} rows · {} · {}{}",
        file.file_name,
        format::count(file.row_count),
        file.encoding,
        delimiter_name(file.delimiter),
        file.format.map(|format| format!(" · recognised as a {} export", format.name())).unwrap_or_default()
    );
    let columns = headers.iter().enumerate().map(|(column, header)| {
        let id = format!("map-column-{column}");
        let examples: Vec<String> =
            file.preview.iter().map(|row| row.cell(column).to_owned()).filter(|cell| !cell.is_empty()).take(3).collect();
        let chosen = move || wizard.mapping.with(|mapping| mapping.columns.get(column).copied().flatten());
        view! {
            <tr>
                <th scope="row"><label for=id.clone()>{header.clone()}</label></th>
                <td class="examples">{examples.join(" · ")}</td>
                <td>
                    <select id=id on:change=move |event| {
                        let field = field_from_value(&event_target_value(&event));
                        wizard.mapping.update(|mapping| {
                            if let Some(slot) = mapping.columns.get_mut(column) {
                                *slot = field;
                            }
                        });
                    }>
                        <option value=NOT_IMPORTED selected=move || chosen().is_none()>"Not imported"</option>
                        {Field::ALL.into_iter().map(|field| view! {
                            <option value=field_value(field) selected=move || chosen() == Some(field)>{field.label()}</option>
                        }).collect_view()}
                    </select>
                </td>
            </tr>
        }
    }).collect_view();

    view! {
        <p class="file-summary">{summary}</p>
        <table class="mapping">
            <caption>"What each column holds"</caption>
            <thead><tr><th scope="col">"Column"</th><th scope="col">"First values"</th><th scope="col">"Import as"</th></tr></thead>
            <tbody>{columns}</tbody>
        </table>
        <ul class="form-errors">
            {move || problems.get().into_iter().map(|problem| view! { <li role="alert">{problem}</li> }).collect_view()}
        </ul>
        <div class="field inline">
            <label for="mapping-name">"Save this mapping as"</label>
            <input id="mapping-name" type="text" prop:value=move || mapping_name.get()
                on:input=move |event| mapping_name.set(event_target_value(&event))/>
            <button type="button" class="quiet" on:click=save_mapping>"Save mapping"</button>
        </div>
        {move || saved_note.get().map(|note| view! { <p role="status">{note}</p> })}
        <div class="actions">
            <button type="button" class="primary" disabled=move || !problems.with(Vec::is_empty)
                on:click=move |_| spawn_local(import_flow::survey(wizard, state))>"Continue"</button>
            <button type="button" class="quiet" on:click=move |_| wizard.reset()>"Start over"</button>
        </div>
    }
    .into_any()
}
