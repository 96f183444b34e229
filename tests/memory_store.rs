//! The in-memory store behaves as the browser's: what is written reads back
//! identical, and a refused write changes nothing.

use chrono::{DateTime, NaiveDate};
use futures::executor::block_on;
use winloss::domain::{Currency, Deal, DealId, Money, Outcome, ReasonId, Taxonomy};
use winloss::storage::{MemoryStore, Store, StoreError, SCHEMA_VERSION};

fn deal(id: &str) -> Deal {
    Deal {
        id: DealId::new(id),
        name: "Globex pilot".into(),
        account: "Globex".into(),
        amount: Some(Money { minor: 450_000, currency: Currency::parse("USD").expect("valid code") }),
        owner: "Luis".into(),
        created_on: NaiveDate::from_ymd_opt(2026, 10, 1).expect("valid date"),
        close_date: NaiveDate::from_ymd_opt(2026, 11, 15),
        outcome: Outcome::Lost,
        reason: Some(ReasonId::new("lost-too-expensive")),
        notes: "They went with the cheaper option — “price was everything”.".into(),
        updated_at: DateTime::from_timestamp_millis(1_763_200_000_123).expect("valid time"),
    }
}

#[test]
fn a_new_store_starts_with_the_standard_reasons_and_records_its_schema() {
    let store = MemoryStore::new();
    assert_eq!(store.schema_version(), 0);
    let snapshot = block_on(store.load()).expect("loads");
    assert!(snapshot.deals.is_empty());
    assert_eq!(snapshot.taxonomy, Taxonomy::standard());
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
