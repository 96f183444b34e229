//! The few ECharts functions the app calls, bound by hand: charming renders
//! through its own wrapper, which has neither `dispose` nor `notMerge`.
//! `echarts` is a global from the classic script the page loads first.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// One chart instance, bound to one element.
    #[derive(Clone)]
    pub type EChartsInstance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init_with(element: &web_sys::HtmlElement, theme: &JsValue, options: &JsValue) -> Result<EChartsInstance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option_with(this: &EChartsInstance, option: &JsValue, options: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    pub fn resize(this: &EChartsInstance);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &EChartsInstance);

    #[wasm_bindgen(method)]
    pub fn on(this: &EChartsInstance, event: &str, handler: &Function);

    #[wasm_bindgen(catch, method, js_name = getDataURL)]
    fn get_data_url_with(this: &EChartsInstance, options: &JsValue) -> Result<String, JsValue>;
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// A chart in `element`, or why there is none (the charts library did not
/// load, or the browser refused a canvas).
pub fn init(element: &web_sys::HtmlElement) -> Result<EChartsInstance, String> {
    // Without this check the user would read "echarts is not defined";
    // asking first lets the message say what happened and what to do.
    let loaded = Reflect::has(&js_sys::global(), &JsValue::from_str("echarts")).unwrap_or(false);
    if !loaded {
        return Err("The charts library did not load, so charts cannot be drawn. Reload the page to try again.".to_owned());
    }
    init_with(element, &JsValue::NULL, &object(&[("renderer", JsValue::from_str("canvas"))]))
        .map_err(|error| format!("The chart could not be drawn: {}", message(error)))
}

impl EChartsInstance {
    /// Replaces the whole option: merging would keep series, categories and
    /// mark lines that the new figures no longer have.
    pub fn replace_option(&self, option_json: &str) -> Result<(), String> {
        let option = js_sys::JSON::parse(option_json).map_err(message)?;
        let settings = object(&[("notMerge", JsValue::TRUE), ("lazyUpdate", JsValue::FALSE)]);
        self.set_option_with(&option, &settings).map_err(message)
    }

    /// The chart as a PNG data URL: twice the pixels so it stays sharp in a
    /// document, on white because the canvas itself is transparent.
    pub fn png_data_url(&self) -> Result<String, String> {
        let settings = object(&[
            ("type", JsValue::from_str("png")),
            ("pixelRatio", JsValue::from_f64(2.0)),
            ("backgroundColor", JsValue::from_str("#ffffff")),
        ]);
        self.get_data_url_with(&settings).map_err(message)
    }
}
