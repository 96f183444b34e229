//! The one step every chart goes through after charming: from the typed
//! chart to the option JSON, plus what charming has no setter for.
//!
//! Security: tooltips are drawn on the canvas (`renderMode: "richText"`),
//! so user text in them (reason labels, owner and competitor names) is
//! never parsed as HTML; titles, legends and axis labels are canvas text
//! anyway. No formatter is ever a JavaScript function (the page's CSP
//! forbids eval), and no formatter template takes a name (`{b}`, `{a}`):
//! a name is shown by ECharts' own tooltip, never substituted into a
//! template where a `{c}` inside it would be expanded again.

use charming::Chart;
use serde_json::{Map, Value};

/// The option for `chart`, with the tooltip on the canvas and ARIA on.
/// Animation is left at ECharts' default.
pub(crate) fn finish(chart: Chart) -> Value {
    // A chart holds only strings, numbers and maps keyed by strings, which
    // always serialise; an empty option would still get the patches below.
    let mut option = serde_json::to_value(&chart).unwrap_or_else(|_| Value::Object(Map::new()));
    set(&mut option, "/tooltip", "renderMode", "richText".into());
    set(&mut option, "/aria", "enabled", true.into());
    option
}

/// Sets `key` in the object at `pointer` (a JSON pointer, "" for the root),
/// creating that object when the pointer names a missing key of an object.
/// A pointer into something else is a builder's mistake: nothing is set.
pub(crate) fn set(option: &mut Value, pointer: &str, key: &str, value: Value) {
    if option.pointer(pointer).is_none() {
        if let Some((parent, last)) = pointer.rsplit_once('/') {
            if let Some(Value::Object(parent)) = option.pointer_mut(parent) {
                parent.insert(last.to_owned(), Value::Object(Map::new()));
            }
        }
    }
    match option.pointer_mut(pointer) {
        Some(Value::Object(object)) => {
            object.insert(key.to_owned(), value);
        }
        _ => debug_assert!(false, "no object at {pointer} to set {key} in"),
    }
}

/// Leaves series `index` out of the tooltip (its value would mislead, such
/// as the width of an interval band).
pub(crate) fn hide_from_tooltip(option: &mut Value, index: usize) {
    set(option, &format!("/series/{index}/tooltip"), "show", false.into());
}

/// How labels of the axis at `pointer` overflow past `width` pixels:
/// `"break"` wraps them, `"truncate"` cuts them with an ellipsis.
pub(crate) fn label_overflow(option: &mut Value, pointer: &str, width: u32, overflow: &str) {
    let label = format!("{pointer}/axisLabel");
    set(option, &label, "width", width.into());
    set(option, &label, "overflow", overflow.into());
}

#[cfg(test)]
mod tests {
    use charming::component::Title;
    use serde_json::json;

    use super::*;

    #[test]
    fn every_option_gets_a_canvas_tooltip_and_aria_but_keeps_animation() {
        let option = finish(Chart::new().title(Title::new().text("A")));
        assert_eq!(option["tooltip"]["renderMode"], "richText");
        assert_eq!(option["aria"]["enabled"], true);
        assert!(option.get("animation").is_none());
        assert_eq!(option["title"][0]["text"], "A");
    }

    #[test]
    fn set_creates_the_object_it_sets_into() {
        let mut option = json!({"series": [{"type": "line"}], "yAxis": [{}, {}]});
        hide_from_tooltip(&mut option, 0);
        label_overflow(&mut option, "/yAxis/1", 120, "truncate");
        assert_eq!(option["series"][0]["tooltip"], json!({"show": false}));
        assert_eq!(option["yAxis"][1]["axisLabel"], json!({"width": 120, "overflow": "truncate"}));
        assert_eq!(option["yAxis"][0], json!({}));
    }
}
