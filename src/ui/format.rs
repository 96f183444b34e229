//! Money and dates in the browser's locale, through `Intl`.

use chrono::{Datelike, NaiveDate};
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::Money;

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn format_with(formatter_format: js_sys::Function, value: &JsValue) -> Option<String> {
    formatter_format.call1(&JsValue::UNDEFINED, value).ok()?.as_string()
}

pub fn money(amount: &Money) -> String {
    let formatter = Intl::NumberFormat::new(
        &Array::new(),
        &options(&[("style", "currency"), ("currency", amount.currency.code())]),
    );
    format_with(formatter.format(), &JsValue::from_f64(amount.major_units()))
        .unwrap_or_else(|| format!("{} {:.2}", amount.currency.code(), amount.major_units()))
}

pub fn date(date: NaiveDate) -> String {
    let utc_millis = js_sys::Date::utc(f64::from(date.year()), f64::from(date.month0()))
        + f64::from(date.day() - 1) * 86_400_000.0;
    let formatter = Intl::DateTimeFormat::new(&Array::new(), &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]));
    format_with(formatter.format(), &js_sys::Date::new(&JsValue::from_f64(utc_millis)).into())
        .unwrap_or_else(|| date.to_string())
}
