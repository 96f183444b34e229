use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use serde_json::Value;

use crate::domain::{Deal, Taxonomy};

use super::repair::{repair, RawData, RawRecord};
use super::{Snapshot, Store, StoreError, SCHEMA_VERSION};

/// A store held in memory, in the same serialised form the browser keeps, so
/// that tests exercise serialisation and repair as well as the app's logic.
#[derive(Default)]
pub struct MemoryStore {
    deals: RefCell<BTreeMap<String, Value>>,
    taxonomy: RefCell<Option<Value>>,
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

    /// Stores a record exactly as given, as an older or damaged build might
    /// have left it.
    pub fn insert_raw_deal(&self, key: &str, record: Value) {
        self.deals.borrow_mut().insert(key.to_owned(), record);
    }

    /// Marks the data as written by another schema, as a newer build would.
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
        let taxonomy = self.taxonomy.borrow().as_ref().map(|value| RawRecord {
            key: "taxonomy".to_owned(),
            decoded: serde_json::from_value(value.clone()).map_err(|e| e.to_string()),
        });
        let mut repaired = repair(RawData { stored_version, deals, taxonomy });

        let write_back = self.check_writable().and_then(|()| {
            let deals: Vec<(String, Value)> = repaired
                .deals_to_write
                .iter()
                .map(|deal| Ok((deal.id.to_string(), Self::encode(deal)?)))
                .collect::<Result<_, StoreError>>()?;
            let taxonomy = repaired.taxonomy_to_write.as_ref().map(Self::encode).transpose()?;
            self.deals.borrow_mut().extend(deals);
            if let Some(taxonomy) = taxonomy {
                *self.taxonomy.borrow_mut() = Some(taxonomy);
            }
            self.stored_version.set(SCHEMA_VERSION);
            Ok(())
        });
        if let Err(error) = write_back {
            repaired.snapshot.report.write_back_problem = Some(error.to_string());
        }
        Ok(repaired.snapshot)
    }

    async fn put_deal(&self, deal: &Deal) -> Result<(), StoreError> {
        self.check_writable()?;
        let record = Self::encode(deal)?;
        self.deals.borrow_mut().insert(deal.id.to_string(), record);
        Ok(())
    }

    async fn put_deals(&self, deals: &[Deal]) -> Result<(), StoreError> {
        self.check_writable()?;
        let records: Vec<(String, Value)> = deals
            .iter()
            .map(|deal| Ok((deal.id.to_string(), Self::encode(deal)?)))
            .collect::<Result<_, StoreError>>()?;
        self.deals.borrow_mut().extend(records);
        Ok(())
    }

    async fn put_taxonomy(&self, taxonomy: &Taxonomy) -> Result<(), StoreError> {
        self.check_writable()?;
        let record = Self::encode(taxonomy)?;
        *self.taxonomy.borrow_mut() = Some(record);
        Ok(())
    }
}
