use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use super::branding::follow_branding;
use super::from_disk::FromDiskRouting;
use super::help_overlay::HelpOverlay;
use super::keyboard::use_global_shortcuts;
use super::notices::{ProblemBanner, UndoBar};
use super::pages::{DashboardPage, DataPage, DealPage, DealsPage, SettingsPage};
use super::setup_offer::SetupLinkOffer;
use super::state::{AppState, Loading};
use super::update_offer::UpdateOffer;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.open();
    follow_branding(state);

    view! {
        <Router>
            // Opened from disk (file://), the route lives in the URL's fragment.
            <FromDiskRouting/>
            <Shortcuts/>
            <header class="app-header">
                <A href="/" attr:class="brand">{move || state.catalog.with(|catalog| catalog.branding.title.clone())}</A>
                <nav class="app-nav" aria-label="Main">
                    <A href="/" exact=true>"Deals"</A>
                    <A href="/dashboard">"Dashboard"</A>
                    <A href="/import">"Import"</A>
                    <A href="/settings">"Settings"</A>
                </nav>
                <button type="button" class="quiet help-button" on:click=move |_| state.help_open.set(true)>
                    "Keyboard shortcuts"
                </button>
            </header>
            <ProblemBanner/>
            <UpdateOffer/>
            <SetupLinkOffer/>
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
                        <Routes fallback=|| view! { <p>"There is no such page. " <A href="/">"Go to the deals"</A></p> }>
                            <Route path=path!("/") view=DealsPage/>
                            <Route path=path!("/deals/:id") view=DealPage/>
                            <Route path=path!("/dashboard") view=DashboardPage/>
                            <Route path=path!("/import") view=DataPage/>
                            <Route path=path!("/settings") view=SettingsPage/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
            <UndoBar/>
            <HelpOverlay/>
        </Router>
    }
}

/// Installs the keyboard shortcuts; inside the router, so they can navigate.
#[component]
fn Shortcuts() -> impl IntoView {
    use_global_shortcuts();
}
