//! The team's title and accent colour on the page: in the tab's title and
//! as the `--accent` colour. Set through the CSSOM, which the page's
//! Content-Security-Policy allows (a style attribute it would refuse).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::AppState;

/// Keeps the document in step with the catalog's branding.
pub fn follow_branding(state: AppState) {
    Effect::new(move |_| {
        let (title, accent) = state.catalog.with(|catalog| (catalog.branding.title.clone(), catalog.branding.accent.clone()));
        let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
        document.set_title(&title);
        if let Some(root) = document.document_element().and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()) {
            // The accent was checked to be #rrggbb when it was saved or imported.
            let _ = root.style().set_property("--accent", &accent);
        }
    });
}
