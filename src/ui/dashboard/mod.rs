//! The dashboard's parts; the page puts them together.

mod chart_panel;
mod controls;
mod demo_data;
mod drill_link;
mod headline;
mod insights_list;
mod money_note;
mod report_header;
mod tables;
mod url;

pub use chart_panel::ChartPanel;
pub use controls::DashboardControls;
pub use demo_data::{DemoBanner, EmptyDashboard};
pub use headline::Headline;
pub use insights_list::InsightsList;
pub use money_note::MoneyNote;
pub use report_header::{PrintButton, ReportHeader};
pub use tables::{OwnersTable, SizeBandsTable, TagsTable};
pub use url::use_dashboard_filter;
