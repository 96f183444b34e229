use chrono::NaiveDate;

use crate::analytics::{drill_down, DashboardFilter, Drill};

use super::super::filters::deal_list_href;

/// The deal list showing the deals behind `drill`.
pub fn drill_href(filter: &DashboardFilter, today: NaiveDate, drill: &Drill) -> String {
    deal_list_href(&drill_down(filter, today, drill))
}
