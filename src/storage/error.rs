use thiserror::Error;

/// Why storage failed, worded for the person using the app. After any of
/// these the stored data is as it was before the failed call.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    #[error("This browser offers no storage for Winloss (IndexedDB is unavailable; private windows sometimes block it): {0}")]
    Unavailable(String),
    #[error("Winloss is open in another tab with an older version. Close the other tabs, then reload this one.")]
    Blocked,
    #[error("The saved data comes from a newer version of Winloss (schema {found}; this page knows {known}). Reload to get the newer version; nothing was changed.")]
    NewerSchema { found: u32, known: u32 },
    #[error("The browser's storage is full, so this change was not saved: {0}")]
    QuotaExceeded(String),
    #[error("This change could not be saved: {0}")]
    WriteFailed(String),
    #[error("The saved data could not be read: {0}")]
    ReadFailed(String),
}
