//! How far lost deals got: a bar per stage, in the stages' order, losses
//! with no stage recorded last.

use charming::element::{ItemStyle, Trigger};
use charming::series::Bar;

use crate::analytics::{Dashboard, Drill, Measure};

use super::finish::finish;
use super::frame::{category_x, chart, count_axis, value_axis};
use super::palette::LOST_COLOUR;
use super::spec::ChartSpec;
use super::units::{amount, value_name};

const TITLE: &str = "Stage reached at loss";

/// Deals lost, or value lost, by the stage they reached. The "No stage
/// recorded" bar opens nothing.
pub fn stage_at_loss(d: &Dashboard, measure: Measure) -> ChartSpec {
    let amounts: Vec<f64> = d.stages_at_loss.iter().map(|stage| amount(measure, stage.lost, stage.lost_value, d)).collect();
    // Losses without amounts: nothing to draw by value.
    let stages = if amounts.iter().any(|amount| *amount > 0.0) { &d.stages_at_loss[..] } else { &[] };
    let amounts = &amounts[..stages.len()];
    let (axis, series) = match measure {
        Measure::Count => (count_axis("Lost deals"), "Lost deals"),
        Measure::Value => (value_axis(&value_name("Lost value", d)), "Lost value"),
    };
    let names: Vec<String> = stages.iter().map(|stage| stage.name.clone()).collect();
    let x = category_x("Stage reached", names);
    let chart = chart(TITLE, Trigger::Axis, None, x.left)
        .x_axis(x.axis.clone())
        .y_axis(axis)
        .series(Bar::new().name(series).item_style(ItemStyle::new().color(LOST_COLOUR)).data(amounts.to_vec()));
    let mut option = finish(chart);
    x.fit(&mut option);
    let drills = stages.iter().map(|stage| stage.id.clone().map(Drill::StageAtLoss)).collect();
    ChartSpec { title: TITLE.to_owned(), option, drills: vec![drills] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::Grain;
    use crate::charts::fixture::{catalog, compute_with, dashboard, deals, empty, series, texts, values};
    use crate::domain::StageId;

    #[test]
    fn losses_by_stage_in_stage_order_unrecorded_last() {
        let spec = stage_at_loss(&dashboard(), Measure::Count);
        let option = &spec.option;
        assert_eq!((spec.title.as_str(), option["title"][0]["text"].as_str()), (TITLE, Some("Stage reached at loss")));
        assert_eq!(texts(&option["xAxis"]["data"]), ["Demo", "Proposal", "No stage recorded"]);
        assert_eq!(
            (option["xAxis"]["name"].as_str(), option["yAxis"]["name"].as_str()),
            (Some("Stage reached"), Some("Lost deals"))
        );
        assert_eq!((series(option, 0)["type"].as_str(), series(option, 0)["name"].as_str()), (Some("bar"), Some("Lost deals")));
        assert_eq!(values(option, 0), [1.0, 2.0, 1.0]);
        assert_eq!(spec.drill(0, 0), Some(&Drill::StageAtLoss(StageId::new("stage-demo"))));
        assert_eq!(spec.drill(0, 1), Some(&Drill::StageAtLoss(StageId::new("stage-proposal"))));
        assert_eq!(spec.drill(0, 2), None, "no stage to filter by");

        let by_value = stage_at_loss(&dashboard(), Measure::Value);
        assert_eq!(by_value.option["yAxis"]["name"], "Lost value (USD)");
        assert_eq!(by_value.option["series"][0]["name"], "Lost value");
        assert_eq!(values(&by_value.option, 0), [10_000.0, 4_000.0, 500.0]);
        assert!(stage_at_loss(&empty(), Measure::Count).is_empty());
    }

    #[test]
    fn losses_without_amounts_draw_nothing_by_value() {
        let mut unpriced = deals();
        unpriced.iter_mut().for_each(|deal| deal.amount = None);
        let d = compute_with(&unpriced, &catalog(), Grain::Month);
        assert_eq!(values(&stage_at_loss(&d, Measure::Count).option, 0), [1.0, 2.0, 1.0]);
        let by_value = stage_at_loss(&d, Measure::Value);
        assert!(by_value.is_empty());
        assert_eq!(by_value.drills, vec![Vec::new()]);
        assert!(texts(&by_value.option["xAxis"]["data"]).is_empty());
    }
}
