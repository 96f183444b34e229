//! Why deals were lost, step by step: a stacked bar per loss category in
//! each month (or quarter), in the category's colour, so a reason that
//! grows stands out.

use charming::element::{ItemStyle, Trigger};
use charming::series::Bar;

use crate::analytics::{Dashboard, Drill, Grain};

use super::finish::finish;
use super::frame::{category_x, chart, count_axis, legend};
use super::palette::category_colour;
use super::spec::ChartSpec;

const TITLE: &str = "Loss reasons over time";

/// A series per category that any step's losses cite, in the taxonomy's
/// order. A loss citing two categories counts in both.
pub fn reasons_over_time(d: &Dashboard) -> ChartSpec {
    let steps = &d.trend.steps;
    let cited = |position: usize| steps.iter().map(move |step| step.loss_categories.get(position).copied().unwrap_or(0));
    let categories: Vec<usize> = (0..d.categories.len()).filter(|&position| cited(position).any(|count| count > 0)).collect();
    let step_name = match d.trend.grain {
        Grain::Month => "Month",
        Grain::Quarter => "Quarter",
    };
    let labels: Vec<String> = steps.iter().map(|step| step.label.clone()).collect();
    // The legend says which colour is which category, even for one.
    let legend = (!categories.is_empty()).then(legend);
    let x = category_x(step_name, labels);
    let mut chart = chart(TITLE, Trigger::Axis, legend, x.left).x_axis(x.axis.clone()).y_axis(count_axis("Lost deals"));
    let mut drills = Vec::with_capacity(categories.len());
    for &position in &categories {
        let category = &d.categories[position];
        let counts: Vec<i64> = cited(position).map(|count| count as i64).collect();
        chart = chart.series(
            Bar::new()
                .name(category.label.as_str())
                .stack("losses")
                .item_style(ItemStyle::new().color(category_colour(position)))
                .data(counts),
        );
        drills.push(steps.iter().map(|step| category.id.clone().map(|id| Drill::TrendCategory(step.period, id))).collect());
    }
    let mut option = finish(chart);
    x.fit(&mut option);
    ChartSpec { title: TITLE.to_owned(), option, drills }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::Measure;
    use crate::charts::fixture::{dashboard, date, empty, series, texts, values};
    use crate::charts::loss_pareto;
    use crate::domain::CategoryId;

    #[test]
    fn a_stacked_series_per_category_cited_in_the_steps() {
        let d = dashboard();
        let spec = reasons_over_time(&d);
        let option = &spec.option;
        assert_eq!((spec.title.as_str(), option["title"][0]["text"].as_str()), (TITLE, Some("Loss reasons over time")));
        assert_eq!(texts(&option["xAxis"]["data"]).len(), 12);
        assert_eq!(option["xAxis"]["data"][9], "Oct 2026");
        assert_eq!((option["xAxis"]["name"].as_str(), option["yAxis"]["name"].as_str()), (Some("Month"), Some("Lost deals")));
        let names: Vec<&str> = (0..3).filter_map(|i| series(option, i)["name"].as_str()).collect();
        assert_eq!(names, ["Price and value", "Product and fit", "Timing and priority"], "taxonomy order, cited ones only");
        assert!(option["series"].as_array().is_some_and(|all| all.len() == 3));
        for i in 0..3 {
            assert_eq!((series(option, i)["type"].as_str(), series(option, i)["stack"].as_str()), (Some("bar"), Some("losses")));
        }
        // Two price losses in November; a product and a timing loss in October.
        let mut price = [0.0; 12];
        price[10] = 2.0;
        let mut october = [0.0; 12];
        october[9] = 1.0;
        assert_eq!(values(option, 0), price);
        assert_eq!(values(option, 1), october);
        assert_eq!(values(option, 2), october);
        let colours: Vec<&str> = (0..3).filter_map(|i| series(option, i)["itemStyle"]["color"].as_str()).collect();
        assert_eq!(colours, [category_colour(0), category_colour(1), category_colour(3)]);
        let november = d.trend.steps[10].period;
        assert_eq!(november.from, date(2026, 11, 1));
        assert_eq!(spec.drill(0, 10), Some(&Drill::TrendCategory(november, CategoryId::new("price"))));
        assert_eq!(spec.drill(2, 9), Some(&Drill::TrendCategory(d.trend.steps[9].period, CategoryId::new("timing"))));
        assert!(option["legend"].is_object());
    }

    #[test]
    fn a_category_has_the_same_colour_here_and_in_the_pareto() {
        let d = dashboard();
        let pareto = loss_pareto(&d, Measure::Count);
        let over_time = reasons_over_time(&d);
        // "Too expensive" (first bar) is a "Price and value" reason (first series).
        assert_eq!(pareto.option["xAxis"]["data"][0], "Too expensive");
        assert_eq!(over_time.option["series"][0]["name"], "Price and value");
        assert_eq!(
            pareto.option["series"][0]["data"][0]["itemStyle"]["color"],
            over_time.option["series"][0]["itemStyle"]["color"]
        );
        // "Project postponed" (third bar) and "Timing and priority" (third series).
        assert_eq!(
            pareto.option["series"][0]["data"][2]["itemStyle"]["color"],
            over_time.option["series"][2]["itemStyle"]["color"]
        );
        assert_ne!(over_time.option["series"][0]["itemStyle"]["color"], over_time.option["series"][2]["itemStyle"]["color"]);
    }

    #[test]
    fn losses_of_unknown_categories_open_nothing_and_no_losses_draw_nothing() {
        let mut d = dashboard();
        // A reason whose category is gone is reported under "Unknown category".
        d.categories.push(crate::analytics::CategoryInfo { id: None, label: "Unknown category".into() });
        d.trend.steps[11].loss_categories.resize(d.categories.len(), 0);
        d.trend.steps[11].loss_categories[d.categories.len() - 1] = 4;
        let spec = reasons_over_time(&d);
        assert_eq!(spec.option["series"][3]["name"], "Unknown category");
        assert_eq!(values(&spec.option, 3)[11], 4.0);
        assert_eq!(spec.drills[3].len(), 12);
        assert_eq!(spec.drill(3, 11), None);

        let nothing = reasons_over_time(&empty());
        assert!(nothing.is_empty());
        assert!(nothing.option.get("series").is_none() && nothing.option.get("legend").is_none());
    }
}
