use leptos::prelude::*;

/// A labelled choice among `options` (value, label); `any` names the choice
/// of no value, and an empty `any` offers none.
#[component]
pub fn FilterSelect(
    id: &'static str,
    label: &'static str,
    any: &'static str,
    options: Signal<Vec<(String, String)>>,
    selected: Signal<Option<String>>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |event| on_pick.run(event_target_value(&event))>
                {(!any.is_empty()).then(|| view! { <option value="">{any}</option> })}
                {move || {
                    let chosen = selected.get();
                    options.get().into_iter().map(|(value, text)| {
                        let is_selected = chosen.as_deref() == Some(value.as_str());
                        view! { <option value=value selected=is_selected>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}
