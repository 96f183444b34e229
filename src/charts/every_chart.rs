//! What holds for every chart, whatever the data: a canvas tooltip, ARIA,
//! named axes, one drill per data item, no code in the option, and user
//! text kept as plain strings.

use serde_json::Value;

use super::fixture::{catalog, compute_with, dashboard, deals, empty, hostile_catalog, today, HOSTILE};
use super::*;
use crate::analytics::{Dashboard, Grain, Measure};

fn every_chart(d: &Dashboard) -> Vec<ChartSpec> {
    vec![
        loss_pareto(d, Measure::Count),
        loss_pareto(d, Measure::Value),
        win_reasons(d, Measure::Count),
        win_reasons(d, Measure::Value),
        win_rate_trend(d),
        reasons_over_time(d),
        owners_win_rate(d),
        competitors_head_to_head(d),
        stage_at_loss(d, Measure::Count),
        stage_at_loss(d, Measure::Value),
    ]
}

fn sample() -> Dashboard {
    let mut catalog = catalog();
    let deals = crate::sample::sample_deals(500, 7, today(), &mut catalog);
    compute_with(&deals, &catalog, Grain::Quarter)
}

/// The x and y axes of an option, one or several of each.
fn axes(option: &Value) -> Vec<&Value> {
    ["xAxis", "yAxis"]
        .iter()
        .flat_map(|key| match &option[key] {
            Value::Array(axes) => axes.iter().collect(),
            Value::Null => Vec::new(),
            axis => vec![axis],
        })
        .collect()
}

/// Every value under `key` anywhere in the option.
fn all_under<'a>(value: &'a Value, key: &str, found: &mut Vec<&'a Value>) {
    match value {
        Value::Object(object) => {
            for (k, v) in object {
                if k == key {
                    found.push(v);
                }
                all_under(v, key, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| all_under(item, key, found)),
        _ => {}
    }
}

fn check(spec: &ChartSpec) {
    let option = &spec.option;
    let title = &spec.title;
    assert!(!title.is_empty());
    assert_eq!(option["title"][0]["text"].as_str(), Some(title.as_str()));
    assert_eq!(option["tooltip"]["renderMode"], "richText", "{title}: tooltips on the canvas, never HTML");
    assert!(option["tooltip"]["trigger"].is_string(), "{title}");
    assert_eq!(option["aria"]["enabled"], true, "{title}");
    assert!(option.get("animation").is_none(), "{title}: animation stays at its default");
    let axes = axes(option);
    assert!(axes.len() >= 2, "{title}");
    for axis in axes {
        assert!(axis["name"].as_str().is_some_and(|name| !name.is_empty()), "{title}: an unnamed axis {axis}");
    }
    let series = option["series"].as_array().map(Vec::as_slice).unwrap_or_default();
    assert_eq!(spec.drills.len(), series.len(), "{title}: a drill row per series");
    for (row, series) in spec.drills.iter().zip(series) {
        let data = series["data"].as_array().map_or(0, Vec::len);
        assert_eq!(row.len(), data, "{title}: a drill per data item of {}", series["name"]);
        assert!(series["name"].is_string(), "{title}");
    }
    if series.len() > 1 {
        assert!(option["legend"].is_object(), "{title}: several series need a legend");
    }
    let mut formatters = Vec::new();
    all_under(option, "formatter", &mut formatters);
    for formatter in formatters {
        // No function (the CSP forbids eval), and no name substituted into a template.
        let template = formatter.as_str().unwrap_or_else(|| panic!("{title}: formatter {formatter} is not a template"));
        assert!(!template.contains("{a") && !template.contains("{b"), "{title}: {template}");
    }
    assert_eq!(serde_json::from_str::<Value>(&spec.option_json()).ok().as_ref(), Some(option), "{title}");
}

#[test]
fn every_chart_of_the_fixture_the_sample_and_no_data_keeps_the_rules() {
    let charts = every_chart(&dashboard());
    assert!(charts.iter().all(|spec| !spec.is_empty()), "the fixture has something for every chart");
    let sample = every_chart(&sample());
    assert!(sample.iter().all(|spec| !spec.is_empty()), "so do 500 sample deals");
    let none = every_chart(&empty());
    assert!(none.iter().all(ChartSpec::is_empty), "no deals, nothing to draw");
    for spec in charts.iter().chain(&sample).chain(&none) {
        check(spec);
    }
    let titles: Vec<&str> = charts.iter().map(|spec| spec.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Loss reasons",
            "Loss reasons",
            "Win reasons",
            "Win reasons",
            "Win rate by month",
            "Loss reasons over time",
            "Win rate per salesperson",
            "Head to head against competitors",
            "Stage reached at loss",
            "Stage reached at loss",
        ]
    );
    for spec in &sample[..4] {
        let line = spec.option["series"][1]["data"].as_array().and_then(|data| data.last()).and_then(Value::as_f64);
        assert_eq!(line, Some(100.0), "{}: the cumulative share ends at 100 %", spec.title);
    }
}

#[test]
fn user_text_is_plain_data_wherever_it_appears() {
    let d = compute_with(&deals(), &hostile_catalog(), Grain::Month);
    let pareto = loss_pareto(&d, Measure::Count);
    assert_eq!(pareto.option["xAxis"]["data"][0], HOSTILE, "the reason label, verbatim");
    let over_time = reasons_over_time(&d);
    assert_eq!(over_time.option["series"][0]["name"], HOSTILE, "the category label, verbatim");
    let owners = owners_win_rate(&d);
    assert_eq!(owners.option["yAxis"]["data"][0], format!("{HOSTILE} (n = 3)"));
    let competitors = competitors_head_to_head(&d);
    assert_eq!(competitors.option["yAxis"]["data"][1], HOSTILE);
    for spec in [&pareto, &over_time, &owners, &competitors] {
        let json = spec.option_json();
        assert!(json.contains(&format!("\"{HOSTILE}")), "{}: not escaped, not altered: {json}", spec.title);
        assert!(!json.contains("&lt;") && !json.contains("\\u003c"), "{}", spec.title);
        check(spec);
    }
}

#[test]
fn text_that_charming_would_turn_into_code_stays_a_string() {
    // charming's own `Chart::to_string` unwraps strings between these marks
    // into raw JavaScript; the option JSON must not.
    let marked = "#*#*#*#alert(1)#*#*#*#";
    let mut catalog = catalog();
    let reason = catalog.taxonomy.reasons.iter_mut().find(|r| r.id.as_str() == "lost-too-expensive").expect("a standard reason");
    reason.label = marked.to_owned();
    let d = compute_with(&deals(), &catalog, Grain::Month);
    let spec = loss_pareto(&d, Measure::Count);
    let json = spec.option_json();
    assert!(json.contains(&format!("\"{marked}\"")), "{json}");
    let parsed: Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["xAxis"]["data"][0], marked);
}
