//! The in-memory store behaves as the browser's: what is written reads back
//! identical, and a refused write changes nothing.

use chrono::{DateTime, NaiveDate};
use futures::executor::block_on;
use winloss::domain::{Catalog, Currency, Deal, DealId, Money, Outcome, ReasonId};
use winloss::storage::{Batch, MemoryStore, Store, StoreError, Tombstone, SCHEMA_VERSION};

fn deal(id: &str) -> Deal {
    let created = NaiveDate::from_ymd_opt(2026, 10, 1).expect("valid date");
    let updated = DateTime::from_timestamp_millis(1_763_200_000_123).expect("valid time");
    Deal {
        account: "Globex".into(),
        amount: Some(Money { minor: 450_000, currency: Currency::parse("USD").expect("valid code") }),
        close_date: NaiveDate::from_ymd_opt(2026, 11, 15),
        outcome: Outcome::Lost,
        reason: Some(ReasonId::new("lost-too-expensive")),
        notes: "They went with the cheaper option — “price was everything”.".into(),
        ..Deal::new_open(DealId::new(id), "Globex pilot", created, updated)
    }
}

#[test]
fn a_new_store_starts_with_the_standard_catalog_and_records_its_schema() {
    let store = MemoryStore::new();
    assert_eq!(store.schema_version(), 0);
    let snapshot = block_on(store.load()).expect("loads");
    assert!(snapshot.deals.is_empty());
    assert_eq!(snapshot.catalog, Catalog::standard());
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
}

#[test]
fn deals_round_trip_exactly() {
    let store = MemoryStore::new();
    let original = deal("d1");
    block_on(store.put_deal(&original)).expect("writes");
    let snapshot = block_on(store.load()).expect("loads");
    assert_eq!(snapshot.deals, vec![original]);
    assert_eq!(snapshot.report.warning(), None);
}

#[test]
fn putting_a_deal_again_replaces_it() {
    let store = MemoryStore::new();
    let mut changed = deal("d1");
    block_on(store.put_deal(&changed)).expect("writes");
    changed.name = "Globex pilot, phase 2".into();
    block_on(store.put_deal(&changed)).expect("writes");
    let snapshot = block_on(store.load()).expect("loads");
    assert_eq!(snapshot.deals, vec![changed]);
}

#[test]
fn a_refused_write_reports_an_error_and_keeps_the_previous_data() {
    let store = MemoryStore::new();
    let original = deal("d1");
    block_on(store.put_deal(&original)).expect("writes");
    store.refuse_writes(true);
    let mut changed = original.clone();
    changed.outcome = Outcome::Won;
    let result = block_on(store.put_deal(&changed));
    assert!(matches!(result, Err(StoreError::QuotaExceeded(_))));
    store.refuse_writes(false);
    assert_eq!(block_on(store.load()).expect("loads").deals, vec![original]);
}

#[test]
fn a_damaged_record_is_reported_and_left_in_place() {
    let store = MemoryStore::new();
    let garbage = serde_json::json!({"id": "broken", "outcome": 42});
    store.insert_raw_deal("broken", garbage.clone());
    block_on(store.put_deal(&deal("d1"))).expect("writes");
    let snapshot = block_on(store.load()).expect("loads");
    assert_eq!(snapshot.deals.len(), 1);
    assert_eq!(snapshot.report.unreadable.len(), 1);
    assert_eq!(store.raw_deal("broken"), Some(garbage));
}

#[test]
fn a_store_from_a_newer_version_is_refused_untouched() {
    let store = MemoryStore::new();
    let newer = SCHEMA_VERSION + 1;
    store.set_stored_version(newer);
    assert_eq!(
        block_on(store.load()),
        Err(StoreError::NewerSchema { found: newer, known: SCHEMA_VERSION })
    );
    assert_eq!(store.schema_version(), newer);
}

#[test]
fn many_deals_are_written_at_once_or_not_at_all() {
    let store = MemoryStore::new();
    let many: Vec<Deal> = (0..50).map(|i| deal(&format!("d{i:02}"))).collect();
    store.refuse_writes(true);
    assert!(block_on(store.put_deals(&many)).is_err());
    store.refuse_writes(false);
    assert!(block_on(store.load()).expect("loads").deals.is_empty());
    block_on(store.put_deals(&many)).expect("writes");
    assert_eq!(block_on(store.load()).expect("loads").deals, many);
}

#[test]
fn a_deleted_deal_stays_deleted_until_it_is_saved_again() {
    let store = MemoryStore::new();
    let original = deal("d1");
    block_on(store.put_deals(std::slice::from_ref(&original))).expect("writes");
    let later = original.updated_at + chrono::Duration::seconds(5);
    let deletion = Batch { deletions: vec![Tombstone::new(original.id.clone(), later)], ..Batch::default() };
    block_on(store.commit(&deletion)).expect("deletes");
    assert!(block_on(store.load()).expect("loads").deals.is_empty());

    let restored = Deal { updated_at: later + chrono::Duration::seconds(1), ..original };
    block_on(store.put_deal(&restored)).expect("restores");
    assert_eq!(block_on(store.load()).expect("loads").deals, vec![restored]);
}

#[test]
fn a_catalog_change_and_its_deals_are_saved_together_or_not_at_all() {
    let store = MemoryStore::new();
    block_on(store.load()).expect("loads");
    let mut catalog = Catalog::standard();
    catalog.settings.require_reason = false;
    let batch = Batch { deals: vec![deal("d1")], catalog: Some(catalog.clone()), ..Batch::default() };
    store.refuse_writes(true);
    assert!(block_on(store.commit(&batch)).is_err());
    store.refuse_writes(false);
    let unchanged = block_on(store.load()).expect("loads");
    assert!(unchanged.deals.is_empty());
    assert_eq!(unchanged.catalog, Catalog::standard());
    block_on(store.commit(&batch)).expect("writes");
    let changed = block_on(store.load()).expect("loads");
    assert_eq!(changed.catalog, catalog);
    assert_eq!(changed.deals.len(), 1);
}

#[test]
fn data_written_by_schema_2_loads_in_this_one() {
    let store = MemoryStore::new();
    store.set_stored_version(2);
    store.insert_raw_meta("taxonomy", serde_json::to_value(winloss::domain::Taxonomy::standard()).expect("json"));
    store.insert_raw_deal(
        "a",
        serde_json::json!({"id":"a","name":"Acme renewal","account":"Acme Corp",
            "amount":{"minor":1200000,"currency":"USD"},"owner":"Dana","created_on":"2026-11-02",
            "close_date":"2026-12-01","outcome":"lost","reason":"lost-too-expensive","notes":"",
            "updated_at":"2026-12-01T10:00:00Z"}),
    );
    let snapshot = block_on(store.load()).expect("loads");
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    let owner = snapshot.deals[0].owner.as_ref().and_then(|id| snapshot.catalog.owners.name_of(id));
    assert_eq!(owner, Some("Dana"));
    let migrated = store.raw_deal("a").expect("still stored");
    assert!(migrated.get("owner_id").is_some(), "the record was rewritten in the new form: {migrated}");
}

#[test]
fn replacing_everything_keeps_only_the_given_deals_and_catalog_or_nothing_on_failure() {
    let store = MemoryStore::new();
    block_on(store.load()).expect("loads");
    let older = deal("a");
    let newer = Deal { updated_at: older.updated_at + chrono::Duration::days(1), ..deal("a") };
    block_on(store.put_deals(&[newer, deal("b")])).expect("writes");
    let mut catalog = Catalog::standard();
    catalog.settings.require_reason = false;

    store.refuse_writes(true);
    assert!(block_on(store.replace_all(std::slice::from_ref(&older), &catalog)).is_err());
    store.refuse_writes(false);
    assert_eq!(block_on(store.load()).expect("loads").deals.len(), 2, "a failed restore changes nothing");

    block_on(store.replace_all(std::slice::from_ref(&older), &catalog)).expect("replaces");
    let snapshot = block_on(store.load()).expect("loads");
    assert_eq!(snapshot.deals, vec![older], "the restored copy stands even though it is older");
    assert_eq!(snapshot.catalog, catalog);
}
