use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether the browser keeps the data even when disk space runs low, and how
/// much is used. Asking for persistence is the user's choice, made here.
#[component]
pub fn StorageInfo() -> impl IntoView {
    let persisted = RwSignal::new(None::<bool>);
    let usage = RwSignal::new(None::<(f64, f64)>);
    let problem = RwSignal::new(None::<String>);

    let refresh = move || {
        spawn_local(async move {
            match read_storage().await {
                Ok((is_persisted, used, quota)) => {
                    persisted.set(Some(is_persisted));
                    usage.set(Some((used, quota)));
                }
                Err(message) => problem.set(Some(message)),
            }
        });
    };
    refresh();
    let ask = move |_| {
        spawn_local(async move {
            match request_persistence().await {
                Ok(granted) => {
                    persisted.set(Some(granted));
                    if !granted {
                        problem.set(Some("The browser declined for now. Installing the app or using it more often usually changes that.".into()));
                    }
                }
                Err(message) => problem.set(Some(message)),
            }
        });
    };

    view! {
        <section class="panel" aria-labelledby="storage-title">
            <h2 id="storage-title">"Storage on this device"</h2>
            <p role="status">{move || match persisted.get() {
                Some(true) => "Persistent: the browser will not clear Winloss's data to free space.",
                Some(false) => "Not persistent: the browser may clear this data if the disk runs low. Export backups, or ask for persistence.",
                None => "Checking…",
            }}</p>
            <p>{move || usage.get().map(|(used, quota)| format!(
                "Using {:.1} MB of {:.0} MB available to this site.",
                used / 1_048_576.0,
                quota / 1_048_576.0
            ))}</p>
            <Show when=move || persisted.get() == Some(false)>
                <button type="button" on:click=ask>"Keep my data persistently"</button>
            </Show>
            <p class="panel-problem" role="alert">{move || problem.get()}</p>
        </section>
    }
}

fn storage_manager() -> Result<web_sys::StorageManager, String> {
    let window = web_sys::window().ok_or("no window")?;
    Ok(window.navigator().storage())
}

async fn read_storage() -> Result<(bool, f64, f64), String> {
    let manager = storage_manager()?;
    let persisted = JsFuture::from(manager.persisted().map_err(|_| "the browser cannot say whether storage is persistent")?)
        .await
        .map_err(|_| "the browser cannot say whether storage is persistent")?
        .as_bool()
        .unwrap_or(false);
    let estimate: web_sys::StorageEstimate = JsFuture::from(manager.estimate().map_err(|_| "no storage estimate")?)
        .await
        .map_err(|_| "no storage estimate")?
        .unchecked_into();
    Ok((persisted, estimate.get_usage().unwrap_or(0.0), estimate.get_quota().unwrap_or(0.0)))
}

async fn request_persistence() -> Result<bool, String> {
    let manager = storage_manager()?;
    let granted = JsFuture::from(manager.persist().map_err(|_| "the browser refused the request")?)
        .await
        .map_err(|_| "the browser refused the request")?;
    Ok(granted.as_bool().unwrap_or(false))
}
