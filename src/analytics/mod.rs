//! Pure functions from deals to what the screens show.

mod dashboard;
mod dashboard_filter;
mod deal_filter;
mod deal_order;
mod drill;
mod facts;
mod figures;
mod insights;
mod pareto;
mod period;
mod rate;
mod size_bands;
mod tally;

pub use dashboard::Dashboard;
pub use dashboard_filter::{DashboardFilter, Measure, OUTCOME_KINDS};
pub use deal_filter::{outcome_key, DealFilter, Missing, SortColumn, COMPETITION_CATEGORY};
pub use drill::{drill_down, Drill};
pub use deal_order::{display_order, first_in_display_order};
pub use facts::Facts;
pub use figures::{
    CategoryFigure, CategoryInfo, CompetitorFigure, MoneyCoverage, OwnerFigure, ReasonFigure, SalesCycle, SizeBand, StageFigure,
    Summary, TagFigure, TrackingHealth, Trend, TrendStep,
};
pub use insights::{insights, Insight, MIN_SAMPLE};
pub use pareto::{pareto, ParetoRow};
pub use period::{Grain, Period, PeriodChoice};
pub use rate::{differs, Estimate, Rate, ValueRate};
pub use tally::{Counts, Tally};
