use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use serde_json::Value;

use crate::domain::{Catalog, Deal};

use super::repair::{repair, RawData, RawRecord};
use super::{Batch, Snapshot, Store, StoreError, SCHEMA_VERSION};

const CATALOG_KEY: &str = "catalog";
const LEGACY_TAXONOMY_KEY: &str = "taxonomy";

/// A store held in memory, in the same serialised form the browser keeps, so
/// that tests exercise serialisation and repair as well as the app's logic.
#[derive(Default)]
pub struct MemoryStore {
    deals: RefCell<BTreeMap<String, Value>>,
    meta: RefCell<BTreeMap<String, Value>>,
    stored_version: Cell<u32>,
    refuse_writes: Cell<bool>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Makes every following write fail as a full disk would, to test that a
    /// failed write changes nothing.
    pub fn refuse_writes(&self, refuse: bool) {
        self.refuse_writes.set(refuse);
    }

    /// Stores a deal record exactly as given, as an older or damaged build
    /// might have left it.
    pub fn insert_raw_deal(&self, key: &str, record: Value) {
        self.deals.borrow_mut().insert(key.to_owned(), record);
    }

    /// Stores a settings record (`catalog`, or an older build's `taxonomy`) as given.
    pub fn insert_raw_meta(&self, key: &str, record: Value) {
        self.meta.borrow_mut().insert(key.to_owned(), record);
    }

    /// Marks the data as written by another schema, as another build would.
    pub fn set_stored_version(&self, version: u32) {
        self.stored_version.set(version);
    }

    pub fn raw_deal(&self, key: &str) -> Option<Value> {
        self.deals.borrow().get(key).cloned()
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        if self.refuse_writes.get() {
            Err(StoreError::QuotaExceeded("the in-memory store was told to refuse writes".into()))
        } else {
            Ok(())
        }
    }

    fn encode<T: serde::Serialize>(value: &T) -> Result<Value, StoreError> {
        serde_json::to_value(value).map_err(|e| StoreError::WriteFailed(e.to_string()))
    }

    fn raw_meta<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<RawRecord<T>> {
        self.meta.borrow().get(key).map(|value| RawRecord {
            key: key.to_owned(),
            decoded: serde_json::from_value(value.clone()).map_err(|e| e.to_string()),
        })
    }
}

impl Store for MemoryStore {
    fn schema_version(&self) -> u32 {
        self.stored_version.get()
    }

    async fn load(&self) -> Result<Snapshot, StoreError> {
        let stored_version = self.stored_version.get();
        if stored_version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { found: stored_version, known: SCHEMA_VERSION });
        }
        let deals = self
            .deals
            .borrow()
            .iter()
            .map(|(key, value)| RawRecord {
                key: key.clone(),
                decoded: serde_json::from_value(value.clone()).map_err(|e| e.to_string()),
            })
            .collect();
        let mut repaired = repair(RawData {
            stored_version,
            deals,
            catalog: self.raw_meta(CATALOG_KEY),
            legacy_taxonomy: self.raw_meta(LEGACY_TAXONOMY_KEY),
        });

        let write_back = Batch {
            deals: std::mem::take(&mut repaired.deals_to_write),
            deletions: Vec::new(),
            catalog: repaired.catalog_to_write.take(),
        };
        match self.commit(&write_back).await {
            Ok(()) => self.stored_version.set(SCHEMA_VERSION),
            Err(error) => repaired.snapshot.report.write_back_problem = Some(error.to_string()),
        }
        Ok(repaired.snapshot)
    }

    async fn put_deal(&self, deal: &Deal) -> Result<(), StoreError> {
        self.commit(&Batch { deals: vec![deal.clone()], ..Batch::default() }).await
    }

    async fn put_deals(&self, deals: &[Deal]) -> Result<(), StoreError> {
        self.commit(&Batch { deals: deals.to_vec(), ..Batch::default() }).await
    }

    async fn commit(&self, batch: &Batch) -> Result<(), StoreError> {
        self.check_writable()?;
        // Encode everything first, so that a failure changes nothing.
        let mut records = Vec::with_capacity(batch.deals.len() + batch.deletions.len());
        for deal in &batch.deals {
            records.push((deal.id.to_string(), Self::encode(deal)?));
        }
        for tombstone in &batch.deletions {
            records.push((tombstone.id.to_string(), Self::encode(tombstone)?));
        }
        let catalog = batch.catalog.as_ref().map(Self::encode).transpose()?;
        self.deals.borrow_mut().extend(records);
        if let Some(catalog) = catalog {
            self.meta.borrow_mut().insert(CATALOG_KEY.to_owned(), catalog);
        }
        Ok(())
    }

    async fn replace_all(&self, deals: &[Deal], catalog: &Catalog) -> Result<(), StoreError> {
        self.check_writable()?;
        let records = deals.iter().map(|deal| Ok((deal.id.to_string(), Self::encode(deal)?))).collect::<Result<BTreeMap<_, _>, StoreError>>()?;
        let catalog = Self::encode(catalog)?;
        *self.deals.borrow_mut() = records;
        let mut meta = self.meta.borrow_mut();
        meta.remove(LEGACY_TAXONOMY_KEY);
        meta.insert(CATALOG_KEY.to_owned(), catalog);
        Ok(())
    }
}
