//! Full backups as one JSON file: writing, reading every earlier schema, restoring and merging.
//!
//! A backup holds the catalog and every deal in the storage schema. Reading
//! one runs the deals through the same migration and repair as stored data
//! ([`crate::storage::repair`]), so a backup from any earlier schema loads.

mod backup_error;
mod backup_file;
mod catalog_merge;
mod deal_records;
mod id_map;
mod merge;
mod merge_report;
mod read_backup;
mod reminder;
mod restore_summary;

pub use backup_error::BackupError;
pub use backup_file::{write_backup, Backup, BACKUP_FORMAT};
pub use merge::{merge, Merged};
pub use merge_report::MergeReport;
pub use read_backup::{read_backup, LoadedBackup, MAX_BACKUP_BYTES};
pub use reminder::{backup_reminder, ReminderRule};
pub use restore_summary::{restore_summary, RestoreSummary};
