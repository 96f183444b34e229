//! The IndexedDB store in a real browser: what it writes survives closing and
//! reopening, it reports its schema version, and it refuses data it cannot
//! understand without touching it.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, NaiveDate};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use winloss::domain::{Catalog, Currency, Deal, DealId, Money, Outcome, ReasonId, Taxonomy};
use winloss::storage::{Batch, IndexedDbStore, Store, StoreError, Tombstone, SCHEMA_VERSION};

wasm_bindgen_test_configure!(run_in_browser);

/// Each test gets its own database, so tests cannot see each other's data.
fn database_name(test: &str) -> String {
    format!("winloss-test-{test}-{}", js_sys::Math::random())
}

fn deal(id: &str, outcome: Outcome, reason: Option<&str>) -> Deal {
    let created = NaiveDate::from_ymd_opt(2026, 9, 1).expect("valid date");
    let updated = DateTime::from_timestamp_millis(1_764_000_000_000).expect("valid time");
    Deal {
        account: "Initech".into(),
        amount: Some(Money { minor: 1_234_500, currency: Currency::parse("EUR").expect("valid code") }),
        close_date: NaiveDate::from_ymd_opt(2026, 11, 30),
        outcome,
        reason: reason.map(ReasonId::new),
        notes: "Line one\nline two".into(),
        ..Deal::new_open(DealId::new(id), format!("Deal {id} <b>not bold</b>"), created, updated)
    }
}

#[wasm_bindgen_test]
async fn a_new_database_reports_the_current_schema_and_the_standard_catalog() {
    let store = IndexedDbStore::open(&database_name("new")).await.expect("opens");
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    let snapshot = store.load().await.expect("loads");
    assert!(snapshot.deals.is_empty());
    assert_eq!(snapshot.catalog, Catalog::standard());
}

#[wasm_bindgen_test]
async fn deals_written_read_back_identical_after_reopening() {
    let name = database_name("reopen");
    let lost = deal("a", Outcome::Lost, Some("lost-too-expensive"));
    let open = deal("b", Outcome::Open, None);
    {
        let store = IndexedDbStore::open(&name).await.expect("opens");
        store.load().await.expect("loads");
        store.put_deal(&lost).await.expect("writes");
        store.put_deal(&open).await.expect("writes");
        store.close();
    }
    let reopened = IndexedDbStore::open(&name).await.expect("reopens");
    assert_eq!(reopened.schema_version(), SCHEMA_VERSION);
    let mut deals = reopened.load().await.expect("loads").deals;
    deals.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(deals, vec![lost, open]);
}

#[wasm_bindgen_test]
async fn a_catalog_change_and_remapped_deals_are_saved_together() {
    let name = database_name("catalog");
    let mut catalog = Catalog::standard();
    let lost = deal("a", Outcome::Lost, Some("lost-no-budget"));
    let now = lost.updated_at + chrono::Duration::seconds(1);
    let remapped = catalog
        .taxonomy
        .merge_reason(&ReasonId::new("lost-no-budget"), &ReasonId::new("lost-too-expensive"), std::slice::from_ref(&lost), now)
        .expect("merges");
    {
        let store = IndexedDbStore::open(&name).await.expect("opens");
        store.load().await.expect("loads");
        store.put_deal(&lost).await.expect("writes");
        store.commit(&Batch { deals: remapped.clone(), catalog: Some(catalog.clone()), ..Batch::default() }).await.expect("commits");
        store.close();
    }
    let reopened = IndexedDbStore::open(&name).await.expect("reopens");
    let snapshot = reopened.load().await.expect("loads");
    assert_eq!(snapshot.catalog, catalog);
    assert_eq!(snapshot.deals, remapped);
}

#[wasm_bindgen_test]
async fn a_deleted_deal_stays_deleted_after_reopening_even_from_a_chunk() {
    let name = database_name("delete");
    let bulk: Vec<Deal> = (0..10).map(numbered).collect();
    {
        let store = IndexedDbStore::open(&name).await.expect("opens");
        store.load().await.expect("loads");
        store.put_deals(&bulk).await.expect("writes in bulk");
        let gone = Tombstone::new(bulk[3].id.clone(), bulk[3].updated_at + chrono::Duration::seconds(1));
        store.commit(&Batch { deletions: vec![gone], ..Batch::default() }).await.expect("deletes");
        store.close();
    }
    let reopened = IndexedDbStore::open(&name).await.expect("reopens");
    let ids: Vec<String> = reopened.load().await.expect("loads").deals.into_iter().map(|d| d.id.to_string()).collect();
    assert_eq!(ids.len(), 9);
    assert!(!ids.contains(&bulk[3].id.to_string()));
}

#[wasm_bindgen_test]
async fn a_write_that_fails_reports_an_error_and_changes_nothing() {
    let name = database_name("refused");
    let store = IndexedDbStore::open(&name).await.expect("opens");
    store.load().await.expect("loads");
    let kept = deal("kept", Outcome::Open, None);
    store.put_deal(&kept).await.expect("writes");
    // As when the browser closes the connection (storage cleared, upgrade elsewhere).
    store.close();
    let batch = Batch { deals: vec![deal("new", Outcome::Open, None)], catalog: Some(Catalog::standard()), ..Batch::default() };
    match store.commit(&batch).await {
        Err(StoreError::WriteFailed(message)) => assert!(!message.is_empty()),
        other => panic!("expected a write failure, got {other:?}"),
    }
    let reopened = IndexedDbStore::open(&name).await.expect("reopens");
    let ids: Vec<String> = reopened.load().await.expect("loads").deals.into_iter().map(|d| d.id.to_string()).collect();
    assert_eq!(ids, vec!["kept".to_owned()]);
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_reported_and_kept() {
    let name = database_name("damaged");
    let store = IndexedDbStore::open(&name).await.expect("opens");
    store.put_deal(&deal("good", Outcome::Open, None)).await.expect("writes");
    store.close();

    // Write a record this version cannot read, as a bug or another tool might.
    let factory = idb::Factory::new().expect("factory");
    let database = factory.open(&name, None).expect("request").await.expect("opens raw");
    let transaction = database.transaction(&["deals"], idb::TransactionMode::ReadWrite).expect("transaction");
    let broken = js_sys::JSON::parse(r#"{"id":"broken","outcome":"vanished"}"#).expect("json");
    transaction.object_store("deals").expect("store").put(&broken, None).expect("put");
    transaction.await.expect("commits");
    database.close();

    let reopened = IndexedDbStore::open(&name).await.expect("reopens");
    let snapshot = reopened.load().await.expect("loads");
    assert_eq!(snapshot.deals.len(), 1);
    assert_eq!(snapshot.report.unreadable.len(), 1);
    assert_eq!(snapshot.report.unreadable[0].0, "broken");
    reopened.close();

    let raw = factory.open(&name, None).expect("request").await.expect("opens raw");
    let transaction = raw.transaction(&["deals"], idb::TransactionMode::ReadOnly).expect("transaction");
    let kept = transaction
        .object_store("deals")
        .expect("store")
        .get(JsValue::from_str("broken"))
        .expect("get")
        .await
        .expect("reads");
    assert!(kept.is_some(), "the unreadable record must stay in storage");
    raw.close();
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_version_is_refused() {
    let name = database_name("newer");
    let factory = idb::Factory::new().expect("factory");
    let newer = factory.open(&name, Some(SCHEMA_VERSION + 1)).expect("request").await.expect("opens");
    newer.close();

    match IndexedDbStore::open(&name).await {
        Err(error) => assert_eq!(error, StoreError::NewerSchema { found: SCHEMA_VERSION + 1, known: SCHEMA_VERSION }),
        Ok(_) => panic!("a newer database must not be opened"),
    }
}

fn numbered(index: usize) -> Deal {
    Deal { id: DealId::new(format!("bulk-{index:05}")), ..deal("x", Outcome::Open, None) }
}

async fn raw_count(name: &str, store: &str) -> u32 {
    let factory = idb::Factory::new().expect("factory");
    let database = factory.open(name, None).expect("request").await.expect("opens raw");
    let transaction = database.transaction(&[store], idb::TransactionMode::ReadOnly).expect("transaction");
    let count = transaction.object_store(store).expect("store").count(None).expect("count").await.expect("counts");
    database.close();
    count
}

#[wasm_bindgen_test]
async fn bulk_deals_and_later_single_saves_merge_with_the_newest_copy_winning() {
    let name = database_name("bulk");
    let bulk: Vec<Deal> = (0..2_500).map(numbered).collect();
    let mut edited = bulk[1_234].clone();
    edited.outcome = Outcome::Lost;
    edited.reason = Some(ReasonId::new("lost-no-budget"));
    edited.updated_at += chrono::Duration::seconds(1);
    {
        let store = IndexedDbStore::open(&name).await.expect("opens");
        store.load().await.expect("loads");
        store.put_deals(&bulk).await.expect("writes in bulk");
        store.put_deal(&edited).await.expect("writes one");
        store.close();
    }
    assert_eq!(raw_count(&name, "deal_chunks").await, 2, "2,500 deals fill two chunks");
    let reopened = IndexedDbStore::open(&name).await.expect("reopens");
    let deals = reopened.load().await.expect("loads").deals;
    assert_eq!(deals.len(), 2_500);
    assert_eq!(deals.iter().find(|d| d.id == edited.id), Some(&edited));
}

#[wasm_bindgen_test]
async fn many_single_saves_are_folded_into_chunks_without_losing_any() {
    let name = database_name("compact");
    let singles: Vec<Deal> = (0..1_000).map(numbered).collect();
    {
        let store = IndexedDbStore::open(&name).await.expect("opens");
        store.load().await.expect("loads");
        for deal in &singles {
            store.put_deal(deal).await.expect("writes");
        }
        assert_eq!(store.load().await.expect("loads and compacts").deals.len(), 1_000);
        store.close();
    }
    assert_eq!(raw_count(&name, "deals").await, 0);
    assert_eq!(raw_count(&name, "deal_chunks").await, 1);
    let reopened = IndexedDbStore::open(&name).await.expect("reopens");
    let mut deals = reopened.load().await.expect("loads").deals;
    deals.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(deals, singles);
}

#[wasm_bindgen_test]
async fn an_import_sized_commit_is_chunked_and_saved_with_its_catalog() {
    let name = database_name("bulk-commit");
    let imported: Vec<Deal> = (0..2_001).map(numbered).collect();
    let mut catalog = Catalog::standard();
    catalog.owners.add_or_find("Dana", winloss::domain::OwnerId::new("owner:dana")).expect("adds");
    {
        let store = IndexedDbStore::open(&name).await.expect("opens");
        store.load().await.expect("loads");
        store.commit(&Batch { deals: imported.clone(), deletions: Vec::new(), catalog: Some(catalog.clone()) }).await.expect("commits");
        store.close();
    }
    assert_eq!(raw_count(&name, "deals").await, 0, "no single records for an import");
    assert_eq!(raw_count(&name, "deal_chunks").await, 2);
    let snapshot = IndexedDbStore::open(&name).await.expect("reopens").load().await.expect("loads");
    assert_eq!(snapshot.deals.len(), 2_001);
    assert_eq!(snapshot.catalog, catalog);
}

#[wasm_bindgen_test]
async fn replacing_everything_leaves_no_older_copy_behind() {
    let name = database_name("replace");
    let newer = Deal { updated_at: deal("keep", Outcome::Open, None).updated_at + chrono::Duration::days(1), ..deal("keep", Outcome::Won, None) };
    let restored = vec![deal("keep", Outcome::Open, None), deal("new", Outcome::Lost, Some("lost-no-budget"))];
    let mut catalog = Catalog::standard();
    catalog.settings.require_reason = false;
    {
        let store = IndexedDbStore::open(&name).await.expect("opens");
        store.load().await.expect("loads");
        store.put_deals(&[numbered(1), newer.clone()]).await.expect("writes in bulk");
        store.put_deal(&numbered(2)).await.expect("writes one");
        store.replace_all(&restored, &catalog).await.expect("replaces");
        store.close();
    }
    let snapshot = IndexedDbStore::open(&name).await.expect("reopens").load().await.expect("loads");
    let mut deals = snapshot.deals;
    deals.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(deals, restored, "the backup's older copy of “keep” wins, the others are gone");
    assert_eq!(snapshot.catalog, catalog);
}

/// A database laid out as schema 1 (deals and meta) or 2 (plus chunks) left it.
async fn open_as_old_schema(name: &str, version: u32) -> idb::Database {
    let factory = idb::Factory::new().expect("factory");
    let mut request = factory.open(name, Some(version)).expect("request");
    request.on_upgrade_needed(move |event| {
        let database = idb::DatabaseEvent::database(&event).expect("database");
        let mut deals = idb::ObjectStoreParams::new();
        deals.key_path(Some(idb::KeyPath::new_single("id")));
        database.create_object_store("deals", deals).expect("deals store");
        database.create_object_store("meta", idb::ObjectStoreParams::new()).expect("meta store");
        if version >= 2 {
            let mut chunks = idb::ObjectStoreParams::new();
            chunks.auto_increment(true);
            database.create_object_store("deal_chunks", chunks).expect("chunks store");
        }
    });
    request.await.expect("opens at the old version")
}

#[wasm_bindgen_test]
async fn a_version_1_database_is_upgraded_in_place() {
    let name = database_name("v1");
    let version_1 = open_as_old_schema(&name, 1).await;
    let transaction = version_1.transaction(&["deals"], idb::TransactionMode::ReadWrite).expect("transaction");
    let record = js_sys::JSON::parse(
        r#"{"id":"v1-deal","name":"Written by version 1","account":"","amount":null,"owner":"",
            "created_on":"2026-10-01","close_date":null,"outcome":"open","reason":null,"notes":"",
            "updated_at":"2026-10-01T09:00:00Z"}"#,
    )
    .expect("json");
    transaction.object_store("deals").expect("store").put(&record, None).expect("put");
    transaction.await.expect("commits");
    version_1.close();

    let store = IndexedDbStore::open(&name).await.expect("opens and upgrades");
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    let snapshot = store.load().await.expect("loads");
    assert_eq!(snapshot.deals.len(), 1);
    assert_eq!(snapshot.deals[0].name, "Written by version 1");
    assert_eq!(snapshot.report.warning(), None);
}

#[wasm_bindgen_test]
async fn a_version_2_database_migrates_owners_and_its_reason_list() {
    let name = database_name("v2");
    let version_2 = open_as_old_schema(&name, 2).await;
    let mut renamed = Taxonomy::standard();
    renamed.reasons[0].label = "Price too high".into();
    let transaction = version_2.transaction(&["deals", "meta"], idb::TransactionMode::ReadWrite).expect("transaction");
    let record = js_sys::JSON::parse(
        r#"{"id":"v2-deal","name":"Acme","account":"","amount":null,"owner":"Dana",
            "created_on":"2026-10-01","close_date":"2026-11-01","outcome":"lost","reason":"lost-too-expensive","notes":"",
            "updated_at":"2026-11-01T09:00:00Z"}"#,
    )
    .expect("json");
    transaction.object_store("deals").expect("store").put(&record, None).expect("put");
    let taxonomy = js_sys::JSON::parse(&serde_json::to_string(&renamed).expect("json")).expect("parse");
    transaction.object_store("meta").expect("store").put(&taxonomy, Some(&JsValue::from_str("taxonomy"))).expect("put");
    transaction.await.expect("commits");
    version_2.close();

    let store = IndexedDbStore::open(&name).await.expect("opens and upgrades");
    let snapshot = store.load().await.expect("loads");
    assert_eq!(snapshot.catalog.taxonomy, renamed);
    let owner = snapshot.deals[0].owner.as_ref().and_then(|id| snapshot.catalog.owners.name_of(id));
    assert_eq!(owner, Some("Dana"));
    store.close();
    let reopened = IndexedDbStore::open(&name).await.expect("reopens");
    let again = reopened.load().await.expect("loads");
    assert_eq!((again.deals, again.catalog), (snapshot.deals, snapshot.catalog), "the migration was saved");
}
