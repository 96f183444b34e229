//! Files in and out of the browser: reading what the user picked or dropped,
//! handing them a download, and giving the page a turn during long work.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The bytes of a file the user picked or dropped, unless it is larger than
/// `max_bytes`: then `too_large` says why, and the file is never read, so a
/// 2 GB file cannot take the tab's memory.
pub async fn read_bytes(file: &web_sys::File, max_bytes: usize, too_large: impl FnOnce(usize) -> String) -> Result<Vec<u8>, String> {
    let size = file.size() as usize;
    if size > max_bytes {
        return Err(too_large(size));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{}” could not be read. Was it moved or deleted?", file.name()))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The files of a change on an `<input type=file>`.
pub fn picked_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let files = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files());
    files_of(files)
}

/// The files of a drop on the page.
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    files_of(event.data_transfer().and_then(|transfer| transfer.files()))
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).collect()
}

/// Offers `text` as a file named `file_name`.
pub fn download_text(text: &str, file_name: &str, mime_type: &str) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let parts = Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser refused to make the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser refused to make the file".to_owned())?;
    let offered = download(&url, file_name);
    // The click has started the download; the URL is not needed after this turn.
    leptos::prelude::set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(1));
    offered
}

/// Offers the resource at `url` (a data: or blob: URL) as a download.
pub fn download(url: &str, file_name: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("the page has no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into().ok())
        .ok_or("the browser refused to create a link")?;
    link.set_href(url);
    link.set_download(file_name);
    link.click();
    Ok(())
}

/// Lets the browser paint and handle input before long work goes on.
pub async fn next_turn() {
    let promise = Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().is_some_and(|window| window.set_timeout_with_callback(&resolve).is_ok());
        if !scheduled {
            // Going on at once beats waiting for a turn that never comes.
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds on the page's clock, to slice long work into frames.
pub fn clock_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |performance| performance.now())
}
