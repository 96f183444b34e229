//! Deals in and out of the app: CSV exports from CRMs, CSV and JSON exports,
//! backups and their merge. Pure Rust: bytes in, domain values out.

pub mod backup;
pub mod export_csv;
pub mod formula;
pub mod import;
pub mod setup;
mod wording;
