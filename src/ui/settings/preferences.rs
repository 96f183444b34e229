use leptos::prelude::*;

use super::super::state::AppState;
use super::catalog_edit::edit_catalog;

#[component]
pub fn Preferences() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    view! {
        <section class="panel" aria-labelledby="preferences-title">
            <h2 id="preferences-title">"Closing a deal"</h2>
            <div class="checkbox-field">
                <input id="setting-require-reason" type="checkbox"
                    prop:checked=move || state.catalog.with(|c| c.settings.require_reason)
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        edit_catalog(state, status, move |catalog, _| {
                            catalog.settings.require_reason = on;
                            Ok(Vec::new())
                        });
                    }/>
                <label for="setting-require-reason">"Require a reason when closing a deal"</label>
            </div>
            <div class="checkbox-field">
                <input id="setting-require-note" type="checkbox"
                    prop:checked=move || state.catalog.with(|c| c.settings.require_note_for_other)
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        edit_catalog(state, status, move |catalog, _| {
                            catalog.settings.require_note_for_other = on;
                            Ok(Vec::new())
                        });
                    }/>
                <label for="setting-require-note">"Require a note when the reason is “Other”"</label>
            </div>
            <p class="panel-problem" role="alert">{move || status.get()}</p>
        </section>
    }
}
