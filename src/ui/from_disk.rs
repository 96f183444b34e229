//! Routing when the app is opened from disk, as the single file that
//! `make single-file` writes: its URL is then file:///…/winloss.html.
//!
//! Two things stop the router's usual path routing there: the page's path is
//! the file's own (/home/…/winloss.html), which no route matches; and
//! Chromium lets history.pushState change only the query and the fragment of
//! a file: URL (a new path throws a SecurityError, and the router's
//! navigation would not survive it). So from disk the router's path is kept
//! in the fragment — file:///…/winloss.html#/dashboard — and the deal list
//! is the bare file URL (keeping a fragment that is not a path, such as a
//! setup link's "#setup=…", for the code that reads it):
//! - history.pushState and replaceState are wrapped: the router's own URL
//!   ("/dashboard?owner=Dana") is written as that fragment;
//! - on start, and after back or forward, the router is sent to the URL the
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
        let url = router_url_in(&location.hash().unwrap_or_default());
        navigate(&url, NavigateOptions { replace: true, scroll: false, ..Default::default() });
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

/// The router's URL that the file's fragment stands for: "#/dashboard?owner=Dana"
/// is "/dashboard?owner=Dana"; no fragment, or one that is not a path (a
/// setup link's "#setup=…"), is the deal list with that fragment as its own.
fn router_url_in(fragment: &str) -> String {
    match fragment.strip_prefix('#') {
        Some(path) if path.starts_with('/') => path.to_owned(),
        _ => format!("/{fragment}"),
    }
}

/// The file URL that shows the router's URL `url`: the deal list, bare or
/// with a fragment of its own, is the file itself; any other page goes after
/// a '#'. None when `url` is not the router's: not an absolute path, or the
/// file's own path (the page's code may still write its address directly).
fn file_url_for(url: &str, file: &str) -> Option<String> {
    if !url.starts_with('/') || url.starts_with("//") {
        return None;
    }
    let path = &url[..url.find(['?', '#']).unwrap_or(url.len())];
    if path == file {
        return None;
    }
    let rest = &url[1..];
    if rest.is_empty() || (rest.starts_with('#') && !rest.starts_with("#/")) {
        Some(format!("{file}{rest}"))
    } else {
        Some(format!("{file}#{url}"))
    }
}

/// Wraps history.pushState and replaceState so that a router URL becomes
/// the file's URL that shows it (see `file_url_for`). Other URLs pass
/// unchanged.
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
                let file_url = url.as_string().zip(location.pathname().ok()).and_then(|(url, file)| file_url_for(&url, &file));
                original.call3(&this, &state, &unused, &file_url.map_or(url, |file_url| JsValue::from_str(&file_url)))
            },
        );
        if js_sys::Reflect::set(&history, &JsValue::from_str(method), wrapped.as_ref()).is_ok() {
            wrapped.forget();
        }
    }
}
