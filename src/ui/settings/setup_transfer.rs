use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::io::setup::{read_setup, setup_link_fragment, write_setup, Setup, SetupError, MAX_SETUP_BYTES};

use super::super::files;
use super::super::setup_offer::{describe, PendingSetup, SetupQuestion};
use super::super::state::AppState;

/// Asks the browser to put `text` on the clipboard; the link also stays in
/// its field, to copy by hand where the clipboard is refused.
fn copy_to_clipboard(text: &str) {
    let clipboard = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard")).ok())
        .filter(|clipboard| !clipboard.is_undefined());
    let write = clipboard.as_ref().and_then(|clipboard| js_sys::Reflect::get(clipboard, &JsValue::from_str("writeText")).ok());
    if let (Some(clipboard), Some(write)) = (clipboard, write.and_then(|write| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(write).ok())) {
        let _ = write.call1(&clipboard, &JsValue::from_str(text));
    }
}

/// The reasons, lists, closing rules, title and colour, handed to another
/// copy of the app as a small file or a link; and applying one here.
#[component]
pub fn SetupTransfer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<PendingSetup>);
    let note = RwSignal::new(None::<String>);
    let current = move || state.catalog.with_untracked(Setup::from_catalog);

    let download = move |_| {
        if let Err(problem) = files::download_text(&write_setup(&current()), "winloss-setup.json", "application/json") {
            note.set(Some(format!("The setup could not be saved: {problem}.")));
        }
    };
    let make_link = move |_| {
        // The app's first page: the site's root, or the file itself when
        // the app is the single file opened from disk.
        let location = web_sys::window().map(|window| window.location());
        let start = location
            .map(|location| match location.protocol().as_deref() {
                Ok("file:") => format!("file://{}", location.pathname().unwrap_or_default()),
                _ => format!("{}/", location.origin().unwrap_or_default()),
            })
            .unwrap_or_default();
        let address = format!("{start}#{}", setup_link_fragment(&current()));
        copy_to_clipboard(&address);
        link.set(Some(address));
    };
    let pick = move |event: web_sys::Event| {
        let Some(file) = files::picked_files(&event).into_iter().next() else { return };
        spawn_local(async move {
            let read = files::read_bytes(&file, MAX_SETUP_BYTES, |bytes| SetupError::TooLarge { bytes }.to_string()).await.and_then(|bytes| read_setup(&bytes).map_err(|problem| problem.to_string()));
            match read {
                Ok(setup) => {
                    note.set(None);
                    pending.set(Some(PendingSetup { sentence: describe(state, &setup), setup }));
                }
                Err(problem) => note.set(Some(format!("Nothing was changed. {problem}"))),
            }
        });
    };

    view! {
        <section class="panel" aria-labelledby="setup-transfer-title">
            <h2 id="setup-transfer-title">"Setup for another copy"</h2>
            <p>"Hand your reasons, categories, owners, competitors, stages, closing rules, title and colour to another copy of Winloss. Deals are not included."</p>
            <div class="actions">
                <button type="button" on:click=download>"Download setup file"</button>
                <button type="button" on:click=make_link>"Make a setup link"</button>
            </div>
            {move || link.get().map(|address| view! {
                <div class="field">
                    <label for="setup-link">"Setup link (copied; the setup travels after the #, which browsers never send to a server)"</label>
                    <input id="setup-link" type="text" readonly prop:value=address/>
                </div>
            })}
            <div class="field">
                <label for="setup-file">"Apply a setup file"</label>
                <input id="setup-file" type="file" accept=".json,application/json" on:change=pick/>
            </div>
            <SetupQuestion pending on_done=Callback::new(move |text| note.set(Some(text)))/>
            {move || note.get().map(|text| view! { <p role="status">{text}</p> })}
        </section>
    }
}
