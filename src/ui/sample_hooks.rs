//! Functions the page exposes on `window.wasmBindings` for the benchmark and
//! for trying Winloss with realistic data: they fill the app's own storage
//! with reproducible sample deals.

use wasm_bindgen::prelude::*;

use crate::domain::Catalog;
use crate::sample::sample_deals;
use crate::storage::{Batch, IndexedDbStore, Store};

use super::browser;
use super::state::DATABASE_NAME;

/// Adds `count` sample deals to this browser's Winloss data, in one transaction.
#[wasm_bindgen]
pub async fn add_sample_deals(count: u32, seed: u32) -> Result<(), JsError> {
    let store = IndexedDbStore::open(DATABASE_NAME).await?;
    let mut catalog = store.load().await?.catalog;
    let deals = sample_deals(count as usize, u64::from(seed), browser::today(), &mut catalog);
    let written = match store.commit(&Batch { catalog: Some(catalog), ..Batch::default() }).await {
        Ok(()) => store.put_deals(&deals).await,
        Err(error) => Err(error),
    };
    store.close();
    Ok(written?)
}

/// The same deals as [`add_sample_deals`] makes, as a JSON array, so that a
/// plain-JavaScript baseline can store exactly the same content.
#[wasm_bindgen]
pub fn sample_deals_json(count: u32, seed: u32) -> Result<String, JsError> {
    let deals = sample_deals(count as usize, u64::from(seed), browser::today(), &mut Catalog::standard());
    Ok(serde_json::to_string(&deals)?)
}

/// Bytes of WebAssembly memory in use by the app (it never shrinks).
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|memory| memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
        .unwrap_or(0.0)
}
