use leptos::prelude::*;

use super::deal_list::DealList;
use super::new_deal_form::NewDealForm;
use super::notices::{ProblemBanner, UndoBar};
use super::state::{AppState, Loading};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.open();

    let close_panel_on_escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && state.closing.get_untracked().is_some() {
            state.closing.set(None);
        }
    });
    on_cleanup(move || close_panel_on_escape.remove());

    view! {
        <header class="app-header">
            <h1 class="brand">"Winloss"</h1>
            <p class="tagline">"Why deals are won and lost, in two clicks"</p>
        </header>
        <ProblemBanner/>
        <main class="app-main">
            {move || match state.loading.get() {
                Loading::InProgress => view! { <p class="loading" role="status">"Opening your deals…"</p> }.into_any(),
                Loading::Failed(reason) => view! {
                    <section class="load-failed" role="alert">
                        <h2>"Your deals could not be opened"</h2>
                        <p>{reason}</p>
                        <p>"Nothing was changed. Reload the page to try again."</p>
                    </section>
                }.into_any(),
                Loading::Ready => view! {
                    <NewDealForm/>
                    <DealList/>
                }.into_any(),
            }}
        </main>
        <UndoBar/>
    }
}
