//! Money and dates in the browser's locale, through `Intl`. Formatters are
//! costly to create, so each is made once and reused.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::Money;

thread_local! {
    static COUNT_FORMAT: Function = Intl::NumberFormat::new(&Array::new(), &Object::new()).format();
    static PERCENT_FORMAT: Function =
        Intl::NumberFormat::new(&Array::new(), &options(&[("style", "percent"), ("maximumFractionDigits", "0")])).format();
    static MONEY_FORMATS: RefCell<HashMap<String, Function>> = RefCell::new(HashMap::new());
    static SHORT_MONEY_FORMATS: RefCell<HashMap<String, Function>> = RefCell::new(HashMap::new());
    static DATE_FORMAT: Function = Intl::DateTimeFormat::new(
        &Array::new(),
        &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]),
    )
    .format();
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn apply(format: &Function, value: &JsValue) -> Option<String> {
    format.call1(&JsValue::UNDEFINED, value).ok()?.as_string()
}

/// A whole number with the locale's grouping: "10,000", "10 000"…
pub fn count(value: usize) -> String {
    COUNT_FORMAT
        .with(|format| apply(format, &JsValue::from_f64(value as f64)))
        .unwrap_or_else(|| value.to_string())
}

/// A share between 0 and 1 as the locale writes percentages: "38%", "38 %".
pub fn percent(share: f64) -> String {
    PERCENT_FORMAT
        .with(|format| apply(format, &JsValue::from_f64(share)))
        .unwrap_or_else(|| format!("{} %", (share * 100.0).round()))
}

pub fn money(amount: &Money) -> String {
    money_with(&MONEY_FORMATS, amount, &[])
}

/// Money rounded for a headline figure: "$1.2M", "765 k€".
pub fn short_money(amount: &Money) -> String {
    money_with(&SHORT_MONEY_FORMATS, amount, &[("notation", "compact"), ("maximumFractionDigits", "1")])
}

fn money_with(
    cache: &'static std::thread::LocalKey<RefCell<HashMap<String, Function>>>,
    amount: &Money,
    extra: &[(&str, &str)],
) -> String {
    let code = amount.currency.code();
    let formatted = cache.with(|formats| {
        let mut formats = formats.borrow_mut();
        let format = formats.entry(code.to_owned()).or_insert_with(|| {
            let mut pairs = vec![("style", "currency"), ("currency", code)];
            pairs.extend_from_slice(extra);
            Intl::NumberFormat::new(&Array::new(), &options(&pairs)).format()
        });
        apply(format, &JsValue::from_f64(amount.major_units()))
    });
    formatted.unwrap_or_else(|| format!("{code} {:.2}", amount.major_units()))
}

pub fn date(date: NaiveDate) -> String {
    let utc_millis = js_sys::Date::utc(f64::from(date.year()), f64::from(date.month0()))
        + f64::from(date.day() - 1) * 86_400_000.0;
    let value: JsValue = js_sys::Date::new(&JsValue::from_f64(utc_millis)).into();
    DATE_FORMAT.with(|format| apply(format, &value)).unwrap_or_else(|| date.to_string())
}
