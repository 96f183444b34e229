//! The dashboard with nothing to show explains itself and offers the demo;
//! once the demo is in, it says so and can take it out in one click.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::demo::{is_demo, DEMO_DEALS};

use super::super::{format, state::AppState};

#[component]
pub fn EmptyDashboard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let busy = RwSignal::new(false);
    view! {
        <section class="panel empty-dashboard" aria-labelledby="empty-dashboard-title">
            <h3 id="empty-dashboard-title">"Nothing to explain yet"</h3>
            <p>"The dashboard shows why deals are won and lost once some are closed. Close a deal from the "
                <A href="/">"deal list"</A>
                " with Won or Lost and a reason: two clicks."</p>
            <p>"To see what it will look like, load a demo: "
                {format::count(DEMO_DEALS)}
                " made-up deals over 18 months, marked as demo and removable in one click."</p>
            <button type="button" disabled=move || busy.get() on:click=move |_| {
                busy.set(true);
                spawn_local(async move {
                    state.load_demo().await;
                    busy.set(false);
                });
            }>"Load demo data"</button>
        </section>
    }
}

/// Shown wherever demo deals are mixed in with the user's own.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let demo_count = Memo::new(move |_| {
        state.order_generation.track();
        state.deals.with_untracked(|deals| deals.iter().filter(|deal| is_demo(deal)).count())
    });
    let busy = RwSignal::new(false);
    move || {
        (demo_count.get() > 0).then(|| view! {
            <div class="demo-banner" role="note">
                <p>{move || format!("Demo data: {} made-up deals are included.", format::count(demo_count.get()))}</p>
                <button type="button" class="quiet" disabled=move || busy.get() on:click=move |_| {
                    busy.set(true);
                    spawn_local(async move {
                        state.remove_demo().await;
                        busy.set(false);
                    });
                }>"Remove demo data"</button>
            </div>
        })
    }
}
