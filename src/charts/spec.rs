//! What a chart builder hands the UI: the ECharts option, a title that is
//! also the chart's accessible name, and what each bar or point drills into.

use serde_json::Value;

use crate::analytics::Drill;

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Also the accessible name of the chart.
    pub title: String,
    /// The full ECharts option, ready for `setOption`.
    pub option: Value,
    /// `drills[series_index][data_index]`: what a click on that bar or point
    /// opens. Each row has exactly one entry per data item of its series, so
    /// a chart with nothing to draw has only empty rows.
    pub drills: Vec<Vec<Option<Drill>>>,
}

impl ChartSpec {
    /// What a click on data item `data` of series `series` opens, as
    /// ECharts reports them (`seriesIndex`, `dataIndex`).
    pub fn drill(&self, series: usize, data: usize) -> Option<&Drill> {
        self.drills.get(series)?.get(data)?.as_ref()
    }

    /// The option as JSON text. Plain JSON: user text stays a JSON string,
    /// which charming's own `to_string` would not guarantee (it turns
    /// marked strings into raw JavaScript).
    pub fn option_json(&self) -> String {
        self.option.to_string()
    }

    /// Nothing to draw: the UI shows a sentence instead of an empty grid.
    pub fn is_empty(&self) -> bool {
        self.drills.iter().all(Vec::is_empty)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use serde_json::json;

    use super::*;
    use crate::analytics::Period;

    #[test]
    fn drills_are_looked_up_by_series_then_data_index() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).expect("date");
        let step = Period { from: day(1), to: day(31) };
        let spec = ChartSpec {
            title: "t".into(),
            option: json!({"title": {"text": "t"}}),
            drills: vec![vec![None, Some(Drill::MissingReason)], vec![Some(Drill::TrendStep(step))]],
        };
        assert_eq!(spec.drill(0, 1), Some(&Drill::MissingReason));
        assert_eq!(spec.drill(1, 0), Some(&Drill::TrendStep(step)));
        assert_eq!(spec.drill(0, 0), None, "an item that opens nothing");
        assert_eq!(spec.drill(0, 2), None, "past the data");
        assert_eq!(spec.drill(2, 0), None, "past the series");
        assert!(!spec.is_empty());
        assert_eq!(spec.option_json(), r#"{"title":{"text":"t"}}"#);
        let empty = ChartSpec { drills: vec![Vec::new(), Vec::new()], ..spec };
        assert!(empty.is_empty());
    }
}
