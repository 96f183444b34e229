use thiserror::Error;

use super::MAX_BACKUP_BYTES;

const MEGABYTE: usize = 1024 * 1024;

/// Why a file could not be read as a backup; each message is meant for the
/// person who picked the file.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BackupError {
    #[error("This file is {} MB; Winloss reads backups of up to {} MB.", .bytes.div_ceil(MEGABYTE), MAX_BACKUP_BYTES / MEGABYTE)]
    TooLarge { bytes: usize },
    #[error("This file is not a Winloss backup: it is damaged or not JSON ({why} at line {line}, column {column}).")]
    NotJson { line: usize, column: usize, why: String },
    #[error("This file is not a Winloss backup.")]
    NotABackup,
    #[error("This backup was made by a newer version of Winloss (schema {found}); this one reads up to schema {supported}. Update the app and try again.")]
    NewerVersion { found: u32, supported: u32 },
    /// The file is a backup, but a part every restore needs is damaged.
    #[error("This backup cannot be used: {0}")]
    Invalid(String),
}
