//! The few facts the UI reads from the browser: today's date, the time, fresh
//! ids and remembered form defaults.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::DealId;

/// Today's date where the user is, not in UTC.
pub fn today() -> NaiveDate {
    let local = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(local.get_full_year() as i32, local.get_month() + 1, local.get_date())
        .unwrap_or_else(|| now().date_naive())
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or(DateTime::UNIX_EPOCH)
}

/// A random (version 4) UUID from the browser's cryptographic generator.
pub fn new_deal_id() -> Result<DealId, String> {
    new_id().map(DealId::new)
}

/// A fresh id for a list entry (an owner, a reason…). Should the browser
/// refuse random numbers, the current time in microseconds still gives an id
/// no other entry has.
pub fn new_list_id() -> String {
    new_id().unwrap_or_else(|_| format!("id-{}", (js_sys::Date::now() * 1000.0) as u64))
}

fn new_id() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|_| "this browser offers no cryptographic random numbers".to_owned())?;
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "the browser refused to give random numbers".to_owned())?;
    Ok(uuid::Builder::from_random_bytes(bytes).into_uuid().to_string())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A small remembered preference, such as the last currency used. Missing or
/// blocked storage just means no remembered value.
pub fn remembered(key: &str) -> Option<String> {
    local_storage()?.get_item(&format!("winloss.{key}")).ok().flatten()
}

pub fn remember(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        // Losing a form default is harmless; the deal itself is in IndexedDB.
        let _ = storage.set_item(&format!("winloss.{key}"), value);
    }
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
