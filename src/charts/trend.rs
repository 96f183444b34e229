//! The win rate month by month (or quarter by quarter), honest about small
//! samples: a band for its 95 % Wilson interval, and the deals won and lost
//! behind each step as light stacked bars on a second axis.

use charming::component::LegendItem;
use charming::element::{AreaStyle, ItemStyle, LineStyle, Symbol, Trigger};
use charming::series::{Bar, Line};
use serde_json::Value;

use crate::analytics::{Dashboard, Drill, Estimate, Grain, TrendStep};

use super::finish::{finish, hide_from_tooltip, set};
use super::frame::{category_x, chart, count_axis, legend, percent_axis, right_axis};
use super::palette::{LOST_COLOUR, RATE_COLOUR, WON_COLOUR};
use super::spec::ChartSpec;
use super::units::{percent, tenths};

const DECIDED: &str = "Decided deals";
const WON: &str = "Won";
const LOST: &str = "Lost or no decision";
const LOWER: &str = "95 % interval (lower bound)";
const BAND: &str = "95 % interval";
const RATE: &str = "Win rate";

/// Series 0 and 1 are the deals won and lost; the band stacks on its lower
/// bound.
const LOWER_SERIES: usize = 2;
const BAND_SERIES: usize = 3;
const SERIES: usize = 5;
/// The bars sit behind the rate: light, so the line stays the figure.
const BAR_OPACITY: f64 = 0.35;

/// Title "Win rate by month" or "Win rate by quarter", after the trend's grain.
pub fn win_rate_trend(d: &Dashboard) -> ChartSpec {
    let (title, step_name) = match d.trend.grain {
        Grain::Month => ("Win rate by month", "Month"),
        Grain::Quarter => ("Win rate by quarter", "Quarter"),
    };
    let steps = &d.trend.steps;
    let estimates: Vec<Option<Estimate>> = steps.iter().map(|step| step.tally.win_rate().estimate()).collect();
    // No step has a decided deal: nothing to draw.
    let drawn = if estimates.iter().any(Option::is_some) { steps.len() } else { 0 };
    let estimates = &estimates[..drawn];
    let labels: Vec<String> = steps.iter().map(|step| step.label.clone()).collect();

    let won: Vec<i64> = steps[..drawn].iter().map(|step| step.tally.won as i64).collect();
    let lost: Vec<i64> = steps[..drawn].iter().map(|step| step.tally.losses() as i64).collect();
    let lower: Vec<Option<f64>> = estimates.iter().map(|e| e.map(|e| percent(e.low))).collect();
    // Differences of rounded bounds, so that lower + band is the rounded
    // upper bound exactly.
    let band: Vec<Option<f64>> = estimates.iter().map(|e| e.map(|e| (tenths(e.high) - tenths(e.low)) as f64 / 10.0)).collect();
    let rate: Vec<Option<f64>> = estimates.iter().map(|e| e.map(|e| percent(e.value))).collect();
    let invisible = || LineStyle::new().opacity(0);

    // The lower bound only carries the band: it is no legend entry.
    let legend =
        legend().data(vec![LegendItem::from(RATE), LegendItem::from(BAND), LegendItem::from(WON), LegendItem::from(LOST)]);
    let bars = |name: &str, colour: &str, data: Vec<i64>| {
        Bar::new().name(name).y_axis_index(1).stack("deals").item_style(ItemStyle::new().color(colour).opacity(BAR_OPACITY)).data(data)
    };
    let x = category_x(step_name, labels);
    let chart = chart(title, Trigger::Axis, Some(legend), x.left)
        .x_axis(x.axis.clone())
        .y_axis(percent_axis("Win rate (%)"))
        .y_axis(right_axis(count_axis(DECIDED)))
        .series(bars(WON, WON_COLOUR, won))
        .series(bars(LOST, LOST_COLOUR, lost))
        .series(Line::new().name(LOWER).stack("interval").symbol(Symbol::None).line_style(invisible()).data(lower))
        .series(
            Line::new()
                .name(BAND)
                .stack("interval")
                .symbol(Symbol::None)
                .line_style(invisible())
                .item_style(ItemStyle::new().color(RATE_COLOUR))
                .area_style(AreaStyle::new().color(RATE_COLOUR).opacity(0.2))
                .data(band),
        )
        .series(
            Line::new()
                .name(RATE)
                .symbol(Symbol::Circle)
                .symbol_size(6)
                .item_style(ItemStyle::new().color(RATE_COLOUR))
                .line_style(LineStyle::new().color(RATE_COLOUR).width(2))
                .data(rate),
        );
    let mut option = finish(chart);
    x.fit(&mut option);
    // In a tooltip the bound would read as a rate and the band as its width.
    hide_from_tooltip(&mut option, LOWER_SERIES);
    hide_from_tooltip(&mut option, BAND_SERIES);
    // Read aloud, the band's widths would mislead too: say what it means.
    set(&mut option, "/aria/label", "description", Value::String(description(title, &steps[..drawn])));
    let drills: Vec<_> = steps[..drawn].iter().map(|step| Some(Drill::TrendStep(step.period))).collect();
    ChartSpec { title: title.to_owned(), option, drills: vec![drills; SERIES] }
}

/// "Win rate by month. Jan 2026: 70 % (95 % interval 39.7 to 89.2 %),
/// 10 decided deals. Feb 2026: no decided deals. …"
fn description(title: &str, steps: &[TrendStep]) -> String {
    let mut text = format!("{title}.");
    if steps.is_empty() {
        text.push_str(" No deals were decided.");
    }
    for step in steps {
        let decided = step.tally.decided();
        let said = match step.tally.win_rate().estimate() {
            Some(e) => format!(
                " {}: {} % (95 % interval {} to {} %), {decided} decided {}.",
                step.label,
                percent(e.value),
                percent(e.low),
                percent(e.high),
                if decided == 1 { "deal" } else { "deals" }
            ),
            None => format!(" {}: no decided deals.", step.label),
        };
        text.push_str(&said);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::{Counts, Period, Trend};
    use crate::charts::fixture::{catalog, compute_with, dashboard, date, deals, empty, numbers, series, texts, values};

    fn month(m: u32) -> Period {
        Grain::Month.span(Grain::Month.index(date(2026, m, 1)))
    }

    /// Jan: 7 won of 10 decided. Feb: only disqualified deals. Mar: 0 of 5.
    fn three_months() -> Dashboard {
        let step = |m: u32, label: &str, tally: Counts| TrendStep {
            label: label.into(),
            period: month(m),
            tally,
            loss_categories: Vec::new(),
        };
        let mut d = empty();
        d.trend = Trend {
            grain: Grain::Month,
            steps: vec![
                step(1, "Jan 2026", Counts { won: 7, lost: 2, no_decision: 1, ..Counts::default() }),
                step(2, "Feb 2026", Counts { disqualified: 3, ..Counts::default() }),
                step(3, "Mar 2026", Counts { lost: 5, ..Counts::default() }),
            ],
        };
        d
    }

    #[test]
    fn the_rate_has_its_wilson_band_and_its_sample_size() {
        let spec = win_rate_trend(&three_months());
        let option = &spec.option;
        assert_eq!((spec.title.as_str(), option["title"][0]["text"].as_str()), ("Win rate by month", Some("Win rate by month")));
        assert_eq!(texts(&option["xAxis"]["data"]), ["Jan 2026", "Feb 2026", "Mar 2026"]);
        assert_eq!(option["xAxis"]["name"], "Month");
        assert_eq!(
            (option["yAxis"][0]["name"].as_str(), option["yAxis"][0]["max"].as_f64()),
            (Some("Win rate (%)"), Some(100.0))
        );
        assert_eq!(option["yAxis"][1]["name"], "Decided deals");

        let kinds: Vec<(&str, &str)> = (0..5)
            .map(|i| (series(option, i)["type"].as_str().unwrap_or(""), series(option, i)["name"].as_str().unwrap_or("")))
            .collect();
        assert_eq!(
            kinds,
            [
                ("bar", "Won"),
                ("bar", "Lost or no decision"),
                ("line", "95 % interval (lower bound)"),
                ("line", "95 % interval"),
                ("line", "Win rate")
            ]
        );
        for bars in [0, 1] {
            assert_eq!(series(option, bars)["yAxisIndex"].as_f64(), Some(1.0), "sample sizes on the second axis");
            assert_eq!(series(option, bars)["stack"], "deals");
        }
        assert_eq!(values(option, 0), [7.0, 0.0, 0.0]);
        assert_eq!(values(option, 1), [3.0, 0.0, 5.0]);
        // Wilson 95 % for 7 of 10: 39.68 % to 89.22 %; for 0 of 5: 0 to 43.45 %.
        assert_eq!(numbers(option, 2), [Some(39.7), None, Some(0.0)]);
        assert_eq!(numbers(option, 3), [Some(49.5), None, Some(43.4)]);
        assert_eq!(numbers(option, 4), [Some(70.0), None, Some(0.0)]);
        assert!(option["series"][4]["data"][1].is_null(), "no decided deals: no point, not 0 %");
        for band in [2, 3] {
            assert_eq!(series(option, band)["stack"], "interval");
            assert_eq!(series(option, band)["symbol"], "none");
            assert_eq!(series(option, band)["tooltip"]["show"], false, "a bound or a width would read as a rate");
        }
        assert!(series(option, 3)["areaStyle"].is_object() && series(option, 2).get("areaStyle").is_none());
        assert_eq!(series(option, 2)["lineStyle"]["opacity"].as_f64(), Some(0.0), "the lower bound is transparent");
        assert_eq!(
            texts(
                &option["legend"]["data"]
                    .as_array()
                    .map(|items| items.iter().map(|i| i["name"].clone()).collect())
                    .unwrap_or_default()
            ),
            ["Win rate", "95 % interval", "Won", "Lost or no decision"]
        );

        for series in 0..5 {
            for (index, m) in [1, 2, 3].into_iter().enumerate() {
                assert_eq!(spec.drill(series, index), Some(&Drill::TrendStep(month(m))));
            }
        }
        let said = option["aria"]["label"]["description"].as_str().unwrap_or("");
        assert!(
            said.starts_with("Win rate by month. Jan 2026: 70 % (95 % interval 39.7 to 89.2 %), 10 decided deals."),
            "{said}"
        );
        assert!(
            said.contains("Feb 2026: no decided deals. Mar 2026: 0 % (95 % interval 0 to 43.4 %), 5 decided deals."),
            "{said}"
        );
    }

    #[test]
    fn steps_come_from_the_dashboard_and_quarters_are_titled_as_such() {
        // Sep: 1 of 1 won; Oct: 1 of 3; Nov: 1 of 3; the rest of 2026 empty.
        let spec = win_rate_trend(&dashboard());
        let rates = numbers(&spec.option, 4);
        assert_eq!(rates.len(), 12);
        assert_eq!(rates[8..], [Some(100.0), Some(33.3), Some(33.3), None]);
        assert!(rates[..8].iter().all(Option::is_none));
        assert_eq!(values(&spec.option, 0)[8..], [1.0, 1.0, 1.0, 0.0]);
        assert_eq!(values(&spec.option, 1)[8..], [0.0, 2.0, 2.0, 0.0]);
        assert_eq!(spec.drill(4, 9), Some(&Drill::TrendStep(month(10))));

        let quarterly = win_rate_trend(&compute_with(&deals(), &catalog(), Grain::Quarter));
        assert_eq!(quarterly.title, "Win rate by quarter");
        assert_eq!(quarterly.option["xAxis"]["name"], "Quarter");
        let labels = texts(&quarterly.option["xAxis"]["data"]);
        assert_eq!(labels[labels.len() - 2..], ["Q3 2026", "Q4 2026"]);
        // Q3: 1 of 1; Q4: 2 of 6.
        assert_eq!(numbers(&quarterly.option, 4)[labels.len() - 2..], [Some(100.0), Some(33.3)]);
    }

    #[test]
    fn no_decided_deal_in_any_step_is_nothing_to_draw() {
        let spec = win_rate_trend(&empty());
        assert!(spec.is_empty());
        assert!((0..5).all(|i| numbers(&spec.option, i).is_empty()));
        assert_eq!(spec.drills.len(), 5);
        assert!(!win_rate_trend(&three_months()).is_empty());
    }
}
