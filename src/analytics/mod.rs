//! Pure functions from deals to what the screens show.

mod deal_order;

pub use deal_order::{display_order, first_in_display_order};
