//! Routing when the app is opened from disk, as the single file that
//! `make single-file` writes: its URL is then file:///…/winloss.html.
//!
//! Two things stop the router's usual path routing there: the page's path is
//! the file's own (/home/…/winloss.html), which no route matches; and
//! Chromium lets history.pushState change only the query and the fragment of
//! a file: URL (a new path throws a SecurityError, and the router's
//! navigation would not survive it). So from disk the router's path is kept
//! in the fragment — file:///…/winloss.html#/dashboard, the deal list being
//! the bare file URL:
//! - history.pushState and replaceState are wrapped: the router's own URL
//!   ("/dashboard?owner=Dana") is written as that fragment;
//! - on start, and after back or forward, the router is sent to the path the
//!   fragment holds; the router's own back/forward handler, which would read
//!   the file's path, does not run.
//!
//! Links, `use_navigate` and the shortcuts stay as they are: the router
//! resolves "/dashboard" as it does on a web server. (A `base` on `<Router>`
//! does not help: it would put the route after the file's path, which
//! pushState refuses.)

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn opened_from_disk(window: &web_sys::Window) -> bool {
    window.location().protocol().is_ok_and(|protocol| protocol == "file:")
}

/// Inside `<Router>`, before anything navigates: from disk, routes by the
/// URL's fragment; from a web server, does nothing.
#[component]
pub fn FromDiskRouting() -> impl IntoView {
    let Some(window) = web_sys::window().filter(opened_from_disk) else {
        return;
    };
    write_router_urls_as_fragments(&window);
    let navigate = use_navigate();
    let location = window.location();
    let follow_fragment = move || {
        let path = router_path_in(&location.hash().unwrap_or_default());
        navigate(&path, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    follow_fragment();
    // A capturing listener on the window runs before the router's own
    // (which listens without capture), and stops it.
    let on_back_or_forward = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.stop_immediate_propagation();
        follow_fragment();
    });
    if window
        .add_event_listener_with_callback_and_bool("popstate", on_back_or_forward.as_ref().unchecked_ref(), true)
        .is_ok()
    {
        // Lives as long as the page: the app never unmounts.
        on_back_or_forward.forget();
    }
}

/// The router's path ("/dashboard?owner=Dana") held in a fragment
/// ("#/dashboard?owner=Dana"); no fragment, or another one, is the deal list.
fn router_path_in(fragment: &str) -> String {
    match fragment.strip_prefix('#') {
        Some(path) if path.starts_with('/') => path.to_owned(),
        _ => "/".to_owned(),
    }
}

/// Wraps history.pushState and replaceState so that a router URL, which is
/// an absolute path, becomes the file's URL with that path as fragment (the
/// deal list, "/", the bare file URL). Other URLs pass unchanged.
fn write_router_urls_as_fragments(window: &web_sys::Window) {
    let Ok(history) = window.history() else { return };
    for method in ["pushState", "replaceState"] {
        let original = js_sys::Reflect::get(&history, &JsValue::from_str(method))
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::Function>().ok());
        let Some(original) = original else { continue };
        let this = history.clone();
        let location = window.location();
        let wrapped = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
            move |state: JsValue, unused: JsValue, url: JsValue| {
                let url = match (url.as_string(), location.pathname()) {
                    (Some(path), Ok(file)) if path.starts_with('/') && !path.starts_with("//") => {
                        JsValue::from_str(&if path == "/" { file } else { format!("{file}#{path}") })
                    }
                    _ => url,
                };
                original.call3(&this, &state, &unused, &url)
            },
        );
        if js_sys::Reflect::set(&history, &JsValue::from_str(method), wrapped.as_ref()).is_ok() {
            wrapped.forget();
        }
    }
}
