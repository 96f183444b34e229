//! Win rate per salesperson, best first, each named with the number of
//! decided deals behind the rate so a 100 % from two deals reads as such.

use charming::element::{ItemStyle, Trigger};
use charming::series::Bar;

use crate::analytics::Dashboard;
use crate::analytics::Drill;

use super::finish::finish;
use super::frame::{bottom_axis, category_y_axis, chart, fit_y_labels, percent_axis, EDGE};
use super::palette::RATE_COLOUR;
use super::spec::ChartSpec;
use super::units::percent;

const TITLE: &str = "Win rate per salesperson";

/// A horizontal bar per owner with decided deals, in the dashboard's order
/// (best win rate first, at the top). The "No owner" entry opens nothing.
pub fn owners_win_rate(d: &Dashboard) -> ChartSpec {
    let owners = &d.owners;
    let labels: Vec<String> = owners.iter().map(|owner| format!("{} (n = {})", owner.name, owner.tally.decided())).collect();
    let rates: Vec<Option<f64>> = owners.iter().map(|owner| owner.tally.win_rate().value().map(percent)).collect();
    let chart = chart(TITLE, Trigger::Axis, None, EDGE)
        .x_axis(bottom_axis(percent_axis("Win rate (%)")))
        .y_axis(category_y_axis("Salesperson", labels))
        .series(Bar::new().name("Win rate").item_style(ItemStyle::new().color(RATE_COLOUR)).data(rates));
    let mut option = finish(chart);
    fit_y_labels(&mut option);
    let drills = owners.iter().map(|owner| owner.id.clone().map(Drill::Owner)).collect();
    ChartSpec { title: TITLE.to_owned(), option, drills: vec![drills] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixture::{dashboard, empty, series, texts, values};
    use crate::domain::OwnerId;

    #[test]
    fn owners_best_first_named_with_their_sample_size() {
        let spec = owners_win_rate(&dashboard());
        let option = &spec.option;
        assert_eq!((spec.title.as_str(), option["title"][0]["text"].as_str()), (TITLE, Some("Win rate per salesperson")));
        // Luis 2 of 3, Dana 1 of 3, the unowned deal 0 of 1.
        assert_eq!(texts(&option["yAxis"]["data"]), ["Luis Ortega (n = 3)", "Dana Whitfield (n = 3)", "No owner (n = 1)"]);
        assert_eq!(option["yAxis"]["type"], "category");
        assert_eq!(option["yAxis"]["inverse"], true, "the first, best, at the top");
        assert_eq!(option["yAxis"]["name"], "Salesperson");
        assert_eq!((option["xAxis"]["name"].as_str(), option["xAxis"]["max"].as_f64()), (Some("Win rate (%)"), Some(100.0)));
        assert_eq!((series(option, 0)["type"].as_str(), series(option, 0)["name"].as_str()), (Some("bar"), Some("Win rate")));
        assert_eq!(values(option, 0), [66.7, 33.3, 0.0]);
        assert!(option.get("legend").is_none(), "one series, no legend");
        assert_eq!(spec.drill(0, 0), Some(&Drill::Owner(OwnerId::new("luis"))));
        assert_eq!(spec.drill(0, 1), Some(&Drill::Owner(OwnerId::new("dana"))));
        assert_eq!(spec.drill(0, 2), None, "no owner to filter by");
        assert_eq!(spec.drills[0].len(), 3);
        assert!(owners_win_rate(&empty()).is_empty());
    }
}
