use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Catalog, Deal};
use crate::storage::SCHEMA_VERSION;

/// What the `format` field of every backup says, so that a backup is told
/// apart from any other JSON file.
pub const BACKUP_FORMAT: &str = "winloss-backup";

/// Everything a workspace holds, in one file: the catalog (reasons and
/// categories with their merge log, owners, competitors, stages, settings
/// and exchange rates) and every deal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// Always [`BACKUP_FORMAT`].
    pub format: String,
    /// The storage schema the deals and catalog are written in.
    pub schema_version: u32,
    pub exported_at: DateTime<Utc>,
    pub catalog: Catalog,
    pub deals: Vec<Deal>,
}

/// [`Backup`] by reference, so that writing a backup of many deals does not
/// copy them first. Same fields, same order.
#[derive(Serialize)]
struct BackupView<'a> {
    format: &'a str,
    schema_version: u32,
    exported_at: DateTime<Utc>,
    catalog: &'a Catalog,
    deals: &'a [Deal],
}

/// The backup file's text, in the current schema.
pub fn write_backup(deals: &[Deal], catalog: &Catalog, now: DateTime<Utc>) -> String {
    let view = BackupView { format: BACKUP_FORMAT, schema_version: SCHEMA_VERSION, exported_at: now, catalog, deals };
    // Every field is a string, number, list or record with string keys, the
    // only things JSON can fail on, so this cannot fail.
    serde_json::to_string(&view).expect("a backup is plain JSON")
}
