use leptos::prelude::*;

use crate::io::backup::write_backup;

use super::state::AppState;
use super::{browser, files};

/// Storage failures and load warnings, shown until dismissed. When a write
/// failed, what is on screen is still all there: offer it as a backup.
#[component]
pub fn ProblemBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let save_backup = move |_| {
        let now = browser::now();
        let json = state.catalog.with_untracked(|catalog| state.deals.with_untracked(|deals| write_backup(deals, catalog, now)));
        if files::download_text(&json, &format!("winloss-backup-{}.json", browser::today()), "application/json").is_ok() {
            state.note_backup(now);
        }
    };
    move || {
        state.problem.get().map(|message| {
            view! {
                <div class="problem" role="alert">
                    <p>{message}</p>
                    {move || state.write_failed.get().then(|| view! {
                        <button type="button" on:click=save_backup>"Download a backup of your deals"</button>
                    })}
                    <button type="button" class="quiet" on:click=move |_| state.problem.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}

/// "Closed as Lost · Too expensive [Undo]" for a few seconds after a close.
#[component]
pub fn UndoBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="undo-region" role="status" aria-live="polite">
            {move || state.undo.get().map(|offer| view! {
                <div class="undo-bar">
                    <span>{offer.message}</span>
                    <button type="button" on:click=move |_| state.undo()>"Undo"</button>
                </div>
            })}
        </div>
    }
}
