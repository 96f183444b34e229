use leptos::prelude::*;

use crate::domain::Branding;

use super::super::state::AppState;
use super::catalog_edit::edit_catalog;

/// The tracker's title and accent colour: a consultant's setup carries them
/// to the client's copy.
#[component]
pub fn BrandingEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let title = move || state.catalog.with(|catalog| catalog.branding.title.clone());
    let accent = move || state.catalog.with(|catalog| catalog.branding.accent.clone());
    view! {
        <section class="panel" aria-labelledby="branding-title">
            <h2 id="branding-title">"Title and colour"</h2>
            <div class="field-grid">
                <div class="field">
                    <label for="branding-name">"Tracker title"</label>
                    <input id="branding-name" type="text" maxlength="60" prop:value=title on:change=move |event| {
                        let typed = event_target_value(&event);
                        edit_catalog(state, status, move |catalog, _| {
                            catalog.branding.title = Branding::validate_title(&typed).map_err(|e| e.to_string())?;
                            Ok(Vec::new())
                        });
                    }/>
                </div>
                <div class="field">
                    <label for="branding-accent">"Accent colour"</label>
                    <input id="branding-accent" type="color" prop:value=accent on:change=move |event| {
                        let picked = event_target_value(&event);
                        edit_catalog(state, status, move |catalog, _| {
                            catalog.branding.accent = Branding::parse_accent(&picked).map_err(|e| e.to_string())?;
                            Ok(Vec::new())
                        });
                    }/>
                </div>
            </div>
            <p class="panel-problem" role="alert">{move || status.get()}</p>
        </section>
    }
}
