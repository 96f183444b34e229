//! Pareto charts of reasons: a bar per reason, largest first, coloured by
//! its category, and the running share of all reasons cited on a second
//! axis, so "these three reasons explain 80 %" reads at a glance.

use charming::datatype::DataPointItem;
use charming::element::{ItemStyle, LineStyle, Symbol, Trigger};
use charming::series::{Bar, Line};

use crate::analytics::{pareto, Dashboard, Drill, Measure, ReasonFigure};
use crate::domain::ReasonId;

use super::finish::finish;
use super::frame::{category_x, chart, count_axis, legend, percent_axis, right_axis, value_axis};
use super::palette::{category_colour, NEUTRAL_COLOUR};
use super::spec::ChartSpec;
use super::units::{amount, percent, value_name};

/// Lost or won: the words and the drill of one side's Pareto.
struct Side {
    title: &'static str,
    reason: &'static str,
    deals: &'static str,
    value: &'static str,
    drill: fn(ReasonId) -> Drill,
}

const LOSSES: Side =
    Side { title: "Loss reasons", reason: "Loss reason", deals: "Lost deals", value: "Lost value", drill: Drill::LossReason };

const WINS: Side =
    Side { title: "Win reasons", reason: "Win reason", deals: "Won deals", value: "Won value", drill: Drill::WinReason };

/// Loss reasons ranked by `measure`: deals lost, or value lost.
pub fn loss_pareto(d: &Dashboard, measure: Measure) -> ChartSpec {
    reason_pareto(d, &d.loss_reasons, measure, &LOSSES)
}

/// Win reasons, the same way.
pub fn win_reasons(d: &Dashboard, measure: Measure) -> ChartSpec {
    reason_pareto(d, &d.win_reasons, measure, &WINS)
}

fn reason_pareto(d: &Dashboard, reasons: &[ReasonFigure], measure: Measure, side: &Side) -> ChartSpec {
    let mut rows = pareto(reasons, measure);
    let amounts: Vec<f64> = rows.iter().map(|row| amount(measure, row.reason.count, row.reason.value, d)).collect();
    // Reasons cited by deals without amounts rank nothing by value.
    if !amounts.iter().any(|amount| *amount > 0.0) {
        rows.clear();
    }
    let (axis_name, series_name) = match measure {
        Measure::Count => ("Deals".to_owned(), side.deals),
        Measure::Value => (value_name(side.value, d), side.value),
    };
    let labels: Vec<String> = rows.iter().map(|row| row.reason.label.clone()).collect();
    let bars: Vec<DataPointItem> = rows
        .iter()
        .zip(&amounts)
        .map(|(row, amount)| DataPointItem::new(*amount).item_style(ItemStyle::new().color(category_colour(row.reason.category))))
        .collect();
    let cumulative: Vec<f64> = rows.iter().map(|row| percent(row.cumulative)).collect();
    let x = category_x(side.reason, labels);
    let chart = chart(side.title, Trigger::Axis, Some(legend()), x.left)
        .x_axis(x.axis.clone())
        .y_axis(if measure == Measure::Count { count_axis(&axis_name) } else { value_axis(&axis_name) })
        .y_axis(right_axis(percent_axis("Cumulative share (%)")))
        .series(
            Bar::new()
                .name(series_name)
                // The legend's swatch: each bar has its category's colour.
                .item_style(ItemStyle::new().color(NEUTRAL_COLOUR))
                .data(bars),
        )
        .series(
            Line::new()
                .name("Cumulative share")
                .y_axis_index(1)
                .symbol(Symbol::Circle)
                .symbol_size(6)
                .item_style(ItemStyle::new().color(NEUTRAL_COLOUR))
                .line_style(LineStyle::new().color(NEUTRAL_COLOUR).width(2))
                .data(cumulative),
        );
    let mut option = finish(chart);
    x.fit(&mut option);
    let drills: Vec<_> = rows.iter().map(|row| Some((side.drill)(row.reason.id.clone()))).collect();
    ChartSpec { title: side.title.to_owned(), option, drills: vec![drills.clone(), drills] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::Grain;
    use crate::charts::fixture::{catalog, compute_with, dashboard, deals, numbers, series, texts, values};

    fn reason(id: &str) -> Option<Drill> {
        Some(Drill::LossReason(ReasonId::new(id)))
    }

    #[test]
    fn loss_reasons_by_count_rank_bars_and_run_the_share_up_to_100() {
        let spec = loss_pareto(&dashboard(), Measure::Count);
        let option = &spec.option;
        assert_eq!(spec.title, "Loss reasons");
        assert_eq!(option["title"][0]["text"], "Loss reasons");
        // Two deals cite "Too expensive", one each the others; ties by label.
        assert_eq!(texts(&option["xAxis"]["data"]), ["Too expensive", "Missing feature", "Project postponed"]);
        assert_eq!(option["xAxis"]["name"], "Loss reason");
        assert_eq!(option["xAxis"]["axisLabel"]["interval"].as_f64(), Some(0.0), "every label shown");
        assert_eq!(option["yAxis"][0]["name"], "Deals");
        assert_eq!(option["yAxis"][1]["name"], "Cumulative share (%)");
        assert_eq!((option["yAxis"][1]["min"].as_f64(), option["yAxis"][1]["max"].as_f64()), (Some(0.0), Some(100.0)));
        assert_eq!((series(option, 0)["type"].as_str(), series(option, 0)["name"].as_str()), (Some("bar"), Some("Lost deals")));
        assert_eq!(values(option, 0), [2.0, 1.0, 1.0]);
        let line = series(option, 1);
        assert_eq!(
            (line["type"].as_str(), line["name"].as_str(), line["yAxisIndex"].as_f64()),
            (Some("line"), Some("Cumulative share"), Some(1.0))
        );
        assert_eq!(values(option, 1), [50.0, 75.0, 100.0]);
        assert!(option["legend"].is_object(), "two series, so a legend");
        // Each bar in its category's colour: price, product, timing.
        let colours: Vec<&str> = (0..3).filter_map(|i| series(option, 0)["data"][i]["itemStyle"]["color"].as_str()).collect();
        assert_eq!(colours, ["#4e79a7", "#f28e2b", "#76b7b2"]);
        assert_eq!(colours, [category_colour(0), category_colour(1), category_colour(3)]);
        assert_eq!(spec.drill(0, 0), reason("lost-too-expensive").as_ref());
        assert_eq!(spec.drill(0, 2), reason("lost-postponed").as_ref());
        assert_eq!(spec.drill(1, 1), reason("lost-missing-feature").as_ref(), "the line drills like its bar");
        assert_eq!(spec.drill(0, 3), None);
        assert!(!spec.is_empty());
    }

    #[test]
    fn loss_reasons_by_value_are_in_major_units_of_the_reporting_currency() {
        let spec = loss_pareto(&dashboard(), Measure::Value);
        let option = &spec.option;
        assert_eq!(texts(&option["xAxis"]["data"]), ["Missing feature", "Too expensive", "Project postponed"]);
        assert_eq!(option["yAxis"][0]["name"], "Lost value (USD)");
        assert_eq!(series(option, 0)["name"], "Lost value");
        assert_eq!(values(option, 0), [10_000.0, 4_000.0, 500.0]);
        // 10,000 / 14,500 and 14,000 / 14,500.
        assert_eq!(values(option, 1), [69.0, 96.6, 100.0]);
        assert_eq!(spec.drill(0, 0), reason("lost-missing-feature").as_ref());
    }

    #[test]
    fn win_reasons_have_the_same_shape_and_drill_into_wins() {
        let spec = win_reasons(&dashboard(), Measure::Count);
        let option = &spec.option;
        assert_eq!((spec.title.as_str(), option["title"][0]["text"].as_str()), ("Win reasons", Some("Win reasons")));
        assert_eq!(texts(&option["xAxis"]["data"]), ["Best value for money", "Key feature"]);
        assert_eq!(series(option, 0)["name"], "Won deals");
        assert_eq!(values(option, 0), [2.0, 1.0]);
        assert_eq!(values(option, 1), [66.7, 100.0]);
        assert_eq!(series(option, 0)["data"][1]["itemStyle"]["color"], category_colour(1));
        assert_eq!(spec.drill(1, 0), Some(&Drill::WinReason(ReasonId::new("won-best-value"))));
        let by_value = win_reasons(&dashboard(), Measure::Value);
        assert_eq!(by_value.option["yAxis"][0]["name"], "Won value (USD)");
        // 2,000 + 6,000 for best value, 4,000 for the key feature.
        assert_eq!(values(&by_value.option, 0), [8_000.0, 4_000.0]);
    }

    #[test]
    fn losses_without_amounts_rank_by_count_but_draw_nothing_by_value() {
        let mut unpriced = deals();
        for deal in &mut unpriced {
            deal.amount = None;
        }
        let d = compute_with(&unpriced, &catalog(), Grain::Month);
        assert!(!loss_pareto(&d, Measure::Count).is_empty());
        let by_value = loss_pareto(&d, Measure::Value);
        assert!(by_value.is_empty());
        assert_eq!(numbers(&by_value.option, 0), Vec::<Option<f64>>::new());
        assert_eq!(by_value.option["yAxis"][0]["name"], "Lost value", "no currency to name");
        assert_eq!(by_value.drills, vec![Vec::new(), Vec::new()]);
    }
}
