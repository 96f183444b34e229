//! Where deals and the reason list live between visits.
//!
//! Every backend implements [`Store`]; whatever it reads passes through
//! [`repair::repair`] before the app sees it.

// Only the IndexedDB backend stores chunks.
#[cfg(any(target_arch = "wasm32", test))]
mod chunks;
mod error;
mod memory;
pub mod repair;

#[cfg(target_arch = "wasm32")]
mod indexed_db;

pub use error::StoreError;
#[cfg(target_arch = "wasm32")]
pub use indexed_db::IndexedDbStore;
pub use memory::MemoryStore;
pub use repair::{RepairReport, Snapshot, Tombstone};

use crate::domain::{Catalog, Deal};

/// The schema this build reads and writes. Bump it together with a step in
/// [`repair::repair`] and, for IndexedDB, in the upgrade handler.
pub const SCHEMA_VERSION: u32 = 3;

/// Changes saved together, all or none: a merge of reasons remaps deals and
/// changes the catalog in one go.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub deals: Vec<Deal>,
    pub deletions: Vec<Tombstone>,
    pub catalog: Option<Catalog>,
}

/// Durable storage for one user's data. Each call is one transaction: it
/// either completes or leaves the stored data as it was.
///
/// Futures are not `Send`: the app is single-threaded in the browser.
#[allow(async_fn_in_trait)]
pub trait Store {
    /// The schema version of the data as stored now.
    fn schema_version(&self) -> u32;

    /// Everything stored, migrated and repaired.
    async fn load(&self) -> Result<Snapshot, StoreError>;

    /// Inserts or replaces one deal.
    async fn put_deal(&self, deal: &Deal) -> Result<(), StoreError>;

    /// Inserts or replaces many deals at once, all or none.
    async fn put_deals(&self, deals: &[Deal]) -> Result<(), StoreError>;

    /// Saves deals, deletions and the catalog in one transaction.
    async fn commit(&self, batch: &Batch) -> Result<(), StoreError>;

    /// Replaces every deal and the catalog in one transaction: restoring a
    /// backup. Older copies of a deal must not outlive it, which a
    /// [`Batch`] cannot promise (the newest copy of a deal wins on load).
    async fn replace_all(&self, deals: &[Deal], catalog: &Catalog) -> Result<(), StoreError>;
}
