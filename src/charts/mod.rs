//! Pure builders from dashboard figures to ECharts options (through
//! `charming`), tested natively against the option JSON.

mod competitors;
mod finish;
mod frame;
mod owners;
mod palette;
mod pareto;
mod reasons_over_time;
mod spec;
mod stages;
mod trend;
mod units;

#[cfg(test)]
mod every_chart;
#[cfg(test)]
mod fixture;

pub use competitors::competitors_head_to_head;
pub use owners::owners_win_rate;
pub use palette::{category_colour, LOST_COLOUR, WON_COLOUR};
pub use pareto::{loss_pareto, win_reasons};
pub use reasons_over_time::reasons_over_time;
pub use spec::ChartSpec;
pub use stages::stage_at_loss;
pub use trend::win_rate_trend;
