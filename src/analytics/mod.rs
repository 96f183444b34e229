//! Pure functions from deals to what the screens show.

mod deal_filter;
mod deal_order;

pub use deal_filter::{outcome_key, DealFilter, SortColumn};
pub use deal_order::{display_order, first_in_display_order};
