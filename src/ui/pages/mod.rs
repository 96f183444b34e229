//! One component per route.

mod dashboard_page;
mod data_page;
mod deal_page;
mod deals_page;
mod settings_page;

pub use dashboard_page::DashboardPage;
pub use data_page::DataPage;
pub use deal_page::DealPage;
pub use deals_page::DealsPage;
pub use settings_page::SettingsPage;
