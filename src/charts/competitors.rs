//! Head to head against each competitor: deals won and lost where the
//! competitor was named, most contested first.

use charming::element::{ItemStyle, Trigger};
use charming::series::Bar;

use crate::analytics::{Dashboard, Drill};

use super::finish::finish;
use super::frame::{bottom_axis, category_y_axis, chart, count_axis, fit_y_labels, legend, EDGE};
use super::palette::{LOST_COLOUR, WON_COLOUR};
use super::spec::ChartSpec;

const TITLE: &str = "Head to head against competitors";

/// Stacked horizontal bars, "Won" then "Lost" (lost counts no-decision
/// deals too, as the figures do).
pub fn competitors_head_to_head(d: &Dashboard) -> ChartSpec {
    let competitors = &d.competitors;
    let names: Vec<String> = competitors.iter().map(|competitor| competitor.name.clone()).collect();
    let won: Vec<i64> = competitors.iter().map(|competitor| competitor.won as i64).collect();
    let lost: Vec<i64> = competitors.iter().map(|competitor| competitor.lost as i64).collect();
    let bars = |name: &str, colour: &str, data: Vec<i64>| {
        Bar::new().name(name).stack("head-to-head").item_style(ItemStyle::new().color(colour)).data(data)
    };
    let chart = chart(TITLE, Trigger::Axis, Some(legend()), EDGE)
        .x_axis(bottom_axis(count_axis("Deals")))
        .y_axis(category_y_axis("Competitor", names))
        .series(bars("Won", WON_COLOUR, won))
        .series(bars("Lost", LOST_COLOUR, lost));
    let mut option = finish(chart);
    fit_y_labels(&mut option);
    let drills: Vec<_> = competitors.iter().map(|competitor| Some(Drill::Competitor(competitor.id.clone()))).collect();
    ChartSpec { title: TITLE.to_owned(), option, drills: vec![drills.clone(), drills] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixture::{dashboard, empty, series, texts, values};
    use crate::domain::CompetitorId;

    #[test]
    fn won_and_lost_stack_per_competitor_in_fixed_colours() {
        let spec = competitors_head_to_head(&dashboard());
        let option = &spec.option;
        assert_eq!((spec.title.as_str(), option["title"][0]["text"].as_str()), (TITLE, Some("Head to head against competitors")));
        // Initech: won 1, lost 2; Globex: lost 1.
        assert_eq!(texts(&option["yAxis"]["data"]), ["Initech", "Globex"]);
        assert_eq!((option["yAxis"]["name"].as_str(), option["xAxis"]["name"].as_str()), (Some("Competitor"), Some("Deals")));
        assert_eq!((series(option, 0)["name"].as_str(), series(option, 1)["name"].as_str()), (Some("Won"), Some("Lost")));
        assert_eq!(values(option, 0), [1.0, 0.0]);
        assert_eq!(values(option, 1), [2.0, 1.0]);
        for (i, colour) in [(0, WON_COLOUR), (1, LOST_COLOUR)] {
            assert_eq!(
                (series(option, i)["type"].as_str(), series(option, i)["stack"].as_str()),
                (Some("bar"), Some("head-to-head"))
            );
            assert_eq!(series(option, i)["itemStyle"]["color"], colour);
        }
        assert!(option["legend"].is_object());
        assert_eq!(spec.drill(0, 0), Some(&Drill::Competitor(CompetitorId::new("initech"))));
        assert_eq!(spec.drill(1, 1), Some(&Drill::Competitor(CompetitorId::new("globex"))));
        assert!(competitors_head_to_head(&empty()).is_empty());
    }
}
