use leptos::prelude::*;

use crate::domain::Settings;

use super::super::state::AppState;
use super::catalog_edit::edit_catalog;

#[component]
pub fn Preferences() -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    view! {
        <section class="panel" aria-labelledby="preferences-title">
            <h2 id="preferences-title">"Closing a deal"</h2>
            <SettingCheckbox id="setting-require-reason" label="Require a reason when closing a deal" status
                get=|settings| settings.require_reason set=|settings, on| settings.require_reason = on/>
            <SettingCheckbox id="setting-require-note" label="Require a note when the reason is “Other”" status
                get=|settings| settings.require_note_for_other set=|settings, on| settings.require_note_for_other = on/>
            <p class="panel-problem" role="alert">{move || status.get()}</p>
        </section>
    }
}

/// One on/off setting, saved as soon as it changes.
#[component]
fn SettingCheckbox(
    id: &'static str,
    label: &'static str,
    status: RwSignal<Option<String>>,
    get: fn(&Settings) -> bool,
    set: fn(&mut Settings, bool),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="checkbox-field">
            <input id=id type="checkbox"
                prop:checked=move || state.catalog.with(|c| get(&c.settings))
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    edit_catalog(state, status, move |catalog, _| {
                        set(&mut catalog.settings, on);
                        Ok(Vec::new())
                    });
                }/>
            <label for=id>{label}</label>
        </div>
    }
}
