//! Applying a consultant's setup (reasons, lists, closing rules, title and
//! colour), from a file or a link, always after saying what it changes.
//! Deals are never touched; reasons they use are kept, archived if the setup
//! drops them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::io::setup::{apply_setup, read_setup_fragment, Setup};
use crate::storage::Batch;

use super::state::{AppState, Loading};

/// What applying `setup` here would change, in a sentence.
pub fn describe(state: AppState, setup: &Setup) -> String {
    state.catalog.with_untracked(|catalog| state.deals.with_untracked(|deals| apply_setup(catalog, deals, setup).1.sentence()))
}

/// Applies the setup to the catalog as it is now, in one write.
pub async fn apply(state: AppState, setup: Setup) -> bool {
    let catalog = state.catalog.with_untracked(|catalog| state.deals.with_untracked(|deals| apply_setup(catalog, deals, &setup).0));
    let catalog = state.changed_catalog(catalog);
    state.commit(Batch { catalog, ..Batch::default() }).await
}

/// A setup waiting for the user's yes or no.
#[derive(Clone)]
pub struct PendingSetup {
    pub setup: Setup,
    pub sentence: String,
}

/// The question itself, with Apply and Cancel.
#[component]
pub fn SetupQuestion(pending: RwSignal<Option<PendingSetup>>, on_done: Callback<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let busy = RwSignal::new(false);
    move || {
        pending.get().map(|offer| {
            let setup = offer.setup.clone();
            view! {
                <div class="confirm" role="alertdialog" aria-label="Apply a setup">
                    <p>{format!("Apply the setup “{}”? {}", offer.setup.branding.title, offer.sentence)}</p>
                    <button type="button" class="primary" disabled=move || busy.get() on:click=move |_| {
                        busy.set(true);
                        let setup = setup.clone();
                        spawn_local(async move {
                            if apply(state, setup).await {
                                on_done.run("Setup applied.".to_owned());
                            }
                            pending.set(None);
                            busy.set(false);
                        });
                    }>"Apply setup"</button>
                    <button type="button" class="quiet" on:click=move |_| {
                        pending.set(None);
                        on_done.run("The setup was not applied; nothing changed.".to_owned());
                    }>"Cancel"</button>
                </div>
            }
        })
    }
}

/// Removes the setup from the address bar, so a reload does not ask again.
fn forget_fragment() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let address = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// A setup link (`…#setup=…`) opened the app: once the data is loaded, ask.
#[component]
pub fn SetupLinkOffer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = RwSignal::new(None::<PendingSetup>);
    let note = RwSignal::new(None::<String>);
    let fragment = web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default();
    match read_setup_fragment(&fragment) {
        Ok(None) => {}
        Ok(Some(setup)) => {
            forget_fragment();
            Effect::new(move |asked: Option<bool>| {
                if asked == Some(true) || state.loading.get() != Loading::Ready {
                    return asked.unwrap_or(false);
                }
                pending.set(Some(PendingSetup { sentence: describe(state, &setup), setup: setup.clone() }));
                true
            });
        }
        Err(problem) => {
            forget_fragment();
            state.problem.set(Some(format!("The setup link was not applied, and nothing changed: {problem}")));
        }
    }
    view! {
        <div class="setup-offer">
            <SetupQuestion pending on_done=Callback::new(move |text| note.set(Some(text)))/>
            {move || note.get().map(|text| view! { <p role="status">{text}</p> })}
        </div>
    }
}
