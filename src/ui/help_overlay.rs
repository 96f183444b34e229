use leptos::prelude::*;

use super::state::AppState;

const SHORTCUTS: [(&str, &str); 9] = [
    ("/", "Search the deals"),
    ("↓ ↑  (or j k)", "Move between deals"),
    ("w", "Close the deal as won"),
    ("l", "Close the deal as lost"),
    ("1 … 9", "Pick the n-th reason"),
    ("Enter", "Save with the picked reason"),
    ("Esc", "Cancel"),
    ("z  or  Ctrl+Z", "Undo the last change"),
    ("?", "Show or hide this list"),
];

/// The list of keyboard shortcuts, opened with `?`.
#[component]
pub fn HelpOverlay() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || state.help_open.get()>
            <div class="overlay" on:click=move |_| state.help_open.set(false)>
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title"
                    on:click=|event| event.stop_propagation()>
                    <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                    <dl class="shortcuts">
                        {SHORTCUTS.iter().map(|(keys, action)| view! { <dt><kbd>{*keys}</kbd></dt><dd>{*action}</dd> }).collect_view()}
                    </dl>
                    <button type="button" class="primary" autofocus on:click=move |_| state.help_open.set(false)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}
