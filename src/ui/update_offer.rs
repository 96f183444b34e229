//! A new version of the app was deployed and its files are cached: say so,
//! and reload into it only when the user asks (deals are untouched either way).

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

const READY_EVENT: &str = "winloss:update-ready";

fn window_flag(name: &str) -> bool {
    web_sys::window().and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str(name)).ok()).is_some_and(|value| value.is_truthy())
}

/// Asks the start-up script to switch to the waiting version and reload.
fn apply_update() {
    let apply = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str("winlossApplyUpdate")).ok())
        .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
    match apply {
        Some(apply) => drop(apply.call0(&JsValue::NULL)),
        None => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    }
}

#[component]
pub fn UpdateOffer() -> impl IntoView {
    // The start-up script may have found the new version before the app mounted.
    let ready = RwSignal::new(window_flag("winlossUpdateReady"));
    if let Some(window) = web_sys::window() {
        let on_ready = Closure::<dyn FnMut()>::new(move || ready.set(true));
        if window.add_event_listener_with_callback(READY_EVENT, on_ready.as_ref().unchecked_ref()).is_ok() {
            // The listener lives as long as the page: the app never unmounts.
            on_ready.forget();
        }
    }
    move || {
        ready.get().then(|| view! {
            <div class="update-offer" role="status">
                <p>"A new version of Winloss is ready. Your deals stay as they are."</p>
                <button type="button" on:click=move |_| apply_update()>"Reload to update"</button>
                <button type="button" class="quiet" on:click=move |_| ready.set(false)>"Later"</button>
            </div>
        })
    }
}
