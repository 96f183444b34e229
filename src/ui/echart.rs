//! The one component that draws charts: it creates the ECharts instance once,
//! replaces its option when the figures change, resizes it with its box, and
//! disposes of it when it leaves the page.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Reflect;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::echarts_js::{self, EChartsInstance};
use super::files;

/// How the chart learns that its box changed size.
enum Resizing {
    Observer(web_sys::ResizeObserver),
    // Where ResizeObserver is missing (Safari before 13.1), the window's
    // resize is the next best signal: the box only changes with the window.
    Window(web_sys::Window),
}

/// The instance and the callbacks the browser holds, which must live exactly
/// as long as the chart.
struct Live {
    chart: EChartsInstance,
    resizing: Option<Resizing>,
    on_resize: Closure<dyn FnMut()>,
    _on_click: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Live {
    // Runs before the closures are freed, so the browser never calls into a
    // freed closure.
    fn drop(&mut self) {
        match &self.resizing {
            Some(Resizing::Observer(observer)) => observer.disconnect(),
            Some(Resizing::Window(window)) => {
                // Removing a listener that is registered cannot fail.
                let _ = window.remove_event_listener_with_callback("resize", self.on_resize.as_ref().unchecked_ref());
            }
            None => {}
        }
        self.chart.dispose();
    }
}

fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "chart".to_owned()
    } else {
        words.join("-")
    }
}

/// The series and data index of a click on a bar, point or slice. A click on
/// a mark line or another component carries indices into other lists, which
/// would open the wrong deals.
fn clicked_item(params: &JsValue) -> Option<(usize, usize)> {
    let field = |key: &str| Reflect::get(params, &JsValue::from_str(key)).ok();
    if field("componentType")?.as_string()? != "series" {
        return None;
    }
    let index = |key: &str| field(key)?.as_f64().filter(|n| *n >= 0.0).map(|n| n as usize);
    Some((index("seriesIndex")?, index("dataIndex")?))
}

fn start(element: &web_sys::HtmlDivElement, on_click: Callback<(usize, usize)>) -> Result<Live, String> {
    let chart = echarts_js::init(element)?;
    let on_resize = {
        let chart = chart.clone();
        Closure::<dyn FnMut()>::new(move || chart.resize())
    };
    let resizing = match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(element);
            Some(Resizing::Observer(observer))
        }
        Err(_) => web_sys::window().and_then(|window| {
            window
                .add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref())
                .ok()
                .map(|()| Resizing::Window(window))
        }),
    };
    let clicked = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        if let Some(item) = clicked_item(&params) {
            on_click.run(item);
        }
    });
    chart.on("click", clicked.as_ref().unchecked_ref());
    Ok(Live { chart, resizing, on_resize, _on_click: clicked })
}

/// A chart drawn from `option` (a whole ECharts option as JSON), named
/// `title` for screen readers and the saved file. `on_click` receives the
/// series and data index of a clicked bar or point.
#[component]
pub fn EChart(
    title: String,
    #[prop(into)] option: Signal<String>,
    on_click: Callback<(usize, usize)>,
    #[prop(default = 320)] height: u32,
) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let live: Rc<RefCell<Option<Live>>> = Rc::new(RefCell::new(None));
    // Set when there is no chart at all: the figure then shows only why.
    let unavailable = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);

    let drawn = Rc::clone(&live);
    Effect::new(move |_| {
        let json = option.get();
        let Some(element) = host.get() else { return };
        if drawn.borrow().is_none() {
            match start(&element, on_click) {
                Ok(started) => {
                    *drawn.borrow_mut() = Some(started);
                    unavailable.set(None);
                }
                Err(error) => {
                    unavailable.set(Some(error));
                    return;
                }
            }
        }
        if let Some(live) = drawn.borrow().as_ref() {
            match live.chart.replace_option(&json) {
                Ok(()) => problem.set(None),
                Err(error) => problem.set(Some(format!("The chart could not be drawn: {error}"))),
            }
        }
    });

    // Cleanup runs on this one browser thread; the wrapper only satisfies
    // the signature.
    let disposed = send_wrapper::SendWrapper::new(Rc::clone(&live));
    on_cleanup(move || drop(disposed.borrow_mut().take()));

    let file_name = format!("{}.png", slug(&title));
    let save = move |_| {
        let saved = live
            .borrow()
            .as_ref()
            .ok_or_else(|| "the chart is not drawn yet".to_owned())
            .and_then(|live| live.chart.png_data_url())
            .and_then(|url| files::download(&url, &file_name));
        if let Err(error) = saved {
            problem.set(Some(format!("The picture could not be saved: {error}")));
        }
    };

    let missing = move || unavailable.with(Option::is_some);
    view! {
        <figure class="chart" aria-label=title.clone()>
            <button
                type="button"
                class="quiet chart-save"
                aria-label=format!("Save “{title}” as PNG")
                hidden=missing
                on:click=save
            >
                "Save as PNG"
            </button>
            <div
                node_ref=host
                class="chart-canvas"
                role="img"
                aria-label=title.clone()
                hidden=missing
                style:height=format!("{height}px")
            ></div>
            {move || {
                unavailable
                    .get()
                    .or_else(|| problem.get())
                    .map(|message| view! { <p class="chart-problem" role="alert">{message}</p> })
            }}
        </figure>
    }
}

