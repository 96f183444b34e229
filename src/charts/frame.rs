//! What every chart of the dashboard shares: the title at the top left, a
//! legend under it when there is one, a grid that leaves room for long
//! names, and axes named after what they count.
//!
//! ECharts 5 leaves room for axis labels (`containLabel`) but not for axis
//! names beyond them, nor for a turned first label running off to the left:
//! both are worked out here from an estimate of the labels' width.

use charming::component::{Axis, Grid, Legend, LegendType, Title};
use charming::element::{AxisLabel, AxisType, NameLocation, SplitLine, Tooltip, Trigger};
use charming::Chart;
use serde_json::Value;

use super::finish::label_overflow;

/// Space (px) between the grid and the chart's edges.
pub(crate) const EDGE: i32 = 16;
/// Widest turned category label (px); longer ones end with an ellipsis.
const TURNED_WIDTH: u32 = 110;
/// Widest name (px) down a y axis before it is cut.
const NAME_WIDTH: u32 = 160;
/// Labels turn by this much when they do not fit side by side.
const TURN_DEGREES: f64 = 45.0;
/// Width (px) a plot is assumed to have for laying labels side by side.
const PLOT_WIDTH: f64 = 460.0;
/// Average width (px) of a character of ECharts' 12 px labels, rounded up.
const CHARACTER_WIDTH: f64 = 7.0;
/// Height (px) of a line of 12 px text, and ECharts' gap from axis to label.
const LINE_HEIGHT: f64 = 14.0;
const LABEL_MARGIN: f64 = 8.0;

/// A titled chart with its tooltip, its grid (`left` px from the edge) and,
/// under the title, its legend if it has one.
pub(crate) fn chart(title: &str, trigger: Trigger, legend: Option<Legend>, left: i32) -> Chart {
    let top = if legend.is_some() { 92 } else { 64 };
    let chart = Chart::new()
        .title(Title::new().text(title).left(8).top(4))
        .tooltip(Tooltip::new().trigger(trigger))
        // The bottom axis' name sits under its labels, which the grid contains.
        .grid(Grid::new().left(left).right(24).top(top).bottom(EDGE + 24).contain_label(true));
    match legend {
        Some(legend) => chart.legend(legend.type_(LegendType::Scroll).left(8).top(30)),
        None => chart,
    }
}

/// A legend of every series name; a chart with more than one series has one.
pub(crate) fn legend() -> Legend {
    Legend::new()
}

/// A value axis named `name`.
pub(crate) fn value_axis(name: &str) -> Axis {
    Axis::new().type_(AxisType::Value).name(name)
}

/// A value axis of whole numbers (deals).
pub(crate) fn count_axis(name: &str) -> Axis {
    value_axis(name).min_interval(1)
}

/// A value axis of percentages, 0 to 100.
pub(crate) fn percent_axis(name: &str) -> Axis {
    value_axis(name).min(0).max(100).axis_label(AxisLabel::new().formatter("{value} %"))
}

/// The same, for a second y axis on the right: its grid lines would not
/// line up with the first axis', so it draws none.
pub(crate) fn right_axis(axis: Axis) -> Axis {
    axis.split_line(SplitLine::new().show(false))
}

/// A value axis along the bottom of a horizontal bar chart, named under
/// its labels (at its end, the name would run off the chart).
pub(crate) fn bottom_axis(axis: Axis) -> Axis {
    axis.name_location(NameLocation::Middle).name_gap(LINE_HEIGHT + LABEL_MARGIN + 8.0)
}

/// Categories along the x axis, every one labelled (`interval: 0`): side
/// by side when they fit, else turned, with the axis name under them.
pub(crate) struct CategoryX {
    pub axis: Axis,
    /// The grid's left space, so a turned first label stays on the chart.
    pub left: i32,
    turned: bool,
}

pub(crate) fn category_x(name: &str, labels: Vec<String>) -> CategoryX {
    let widths: Vec<f64> = labels.iter().map(|label| label.chars().count() as f64 * CHARACTER_WIDTH).collect();
    let widest = widths.iter().copied().fold(0.0, f64::max);
    let turned = !labels.is_empty() && widest > PLOT_WIDTH / labels.len() as f64;
    let (turn, sin) = (TURN_DEGREES, TURN_DEGREES.to_radians().sin());
    let label = AxisLabel::new().interval(0);
    let (label, depth, left) = if turned {
        let depth = widest.min(f64::from(TURNED_WIDTH)) * sin + LINE_HEIGHT * sin + LABEL_MARGIN;
        // The first label reaches left of its tick; the value labels and
        // half a band already give it about 30 px.
        let first = widths.first().map_or(0.0, |w| w.min(f64::from(TURNED_WIDTH)) * sin + LABEL_MARGIN);
        (label.rotate(turn), depth, (first - 30.0).max(f64::from(EDGE)))
    } else {
        (label, LINE_HEIGHT + LABEL_MARGIN, f64::from(EDGE))
    };
    let axis = Axis::new()
        .type_(AxisType::Category)
        .name(name)
        .name_location(NameLocation::Middle)
        .name_gap(depth.ceil() + 8.0)
        .axis_label(label)
        .data(labels);
    CategoryX { axis, left: left.ceil() as i32, turned }
}

impl CategoryX {
    /// Cuts turned labels of the finished option with an ellipsis (the
    /// tooltip still shows them whole). Charming has no setter for this.
    pub(crate) fn fit(&self, option: &mut Value) {
        if self.turned {
            label_overflow(option, "/xAxis", TURNED_WIDTH, "truncate");
        }
    }
}

/// Categories down the y axis, the first at the top, every one labelled.
pub(crate) fn category_y_axis(name: &str, labels: Vec<String>) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .name(name)
        // The axis is inverted, so its start is at the top.
        .name_location(NameLocation::Start)
        .inverse(true)
        .axis_label(AxisLabel::new().interval(0))
        .data(labels)
}

/// Cuts long names down the [`category_y_axis`] of a finished option rather
/// than squeeze the bars (the tooltip still shows them whole).
pub(crate) fn fit_y_labels(option: &mut Value) {
    label_overflow(option, "/yAxis", NAME_WIDTH, "truncate");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_do_not_fit_side_by_side_turn_and_push_the_name_down() {
        let few = category_x("Stage", vec!["Demo".into(), "Proposal".into()]);
        assert!(!few.turned);
        assert_eq!(few.left, EDGE);
        let many = category_x("Loss reason", (0..20).map(|i| format!("Reason number {i}")).collect());
        assert!(many.turned);
        assert!(many.left > EDGE, "room for the first turned label");
        let json = |axis: &Axis| serde_json::to_value(axis).unwrap_or_default();
        let (upright, turned) = (json(&few.axis), json(&many.axis));
        assert_eq!(turned["axisLabel"]["rotate"].as_f64(), Some(45.0));
        assert!(upright["axisLabel"].get("rotate").is_none());
        assert!(turned["nameGap"].as_f64() > upright["nameGap"].as_f64(), "the name clears the turned labels");
        assert_eq!(upright["nameLocation"], "middle");
    }
}
