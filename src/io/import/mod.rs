//! Reading CSV exports from CRMs and spreadsheets into deals.

mod row;

pub use row::Row;
