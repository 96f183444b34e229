use leptos::prelude::*;

use super::state::AppState;

/// Storage failures and load warnings, shown until dismissed. When a write
/// failed, what is on screen is still all there: offer it as a backup.
#[component]
pub fn ProblemBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let save_backup = move |_| {
        // The banner already says what went wrong; a refused download
        // leaves it as it is, and the user can try again.
        let _ = state.download_backup();
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
