use std::cell::{Cell, RefCell};
use std::rc::Rc;

use idb::{Database, Factory, KeyPath, ObjectStoreParams, TransactionMode, TransactionResult};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbTransaction};

use crate::domain::{Catalog, Deal, Taxonomy};

use super::chunks::{decode_chunk, encode_chunks};
use super::repair::{repair, RawData, RawRecord, StoredDeal};
use super::{Batch, Snapshot, Store, StoreError, SCHEMA_VERSION};

const DEALS: &str = "deals";
const DEAL_CHUNKS: &str = "deal_chunks";
const META: &str = "meta";
/// Deals saved one by one are folded into chunks once there are this many.
const COMPACT_AFTER: usize = 1_000;
/// Above this many deals, a commit writes them as chunks rather than one record each.
const BULK_FROM: usize = 100;
const CATALOG_KEY: &str = "catalog";
/// Where schemas 1 and 2 kept the reason list; read once to migrate it.
const LEGACY_TAXONOMY_KEY: &str = "taxonomy";

/// The browser's IndexedDB. Deals written in bulk live in `deal_chunks` (see
/// `chunks.rs`); deals saved one at a time go to `deals`, one record each,
/// keyed by id, so closing a deal writes one small record. Loading merges
/// both (the newer copy wins) and, once `deals` grows past
/// [`COMPACT_AFTER`], folds everything back into chunks. A deleted deal
/// leaves a tombstone in `deals` until then. The catalog (reasons, lists,
/// settings) is one record in `meta`. The database version is the schema
/// version.
pub struct IndexedDbStore {
    database: Database,
    /// The same connection, for what the `idb` crate does not offer.
    connection: IdbDatabase,
    /// Tells other tabs after each committed write; IndexedDB has no change
    /// events of its own. A channel does not hear its own messages.
    changes: Option<web_sys::BroadcastChannel>,
    /// Version found before this visit opened (and perhaps upgraded) it.
    opened_from: u32,
}

impl IndexedDbStore {
    /// Opens (creating or upgrading as needed) the database called `name`.
    pub async fn open(name: &str) -> Result<IndexedDbStore, StoreError> {
        let factory = Factory::new().map_err(|e| StoreError::Unavailable(describe(&e)))?;
        let mut request = factory
            .open(name, Some(SCHEMA_VERSION))
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;

        let opened_from = Rc::new(Cell::new(SCHEMA_VERSION));
        let upgrade_problem: Rc<RefCell<Option<String>>> = Rc::default();
        {
            let opened_from = Rc::clone(&opened_from);
            let upgrade_problem = Rc::clone(&upgrade_problem);
            request.on_upgrade_needed(move |event| {
                let outcome = event.old_version().and_then(|old| {
                    opened_from.set(old);
                    let database = idb::DatabaseEvent::database(&event)?;
                    upgrade(&database, old)
                });
                if let Err(error) = outcome {
                    *upgrade_problem.borrow_mut() = Some(describe(&error));
                }
            });
        }

        let database = match request.await {
            Ok(database) => database,
            Err(error) if dom_exception_name(&error).as_deref() == Some("VersionError") => {
                return Err(StoreError::NewerSchema { found: current_version(&factory, name).await, known: SCHEMA_VERSION });
            }
            Err(error) => {
                let problem = upgrade_problem.borrow().clone().unwrap_or_else(|| describe(&error));
                return Err(StoreError::Unavailable(problem));
            }
        };
        let connection = IdbDatabase::from(database);
        // A newer build in another tab needs this connection closed to upgrade.
        let close_for_upgrade = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
            if let Some(connection) = event.target().and_then(|target| target.dyn_into::<IdbDatabase>().ok()) {
                connection.close();
            }
        });
        connection.set_onversionchange(Some(close_for_upgrade.as_ref().unchecked_ref()));
        // Lives as long as the connection, which the page keeps open.
        close_for_upgrade.forget();
        let database = Database::from(connection.clone());

        let changes = web_sys::BroadcastChannel::new(&format!("{name}-changes")).ok();
        Ok(IndexedDbStore { database, connection, changes, opened_from: opened_from.get() })
    }

    /// Calls `on_change` whenever another tab commits a change to this database.
    pub fn on_external_change(&self, on_change: impl Fn() + 'static) {
        if let Some(channel) = &self.changes {
            let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| on_change());
            channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            // The store lives as long as the page, and so must its listener.
            listener.forget();
        }
    }

    /// Releases the connection; later calls fail with an error.
    pub fn close(&self) {
        self.database.close();
    }

    /// Runs `fill` in one read-write transaction and waits until it is
    /// committed. Durability is "relaxed" (Firefox's and Safari's default):
    /// the change survives a crash of the tab or the browser, and the commit
    /// does not wait for the disk to flush, which costs several milliseconds
    /// on every close.
    async fn write(&self, stores: &[&str], fill: impl FnOnce(&idb::Transaction) -> Result<(), idb::Error>) -> Result<(), StoreError> {
        let names: js_sys::Array = stores.iter().map(|name| JsValue::from_str(name)).collect();
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &JsValue::from_str("durability"), &JsValue::from_str("relaxed"))
            .map_err(|error| StoreError::WriteFailed(format!("{error:?}")))?;
        let transaction = self
            .connection
            .unchecked_ref::<DatabaseWithOptions>()
            .transaction_with_options(&names, "readwrite", &options)
            .map(idb::Transaction::from)
            .map_err(|error| write_error(idb::Error::TransactionOpenFailed(error)))?;
        if let Err(error) = fill(&transaction) {
            // Aborting rolls back whatever part of `fill` already ran.
            let _ = transaction.abort();
            return Err(write_error(error));
        }
        match transaction.await.map_err(write_error)? {
            TransactionResult::Committed => {
                if let Some(channel) = &self.changes {
                    // Other tabs only miss a refresh if this fails; the data is saved.
                    let _ = channel.post_message(&JsValue::from_str("changed"));
                }
                Ok(())
            }
            TransactionResult::Aborted => Err(StoreError::WriteFailed("the browser cancelled the change".into())),
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase` seen through the three-argument form of
    /// `transaction`, which web-sys only offers behind its unstable-API flag.
    #[wasm_bindgen(js_name = IDBDatabase)]
    type DatabaseWithOptions;

    #[wasm_bindgen(catch, method, js_name = transaction)]
    fn transaction_with_options(
        this: &DatabaseWithOptions,
        stores: &js_sys::Array,
        mode: &str,
        options: &js_sys::Object,
    ) -> Result<IdbTransaction, JsValue>;
}

fn upgrade(database: &Database, old_version: u32) -> Result<(), idb::Error> {
    if old_version < 1 {
        let mut deals = ObjectStoreParams::new();
        deals.key_path(Some(KeyPath::new_single("id")));
        database.create_object_store(DEALS, deals)?;
        database.create_object_store(META, ObjectStoreParams::new())?;
    }
    // Version 3 changed records, not stores: see `repair.rs`.
    if old_version < 2 {
        // Version 1 kept every deal in `deals`; those records stay valid as
        // they are, so nothing is moved.
        let mut chunks = ObjectStoreParams::new();
        chunks.auto_increment(true);
        database.create_object_store(DEAL_CHUNKS, chunks)?;
    }
    Ok(())
}

async fn current_version(factory: &Factory, name: &str) -> u32 {
    match factory.open(name, None) {
        Ok(request) => match request.await {
            Ok(database) => {
                let version = database.version().unwrap_or(0);
                database.close();
                version
            }
            Err(_) => 0,
        },
        Err(_) => 0,
    }
}

fn put_chunks(chunk_store: &idb::ObjectStore, deals: &[Deal]) -> Result<(), idb::Error> {
    let chunks = encode_chunks(deals).map_err(|problem| idb::Error::UnexpectedJsType("serialisable deals", JsValue::from_str(&problem)))?;
    for chunk in chunks {
        chunk_store.put(&js_sys::Uint8Array::from(chunk.as_slice()).into(), None)?;
    }
    Ok(())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, idb::Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| idb::Error::UnexpectedJsType("serialisable record", error.into()))
}

fn dom_exception_name(error: &idb::Error) -> Option<String> {
    match error {
        idb::Error::DomException(exception) => Some(exception.name()),
        _ => error_payload(error)
            .and_then(|value| value.dyn_into::<web_sys::DomException>().ok())
            .map(|exception| exception.name()),
    }
}

/// The JavaScript value most idb errors carry, usually a `DOMException`.
fn error_payload(error: &idb::Error) -> Option<JsValue> {
    use idb::Error::*;
    match error {
        AddFailed(v) | ClearFailed(v) | DeleteFailed(v) | GetAllFailed(v) | GetAllKeysFailed(v) | GetFailed(v)
        | IndexedDbOpenFailed(v) | ObjectStoreCreateFailed(v) | ObjectStoreNotFound(v) | RequestErrorNotFound(v)
        | TransactionAbortError(v) | TransactionCommitError(v) | TransactionOpenFailed(v) | UpdateFailed(v)
        | UnexpectedJsType(_, v) | IndexedDbNotFound(v) => Some(v.clone()),
        _ => None,
    }
}

fn describe(error: &idb::Error) -> String {
    let detail = error_payload(error).and_then(|value| {
        value
            .dyn_ref::<web_sys::DomException>()
            .map(|exception| exception.message())
            .or_else(|| value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
            .or_else(|| value.as_string())
    });
    match (dom_exception_name(error), detail) {
        (_, Some(detail)) if !detail.is_empty() => detail,
        (Some(name), _) => name,
        _ => error.to_string(),
    }
}

fn write_error(error: idb::Error) -> StoreError {
    if dom_exception_name(&error).as_deref() == Some("QuotaExceededError") {
        StoreError::QuotaExceeded(describe(&error))
    } else {
        StoreError::WriteFailed(describe(&error))
    }
}

fn read_error(error: idb::Error) -> StoreError {
    StoreError::ReadFailed(describe(&error))
}

impl Store for IndexedDbStore {
    fn schema_version(&self) -> u32 {
        self.database.version().unwrap_or(0)
    }

    async fn load(&self) -> Result<Snapshot, StoreError> {
        let transaction = self
            .database
            .transaction(&[DEALS, DEAL_CHUNKS, META], TransactionMode::ReadOnly)
            .map_err(read_error)?;
        let chunk_store = transaction.object_store(DEAL_CHUNKS).map_err(read_error)?;
        let chunk_keys = chunk_store.get_all_keys(None, None).map_err(read_error)?.await.map_err(read_error)?;
        let chunk_values = chunk_store.get_all(None, None).map_err(read_error)?.await.map_err(read_error)?;
        let deals_store = transaction.object_store(DEALS).map_err(read_error)?;
        let deal_keys = deals_store.get_all_keys(None, None).map_err(read_error)?.await.map_err(read_error)?;
        let deal_values = deals_store.get_all(None, None).map_err(read_error)?.await.map_err(read_error)?;
        let meta = transaction.object_store(META).map_err(read_error)?;
        let catalog_value = meta.get(JsValue::from_str(CATALOG_KEY)).map_err(read_error)?.await.map_err(read_error)?;
        let legacy_value = meta.get(JsValue::from_str(LEGACY_TAXONOMY_KEY)).map_err(read_error)?.await.map_err(read_error)?;
        transaction.await.map_err(read_error)?;

        // Chunks first, then single records: on equal update times the later copy wins.
        let mut records = Vec::with_capacity(chunk_values.len() * super::chunks::CHUNK_SIZE + deal_values.len());
        let mut readable_chunks = Vec::new();
        for (key, value) in chunk_keys.into_iter().zip(chunk_values) {
            let decoded = value
                .dyn_into::<js_sys::Uint8Array>()
                .map_err(|_| "a stored chunk of deals is not a byte array".to_owned())
                .and_then(|bytes| decode_chunk(&bytes.to_vec()));
            match decoded {
                Ok(deals) => {
                    readable_chunks.push(key);
                    records.extend(deals.into_iter().map(|deal| RawRecord {
                        key: deal.id.clone().unwrap_or_default(),
                        decoded: Ok(deal),
                    }));
                }
                Err(problem) => records.push(RawRecord { key: format!("chunk {key:?}"), decoded: Err(problem) }),
            }
        }
        let mut readable_singles = Vec::new();
        for (key, value) in deal_keys.into_iter().zip(deal_values) {
            let decoded = serde_wasm_bindgen::from_value::<StoredDeal>(value).map_err(|e| e.to_string());
            if decoded.is_ok() {
                readable_singles.push(key.clone());
            }
            records.push(RawRecord { key: key.as_string().unwrap_or_else(|| format!("{key:?}")), decoded });
        }
        let catalog = catalog_value.map(|value| RawRecord {
            key: CATALOG_KEY.to_owned(),
            decoded: serde_wasm_bindgen::from_value::<Catalog>(value).map_err(|e| e.to_string()),
        });
        let legacy_taxonomy = legacy_value.map(|value| RawRecord {
            key: LEGACY_TAXONOMY_KEY.to_owned(),
            decoded: serde_wasm_bindgen::from_value::<Taxonomy>(value).map_err(|e| e.to_string()),
        });

        let mut repaired = repair(RawData { stored_version: self.opened_from, deals: records, catalog, legacy_taxonomy });
        let compact = readable_singles.len() >= COMPACT_AFTER || !repaired.deals_to_write.is_empty();
        if compact || repaired.catalog_to_write.is_some() {
            let catalog_to_write = &repaired.catalog_to_write;
            let deals = &repaired.snapshot.deals;
            let written = self
                .write(&[DEALS, DEAL_CHUNKS, META], |transaction| {
                    if compact {
                        // Only what was read successfully is replaced; an
                        // unreadable record stays exactly as it was.
                        let chunk_store = transaction.object_store(DEAL_CHUNKS)?;
                        for key in &readable_chunks {
                            chunk_store.delete(key.clone())?;
                        }
                        let deals_store = transaction.object_store(DEALS)?;
                        for key in &readable_singles {
                            deals_store.delete(key.clone())?;
                        }
                        put_chunks(&chunk_store, deals)?;
                    }
                    if let Some(catalog) = catalog_to_write {
                        transaction.object_store(META)?.put(&to_js(catalog)?, Some(&JsValue::from_str(CATALOG_KEY)))?;
                    }
                    Ok(())
                })
                .await;
            if let Err(error) = written {
                repaired.snapshot.report.write_back_problem = Some(error.to_string());
            }
        }
        Ok(repaired.snapshot)
    }

    async fn put_deals(&self, deals: &[Deal]) -> Result<(), StoreError> {
        self.write(&[DEAL_CHUNKS], |transaction| put_chunks(&transaction.object_store(DEAL_CHUNKS)?, deals))
            .await
    }

    async fn put_deal(&self, deal: &Deal) -> Result<(), StoreError> {
        self.write(&[DEALS], |transaction| {
            transaction.object_store(DEALS)?.put(&to_js(deal)?, None)?;
            Ok(())
        })
        .await
    }

    async fn commit(&self, batch: &Batch) -> Result<(), StoreError> {
        self.write(&[DEALS, DEAL_CHUNKS, META], |transaction| {
            let deals_store = transaction.object_store(DEALS)?;
            // An import or a merge writes thousands of deals: as chunks, like
            // `put_deals`; a close or a reason merge stays a few small records.
            if batch.deals.len() > BULK_FROM {
                put_chunks(&transaction.object_store(DEAL_CHUNKS)?, &batch.deals)?;
            } else {
                for deal in &batch.deals {
                    deals_store.put(&to_js(deal)?, None)?;
                }
            }
            for tombstone in &batch.deletions {
                deals_store.put(&to_js(tombstone)?, None)?;
            }
            if let Some(catalog) = &batch.catalog {
                transaction.object_store(META)?.put(&to_js(catalog)?, Some(&JsValue::from_str(CATALOG_KEY)))?;
            }
            Ok(())
        })
        .await
    }

    async fn replace_all(&self, deals: &[Deal], catalog: &Catalog) -> Result<(), StoreError> {
        self.write(&[DEALS, DEAL_CHUNKS, META], |transaction| {
            transaction.object_store(DEALS)?.clear()?;
            let chunk_store = transaction.object_store(DEAL_CHUNKS)?;
            chunk_store.clear()?;
            put_chunks(&chunk_store, deals)?;
            let meta = transaction.object_store(META)?;
            meta.delete(JsValue::from_str(LEGACY_TAXONOMY_KEY))?;
            meta.put(&to_js(catalog)?, Some(&JsValue::from_str(CATALOG_KEY)))?;
            Ok(())
        })
        .await
    }
}
